import { describe, expect, it } from 'vitest';
import { BASELINES } from '../../src/model/backtest/baselines.ts';
import { backtestFromEes } from '../../src/model/backtest/from-ees.ts';
import { HAVE_REAL, REAL_EES_FILES } from './real-files.ts';

describe.skipIf(!HAVE_REAL)('backtest on the real EES files (origins 2017–2019)', () => {
  it('beats every naive baseline on MAPE at every horizon with 80% intervals covering 70–90%, in the JSON shape of cli.md', async () => {
    const r = await backtestFromEes({ files: REAL_EES_FILES, all: true, origins: [2017, 2018, 2019], horizon: 3 });
    expect(Object.keys(r)).toEqual(['origins', 'horizons', 'n_series']);
    expect(r.n_series).toBeGreaterThan(140);
    for (const h of ['1', '2', '3']) {
      const block = r.horizons[h]!;
      expect(Object.keys(block)).toEqual(['model', ...BASELINES]);
      for (const b of BASELINES) expect(block.model.mape).toBeLessThan(block[b].mape);
      expect(block.model.coverage80).toBeGreaterThanOrEqual(0.7);
      expect(block.model.coverage80).toBeLessThanOrEqual(0.9);
    }
  });
});
