/**
 * A council's own folder (`init --la 886 --from` a release) gave Kent the release's central forecast but another 80%
 * range: January 2023 19,429–21,004 plans from the 2022 release's folder where the whole release gives 19,498–20,930,
 * and 19,474–21,009 against 19,560–20,917 from the 2025 layout's. The ranges' calibration scored the past forecasts
 * of the LAs in the files, the folder's one LA, so the range depended on what else the folder held. A batch that takes
 * the release's spreads from the shipped reference now takes its calibration too: `forecast` of the folder writes the
 * release's rows, says so in its note, and `run` says what its ranges were calibrated on. Real files (test/real-data.ts;
 * about 3 s).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { forecastFromEes } from '../../src/pipeline/forecast.ts';
import { runTotals } from '../../src/pipeline/totals.ts';
import { scenarioTotalsNotes } from '../../src/pipeline/totals-notes.ts';
import { prefillFromRelease } from '../../src/scaffold/prefill.ts';
import { HAVE_REAL_DATA, REAL_DATA } from '../real-data.ts';
import { tempDir } from '../temp.ts';

const csvs = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => join(dir, f));

/** Kent's folder of a release, as `init --la 886 --from` writes its data/: the published files among them. */
async function kentFolder(release: string[]): Promise<string[]> {
  const dir = join(tempDir('hn-one-la-range-'), 'data');
  mkdirSync(dir);
  const { files } = await prefillFromRelease(release, '886');
  for (const f of files) writeFileSync(join(dir, f.name), f.content);
  return csvs(dir);
}

describe.skipIf(!HAVE_REAL_DATA)("Kent's own folder gives the release's 80% range (real files)", () => {
  // the 2025 layout (series from 2019) is quick to forecast whole; the 2022 release's Kent, Rutland and City of London
  // are compared in test/model/one-la-batch.test.ts
  it("from the 2025 layout: the same rows as the whole release, and a note that the range's calibration is the release's", async () => {
    const release = csvs(join(REAL_DATA, 'ees-ehcp-2025-to-2022', 'data'));
    const opts = { las: ['886'], baseYear: 2022, horizon: 3, draws: 1000, seed: 1, cacheDir: tempDir('hn-one-la-range-cache-') };
    const whole = await forecastFromEes({ ...opts, files: release });
    const own = await forecastFromEes({ ...opts, files: await kentFolder(release) });
    expect(own.rows).toEqual(whole.rows);
    expect(own.notes).toContain(
      "The files hold 1 LA to forecast from January 2022, too few for its own past forecasts to show how wide an 80% range should be: the ranges take the scale of every LA's of the published release (its past forecasts of 151 LAs scored against what followed; series from 2019; reference/batch-statistics.csv), as a forecast of the whole release does, so the LA's range is the release's.",
    );
    expect(whole.notes.join(' ')).not.toContain('reference/batch-statistics.csv');
    // the notes of how far ahead the ranges were scored are the release's
    const unscored = (notes: string[]) => notes.filter((n) => n.startsWith('Forecasts for January'));
    expect(unscored(own.notes)).toEqual(unscored(whole.notes));
  }, 60_000);

  it('run of the folder says its ranges were calibrated on the release’s LAs, from the shipped reference', async () => {
    const files = await kentFolder(csvs(join(REAL_DATA, 'ees-ehcp-2022', 'data')));
    const load = await loadIntoMemory(files);
    try {
      const ds = await datasetFromWarehouse(load.warehouse, { la: '886' });
      const totals = await runTotals(load.warehouse, ds, 2022, 3, files);
      expect(totals.constraint.description).toMatch(/80% ranges calibrated on past forecasts of 1\d\d LAs of the published release \(to January 2022; reference\/batch-statistics\.csv\)/);
      expect(totals.scored).toBe(3);
      // said where the run's figures have ranges, as forecast says it; not of a run without draws
      const said = (ranged: boolean) => scenarioTotalsNotes(totals, 3, ranged).filter((n) => n.includes('too few for its own past forecasts'));
      expect(said(true)).toEqual([expect.stringContaining("so the LA's range is the release's")]);
      expect(said(false)).toEqual([]);
    } finally {
      load.warehouse.close();
    }
  }, 60_000);
});
