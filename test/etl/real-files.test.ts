import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPaths } from '../../src/etl/load.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { hasRealData, realData, tempDir, TODAY } from './helpers.ts';

describe.skipIf(!hasRealData)('the real published files', () => {
  it('the whole folder validates (documentation, release zip and all); published totals read back via SQL', async () => {
    const { files, skipped } = await validatePaths([realData], { today: TODAY });
    for (const f of files) expect({ path: f.path, reader: f.reader !== null, errors: f.errors }).toEqual({ path: f.path, reader: true, errors: [] });
    const zip = join(realData, 'ees-ehcp-2022/education-health-and-care-plans_2022.zip');
    const data = files.filter((f) => /\.csv$/i.test(f.path) && !f.path.includes('.zip!'));
    expect(data.length).toBe(12);
    // the entries identical to the extracted copies are skipped, as load skips them (below), not checked twice
    expect(files.filter((f) => f.path.startsWith(`${zip}!`)).map((f) => [f.path.slice(zip.length + 1), f.reader])).toEqual([
      ['data-guidance/data-guidance.txt', 'documentation'],
      ['data/sen2_estab_new_plans.csv', 'ees-2022-estab-new-plans'],
      ['data/sen2_wbp_residential_dmo.csv', 'ees-2022-wbp-residential'],
    ]);
    const sameContent = skipped.map((s) => s.path.slice(zip.length + 1));
    expect(sameContent).toEqual(['data/sen2_age_caseload.csv', 'data/sen2_age_new_plans.csv', 'data/sen2_estab_caseload.csv', 'data/sen2_mi.csv']);
    // the 2025 layout's placement leaves add up wherever they are published: no warning on any row (newplans.csv
    // had 303, from "educated elsewhere" leaves published as x under a published subtotal)
    for (const f of files.filter((x) => x.path.includes('ees-ehcp-2025-to-2022') && x.path.endsWith('.csv'))) expect({ path: f.path, warnings: f.warnings }).toEqual({ path: f.path, warnings: [] });
    const docs = files.filter((f) => f.reader === 'documentation');
    expect(docs.length).toBe(8);
    for (const f of docs) expect(f).toMatchObject({ rows: 0, errors: [], warnings: [{ message: expect.stringMatching(/not data/) }] });

    const whPath = join(tempDir(), 'real.duckdb');
    const out = await loadPaths([realData], { warehouse: whPath, today: TODAY });
    // 12 extracted CSVs + the two zip entries that have no extracted copy
    expect(out.loaded.length).toBe(14);
    expect(out.loaded.filter((l) => l.path.startsWith(`${zip}!`)).map((l) => l.reader)).toEqual(['ees-2022-estab-new-plans', 'ees-2022-wbp-residential']);
    // the four zip entries identical to the extracted copies are skipped by content hash
    const dup = out.skipped.filter((s) => /same content as/.test(s.reason)).map((s) => s.path.slice(zip.length + 1));
    expect(dup).toEqual(sameContent);
    expect(out.skipped.filter((s) => /documentation/.test(s.reason)).length).toBe(8);
    const again = await loadPaths([realData], { warehouse: whPath, today: TODAY });
    expect(again.loaded).toEqual([]);
    expect(again.skipped.length).toBe(files.length + skipped.length);
    const wh = await Warehouse.open(whPath);
    const total = async (year: number, source: string) =>
      (await wh.query<{ n: number }>(
        `SELECT sum(count) AS n FROM stock WHERE geographic_level = 'National' AND census_year = ${year} AND source = '${source}' AND measure = 'plans' AND need = 'ALL' AND placement = 'ALL' AND age_from = 0 AND age_to = 25`,
      ))[0]!.n;
    expect(await total(2022, 'ees-2022')).toBe(473_255);
    expect(await total(2019, 'ees-2025')).toBe(353_995);
    // placement leaves of the 2025 layout sum to ehcplans
    const leaves = await wh.query<{ n: number }>(
      `SELECT sum(count) AS n FROM stock WHERE geographic_level = 'National' AND census_year = 2022 AND source = 'ees-2025' AND measure = 'plans' AND placement <> 'ALL'`,
    );
    expect(leaves[0]!.n).toBe(473_255);
    const pop = await wh.query<{ n: number }>(`SELECT sum(count) AS n FROM population WHERE area_code = 'E92000001' AND year = 2020`);
    expect(pop[0]!.n).toBeGreaterThan(56_000_000);
    // new plans by placement (sen2_estab_new_plans.csv inside the zip) sum to the establishment file's Total: 62,180 in 2021
    const newPlans = await wh.query<{ n: number }>(
      `SELECT sum(count) AS n FROM flow WHERE geographic_level = 'National' AND flow_year = 2021 AND measure = 'new_plans' AND source = 'ees-2022' AND placement <> 'ALL'`,
    );
    expect(newPlans[0]!.n).toBe(62_180);
    const paths = await wh.query<{ path: string }>(`SELECT path FROM loaded_file WHERE path LIKE '%.zip!%' ORDER BY path`);
    expect(paths.map((p) => p.path)).toEqual([`${zip}!data/sen2_estab_new_plans.csv`, `${zip}!data/sen2_wbp_residential_dmo.csv`]);
    wh.close();
  });
});
