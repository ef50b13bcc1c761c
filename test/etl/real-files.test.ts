import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPaths } from '../../src/etl/load.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { hasRealData, realData, tempDir, TODAY } from './helpers.ts';

describe.skipIf(!hasRealData)('the real published files', () => {
  it('every data file validates and loads; published totals read back via SQL', async () => {
    const { files } = await validatePaths([realData], { today: TODAY });
    const data = files.filter((f) => /\.csv$/i.test(f.path));
    expect(data.length).toBe(12);
    for (const f of data) expect({ path: f.path, reader: f.reader !== null, errors: f.errors }).toEqual({ path: f.path, reader: true, errors: [] });
    const whPath = join(tempDir(), 'real.duckdb');
    const out = await loadPaths(data.map((f) => f.path), { warehouse: whPath, today: TODAY });
    expect(out.loaded.length).toBe(12);
    const wh = await Warehouse.open(whPath);
    const total = async (year: number, source: string) =>
      (await wh.query<{ n: number }>(
        `SELECT sum(count) AS n FROM stock WHERE geographic_level = 'National' AND census_year = ${year} AND source = '${source}' AND need = 'ALL' AND placement = 'ALL' AND age_from = 0 AND age_to = 25`,
      ))[0]!.n;
    expect(await total(2022, 'ees-2022')).toBe(473_255);
    expect(await total(2019, 'ees-2025')).toBe(353_995);
    // placement leaves of the 2025 layout sum to ehcplans
    const leaves = await wh.query<{ n: number }>(
      `SELECT sum(count) AS n FROM stock WHERE geographic_level = 'National' AND census_year = 2022 AND source = 'ees-2025' AND placement <> 'ALL'`,
    );
    expect(leaves[0]!.n).toBe(473_255);
    const pop = await wh.query<{ n: number }>(`SELECT sum(count) AS n FROM population WHERE area_code = 'E92000001' AND year = 2020`);
    expect(pop[0]!.n).toBeGreaterThan(56_000_000);
    wh.close();
  });
});
