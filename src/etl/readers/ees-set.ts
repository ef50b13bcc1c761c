/**
 * The set-based load of an EES file: DuckDB reads the file (stage-csv.ts) and SQL checks and reshapes every row at
 * once, writing the same `la`, `stock` and `flow` rows, in the same order, and the same warnings (file, line,
 * column) as the row reader of ees-common.ts does one row at a time. In two steps, so that files are read side by
 * side (load-files.ts):
 *
 *   prepare: a staging database of the file's own (staging.ts), on a connection outside the load's transaction
 *     stage (hn_stage) ──▶ vocabularies: each DISTINCT geography, time period and label through the domain's own
 *                          functions (JS) into small tables ──▶ view hn_row (row + geography + year)
 *                      ──▶ any error? ──yes──▶ undefined: the row reader reads the file and names each error
 *                      ──▶ warnings SELECTed by line
 *   insert: at the file's turn, on the load's connection (inside its transaction)
 *                      ──▶ INSERT la / stock / flow … SELECT … FROM the staging database ORDER BY line
 *
 * Errors fail the whole load, so they are only detected here; their messages come from the row reader, which
 * has one for every quirk. Warnings (kept as data-quality notes) are written here.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { censusYearFromTimePeriod, isAcademicTimePeriod, isKnownTimeIdentifier, timePeriodContradicts } from '../../domain/index.ts';
import { checkHeader } from '../csv/read-table.ts';
import { createValueMacros } from '../csv/sql-values.ts';
import { STAGE, stageCsv, stagedColumn } from '../csv/stage-csv.ts';
import { DESCRIPTIVE_COLUMNS, unreadColumns } from '../duplicate-rows.ts';
import { sqlText } from '../sql-quote.ts';
import { isPercentColumn } from '../csv/values.ts';
import * as msg from '../../messages/releases.ts';
import { ProblemLog } from '../problem-log.ts';
import type { PrepareContext, PreparedLoad } from '../reader.ts';
import type { Staging } from '../staging.ts';
import { ALL } from '../schema.ts';
import type { EesFileDef, EesLayout, FirstRegion, YearKind } from './ees-common.ts';
import { col, type EesCell, type EesMap, type EesSetDef } from './ees-set-def.ts';
import { eesTableSpec, geoOf, MIN_YEAR, regionClash, successionNotes, SUCCESSION_CODES } from './ees-common.ts';

/**
 * Reads and checks an EES file set-based in a staging database of its own, or gives undefined (nothing left
 * staged) when the file is irregular or holds an error: then the row reader must read it.
 */
export async function prepareEesSet(def: EesFileDef & { set: EesSetDef }, path: string, ctx: PrepareContext): Promise<PreparedLoad | undefined> {
  // published statistics, no personal data: DuckDB may spill them to disk as usual
  const stage = await ctx.staging({ personal: false });
  if (!stage) return undefined;
  let prepared: PreparedLoad | undefined;
  try {
    prepared = await prepareOn(stage, def, path, ctx.today);
    return prepared;
  } finally {
    if (!prepared) await stage.close();
  }
}

async function prepareOn(stage: Staging, def: EesFileDef & { set: EesSetDef }, path: string, today: Date): Promise<PreparedLoad | undefined> {
  const db = stage.connection;
  const staged = await stageCsv(db, path);
  if (!staged) return undefined;
  const names = new Set(staged.header.names);
  const has = (c: string): boolean => names.has(c);
  const log = new ProblemLog(path);
  const spec = eesTableSpec(def);
  const known = new Set([...spec.required, ...(spec.optional ?? [])]);
  if (!checkHeader(staged.header, spec, known, log, 1)) return undefined;
  const source: EesLayout = def.layout(names);
  const set = def.set;
  // two chains of statements side by side, on two connections: the vocabularies and the warnings on the staging
  // connection, the figures' checks on another
  const [mapped, copies] = await bothSettled([
    (async () => {
      await createValueMacros(db);
      if (!(await mapGeography(db, stage.catalog, has)) || !(await mapTimePeriods(db, stage.catalog, has, def, today.getUTCFullYear() + 1))) return undefined;
      for (const m of set.maps ?? []) await mapVocabulary(db, stage.catalog, m, has);
      const on = await rowView(db, has);
      return { on, warnings: [...(await successionWarnings(db)), ...(await rowWarnings(db, set, has, mapJoins(set, has, '')))] };
    })(),
    (async () => {
      const other = await stage.fork();
      await createValueMacros(other);
      // any value that is neither a number of its kind nor a missing-value marker sends the file to the row reader
      // (which names it): each different value of a kind is checked once, not each cell (the real 2022 caseload
      // by establishment: about 56,000 different values in 411,744 cells). The test is an aggregate's FILTER: as a
      // WHERE over the DISTINCT, DuckDB pushed it below the DISTINCT and tested every cell (that file's check 52 ms
      // of CPU against 24 ms, one thread)
      const numbers = set.numbers(has);
      const kinds = (['count', 'percent'] as const)
        .map((k) => [k, numbers.filter((c) => (isPercentColumn(c) ? 'percent' : 'count') === k)] as const)
        .filter(([, cs]) => cs.length > 0);
      if (kinds.length > 0) {
        const values = kinds.map(([k, cs]) => `SELECT DISTINCT v, '${k}' AS k FROM (${cs.map((c) => `SELECT ${col(c, has)} AS v FROM ${STAGE} r`).join(' UNION ALL ')})`);
        const bad = await rowsOf<{ n: number }>(other, `SELECT (count(*) FILTER (WHERE NOT hn_num_ok(v, k)))::DOUBLE AS n FROM (${values.join(' UNION ALL ')})`);
        if (bad[0]!.n > 0) return undefined;
      }
      // undefined: a line repeating another's breakdown with other figures (the row reader names both)
      // a column the reader checks or takes as a figure is a figure, even one its spec only accepts
      const figures = new Set([...set.numbers(has), ...set.cells(has).map((c) => c.value)]);
      const unread = unreadColumns(staged.header.names, spec).filter((n) => !figures.has(n));
      return repeatedLines(other, staged.header.names, figures, unread, staged.rows);
    })(),
  ] as const);
  if (!mapped || !copies) return undefined;
  const { on, warnings } = mapped;
  warnings.sort((a, b) => a.line - b.line || a.seq - b.seq);
  for (const w of warnings) log.warn(w.message, w.line, w.column);
  set.finish?.(log);
  if (copies.first) log.warn(msg.eesDuplicateRowCopies(copies.first.line, copies.first.of, copies.count, copies.unreadDiffer), copies.first.line);
  const { errors, warnings: warned } = log.finish();

  // the load's connection names the staged tables through the staging database
  const q = `${stage.name}.main.`;
  return {
    report: { rows: staged.rows, errors, warnings: warned },
    async insert(wh: DuckDBConnection, fileId: number): Promise<void> {
      await createValueMacros(wh);
      // each LA once, as at its first line: from the geographies (each with its first line), not every row
      await wh.run(`INSERT INTO la (old_la_code, new_la_code, la_name, region_code, region_name, file_id)
        SELECT hn_old, hn_new, hn_name, hn_region_code, hn_region_name, ${fileId} FROM ${q}hn_geo
        QUALIFY row_number() OVER (PARTITION BY hn_level, hn_old, hn_new ORDER BY hn_first) = 1 ORDER BY hn_first`);
      // a line repeating an earlier one exactly is counted once (its warnings stand, as in the row reader)
      const fresh = copies.count > 0 ? `hn_line NOT IN (SELECT hn_line FROM ${q}hn_copy)` : undefined;
      await insertCells(wh, set.cells(has), has, `(${rowRelation(q, on, has)}) r ${mapJoins(set, has, q)}`, source, fileId, fresh);
    },
    close: () => stage.close(),
  };
}

/** Both results once both have settled (neither chain is left running on the staging database), or the first failure. */
async function bothSettled<A, B>(chains: readonly [Promise<A>, Promise<B>]): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled(chains);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return [a.value, b.value];
}

const GEO_COLUMNS = ['geographic_level', 'country_code', 'country_name', 'region_code', 'region_name', 'old_la_code', 'new_la_code', 'la_name'];

/**
 * View hn_row (on the staging connection): each staged row with its geography and years, joined on one hash of the
 * eight geography columns (a view, not a table: copying every column costs more than the join each reader of it
 * repeats). Every row's geography is in hn_geo (its distinct geographies), so the join is exact unless two of them
 * share a hash: then it is made column by column. Gives the join condition, for rowRelation.
 */
async function rowView(db: DuckDBConnection, has: (c: string) => boolean): Promise<string> {
  const geo = GEO_COLUMNS.map((c) => col(c, has));
  await db.run(`UPDATE hn_geo SET hn_h = hash(${GEO_COLUMNS.map((_, i) => `k${i}`).join(', ')})`);
  const [{ hashes, geos }] = await rowsOf<{ hashes: number; geos: number }>(db, 'SELECT count(DISTINCT hn_h)::DOUBLE AS hashes, count(*)::DOUBLE AS geos FROM hn_geo');
  const on = hashes === geos ? `g.hn_h = hash(${geo.join(', ')})` : geo.map((e, i) => `g.k${i} = ${e}`).join(' AND ');
  await db.run(`CREATE OR REPLACE TEMP VIEW hn_row AS ${rowRelation('', on, has)}`);
  return on;
}

/** SQL of the rows of hn_row, its staged tables named with prefix `q` ('' on the staging connection). */
function rowRelation(q: string, on: string, has: (c: string) => boolean): string {
  return `SELECT r.*, g.* EXCLUDE (hn_h, hn_first), t.hn_year, t.hn_census_year FROM ${q}${STAGE} r
    JOIN ${q}hn_geo g ON ${on} JOIN ${q}hn_time t ON t.k = ${col('time_period', has)}`;
}

/** The joins of a row (alias r) with the definition's vocabularies, their tables named with prefix `q`. */
function mapJoins(set: EesSetDef, has: (c: string) => boolean, q: string): string {
  return (set.maps ?? []).map((m) => `LEFT JOIN ${q}hn_map_${m.alias} ${m.alias} ON ${m.alias}.k = ${col(m.column, has)}`).join(' ');
}

async function rowsOf<T>(db: DuckDBConnection, sql: string): Promise<T[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS() as T[];
}

/** The column types of the small temp tables built from JavaScript. */
type FillType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'UBIGINT' | 'BOOLEAN';

/**
 * Fills table `name` (replaced) of the staging database `catalog` with rows, every column as typed, through an
 * appender (eight times cheaper than the same rows as SQL literals, which DuckDB must parse).
 */
async function fillTable(db: DuckDBConnection, catalog: string, name: string, types: Record<string, FillType>, rows: Array<Record<string, DuckDBValue>>): Promise<void> {
  const cols = Object.keys(types);
  await db.run(`CREATE OR REPLACE TABLE ${name} (${cols.map((c) => `${c} ${types[c]}`).join(', ')})`);
  if (rows.length === 0) return;
  const appender = await db.createAppender(name, 'main', catalog);
  try {
    for (const r of rows) {
      for (const c of cols) {
        const v = r[c];
        if (v === null || v === undefined) appender.appendNull();
        else if (types[c] === 'VARCHAR') appender.appendVarchar(String(v));
        else if (types[c] === 'BOOLEAN') appender.appendBoolean(Boolean(v));
        else if (types[c] === 'INTEGER') appender.appendInteger(Number(v));
        else if (types[c] === 'BIGINT') appender.appendBigInt(BigInt(v as number | bigint));
        else appender.appendUBigInt(BigInt(v as number | bigint));
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** Each distinct geography through geoOf; false when any is an error. */
async function mapGeography(db: DuckDBConnection, catalog: string, has: (c: string) => boolean): Promise<boolean> {
  const tuples = await rowsOf<Record<string, string | number>>(
    db,
    `SELECT ${GEO_COLUMNS.map((c, i) => `${col(c, has)} AS k${i}`).join(', ')}, min(hn_line)::DOUBLE AS hn_first FROM ${STAGE} r GROUP BY ALL`,
  );
  const out: Array<Record<string, DuckDBValue>> = [];
  const regions = new Map<string, FirstRegion>();
  for (const t of tuples) {
    const g = geoOf((c) => String(t[`k${GEO_COLUMNS.indexOf(c)}`] ?? ''));
    if (!('geo' in g)) return false; // an error, or a level not read: the row reader says which
    // an LA code in two regions: the row reader names the lines (regionClash)
    if (g.geo.level === 'Local authority' && regionClash(regions, g.geo, 0)) return false;
    out.push({ ...t, hn_level: g.geo.level, hn_old: g.geo.oldCode, hn_new: g.geo.newCode, hn_name: g.geo.name, hn_region_code: g.geo.regionCode, hn_region_name: g.geo.regionName });
  }
  const types: Record<string, FillType> = Object.fromEntries(GEO_COLUMNS.map((_, i) => [`k${i}`, 'VARCHAR' as const]));
  for (const c of ['hn_level', 'hn_old', 'hn_new', 'hn_name', 'hn_region_code', 'hn_region_name']) types[c] = 'VARCHAR';
  types.hn_first = 'BIGINT'; // the first line with this geography
  types.hn_h = 'UBIGINT'; // the hash of k0…k7 (rowView)
  await fillTable(db, catalog, 'hn_geo', types, out);
  return true;
}

/** Each distinct time period: its year (flow files: an academic period's census year minus one) and census year. */
async function mapTimePeriods(db: DuckDBConnection, catalog: string, has: (c: string) => boolean, def: EesFileDef, maxYear: number): Promise<boolean> {
  const kind: YearKind = def.yearKind;
  const pairs = await rowsOf<{ k: string; id: string }>(db, `SELECT DISTINCT ${col('time_period', has)} AS k, ${col('time_identifier', has)} AS id FROM ${STAGE} r`);
  // a time_identifier that contradicts its period ('2021', 'Academic year') or is not known is an error: the row reader says where
  if (pairs.some(({ k, id }) => timePeriodContradicts(k, id) || !isKnownTimeIdentifier(id))) return false;
  const periods = [...new Set(pairs.map((p) => p.k))].map((k) => ({ k }));
  const out: Array<Record<string, DuckDBValue>> = [];
  const kinds = new Set<boolean>();
  for (const { k } of periods) {
    let year = censusYearFromTimePeriod(k);
    if (year === undefined) return false;
    const academic = isAcademicTimePeriod(k);
    kinds.add(academic);
    if (kind === 'flow' && academic) year -= 1;
    if (year < MIN_YEAR || year > maxYear) return false;
    // as the row reader: a census file whose calendar-year rows are flows (calendarMeansFlow) counts them a year on
    out.push({ k, hn_year: year, hn_census_year: kind === 'census' && !(def.calendarMeansFlow && !academic) ? year : year + 1 });
  }
  if (kinds.size > 1) return false; // academic and calendar years mixed
  await fillTable(db, catalog, 'hn_time', { k: 'VARCHAR', hn_year: 'INTEGER', hn_census_year: 'INTEGER' }, out);
  return true;
}

async function mapVocabulary(db: DuckDBConnection, catalog: string, m: EesMap, has: (c: string) => boolean): Promise<void> {
  const texts = await rowsOf<{ k: string }>(db, `SELECT DISTINCT ${col(m.column, has)} AS k FROM ${STAGE} r`);
  const rows = texts.map(({ k }) => {
    const v = m.map(k);
    return { k, ok: v !== undefined, ...(v ?? {}) } as Record<string, DuckDBValue>;
  });
  await fillTable(db, catalog, `hn_map_${m.alias}`, { k: 'VARCHAR', ok: 'BOOLEAN', ...m.types }, rows);
}

/**
 * Lines that repeat an earlier line's every column but the figures and the columns not read (`unread`;
 * src/etl/duplicate-rows.ts, as the row reader checks them): with the same figures they are copies, listed in table
 * hn_copy and counted once, with the unread columns in which some copy differs from its first line; undefined when
 * some repeat has other figures (an error).
 */
async function repeatedLines(
  db: DuckDBConnection,
  names: readonly string[],
  measures: ReadonlySet<string>,
  unread: readonly string[],
  rows: number,
): Promise<{ count: number; first?: { line: number; of: number }; unreadDiffer?: string[] } | undefined> {
  const skip = new Set(unread);
  const dims = names.filter((n) => !measures.has(n) && !skip.has(n) && !DESCRIPTIVE_COLUMNS.has(n.toLowerCase())).map(stagedColumn);
  const figures = names.filter((n) => measures.has(n)).map(stagedColumn);
  // as many distinct hashes of the breakdown as lines: no line repeats another (equal lines hash equal; a collision
  // only sends the file to the exact search below)
  const [{ d }] = await rowsOf<{ d: number }>(db, `SELECT count(DISTINCT hash(${dims.join(', ')}))::DOUBLE AS d FROM ${STAGE}`);
  if (d === rows) return { count: 0 };
  const differ = unread.map((n, i) => `, s.${stagedColumn(n)} IS DISTINCT FROM f.${stagedColumn(n)} AS hn_u${i}`).join('');
  await db.run(`CREATE OR REPLACE TABLE hn_copy AS
    SELECT s.hn_line, s.hn_first, ${figures.length > 0 ? figures.map((c) => `s.${c} = f.${c}`).join(' AND ') : 'true'} AS same${differ}
      FROM (SELECT *, min(hn_line) OVER (PARTITION BY ${dims.join(', ')}) AS hn_first FROM ${STAGE}) s
      JOIN ${STAGE} f ON f.hn_line = s.hn_first
     WHERE s.hn_line > s.hn_first`);
  const copies = await rowsOf<{ line: number; of: number; same: boolean }>(db, 'SELECT hn_line::DOUBLE AS line, hn_first::DOUBLE AS of, same FROM hn_copy ORDER BY hn_line');
  if (copies.some((c) => !c.same)) return undefined;
  if (copies.length === 0 || unread.length === 0) return { count: copies.length, first: copies[0] };
  const [differs] = await rowsOf<Record<string, boolean>>(db, `SELECT ${unread.map((_, i) => `bool_or(hn_u${i}) AS u${i}`).join(', ')} FROM hn_copy`);
  return { count: copies.length, first: copies[0], unreadDiffer: unread.filter((_, i) => differs![`u${i}`]) };
}

interface LineWarning {
  line: number;
  seq: number;
  column: string;
  message: string;
}

/** As the row reader: per LA, at its first row in a census year a reorganisation ended or had not yet begun. */
async function successionWarnings(db: DuckDBConnection): Promise<LineWarning[]> {
  if (SUCCESSION_CODES.size === 0) return [];
  const groups = await rowsOf<{ code: string; year: number; line: number; name: string }>(
    db,
    `SELECT hn_old AS code, hn_census_year AS year, min(hn_line)::DOUBLE AS line, arg_min(hn_name, hn_line) AS name FROM hn_row
      WHERE hn_level = 'Local authority' AND hn_old IN (${[...SUCCESSION_CODES].map(sqlText).join(', ')}) GROUP BY ALL ORDER BY line`,
  );
  const out: LineWarning[] = [];
  const warned = new Set<string>();
  for (const g of groups) {
    if (warned.has(g.code)) continue;
    const notes = successionNotes(g.code, g.name, g.year);
    if (notes.length === 0) continue;
    warned.add(g.code);
    notes.forEach((message, i) => out.push({ line: g.line, seq: -100 + i, column: 'old_la_code', message }));
  }
  return out;
}

async function rowWarnings(db: DuckDBConnection, set: EesSetDef, has: (c: string) => boolean, joins: string): Promise<LineWarning[]> {
  const out: LineWarning[] = [];
  for (const [seq, w] of (set.warnings ?? []).entries()) {
    const rows = await rowsOf<{ line: number; v: string }>(db, `SELECT hn_line::DOUBLE AS line, ${col(w.column, has)} AS v FROM hn_row r ${joins} WHERE ${w.when}`);
    for (const r of rows) out.push({ line: r.line, seq, column: w.column, message: w.message(r.v) });
  }
  return out;
}

/** Inserts the file's cells into stock and flow, from `rows`: the rows (alias r) with their vocabularies joined. */
async function insertCells(
  db: DuckDBConnection,
  cells: EesCell[],
  has: (c: string) => boolean,
  rows: string,
  source: EesLayout,
  fileId: number,
  only?: string,
): Promise<void> {
  for (const table of ['stock', 'flow'] as const) {
    const mine = cells.map((c, ord) => ({ c, ord })).filter(({ c }) => c.table === table);
    if (mine.length === 0) continue;
    const fields = mine.map(({ c, ord }): Record<string, string> => ({
      o: String(ord),
      keep: c.when ?? 'true',
      v: col(c.value, has),
      age_from: c.ageFrom ?? '0',
      age_to: c.ageTo ?? '25',
      need: c.need ?? sqlText(ALL),
      placement: c.placement ?? sqlText(ALL),
      measure: c.measure ?? (table === 'stock' ? "'plans'" : 'NULL'),
      reason: c.reason ?? sqlText(ALL),
    }));
    /** The inserted columns, each cell field read through `f`. */
    const exprs = (f: (field: string) => string): string => {
      const dims = [f('age_from'), f('age_to'), f('need'), f('placement')];
      const values = [`hn_value(${f('v')})`, `hn_missing(${f('v')})`];
      const lead = ['hn_level', 'hn_old', 'hn_new', 'hn_year'];
      const cols = table === 'stock' ? [...lead, ...dims, ...values, f('measure')] : [...lead, f('measure'), ...dims, f('reason'), ...values];
      return [...cols, sqlText(source), String(fileId), 'hn_line'].join(', ');
    };
    const columns =
      table === 'stock'
        ? 'geographic_level, old_la_code, new_la_code, census_year, age_from, age_to, need, placement, count, missing, measure, source, file_id, line'
        : 'geographic_level, old_la_code, new_la_code, flow_year, measure, age_from, age_to, need, placement, reason, count, missing, source, file_id, line';
    const where = (conds: Array<string | undefined>): string => {
      const w = conds.filter((x) => x !== undefined);
      return w.length > 0 ? ` WHERE ${w.map((x) => `(${x})`).join(' AND ')}` : '';
    };
    if (fields.length === 1) {
      const f = fields[0]!;
      await db.run(`INSERT INTO ${table} (${columns}) SELECT ${exprs((k) => f[k]!)} FROM ${rows}${where([f.keep, only])} ORDER BY hn_line`);
      continue;
    }
    // several cells a row: the rows are read (and joined to their geography, years and vocabularies) once, each
    // giving one struct per cell, unnested (one SELECT per cell, in a UNION ALL, repeated the joins for every cell:
    // the 2022 release's sen2_mi.csv has ten)
    const structs = fields.map((f) => `struct_pack(${Object.entries(f).map(([k, e]) => `${k} := ${e}`).join(', ')})`);
    await db.run(`INSERT INTO ${table} (${columns}) SELECT ${exprs((k) => `c.${k}`)}
      FROM (SELECT hn_level, hn_old, hn_new, hn_year, hn_line, unnest([${structs.join(', ')}]) AS c FROM ${rows}${where([only])})
      WHERE c.keep ORDER BY hn_line, c.o`);
  }
}

