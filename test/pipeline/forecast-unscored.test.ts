/**
 * A forecast further ahead than its ranges were ever scored says so. The calibration scores past forecasts at most as
 * many years ahead as it has past origins (three, or fewer where the files start late); later years carry that scale
 * and the LA's recent growth undamped, and nothing said it: Cheshire East from the 2025 layout alone got 2032 as
 * 10,849–18,498 plans (P50 ×4.2 in ten years) beside a 2023 range whose scale had been checked. With draws (the range
 * does not depend on how many); `--draws 0` writes no range and its note speaks of the central path alone
 * (test/cli/forecast-draws-zero.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibration } from '../../src/model/forecast/calibrate.ts';
import type { Batch } from '../../src/model/forecast/pool.ts';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { loadReferenceStatistics } from '../../src/etl/reference.ts';
import { forecastFromEes } from '../../src/pipeline/forecast.ts';
import { tempDir } from '../temp.ts';

const SAMPLE = 'data-samples/sen2_age_caseload.csv';

describe('forecast years no past forecast was scored that far ahead', () => {
  it('are named in a note, with how far ahead the ranges were scored; years within it get none', async () => {
    const ees = await datasetsFromEesFiles([SAMPLE], { maxCensusYear: 2022 });
    // one LA: its ranges take a whole release's calibration from the shipped reference, as forecast's do
    const batch: Batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions, statistics: await loadReferenceStatistics() };
    const { k, scored } = calibration(batch, 2022, 10);
    expect(scored).toBeGreaterThan(0);
    expect(scored).toBeLessThan(10);
    // the years after it take the scale of the last year scored
    for (let h = scored; h < 10; h++) expect(k[h]).toBe(k[scored - 1]);

    const far = await forecastFromEes({ files: [SAMPLE], las: ['999'], baseYear: 2022, horizon: 10, draws: 1000, seed: 1 });
    const note = far.notes.filter((n) => n.startsWith('Forecasts for January'));
    expect(note).toEqual([expect.stringContaining(`Forecasts for January ${2022 + scored + 1}–2032: the ranges were calibrated on past forecasts scored at most ${scored} year`)]);
    expect(note[0]).toMatch(/carried on undamped/);

    const near = await forecastFromEes({ files: [SAMPLE], las: ['999'], baseYear: 2022, horizon: scored, draws: 1000, seed: 1 });
    expect(near.notes.filter((n) => n.startsWith('Forecasts for January'))).toEqual([]);
  });

  it('says when no range could be calibrated at all (files that start at the base year’s growth, at a January no reference holds)', async () => {
    // one January after the sample's first, no past origin has a growth to forecast from; the sample's Januaries ten
    // years earlier (2005–2012), so that the shipped reference (from January 2012) holds no release's calibration either
    const dir = tempDir('hn-unscored-');
    const shifted = join(dir, 'sen2_age_caseload.csv');
    writeFileSync(shifted, readFileSync(SAMPLE, 'utf8').replace(/^(\d{4}),/gm, (_, y: string) => `${Number(y) - 10},`));
    const ees = await datasetsFromEesFiles([shifted]);
    const first = Math.min(...Object.keys(ees.datasets.find((d) => d.la.oldCode === '999')!.stockTotal).map(Number));
    expect(first).toBe(2005);
    const base = first + 1;
    const r = await forecastFromEes({ files: [shifted], las: ['999'], baseYear: base, horizon: 2, draws: 1000, seed: 1, cacheDir: tempDir('hn-unscored-cache-') });
    expect(r.notes.filter((n) => n.startsWith('Forecasts for January'))).toEqual([
      expect.stringContaining(`Forecasts for January ${base + 1}–${base + 2}: no past forecast in the files could be scored against outcomes`),
    ]);
    // at the sample's own first growth (January 2016) the release's calibration of that January is taken: scored
    const own = await forecastFromEes({ files: [SAMPLE], las: ['999'], baseYear: 2016, horizon: 2, draws: 1000, seed: 1 });
    expect(own.notes.filter((n) => n.startsWith('Forecasts for January'))).toEqual([]);
    expect(own.notes.join(' ')).toContain("the ranges take the scale of every LA's of the published release");
  });
});
