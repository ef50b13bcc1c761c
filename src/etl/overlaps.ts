/**
 * Overlapping data recognised by content, not by bytes: after a load's files are appended (inside its one
 * transaction), every figure that a new file gives for a key another file already gives is compared.
 *
 *   published stocks and flows (same source layout, LA, year, measure, age, need, placement), populations (same
 *   kind, area, year, age and sex) and the own tables (their key columns, own-table-defs.ts):
 *     identical in both files → the later file's rows are removed (counted once) and a note says so, once per pair
 *     different               → an error naming both files (and lines where known): it is unclear which counts
 *
 * Figures of different releases (source layouts) are not compared here: the dataset keeps the newest release per
 * cell. A copy of `sen2_age_caseload.csv` saved with CRLF line endings (other bytes, same figures) so adds nothing.
 */
import type { Problem } from '../errors.ts';
import * as msg from '../messages/etl.ts';
import * as releaseMsg from '../messages/releases.ts';
import { OWN_TABLES, describeOwnKey, ownRowKey } from './readers/own-table-defs.ts';
import { sqlText } from './sql-quote.ts';
import type { Warehouse } from './warehouse.ts';

export interface OverlapOutcome {
  /** Files that repeat another file's figures (counted once): one note per pair of files and table. */
  notes: Problem[];
  /** Keys given differently by two files of one source: the load must fail. */
  errors: Problem[];
}

/**
 * The tables compared: their keys, whether their rows carry a `missing` reason and a source `line`, and how a key is
 * named in a conflict.
 */
interface Compared {
  table: string;
  key: readonly string[];
  located: boolean;
  describe: (r: Record<string, unknown>) => string;
}

const PUBLISHED: readonly Compared[] = [
  { table: 'stock', key: ['source', 'geographic_level', 'old_la_code', 'census_year', 'measure', 'age_from', 'age_to', 'need', 'placement'], located: true, describe: describePublished },
  { table: 'flow', key: ['source', 'geographic_level', 'old_la_code', 'flow_year', 'measure', 'age_from', 'age_to', 'need', 'placement', 'reason'], located: true, describe: describePublished },
  // a population given by two files of one kind would be summed (dataset-population.ts): twice the children
  { table: 'population', key: ['kind', 'area_code', 'year', 'age', 'sex'], located: false, describe: describePopulation },
];

/** Key columns left out of a key's shape: its area and year (overlap candidates share a shape first). */
const SHAPE_EXCLUDES = new Set(['geographic_level', 'old_la_code', 'census_year', 'flow_year', 'area_code', 'year']);

/** Most conflicting keys listed in one error (the rest are counted). */
const MAX_LISTED = 5;

/**
 * Compares the figures of files loaded from `firstNewFileId` on with every other file's, removes repeated
 * figures of the later file and returns notes and conflicts.
 */
export async function resolveOverlaps(wh: Warehouse, firstNewFileId: number): Promise<OverlapOutcome> {
  const paths = new Map((await wh.query<{ file_id: number; path: string }>('SELECT file_id, path FROM loaded_file')).map((r) => [r.file_id, r.path]));
  const where = (id: number, line?: number | null): string => `${paths.get(id) ?? `file ${id}`}${line ? ` line ${line}` : ''}`;
  const out: OverlapOutcome = { notes: [], errors: [] };
  // the tables this load added rows to (one query): only their figures can overlap anew (each compared table is read
  // whole; a release's load skips the population and SEN2 comparisons, about 10 ms of its 0.7 s)
  const tables = [...PUBLISHED.map((t) => t.table), 'plan', 'person', ...OWN_TABLES.map((d) => d.table)];
  const withNew = await wh.query<{ t: string }>(
    tables.map((t) => `SELECT ${sqlText(t)} AS t FROM (SELECT 1 FROM ${t} WHERE file_id >= $1 LIMIT 1)`).join(' UNION ALL '),
    [firstNewFileId],
  );
  const added = new Set(withNew.map((r) => r.t));
  for (const t of PUBLISHED) if (added.has(t.table)) await publishedOverlaps(wh, t, firstNewFileId, where, out);
  if (added.has('plan') || added.has('person')) await sen2ReturnOverlaps(wh, firstNewFileId, where, out);
  for (const def of OWN_TABLES) if (added.has(def.table)) await ownTableOverlaps(wh, def, firstNewFileId, where, out);
  return out;
}

async function publishedOverlaps(
  wh: Warehouse,
  { table, key, located, describe }: Compared,
  firstNew: number,
  where: (id: number, line?: number | null) => string,
  out: OverlapOutcome,
): Promise<void> {
  const k = key.join(', ');
  // keys that two files may share, found in two steps: first the shapes of key (source, measure, ages, need,
  // placement…: the key without its area and year, a few dozen values) that two files give, one of them new; then,
  // among the rows of those shapes only, the keys two files give, by their hash (one 64-bit group key instead of
  // nine columns: a collision only adds a candidate, which the exact grouping below then drops). Grouping every row
  // by its hash cost most of this statement, and the rows two files share are few (a release's totals, given by
  // two of its files). Per such key and file: the figure (sum of the file's rows: a file may split a key over
  // rows) and its first line.
  const shape = key.filter((c) => !SHAPE_EXCLUDES.has(c)).join(', ');
  const rows = await wh.query<Record<string, unknown> & { file_id: number; v: number | null; miss: string | null; line: number | null; first_file: number }>(
    `WITH shapes AS (
       SELECT ${shape} FROM ${table} GROUP BY ALL HAVING min(file_id) <> max(file_id) AND max(file_id) >= $1),
     cand AS (
       SELECT hash(${k}) AS h FROM ${table} SEMI JOIN shapes USING (${shape})
        GROUP BY h HAVING min(file_id) <> max(file_id) AND max(file_id) >= $1),
     per AS (
       SELECT ${k}, file_id, sum(count) AS v,
              ${located ? `string_agg(DISTINCT missing, ',' ORDER BY missing)` : 'NULL::VARCHAR'} AS miss, ${located ? 'min(line)' : 'NULL::BIGINT'} AS line
         FROM ${table} WHERE hash(${k}) IN (SELECT h FROM cand) GROUP BY ALL),
     multi AS (
       SELECT ${k}, min(file_id) AS first_file FROM per GROUP BY ALL
       HAVING count(*) > 1 AND max(file_id) >= $1)
     SELECT per.*, multi.first_file FROM per JOIN multi USING (${k}) ORDER BY ${k}, per.file_id`,
    [firstNew],
  );
  if (rows.length === 0) return;
  const sig = (r: { v: number | null; miss: string | null }): string => (r.v === null ? `missing:${r.miss ?? ''}` : String(r.v));
  const firsts = new Map<string, (typeof rows)[number]>();
  const same = new Map<string, { first: number; later: number; n: number }>();
  const conflicts: string[] = [];
  let nConflicts = 0;
  /** The file of the first conflict: the one the error is on (not a file that only repeats figures). */
  let conflicting: number | undefined;
  const remove: Array<{ file: number; values: unknown[] }> = [];
  for (const r of rows) {
    const id = key.map((c) => String(r[c])).join('|');
    if (r.file_id === r.first_file) {
      firsts.set(id, r);
      continue;
    }
    const first = firsts.get(id);
    if (!first) continue;
    if (sig(first) === sig(r)) {
      const pair = `${first.file_id}>${r.file_id}`;
      const s = same.get(pair) ?? { first: first.file_id, later: r.file_id, n: 0 };
      s.n++;
      same.set(pair, s);
      remove.push({ file: r.file_id, values: key.map((c) => r[c]) });
    } else {
      nConflicts++;
      conflicting ??= r.file_id;
      if (conflicts.length < MAX_LISTED) {
        conflicts.push(releaseMsg.overlapConflict(describe(r), where(first.file_id, first.line), first.v, where(r.file_id, r.line), r.v));
      }
    }
  }
  if (conflicting !== undefined) {
    out.errors.push({ file: where(conflicting), message: releaseMsg.overlapConflicts(table, nConflicts, conflicts) });
    return;
  }
  for (const s of same.values()) out.notes.push({ file: where(s.later), message: releaseMsg.overlapSameFigures(where(s.first), s.n) });
  // remove the later file's rows of every repeated key (one statement per file: a temporary key table)
  await wh.run(`CREATE OR REPLACE TEMP TABLE overlap_drop AS SELECT ${k}, file_id FROM ${table} WHERE false`);
  const sink = await wh.connection.createAppender('overlap_drop');
  try {
    for (const r of remove) {
      for (const [i, v] of r.values.entries()) appendValue(sink, v, key[i]!);
      sink.appendInteger(r.file);
      sink.endRow();
    }
  } finally {
    sink.closeSync();
  }
  await wh.run(`DELETE FROM ${table} t USING overlap_drop d WHERE ${key.map((c) => `t.${c} = d.${c}`).join(' AND ')} AND t.file_id = d.file_id`);
  await wh.run('DROP TABLE overlap_drop');
}

/**
 * Two SEN2 returns of this load for one LA and census year (a resubmission beside the return it replaces) that
 * differ in their persons or plans: an error naming both, since nothing in one load says which came last (the
 * dataset uses the one loaded last, which in a data folder was the order of the files' names: a resubmission with a
 * plan fewer was passed over with a note on the Data quality sheet only). Identical returns (a copy with other
 * bytes) give the same figures either way and keep their note; a return loaded by an earlier `load` is replaced
 * by a later one, as docs/sen2.md says.
 */
async function sen2ReturnOverlaps(wh: Warehouse, firstNew: number, where: (id: number) => string, out: OverlapOutcome): Promise<void> {
  const rows = await wh.query<{ la: string; y: number; file_id: number; n: bigint | number; sig: bigint | number }>(
    `WITH f AS (
       SELECT la_code AS la, census_year AS y, file_id, count(*) AS n,
              bit_xor(hash(person_key, status, placement, need, age, start_date, cease_date, cease_reason, transfer_la, urn, ukprn, sen_unit, resourced_provision)) AS sig
         FROM plan WHERE file_id >= $1 GROUP BY ALL
       UNION ALL
       SELECT la_code, census_year, file_id, count(*), bit_xor(hash(person_key, age, birth_month, sex, ethnicity))
         FROM person WHERE file_id >= $1 GROUP BY ALL),
     g AS (SELECT la, y, file_id, sum(n) AS n, bit_xor(sig) AS sig FROM f GROUP BY ALL)
     SELECT la, y::INTEGER AS y, file_id, n, sig FROM g
      WHERE (la, y) IN (SELECT la, y FROM g GROUP BY ALL HAVING count(*) > 1)
      ORDER BY la, y, file_id`,
    [firstNew],
  );
  const first = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const k = `${r.la}|${r.y}`;
    const f = first.get(k);
    if (!f) first.set(k, r);
    else if (String(f.n) !== String(r.n) || String(f.sig) !== String(r.sig)) {
      out.errors.push({ file: where(r.file_id), message: releaseMsg.sen2ReturnsDiffer(r.la, r.y, where(f.file_id), where(r.file_id)) });
    }
  }
}

type Appender = Awaited<ReturnType<Warehouse['connection']['createAppender']>>;

function appendValue(a: Appender, v: unknown, column: string): void {
  if (/_year$|^age_|^year$|^age$/.test(column)) a.appendInteger(Number(v));
  else a.appendVarchar(String(v));
}

function describePopulation(r: Record<string, unknown>): string {
  return `${String(r.kind) === 'mye' ? 'mid-year estimate' : 'projection'} of area ${String(r.area_code)} ${String(r.year)} (age ${String(r.age)}, ${String(r.sex)})`;
}

/** A published figure's key in a message: its LA, measure, year, ages, need and placement. */
export function describePublished(r: Record<string, unknown>): string {
  const year = r.census_year ?? r.flow_year;
  const ages = r.age_from === r.age_to ? `age ${String(r.age_from)}` : `ages ${String(r.age_from)}–${String(r.age_to)}`;
  return `LA ${String(r.old_la_code)} ${String(r.measure)} ${String(year)} (${ages}, need ${String(r.need)}, placement ${String(r.placement)})`;
}

async function ownTableOverlaps(
  wh: Warehouse,
  def: (typeof OWN_TABLES)[number],
  firstNew: number,
  where: (id: number, line?: number | null) => string,
  out: OverlapOutcome,
): Promise<void> {
  const rows = await wh.query<Record<string, unknown> & { file_id: number; source_line?: number | bigint | null }>(`SELECT * FROM ${def.table} ORDER BY file_id, source_line`);
  const at = (r: (typeof rows)[number]): string => where(r.file_id, r.source_line === null || r.source_line === undefined ? undefined : Number(r.source_line));
  if (!rows.some((r) => r.file_id >= firstNew)) return;
  const firsts = new Map<string, Record<string, unknown> & { file_id: number }>();
  const same = new Map<string, { first: number; later: number; n: number }>();
  for (const r of rows) {
    const k = ownRowKey(def, r);
    const first = firsts.get(k);
    if (!first) {
      firsts.set(k, r);
      continue;
    }
    if (first.file_id === r.file_id) continue;
    if (r.file_id < firstNew) continue;
    if (valuesOf(first) !== valuesOf(r)) {
      // both files and lines, so the reader can open each and decide which counts
      out.errors.push({ file: where(r.file_id), message: msg.duplicateTableRowAcrossFiles(def.id, describeOwnKey(def, r), at(first), at(r)) });
      continue;
    }
    const pair = `${first.file_id}>${r.file_id}`;
    const s = same.get(pair) ?? { first: first.file_id, later: r.file_id, n: 0 };
    s.n++;
    same.set(pair, s);
  }
  if (out.errors.length > 0) return;
  for (const s of same.values()) {
    out.notes.push({ file: where(s.later), message: msg.sameTableRowsNote(def.id, where(s.first), s.n) });
    // the later file's rows repeat the first file's on every key they share: drop those keys of the later file
    const keysOfFirst = rows.filter((r) => r.file_id === s.first).map((r) => ownRowKey(def, r));
    const later = rows.filter((r) => r.file_id === s.later && keysOfFirst.includes(ownRowKey(def, r)));
    for (const r of later) {
      const cols = ['la_code', ...def.key];
      const cond = cols.map((c, i) => `coalesce(lower(CAST(${c} AS VARCHAR)), '') = $${i + 2}`);
      await wh.run(`DELETE FROM ${def.table} WHERE file_id = $1 AND ${cond.join(' AND ')}`, [s.later, ...cols.map((c) => String(r[c] ?? '').toLowerCase())]);
    }
  }
}

function valuesOf(r: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(r).filter(([k]) => k !== 'file_id' && k !== 'source_line').sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, typeof v === 'string' ? v.toLowerCase() : v]));
}
