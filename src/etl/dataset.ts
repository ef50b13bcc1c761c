/**
 * One LA's LaDataset from the warehouse (the model's input; the model never reads the database).
 *
 *   la / stock / flow ──▶ addAggregates (published series, newest release per cell)
 *   plan / request / establishment ──▶ addPersonLevel (SEN2 cubes, linked moves; person-level years override)
 *   population ──▶ addPopulation (census Y ← mid-year Y−1, ages 0–25)
 */
import { canonicalNewCode, guessLa, isNewLaCode, reorganisationOf, type LaIdentity } from '../domain/index.ts';
import { usageError, inputError } from '../errors.ts';
import { emptyDataset, type LaDataset } from '../model/dataset.ts';
import { datasetChooseLa, datasetEmptyWarehouse, datasetUnknownLa } from '../messages/etl.ts';
import { laLeftOutNoOldCode, laWithoutOldCodeMark } from '../messages/releases.ts';
import { addAggregates, noteEndsEarlyInWarehouse } from './persons/dataset-aggregate.ts';
import { addPersonLevel } from './persons/dataset-persons.ts';
import { addPopulation } from './persons/dataset-population.ts';
import { toSqlSource, type SqlSource } from './persons/sql-source.ts';

export interface LaListing extends LaIdentity {
  regionCode?: string;
  regionName?: string;
}

/**
 * Every LA with data in the warehouse (published LA-level rows or SEN2 returns), by DfE code.
 * @example await listLas(warehouse) // [{ oldCode: '925', newCode: 'E10000019', name: 'Lincolnshire' }, …]
 */
export async function listLas(wh: unknown): Promise<LaListing[]> {
  return (await listFrom(toSqlSource(wh))).map(({ codes: _, ...l }) => l);
}

/** An LA as listed, with every ONS code its rows use (a code change: North Yorkshire E10000023, then E06000065). */
interface Listed extends LaListing {
  codes: string[];
}

/**
 * The LAs of the warehouse. An LA's ONS code and name are those of its latest January in the published stock (then
 * the newest file's), not whichever LA row came first: a release that spans a code change (North Yorkshire,
 * Somerset, Buckinghamshire from 2023/24) gives the LA both codes in one file.
 */
async function listFrom(sql: SqlSource): Promise<Listed[]> {
  const rows = await sql.all(
    `WITH codes AS (
       SELECT DISTINCT old_la_code AS c FROM stock WHERE geographic_level = 'Local authority'
       UNION SELECT DISTINCT old_la_code FROM flow WHERE geographic_level = 'Local authority'
       UNION SELECT DISTINCT la_code FROM plan
       UNION SELECT DISTINCT old_la_code FROM la WHERE old_la_code IS NOT NULL AND old_la_code <> 'ALL'),
     latest AS (SELECT old_la_code, arg_max(new_la_code, census_year::BIGINT * 1000000000 + file_id) AS new_la_code FROM stock
                 WHERE geographic_level = 'Local authority' GROUP BY old_la_code),
     named AS (SELECT la.old_la_code, la.new_la_code, la.la_name, la.region_code, la.region_name, la.file_id,
                      (la.new_la_code IS NOT DISTINCT FROM latest.new_la_code) AS current
                 FROM la LEFT JOIN latest USING (old_la_code)),
     names AS (SELECT old_la_code, arg_max(new_la_code, (current::INT)::BIGINT * 1000000000 + file_id) AS new_la_code,
                      arg_max(la_name, (current::INT)::BIGINT * 1000000000 + file_id) AS la_name,
                      arg_max(region_code, (current::INT)::BIGINT * 1000000000 + file_id) AS region_code,
                      arg_max(region_name, (current::INT)::BIGINT * 1000000000 + file_id) AS region_name,
                      list(DISTINCT new_la_code) AS codes
                 FROM named GROUP BY old_la_code)
     SELECT codes.c AS old, coalesce(latest.new_la_code, names.new_la_code) AS new, names.la_name AS name,
            names.region_code AS rc, names.region_name AS rn, names.codes AS codes
       FROM codes LEFT JOIN names ON names.old_la_code = codes.c LEFT JOIN latest ON latest.old_la_code = codes.c
      WHERE codes.c IS NOT NULL ORDER BY codes.c`,
  );
  return rows.map((r) => {
    const l: Listed = { oldCode: String(r.old), newCode: r.new ? String(r.new) : '', name: r.name ? String(r.name) : `LA ${String(r.old)}`, codes: [] };
    if (r.rc) l.regionCode = String(r.rc);
    if (r.rn) l.regionName = String(r.rn);
    const codes = Array.isArray(r.codes) ? r.codes.map(String) : [];
    l.codes = [...new Set([l.newCode, ...codes].filter((c) => c !== '').map((c) => c.toUpperCase()))];
    return l;
  });
}

/**
 * Builds one LA's dataset from the warehouse. `la` is a DfE code (925) or an ONS code (E10000019); it may be
 * left out when the warehouse holds a single LA. Accepts the Warehouse class or a DuckDBConnection.
 * @example const ds = await datasetFromWarehouse(warehouse, { la: '925' })
 */
export async function datasetFromWarehouse(wh: unknown, opts: { la?: string } = {}): Promise<LaDataset> {
  const sql = toSqlSource(wh);
  const las = await listFrom(sql);
  if (las.length === 0) throw inputError(datasetEmptyWarehouse());
  let la: Listed | undefined;
  if (opts.la === undefined) {
    if (las.length > 1) throw usageError(datasetChooseLa(las, (a, b) => reorganisationOf(a) !== undefined && reorganisationOf(a) === reorganisationOf(b)));
    la = las[0];
  } else {
    const want = opts.la.trim().toUpperCase();
    // an ONS code matches any the LA's rows use, and the other codes of a council whose code changed
    la = las.find((l) => (isNewLaCode(want) ? l.codes.some((c) => c === want || canonicalNewCode(c) === canonicalNewCode(want)) : l.oldCode === want));
    if (!la) {
      // an LA the load left out, for want of an old_la_code, is named so, not guessed to be another LA
      const [left] = isNewLaCode(want)
        ? await sql.all(`SELECT path, message FROM dq_note WHERE column_name = 'old_la_code' AND contains(message, $1) LIMIT 1`, [laWithoutOldCodeMark(want)])
        : [];
      if (left) throw usageError(laLeftOutNoOldCode(opts.la, String(left.message), String(left.path)));
      throw usageError(datasetUnknownLa(opts.la, las.map((l) => `${l.oldCode} (${l.name})`), guessLa(opts.la, las)));
    }
  }
  const { regionCode, regionName } = la!;
  const identity: LaIdentity = { oldCode: la!.oldCode, newCode: la!.newCode, name: la!.name };
  const ds = emptyDataset(identity);
  if (regionCode) ds.regionCode = regionCode;
  if (regionName) ds.regionName = regionName;
  await addAggregates(sql, ds, identity.oldCode);
  await addPersonLevel(sql, ds, identity.oldCode);
  await noteEndsEarlyInWarehouse(sql, ds);
  await addPopulation(sql, ds);
  ds.stockByAge.sort((a, b) => a.year - b.year || a.from - b.from || a.to - b.to);
  ds.newPlansByAge.sort((a, b) => a.year - b.year || a.from - b.from || a.to - b.to);
  ds.ceased.sort((a, b) => a.year - b.year || a.from - b.from || a.to - b.to || a.reason - b.reason);
  return ds;
}
