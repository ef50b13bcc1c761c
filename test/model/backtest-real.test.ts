import { beforeAll, describe, expect, it } from 'vitest';
import { BASELINES } from '../../src/model/backtest/baselines.ts';
import { backtestOf } from '../../src/pipeline/forecast.ts';
import type { Batch } from '../../src/model/forecast/pool.ts';
import { HAVE_REAL, realEesDatasets } from './real-files.ts';

describe.skipIf(!HAVE_REAL)('backtest on the real EES files (needs the real files, test/real-data.ts)', () => {
  // the files are read once for both origin sets (backtestFromEes is datasetsFromEesFiles, then backtestOf), and
  // once for every test file that reads them (realEesDatasets)
  let batch: Batch;
  beforeAll(async () => {
    const ees = await realEesDatasets();
    batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
  }, 120_000);

  it.each([
    [[2017, 2018, 2019], 3],
    [[2020, 2021], 1],
  ])('from origins %j: beats every naive baseline at every horizon, 80% intervals cover 70–90% overall and in each size third', async (origins, horizon) => {
    const { result: r, bySize } = backtestOf(batch, origins, horizon);
    expect(Object.keys(r)).toEqual(['origins', 'horizons', 'n_series', 'left_out']);
    expect(r.n_series).toBeGreaterThan(140);
    for (const h of Object.keys(r.horizons)) {
      const block = r.horizons[h]!;
      for (const third of ['small', 'medium', 'large'] as const) {
        // as the backtest table reports it, to two decimals (about 50 LAs a third: one LA is 0.02)
        const c = Number(bySize.byHorizon[h]![third]!.toFixed(2));
        expect(c, `${h}y ${third}`).toBeGreaterThanOrEqual(0.7);
        expect(c, `${h}y ${third}`).toBeLessThanOrEqual(0.9);
      }
      expect(Object.keys(block)).toEqual(['model', ...BASELINES]);
      for (const b of BASELINES) expect(block.model.mape).toBeLessThan(block[b].mape);
      expect(block.model.coverage80).toBeGreaterThanOrEqual(0.7);
      expect(block.model.coverage80).toBeLessThanOrEqual(0.9);
    }
  }, 120_000);
});
