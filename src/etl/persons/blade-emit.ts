/**
 * The rows of a validated Blade export (no errors; blade-read.ts built and checked its x_ tables): emitted from
 * result chunks to a sink (emitRows, the reader's own database), or inserted into the warehouse by SQL (insertRows,
 * a staging database beside it). The statements are in blade-rows-sql.ts.
 */
import type { DuckDBConnection, DuckDBListValue, DuckDBValue } from '@duckdb/node-api';
import type { RowSink } from '../reader.ts';
import { rowsOf } from './blade-checks.ts';
import {
  STARTS_STATEMENT,
  KEYS_IN_ORDER_QUERY,
  enumStatement,
  PERSON_ENUMS,
  rowEnums,
  personRowsQuery,
  rowStagingStatements,
  insertStatements,
  STAGED_ENUMS,
  planRowsQuery,
  planStagingStatements,
  requestRowsQuery,
  type EmitConstants,
} from './blade-rows-sql.ts';
import { NEED_NOT_RECORDED, PLACEMENT_NOT_RECORDED } from './codes.ts';
import type { ReturnContext } from './person-rows.ts';

/** Streams a query's rows chunk by chunk (column arrays converted once per chunk). */
async function eachRow(con: DuckDBConnection, sql: string, f: (cols: DuckDBValue[][], i: number) => void | Promise<void>): Promise<void> {
  const res = await con.stream(sql);
  for (;;) {
    const chunk = await res.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const cols = chunk.getColumns();
    const n = chunk.rowCount;
    for (let i = 0; i < n; i++) {
      const p = f(cols, i);
      if (p) await p;
    }
  }
}

/**
 * Creates the ENUM types `e_<name>` (blade-rows-sql.ts enumStatement) and gives, for each, the function mapping a code
 * (enum_code, a number) back to its text.
 */
async function enums(con: DuckDBConnection, types: ReadonlyArray<[string, string]>): Promise<Array<(v: DuckDBValue) => string | null>> {
  // the types made in one call and their values read in one query (each call is a round trip to DuckDB's thread)
  await con.run(types.map(([name, source]) => enumStatement(name, source)).join(';\n'));
  const lists = (await rowsOf(con, `SELECT ${types.map(([name]) => `enum_range(NULL::e_${name})`).join(', ')}`))[0]!;
  return lists.map((list) => {
    const values = (list as DuckDBListValue).items.map(String);
    return (v: DuckDBValue) => (v === null ? null : values[Number(v)]!);
  });
}

/** Days since 1970-01-01 → ISO date (each made once). */
function dayIso(): (v: DuckDBValue) => string | null {
  const made = new Map<number, string>();
  return (v) => {
    if (v === null) return null;
    const n = Number(v);
    let s = made.get(n);
    if (s === undefined) made.set(n, (s = new Date(n * 86_400_000).toISOString().slice(0, 10)));
    return s;
  };
}


/** The constants of the plan rows of a return. */
function emitConstants(ret: ReturnContext): EmitConstants {
  const k: EmitConstants = { censusYear: ret.header.censusYear, placementNotRecorded: PLACEMENT_NOT_RECORDED, needNotRecorded: NEED_NOT_RECORDED };
  if (ret.header.referenceDate) k.referenceDate = ret.header.referenceDate;
  return k;
}

/** Stages the chosen records of the plan rows (planStagingStatements: each table dropped once not needed). */
async function stagePlans(con: DuckDBConnection, k: EmitConstants): Promise<void> {
  // one call (each call is a round trip to DuckDB's thread): the statements run in order, the first that fails
  // stops the rest with its error, as one call each did
  await con.run([STARTS_STATEMENT, ...planStagingStatements(k)].join(';\n'));
}

const PLAN_STAGES = ['c_ap', 'c_np', 'c_fb', 'c_pl', 'c_nd'];

/**
 * Sends the rows of a validated export (no errors) to `sink`, read from DuckDB result chunks.
 * @returns rows sent
 */
export async function emitRows(con: DuckDBConnection, ret: ReturnContext, sink: RowSink): Promise<number> {
  const { censusYear, laCode } = ret.header;
  const fileId = ret.fileId;
  let rows = 0;
  const add = (table: 'person' | 'plan' | 'request', row: Record<string, unknown>): void | Promise<void> => {
    rows++;
    return sink.add(table, row);
  };
  const keys: bigint[] = [];
  const [sex, ethnicity] = await enums(con, PERSON_ENUMS);
  const stored = (await rowsOf(con, KEYS_IN_ORDER_QUERY))[0]![0] === true;
  let next = 0;
  await eachRow(con, personRowsQuery(stored), (c, i) => {
    const pn = c[0]![i] as number;
    if (pn !== next++) throw new Error(`Blade reader: person rows out of order (${pn} after ${next - 2})`);
    const key = c[5]![i] as bigint;
    keys[pn] = key;
    return add('person', {
      census_year: censusYear, la_code: laCode, person_key: key, file_id: fileId,
      age: c[1]![i], birth_month: c[2]![i], sex: sex!(c[3]![i]), ethnicity: ethnicity!(c[4]![i]),
    });
  });
  // each table is let go as soon as the rows still to come do not need it (memory: ≤ 1 GB for 650,000 persons)
  await con.run('DROP TABLE x_key');
  const k = emitConstants(ret);
  await stagePlans(con, k);
  const [need, placement, la, urn, status, outcome, code] = await enums(con, rowEnums(k));
  const date = dayIso();
  await eachRow(con, planRowsQuery(k), (c, i) => add('plan', {
    census_year: censusYear, la_code: laCode, person_key: keys[c[0]![i] as number], file_id: fileId,
    age: c[1]![i], need: need!(c[2]![i]), placement: placement!(c[3]![i]), start_date: date(c[4]![i]), cease_date: date(c[5]![i]),
    cease_reason: c[6]![i], transfer_la: la!(c[7]![i]), status: status!(c[8]![i]), urn: urn!(c[9]![i]), ukprn: urn!(c[10]![i]),
    sen_unit: c[11]![i], resourced_provision: c[12]![i],
  }));
  for (const t of PLAN_STAGES) await con.run(`DROP TABLE ${t}`);
  await eachRow(con, requestRowsQuery(), (c, i) => add('request', {
    census_year: censusYear, la_code: laCode, person_key: keys[c[0]![i] as number], file_id: fileId,
    age: c[1]![i], received_date: date(c[2]![i]), outcome: outcome!(c[3]![i]), outcome_code: code!(c[4]![i]), outcome_date: date(c[5]![i]),
    assessment_outcome: outcome!(c[6]![i]), assessment_outcome_code: code!(c[7]![i]), assessment_outcome_date: date(c[8]![i]),
    plan_start_date: date(c[9]![i]), week20: c[10]![i],
  }));
  return rows;
}

/**
 * Writes the rows of a validated export (no errors), staged on `stage` (a staging database's connection, outside
 * the load's transaction: staging.ts), into the warehouse tables `person`, `plan` and `request` on `db`, by SQL
 * (`INSERT … BY NAME`, the rows and order emitRows gives): no row passes through JS. Every table the inserts read
 * is made first (the load's transaction sees the staging database as it is when it first reads it).
 * @returns rows written
 */
export async function insertRows(stage: { connection: DuckDBConnection; name: string }, db: DuckDBConnection, ret: ReturnContext): Promise<number> {
  const con = stage.connection;
  const stored = (await rowsOf(con, KEYS_IN_ORDER_QUERY))[0]![0] === true;
  // the raw identifiers are let go first; x_key gives the rows their age and person key
  await con.run('DROP TABLE x_person');
  const k = emitConstants(ret);
  await stagePlans(con, k);
  // one call each (each call is a round trip to DuckDB's thread)
  await con.run(rowEnums(k).filter(([name]) => STAGED_ENUMS.has(name)).map(([name, source]) => enumStatement(name, source)).join(';\n'));
  await con.run(rowStagingStatements(k).join(';\n'));
  let rows = 0;
  const into = { censusYear: ret.header.censusYear, laCode: ret.header.laCode, fileId: ret.fileId, stage: stage.name };
  for (const [table, query] of insertStatements(into, stored)) rows += (await db.run(`INSERT INTO ${table} BY NAME ${query}`)).rowsChanged;
  return rows;
}
