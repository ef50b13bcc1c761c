/**
 * Ranges from a short release (the 2025 layout alone starts in January 2019): an LA's year-to-year variance from two
 * or three growths is moderated towards the batch's (in its range and in how far its growth is pooled), and one past
 * origin's errors may widen a range, never narrow it. Before, at origin 2021 of those files, one origin's errors set the scale to 0.81 and LAs whose few growths
 * happened to agree got near-zero ranges: the 80% ranges held 0.65 of outcomes.
 */
import { describe, expect, it } from 'vitest';
import { emptyDataset, type LaDataset } from '../../src/model/dataset.ts';
import { calibrationScales } from '../../src/model/forecast/calibrate.ts';
import { centralForecasts } from '../../src/model/forecast/central.ts';
import { residualModerator } from '../../src/model/trend.ts';
import type { Batch } from '../../src/model/forecast/pool.ts';

/** 20 LAs with stocks from January 2019 only, growing 8–12% a year with a wobble; `calm` grows exactly 10%. */
function shortBatch(): Batch {
  const datasets: LaDataset[] = [];
  for (let i = 0; i < 20; i++) {
    const d = emptyDataset({ oldCode: String(800 + i), newCode: `E0600${String(i).padStart(4, '0')}`, name: i === 0 ? 'Calm' : `LA ${i}` });
    d.regionCode = 'E12000004';
    let s = 1000 + 100 * i;
    for (let y = 2019; y <= 2022; y++) {
      d.stockTotal[y] = Math.round(s);
      s *= i === 0 ? 1.1 : 1.08 + 0.04 * (((i * 7 + y * 3) % 5) / 4);
    }
    datasets.push(d);
  }
  const national = emptyDataset({ oldCode: '', newCode: 'E92000001', name: 'England' });
  for (let y = 2019; y <= 2022; y++) national.stockTotal[y] = datasets.reduce((a, d) => a + d.stockTotal[y]!, 0);
  return { datasets, national, regions: [] };
}

describe('ranges from a short history', () => {
  it("moderate an LA's year-to-year variance towards the batch's median", () => {
    const moderate = residualModerator([{ summary: { residual: 0.01, years: 5 } }, { summary: { residual: 0.03, years: 5 } }], 2);
    expect(moderate({ residual: 0, years: 3 })).toBeCloseTo(0.01, 12); // (2·0 + 2·0.02) / 4
    expect(moderate({ residual: 0.02, years: 5 })).toBeCloseTo(0.02, 12);
    expect(moderate({ residual: 0.0025, years: 1 })).toBe(0.0025);
    // a small LA's own count noise joins the prior: (2·0 + 2·(0.02 + 0.02)) / 4
    expect(moderate({ residual: 0, years: 3 }, 0.02)).toBeCloseTo(0.02, 12);
  });

  it('give an LA whose few growths agree a range of the batch’s year-to-year noise, not close to none', () => {
    const fs = centralForecasts(shortBatch(), 2022, 1).forecasts;
    const calm = fs.find((f) => f.ds.la.name === 'Calm')!;
    const others = fs.filter((f) => f !== calm).map((f) => f.sigma[0]!);
    expect(others.length).toBe(19);
    // its own three growths are equal: without the batch's noise its sd would be the trend's alone (about 0.0002)
    expect(calm.sigma[0]).toBeGreaterThan(0.5 * Math.min(...others));
  });

  it('pool the growth of an LA whose few growths agree as any other LA’s, not take it as precise', () => {
    // the same moderated variance sets its pooling and trend se (pool.ts): before, its three equal growths kept 0.96
    // of its own growth, the others at most 0.004 (test/model/forecast-history-length.test.ts: on the real files)
    const fs = centralForecasts(shortBatch(), 2022, 10).forecasts;
    const calm = fs.find((f) => f.ds.la.name === 'Calm')!;
    const others = fs.filter((f) => f !== calm).map((f) => f.trend.ownWeight);
    expect(others.length).toBe(19);
    expect(calm.trend.ownWeight).toBeLessThanOrEqual(2 * Math.max(...others));
  });

  it("never narrow a range below the model's own sd on one past origin's errors", () => {
    // at base 2021 only origin 2020 (two stock years) gives errors, and the wobble makes them small
    for (const k of calibrationScales(shortBatch(), 2021, 3)) expect(k).toBeGreaterThanOrEqual(1);
  });
});
