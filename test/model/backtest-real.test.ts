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
  ])('from origins %j: beats every naive baseline at every horizon, 80% intervals cover 70–90% overall, in each size third and in each band of plans at the origin (< 1,000, 1,000–3,000, 3,000–6,000, ≥ 6,000) scored on 20 forecasts or more', async (origins, horizon) => {
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
      // and in each fixed band of plans at the origin scored on 20 forecasts or more (a guard, not a snapshot: a
      // calibration pooled over sizes that left small LAs' ranges too narrow, or large LAs' too wide, fails it)
      for (const band of bySize.bands) {
        const s = band.byHorizon[h]!;
        if (s.forecasts < 20) continue;
        const c = Number(s.coverage80!.toFixed(2));
        expect(c, `${h}y, ${band.from}–${band.to ?? ''} plans`).toBeGreaterThanOrEqual(0.7);
        expect(c, `${h}y, ${band.from}–${band.to ?? ''} plans`).toBeLessThanOrEqual(0.9);
      }
      expect(bySize.bands.map((b) => b.byHorizon[h]!.forecasts).reduce((a, b) => a + b, 0)).toBe(block.model.forecasts);
      expect(Object.keys(block)).toEqual(['model', ...BASELINES]);
      for (const b of BASELINES) expect(block.model.mape).toBeLessThan(block[b].mape);
      expect(block.model.coverage80).toBeGreaterThanOrEqual(0.7);
      expect(block.model.coverage80).toBeLessThanOrEqual(0.9);
    }
  }, 120_000);
});
