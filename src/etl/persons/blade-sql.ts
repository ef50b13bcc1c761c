/**
 * Set-based SQL over the nine Blade module tables (loaded by DuckDB's read_csv as `m_<module>`, all VARCHAR but
 * the ids, split into number and text: moduleColumns):
 *
 *   m_<module> ─ linkStatements ─ x_<module>: each record with its line `ln`, the ordinal `pn` of the person it
 *   belongs to, the lines of its ancestors, and its dates resolved through `dm` (raw → DATE / bad)
 *
 * Validation queries (blade-checks.ts) select only offending rows from the x_ tables; the row queries of
 * blade-rows-sql.ts give the warehouse rows (person, plan, request) as flat columns. The rules are those of
 * PersonRowBuilder (person-rows.ts, used for XML); test/etl/sen2/blade-equivalence.test.ts checks both give the
 * same rows.
 *
 * Lines: `ln` = record ordinal + 2 (header is line 1) from DuckDB's insertion-ordered `rowid`; a quoted field
 * spanning lines would shift later line numbers (COLLECT exports do not write any).
 */
import { CODE_LIKE_SQL } from '../../util/code-like.ts';
import { BLADE_SPEC, idColumn, type BladeModule } from './blade-modules.ts';
import { sqlText } from '../sql-quote.ts';


export type Columns = Record<BladeModule, ReadonlySet<string>>;

/** The column `c` of module table alias `t`, or NULL when the file has no such column. */
function col(cols: Columns, m: BladeModule, c: string, t = 't'): string {
  return cols[m].has(c) ? `${t}."${c}"` : 'NULL::VARCHAR';
}

/** Date columns resolved through `dm`: module → [column, element name in messages]. */
export const DATE_COLUMNS: ReadonlyArray<[BladeModule, string, string]> = [
  ['person', 'personbirthdate', 'PersonBirthDate'],
  ['requests', 'receiveddate', 'ReceivedDate'],
  ['requests', 'requestoutcomedate', 'RequestOutcomeDate'],
  ['assessment', 'assessmentoutcomedate', 'AssessmentOutcomeDate'],
  ['namedplan', 'startdate', 'StartDate'],
  ['namedplan', 'ceasedate', 'CeaseDate'],
  ['activeplans', 'lastreview', 'LastReview'],
  ['placementdetail', 'leavingdate', 'LeavingDate'],
];

/**
 * The raw date values of module table m_<m> not yet in lk_dates (JS parses each distinct value once:
 * parseSen2Date), or undefined when the module has no date column. The values are made distinct before they are
 * looked up in lk_dates: the lookup then runs over a few thousand values, not over every row (a third of the time).
 */
export function moduleDatesQuery(cols: Columns, m: BladeModule): string | undefined {
  const parts = DATE_COLUMNS.filter(([dm, c]) => dm === m && cols[m].has(c)).map(([, c]) => `SELECT "${c}" AS v FROM m_${m}`);
  if (parts.length === 0) return undefined;
  return `SELECT v FROM (SELECT DISTINCT v FROM (${parts.join(' UNION ALL ')}) WHERE v IS NOT NULL) WHERE NOT EXISTS (SELECT 1 FROM lk_dates l WHERE l.raw = v)`;
}

/**
 * What `clean` trims (as JS's trim does: ASCII whitespace, no-break space, BOM), written as one literal: built with
 * chr() and || it was worked out again wherever the macro is named, at each statement's binding.
 */
const TRIM_CHARS = ' \t\n\v\f\r\u00a0\ufeff';

/** The usual flag values, each with the value isSetSql gives it (test/etl/sen2/blade-sql.test.ts checks them). */
const FLAGS = "WHEN '1' THEN true WHEN 'true' THEN true WHEN '0' THEN false WHEN 'false' THEN false";

/**
 * Helper macros: `clean` = trim + blank → NULL (as person-rows.ts `clean`), `is_set` (codes.ts `isSet`), `flag`
 * (NULL when `clean` gives NULL, else `is_set`), `id_num` (an id written as a whole number in canonical form, e.g.
 * `13` but not `013` or ` 13`, as that number; else NULL), `codeOnly` (the value when it has a code's shape, else NULL).
 */
export const MACROS = [
  // trim with a character list is slow in DuckDB (about 2 µs a value): a value beginning and ending with a printable
  // ASCII character, as nearly all do, is kept as it is without it
  `CREATE OR REPLACE MACRO clean(s) AS CASE WHEN regexp_matches(s, '^[!-~](?:.*[!-~])?$') THEN s
    ELSE nullif(trim(s, ${sqlText(TRIM_CHARS)}), '') END`,
  // a CASE, not IN (…): DuckDB plans an IN list as a join
  `CREATE OR REPLACE MACRO id_num(s) AS CASE WHEN CAST(try_cast(s AS BIGINT) AS VARCHAR) = s THEN try_cast(s AS BIGINT) END`,
  // the flags COLLECT writes (`1`, `0`, `true`, `false`) are answered by one CASE on the raw value, as is_set answers
  // them, without `clean` and `lower` (about 60 ns a value, ~1.3 M values at 650,000 persons)
  `CREATE OR REPLACE MACRO is_set(s) AS CASE s ${FLAGS} ELSE ${isSetSql('clean', 's')} END`,
  // a value kept as given only when it has a code's shape (util/code-like.ts): a UPN or name typed into Sex is not stored
  `CREATE OR REPLACE MACRO codeOnly(s) AS CASE WHEN regexp_full_match(s, ${CODE_LIKE_SQL}) THEN s END`,
  `CREATE OR REPLACE MACRO flag(s) AS CASE s ${FLAGS} ELSE CASE WHEN clean(s) IS NULL THEN NULL ELSE ${isSetSql('clean', 's')} END END`,
];

/**
 * codes.ts `isSet` of `x`, with macro `clean` named `clean` (a macro's body is bound where it is called: from another
 * connection `clean` is named in its database, so the body of is_set is spelled out there).
 * One list_contains, not `CASE lower(clean(x)) WHEN '1' THEN true WHEN 'true' …`: DuckDB binds such a CASE as one
 * comparison per WHEN, each with its own copy of `clean` (a regular expression compiled and a trim bound every
 * time), and each statement binds every macro it names afresh, so an is_set cost about 2.5 ms to bind; nor
 * `IN ('1', …)`, which DuckDB plans as a join. As a value: blank or NULL is false, as the CASE gave.
 */
function isSetSql(clean: string, x: string): string {
  return `coalesce(list_contains(['1', 'true', 'y', 'yes', 't'], lower(${clean}(${x}))), false)`;
}

/** Ancestors (module, alias of its id / line columns) carried by each module's x_ table. */
const CHAIN: Record<BladeModule, Array<[BladeModule, string]>> = {
  sen2: [],
  person: [],
  requests: [['person', 'p']],
  assessment: [['person', 'p'], ['requests', 'r']],
  namedplan: [['person', 'p'], ['requests', 'r'], ['assessment', 'a']],
  plandetail: [['person', 'p'], ['requests', 'r'], ['assessment', 'a'], ['namedplan', 'np']],
  activeplans: [['person', 'p'], ['requests', 'r']],
  placementdetail: [['person', 'p'], ['requests', 'r'], ['activeplans', 'ap']],
  senneed: [['person', 'p'], ['requests', 'r'], ['activeplans', 'ap']],
};

/** The columns each module's x_ table keeps (besides keys, lines and dates). */
const KEEP: Partial<Record<BladeModule, string[]>> = {
  requests: ['requestoutcome'],
  assessment: ['assessmentoutcome', 'week20'],
  namedplan: ['ceasereason'],
  plandetail: ['urn', 'ukprn', 'sensetting', 'placementrank', 'senunitindicator', 'resourcedprovisionindicator'],
  activeplans: ['transferla'],
  placementdetail: ['urn', 'ukprn', 'sensetting', 'placementrank', 'senunitindicator', 'resourcedprovisionindicator'],
  senneed: ['sentype', 'sentyperank'],
};

/**
 * A date column `c` resolved through `dm`: `c_d` (a DATE), `c_bad` (present but not a date), and `c`, the raw text
 * kept only when it is not a date (for the message; raw dates are most of the memory an export takes otherwise).
 * The birth date also has `c_absent` (no value at all).
 */
function dateSelect(cols: Columns, m: BladeModule, i: number): { sel: string[]; join: string[] } {
  const sel: string[] = [];
  const join: string[] = [];
  for (const [dm, c] of DATE_COLUMNS) {
    if (dm !== m) continue;
    const a = `d${i}_${join.length}`;
    sel.push(`CASE WHEN ${a}.bad THEN ${col(cols, m, c)} END AS "${c}"`, `${a}.d AS "${c}_d"`, `coalesce(${a}.bad, false) AS "${c}_bad"`);
    if (m === 'person') sel.push(`${col(cols, m, c)} IS NULL AS "${c}_absent"`);
    join.push(`LEFT JOIN dm ${a} ON ${a}.raw = ${col(cols, m, c)}`);
  }
  return { sel, join };
}

/** The modules whose x_ table carries the person's birth date `bd` (those with dates to check, and their parents). */
const BIRTH_CARRIED: ReadonlySet<BladeModule> = new Set(['requests', 'assessment', 'namedplan', 'activeplans']);

/**
 * Ids are carried as `idn` (the id as a number, when it is a whole number written canonically, as COLLECT writes
 * them) or else `ids` (its text): children join their parent on numbers, and on text only for ids that are not
 * numbers. Two ids are the same text exactly when they have the same `idn` or the same `ids`. The module tables
 * are read with their ids split so already (moduleColumns): `idn`/`ids` for the record's own id, `pidn`/`pids` for
 * its parent's; the raw id texts are never stored (two text values a record fewer to store, the most of any column).
 */
function idSplit(c: string, n: string, s: string): string[] {
  return [`id_num("${c}") AS ${n}`, `CASE WHEN id_num("${c}") IS NULL THEN "${c}" END AS ${s}`];
}

/**
 * The SELECT list reading module `m`'s used columns `present` (lower-case, in file order) from read_csv into its
 * module table m_<m>, for the linker (macros made: MACROS): each column as it is, but the record's own id and its
 * parent's id, split into number and text (idSplit); a person's parent id (the return's) and a placement's entry
 * date are not kept.
 */
export function moduleColumns(m: BladeModule, present: readonly string[]): string[] {
  const p = BLADE_SPEC[m].parent;
  return present.flatMap((c) => {
    if (c === idColumn(m)) return idSplit(c, 'idn', 'ids');
    // a person's parent (the return, sen2) is never joined
    if (p && c === idColumn(p)) return p === 'sen2' ? [] : idSplit(c, 'pidn', 'pids');
    // a placement's entry date is read by no rule
    return m === 'placementdetail' && c === 'entrydate' ? [] : [`"${c}"`];
  });
}

/** The text of the id of a record of an x_ table (alias `t`). */
export function idText(t: string): string {
  return `coalesce(${t}.ids, CAST(${t}.idn AS VARCHAR))`;
}

/** The child modules in the order their x_ tables are built (each after its parent). */
export const LINK_ORDER: readonly BladeModule[] = ['requests', 'assessment', 'namedplan', 'plandetail', 'activeplans', 'placementdetail', 'senneed'];

/**
 * The x_person table: each person with its ordinal `pn`, line, id, identifiers, dates resolved and
 * `age` on 31 August before the census (dates.ts ageAtCensus), floored at 0.
 */
export function personStatement(cols: Columns, censusYear: number): string {
  const y = Math.floor(censusYear);
  const d = dateSelect(cols, 'person', 0);
  return `CREATE OR REPLACE TABLE x_person AS SELECT t.rowid::INTEGER AS pn, (t.rowid + 2)::INTEGER AS ln, t.idn, t.ids,
      ${col(cols, 'person', 'upn')} AS upn, ${col(cols, 'person', 'uniquelearnernumber')} AS uln,
      coalesce(${col(cols, 'person', 'sex')}, ${col(cols, 'person', 'gendercurrent')}) AS sex, ${col(cols, 'person', 'ethnicity')} AS ethnicity,
      ${d.sel.join(', ')},
      CASE WHEN d0_0.d IS NOT NULL THEN greatest(0, ${y - 1} - year(d0_0.d) - CASE WHEN month(d0_0.d) > 8 THEN 1 ELSE 0 END) END::INTEGER AS age,
      month(d0_0.d)::INTEGER AS birth_month
      FROM m_person t ${d.join.join(' ')}`;
}

/**
 * Whether the number ids of module table m_<m> are its row numbers plus one constant, as COLLECT numbers a table's
 * records (21, 22, 23 … in file order): then no two are the same (their rows differ), nor are those of x_<m>, which
 * holds some of its records once each, and idFactsQuery need not count them. A scan of one column, where counting
 * distinct ids hashes every one (about a second of CPU for the five parent tables at 650,000 persons).
 */
export function idsByRowQuery(m: BladeModule): string {
  return `SELECT min(idn - rowid) = max(idn - rowid) FROM m_${m}`;
}

/**
 * Whether the ids of x_<m> are all different (then a child joins its parent directly, with no search for the first),
 * and whether any is text (not a number: then children join on text too). `numbersUnique`: its number ids are known
 * to be all different (idsByRowQuery), so only the text ids (few, if any) are counted.
 */
export function idFactsQuery(m: BladeModule, numbersUnique = false): string {
  return numbersUnique
    ? `SELECT count(*) = count(DISTINCT ids), count(*) > 0 FROM x_${m} WHERE ids IS NOT NULL`
    : `SELECT count(idn) = count(DISTINCT idn) AND count(ids) = count(DISTINCT ids), count(ids) > 0 FROM x_${m}`;
}

/**
 * The x_<m> table of a child module. Children attach to the first record (lowest line) carrying their parent id;
 * records whose parent id matches no record are not attached to any person (as in the XML, they have no place).
 * `parent.unique`: the parent's ids are all different, so the first record of an id is the only one; `parent.text`:
 * some of them are text (idSplit), so children whose parent id is not a number are joined on text as well.
 */
export function childStatement(cols: Columns, m: BladeModule, parent: { unique: boolean; text: boolean }): string {
  const p = BLADE_SPEC[m].parent!;
  const chain = CHAIN[m];
  const parentChain = CHAIN[p];
  const sel = [`u.pn`, `(t.rowid + 2)::INTEGER AS ln`, 't.idn', 't.ids'];
  // Ancestors: the parent's own id/line, and the parent's ancestors.
  const [, pa] = chain[chain.length - 1]!;
  // ancestors by line only (their ids, for messages, are joined back for the few records a check reports)
  sel.push(`u.ln AS ${pa}ln`);
  for (const [, a] of parentChain) sel.push(`u.${a}ln`);
  // the birth date, for the date checks (no join with x_person)
  if (BIRTH_CARRIED.has(m)) sel.push(p === 'person' ? 'u.personbirthdate_d AS bd' : 'u.bd');
  for (const c of KEEP[m] ?? []) sel.push(`${col(cols, m, c)} AS "${c}"`);
  const d = dateSelect(cols, m, LINK_ORDER.indexOf(m) + 1);
  sel.push(...d.sel);
  const parents = parent.unique ? `x_${p}` : `(SELECT * FROM x_${p} WHERE ln IN (SELECT min(ln) FROM x_${p} GROUP BY idn, ids))`;
  const from = (on: string) => `SELECT ${sel.join(', ')} FROM m_${m} t JOIN ${parents} u ON ${on} ${d.join.join(' ')}`;
  return `CREATE OR REPLACE TABLE x_${m} AS ${from('u.idn = t.pidn')}${parent.text ? ` UNION ALL ${from('u.ids = t.pids')}` : ''}`;
}

/** The ancestors of a record of x_<m>, root first: their module and the column of x_<m> holding their line. */
export function ancestors(m: BladeModule): Array<{ module: BladeModule; line: string }> {
  return CHAIN[m].map(([module, a]) => ({ module, line: `${a}ln` }));
}

/**
 * The key path of a record of module `m` from its ancestors' ids (root first) and its own, e.g.
 * `person[persontableid=13]/requests[requeststableid=23]` (a missing id is `?`).
 */
export function keyPath(m: BladeModule, ancestorIds: ReadonlyArray<string | undefined>, id: string | undefined): string {
  const mods = [...CHAIN[m].map(([mod]) => mod), m];
  return mods.map((mod, i) => `${mod}[${idColumn(mod)}=${(i < ancestorIds.length ? ancestorIds[i] : id) ?? '?'}]`).join('/');
}

/** Code lookups filled by JS from the distinct raw values (codes.ts, outcome-codes.ts); blank values are left out in JS. */
export const LOOKUP_SOURCES = {
  /** SENtype → need. */
  need: `SELECT DISTINCT sentype FROM x_senneed WHERE sentype IS NOT NULL`,
  /** SENsetting → placement. */
  setting: `SELECT DISTINCT sensetting FROM (SELECT sensetting FROM x_plandetail UNION ALL SELECT sensetting FROM x_placementdetail) WHERE sensetting IS NOT NULL`,
  /** PlacementRank / SENtypeRank → rank (rankOf) and its ordinals; a missing rank is joined as '' (as blank: after every rank given). */
  rank: `SELECT DISTINCT coalesce(v, '') FROM (SELECT placementrank v FROM x_plandetail UNION ALL SELECT placementrank FROM x_placementdetail
    UNION ALL SELECT sentyperank FROM x_senneed UNION ALL SELECT '')`,
  cease: `SELECT DISTINCT ceasereason FROM x_namedplan WHERE ceasereason IS NOT NULL`,
  requestOutcome: `SELECT DISTINCT requestoutcome FROM x_requests WHERE requestoutcome IS NOT NULL`,
  assessmentOutcome: `SELECT DISTINCT assessmentoutcome FROM x_assessment WHERE assessmentoutcome IS NOT NULL`,
} as const;
