import { describe, expect, it } from 'vitest';
import { loadWithCache } from '../../src/etl/load-cache.ts';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';

describe('the sample through the warehouse into a dataset', () => {
  it('counts each request once however many SEN2 returns repeat it', async () => {
    // through run's load cache (test/global-setup.mjs): the sample is read once per `npm test`; load-cache.test.ts
    // shows a load from the cache holds the same rows as a fresh one
    const m = await loadWithCache(['data-samples']);
    try {
      const ds = await datasetFromWarehouse(m.warehouse);
      // data-samples/README.md: requests 573 (2022), 695 (2023), 776 (2024) in the simulated LA. Later returns also
      // carry requests of persons who moved in, so the dataset may hold a few more, never each request twice.
      const published: Record<number, number> = { 2022: 573, 2023: 695, 2024: 776 };
      for (const [y, n] of Object.entries(published)) {
        expect(ds.requests[Number(y)]).toBeGreaterThanOrEqual(n);
        expect(ds.requests[Number(y)]).toBeLessThan(n * 1.1);
      }
      expect(ds.stockTotal[2025]).toBe(3007);
      expect(Object.keys(ds.stockCube).map(Number)).toEqual([2023, 2024, 2025]);
      expect(ds.linkedMoves.length).toBeGreaterThan(0);
    } finally {
      m.warehouse.close();
    }
  });
});
