/**
 * total.model said the ranges were "calibrated on past forecasts across 156 LAs" on the real 2022 release: the count
 * of every LA of the data, 5 of which have no past forecast scored against an outcome (a council that ended, one
 * whose series starts too late); the calibration scores 151. calibration() now counts the LAs it scored, and
 * total.model gives that count. Needs the real files (test/real-data.ts).
 */
import { describe, expect, it } from 'vitest';
import { calibration } from '../../src/model/forecast/calibrate.ts';
import { batchKnownAt, forecastTotals } from '../../src/model/forecast/totals.ts';
import type { Batch } from '../../src/model/forecast/pool.ts';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { HAVE_REAL, realEesDatasets } from './real-files.ts';

describe('the LAs the ranges are calibrated on', () => {
  it('are one on a batch of one LA (the sample)', async () => {
    const ees = await datasetsFromEesFiles(['data-samples/sen2_age_caseload.csv'], { maxCensusYear: 2022 });
    const batch: Batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
    expect(calibration(batch, 2022, 3).las).toBe(1);
    expect(forecastTotals(batch, 2022, 3).calibratedOn).toBe(1);
  });

  it.skipIf(!HAVE_REAL)('are those with a past forecast scored, fewer than every LA of the real releases', async () => {
    const ees = await realEesDatasets();
    const batch: Batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
    const { las } = calibration(batchKnownAt(batch, 2022), 2022, 3);
    expect(las).toBeGreaterThan(140);
    expect(las).toBeLessThan(batch.datasets.length);
  }, 120_000);
});
