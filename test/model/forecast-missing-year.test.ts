/**
 * A January missing from an LA's published stock inside the years its trend reads (a later release suppressing a
 * figure, a blank cell, a row left out of a re-saved copy) is bridged by the geometric mean of the years either side
 * and named in a note. Before, the trend's run of consecutive growths stopped at the gap: the LA's own growth was
 * measured on the years after it, or on one year and pooled towards its region, and its exit rate was England's; on a
 * later release with Kent's January 2024 suppressed, Kent's forecast one year ahead moved 2.3% (22,654 → 23,172)
 * without a word.
 */
import { describe, expect, it } from 'vitest';
import { emptyDataset, type LaDataset } from '../../src/model/dataset.ts';
import { bridgeGaps } from '../../src/model/estimate/outliers.ts';
import { centralForecasts } from '../../src/model/forecast/central.ts';
import { forecastBatch } from '../../src/model/forecast/forecast.ts';
import type { Batch } from '../../src/model/forecast/pool.ts';

/** 20 LAs, January 2017–2026, growing 6–12% a year with a wobble, 12% of the stock new each year; `Steady` grows 9%. */
function batch(drop?: number): Batch {
  const datasets: LaDataset[] = [];
  for (let i = 0; i < 20; i++) {
    const d = emptyDataset({ oldCode: String(800 + i), newCode: `E0600${String(i).padStart(4, '0')}`, name: i === 0 ? 'Steady' : `LA ${i}` });
    d.regionCode = i % 2 ? 'E12000004' : 'E12000005';
    let s = 800 + 150 * i;
    for (let y = 2017; y <= 2026; y++) {
      d.stockTotal[y] = s;
      if (y < 2026) d.newPlansTotal[y] = 0.12 * s;
      s *= i === 0 ? 1.09 : 1.06 + 0.06 * (((i * 7 + y * 3) % 5) / 4);
    }
    if (i === 0 && drop !== undefined) delete d.stockTotal[drop];
    datasets.push(d);
  }
  return { datasets, regions: [] };
}

describe('a January missing from an LA’s published stock', () => {
  it('is bridged by the geometric mean of its neighbours, inside the trend’s window only', () => {
    expect(bridgeGaps({ 2022: 100, 2024: 121, 2025: 133 }, 2025, 5)).toEqual({ series: { 2022: 100, 2023: 110, 2024: 121, 2025: 133 }, bridged: [{ year: 2023, value: 110 }] });
    // a published 0 is a figure; two missing years in a row, a gap before the window and the end itself are not bridged
    expect(bridgeGaps({ 2022: 100, 2023: 0, 2024: 121 }, 2024, 5).bridged).toEqual([]);
    expect(bridgeGaps({ 2020: 100, 2023: 121, 2024: 133 }, 2024, 5).bridged).toEqual([]);
    expect(bridgeGaps({ 2015: 80, 2017: 100, 2018: 110, 2019: 121, 2020: 133, 2021: 146 }, 2021, 5).bridged).toEqual([]);
    expect(bridgeGaps({ 2022: 100, 2023: 110 }, 2024, 5).bridged).toEqual([]);
  });

  it('leaves the forecast where the complete series puts it, and says so', () => {
    const whole = centralForecasts(batch(), 2026, 3).forecasts.find((f) => f.ds.la.name === 'Steady')!;
    const gap = centralForecasts(batch(2024), 2026, 3).forecasts.find((f) => f.ds.la.name === 'Steady')!;
    // Steady grows exactly 9% a year, so the bridged January is the published one would have been
    gap.central.forEach((c, h) => expect(c / whole.central[h]!, `horizon ${h + 1}`).toBeCloseTo(1, 9));
    gap.sigma.forEach((s, h) => expect(s / whole.sigma[h]!, `horizon ${h + 1}`).toBeCloseTo(1, 9));
    expect(gap.bridged).toEqual([2024]);
    expect(gap.notes.join('\n')).toMatch(/Steady: no plans published for January 2024 .* geometric mean of January 2023 and 2025/);
    expect(whole.bridged).toEqual([]);
  });

  it('forecast lists the bridged Januaries; a gap just before the base year still stops the LA', () => {
    const r = forecastBatch(batch(2023), { baseYear: 2026, horizon: 2, draws: 0, seed: 1 });
    expect(r.bridged).toEqual([{ la: 'Steady', year: 2023 }]);
    const late = forecastBatch(batch(2025), { baseYear: 2026, horizon: 2, draws: 0, seed: 1 });
    expect(late.bridged).toEqual([]);
    expect(late.skipped.find((s) => s.la_name === 'Steady')?.reason).toMatch(/too short/);
  });
});
