/**
 * Set-based SQL over the nine Blade module tables (loaded by DuckDB's read_csv as `m_<module>`, all VARCHAR):
 *
 *   m_<module> ─ linkStatements ─ x_<module>: each record with its line `ln`, the ordinal `pn` of the person it
 *   belongs to, the lines of its ancestors, and its dates resolved through `dm` (raw → DATE / bad)
 *
 * Validation queries (blade-read.ts) select only offending rows from the x_ tables; the emit queries below give
 * the warehouse rows (person, plan, request) as flat columns. The rules are those of PersonRowBuilder
 * (person-rows.ts, used for XML); test/etl/sen2/blade-equivalence.test.ts checks both give the same rows.
 *
 * Lines: `ln` = record ordinal + 2 (header is line 1) from DuckDB's insertion-ordered `rowid`; a quoted field
 * spanning lines would shift later line numbers (COLLECT exports do not write any).
 */
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
 * parseSen2Date), or undefined when the module has no date column.
 */
export function moduleDatesQuery(cols: Columns, m: BladeModule): string | undefined {
  const parts = DATE_COLUMNS.filter(([dm, c]) => dm === m && cols[m].has(c)).map(([, c]) => `SELECT "${c}" AS v FROM m_${m}`);
  if (parts.length === 0) return undefined;
  return `SELECT DISTINCT v FROM (${parts.join(' UNION ALL ')}) WHERE v IS NOT NULL AND NOT EXISTS (SELECT 1 FROM lk_dates l WHERE l.raw = v)`;
}

/**
 * Helper macros: `clean` = trim + blank → NULL (as person-rows.ts `clean`), `is_set` (codes.ts `isSet`), `id_num`
 * (an id written as a whole number in canonical form, e.g. `13` but not `013` or ` 13`, as that number; else NULL).
 */
export const MACROS = [
  // trim with a character list is slow in DuckDB (about 2 µs a value): a value beginning and ending with a printable
  // ASCII character, as nearly all do, is kept as it is without it
  `CREATE OR REPLACE MACRO clean(s) AS CASE WHEN regexp_matches(s, '^[!-~](?:.*[!-~])?$') THEN s
    ELSE nullif(trim(s, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(160) || chr(65279)), '') END`,
  // a CASE, not IN (…): DuckDB plans an IN list as a join
  `CREATE OR REPLACE MACRO id_num(s) AS CASE WHEN CAST(try_cast(s AS BIGINT) AS VARCHAR) = s THEN try_cast(s AS BIGINT) END`,
  `CREATE OR REPLACE MACRO is_set(s) AS ${isSetSql('clean', 's')}`,
];

/**
 * codes.ts `isSet` of `x`, with macro `clean` named `clean` (a macro's body is bound where it is called: from another
 * connection `clean` is named in its database, so the body of is_set is spelled out there).
 */
function isSetSql(clean: string, x: string): string {
  return `CASE lower(${clean}(${x})) WHEN '1' THEN true WHEN 'true' THEN true WHEN 'y' THEN true WHEN 'yes' THEN true WHEN 't' THEN true ELSE false END`;
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
 * numbers. Two ids are the same text exactly when they have the same `idn` or the same `ids`.
 */
function idColumns(t: string, c: string): string {
  return `id_num(${t}.${c}) AS idn, CASE WHEN id_num(${t}.${c}) IS NULL THEN ${t}.${c} END AS ids`;
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
  return `CREATE OR REPLACE TABLE x_person AS SELECT t.rowid::INTEGER AS pn, (t.rowid + 2)::INTEGER AS ln, ${idColumns('t', 'persontableid')},
      ${col(cols, 'person', 'upn')} AS upn, ${col(cols, 'person', 'uniquelearnernumber')} AS uln,
      coalesce(${col(cols, 'person', 'sex')}, ${col(cols, 'person', 'gendercurrent')}) AS sex, ${col(cols, 'person', 'ethnicity')} AS ethnicity,
      ${d.sel.join(', ')},
      CASE WHEN d0_0.d IS NOT NULL THEN greatest(0, ${y - 1} - year(d0_0.d) - CASE WHEN month(d0_0.d) > 8 THEN 1 ELSE 0 END) END::INTEGER AS age,
      month(d0_0.d)::INTEGER AS birth_month
      FROM m_person t ${d.join.join(' ')}`;
}

/**
 * Whether the ids of x_<m> are all different (then a child joins its parent directly, with no search for the first),
 * and whether any is text (not a number: then children join on text too).
 */
export function idFactsQuery(m: BladeModule): string {
  return `SELECT count(idn) = count(DISTINCT idn) AND count(ids) = count(DISTINCT ids), count(ids) > 0 FROM x_${m}`;
}

/**
 * The x_<m> table of a child module. Children attach to the first record (lowest line) carrying their parent id;
 * records whose parent id matches no record are not attached to any person (as in the XML, they have no place).
 * `parent.unique`: the parent's ids are all different, so the first record of an id is the only one; `parent.text`:
 * some of them are text (idColumns), so children whose parent id is not a number are joined on text as well.
 */
export function childStatement(cols: Columns, m: BladeModule, parent: { unique: boolean; text: boolean }): string {
  const p = BLADE_SPEC[m].parent!;
  const chain = CHAIN[m];
  const parentChain = CHAIN[p];
  const sel = [`u.pn`, `(t.rowid + 2)::INTEGER AS ln`, idColumns('t', idColumn(m))];
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
  const pid = `t.${idColumn(p)}`;
  const from = (on: string) => `SELECT ${sel.join(', ')} FROM m_${m} t JOIN ${parents} u ON ${on} ${d.join.join(' ')}`;
  return `CREATE OR REPLACE TABLE x_${m} AS ${from(`u.idn = id_num(${pid})`)}${parent.text ? ` UNION ALL ${from(`u.ids = ${pid}`)}` : ''}`;
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
  /** PlacementRank / SENtypeRank → rank (rankOf) and its ordinals; a missing rank is joined as '' (rank 99, as blank). */
  rank: `SELECT DISTINCT coalesce(v, '') FROM (SELECT placementrank v FROM x_plandetail UNION ALL SELECT placementrank FROM x_placementdetail
    UNION ALL SELECT sentyperank FROM x_senneed UNION ALL SELECT '')`,
  cease: `SELECT DISTINCT ceasereason FROM x_namedplan WHERE ceasereason IS NOT NULL`,
  requestOutcome: `SELECT DISTINCT requestoutcome FROM x_requests WHERE requestoutcome IS NOT NULL`,
  assessmentOutcome: `SELECT DISTINCT assessmentoutcome FROM x_assessment WHERE assessmentoutcome IS NOT NULL`,
} as const;

export interface EmitConstants {
  censusYear: number;
  referenceDate?: string;
  placementNotRecorded: string;
  needNotRecorded: string;
}

/**
 * The facts of the chosen placement records (alias `d`, setting lookup `s`): URN, UKPRN, flags, and the placement
 * of its setting only when no URN/UKPRN is given (person-rows.ts placement), worked out once per chosen record.
 */
function placementFacts(none: string): string {
  return `clean(d.urn) AS urn, clean(d.ukprn) AS ukprn, is_set(d.senunitindicator) AS sen_unit, is_set(d.resourcedprovisionindicator) AS rp,
    CASE WHEN clean(d.urn) IS NULL AND clean(d.ukprn) IS NULL AND s.placement IS NOT NULL THEN s.placement ELSE ${sqlText(none)} END AS placement`;
}

/**
 * Text columns of the rows go out as whole numbers: the code of an ENUM of the values the column can take (a few
 * hundred at most; JS maps the code back through enum_range, read once), and dates as days since 1970-01-01 (JS
 * makes each ISO text once). DuckDB then hands JS no string per row but the person key. `enumStatement(name, source)`
 * makes type `e_<name>` from the distinct non-null values of `source`'s column `v`.
 */
export function enumStatement(name: string, source: string): string {
  return `CREATE TYPE e_${name} AS ENUM (SELECT DISTINCT v FROM (${source}) WHERE v IS NOT NULL)`;
}

/** The ENUM types of the person rows (after x_key is built), in the order of their columns. */
export const PERSON_ENUMS: ReadonlyArray<[string, string]> = [
  ['sex', 'SELECT sex AS v FROM x_key'],
  ['ethnicity', 'SELECT ethnicity AS v FROM x_key'],
];

/** The ENUM types of the plan and request rows (after planStagingStatements). */
export function rowEnums(k: EmitConstants): Array<[string, string]> {
  return [
    ['need', `SELECT need AS v FROM lk_need UNION ALL SELECT ${sqlText(k.needNotRecorded)}`],
    ['placement', `SELECT placement AS v FROM lk_setting UNION ALL SELECT ${sqlText(k.placementNotRecorded)}`],
    ['la', 'SELECT transfer_la AS v FROM c_ap'],
    ['urn', `SELECT urn AS v FROM c_np UNION ALL SELECT ukprn FROM c_np UNION ALL SELECT urn FROM c_fb UNION ALL SELECT ukprn FROM c_fb
      UNION ALL SELECT urn FROM c_pl UNION ALL SELECT ukprn FROM c_pl`],
    ['status', "SELECT 'ceased' AS v UNION ALL SELECT 'active'"],
    ['outcome', 'SELECT canon AS v FROM lk_requestOutcome UNION ALL SELECT canon FROM lk_assessmentOutcome'],
    ['code', 'SELECT code AS v FROM lk_requestOutcome UNION ALL SELECT code FROM lk_assessmentOutcome'],
  ];
}

/**
 * What the row queries give: rows for JS (`'codes'`: text as ENUM codes, dates as day numbers, led by the person's
 * ordinal `pn`, in the order JS appends them; JS adds the person key and the constant columns), or rows for the
 * warehouse staged as tables (`'values'`: the warehouse's own column names, text and DATEs, with `pn` and the
 * columns that order them; no person key, no order: insertStatements adds both).
 */
export type RowForm = 'codes' | 'values';

/** The text `x` in its form: its code in ENUM e_<type>, or itself. */
const code = (t: RowForm, x: string, type: string) => (t === 'codes' ? `enum_code(CAST(${x} AS e_${type}))` : x);
/** A DATE in its form: days since 1970-01-01, or itself. */
const day = (t: RowForm, d: string) => (t === 'codes' ? `CAST(${d} - DATE '1970-01-01' AS INTEGER)` : d);
/** The table giving each person's age by `pn`: x_person for JS (x_key is let go after the person rows), x_key for the warehouse (x_person, with the raw identifiers, is let go first). */
const people = (t: RowForm) => (t === 'codes' ? 'x_person' : 'x_key');

/** Whether x_key is stored in person order (each row's `pn` is its rowid), as it is built: then it is read without a sort. */
export const KEYS_IN_ORDER_QUERY = 'SELECT count(*) = 0 FROM x_key WHERE pn <> rowid';

/**
 * Rows of `person` in person order, all from x_key: for JS pn, age, birth_month, sex, ethnicity (codes), person key.
 * `stored`: x_key is stored in person order (KEYS_IN_ORDER_QUERY), so a scan gives that order (DuckDB keeps the
 * insertion order of a scan) and the 650,000 keys need no sort.
 */
export function personRowsQuery(stored: boolean): string {
  return `SELECT pn, age, birth_month, ${code('codes', 'sex', 'sex')}, ${code('codes', 'ethnicity', 'ethnicity')}, key FROM x_key${stored ? '' : ' ORDER BY pn'}`;
}

/** `x_starts(rln, plan_start, active_start)`: per request, the first plan start, and the first of a plan not ceased. */
export const STARTS_STATEMENT = `CREATE OR REPLACE TABLE x_starts AS SELECT rln,
      arg_min(startdate_d, (aln::BIGINT << 32) + ln) FILTER (WHERE startdate_d IS NOT NULL) AS plan_start,
      arg_min(startdate_d, (aln::BIGINT << 32) + ln) FILTER (WHERE startdate_d IS NOT NULL AND ceasedate_d IS NULL) AS active_start
    FROM x_namedplan GROUP BY rln`;

/**
 * The chosen records of plan rows, as tables built one after the other, each source table dropped once the later
 * steps no longer need it (so the final join holds only small tables; memory stays under 1 GB for 650,000 persons):
 * `c_np` (placement of each ceased named plan), `c_fb` (first plan detail of a request whose active plan has no placement),
 * `c_pl` (placement of each active plan), `c_nd` (need of each active plan), `c_ap` (the active plan of each person).
 * First records are picked by arg_min over whole-number keys (rank ordinals from lk_rank, then lines).
 */
export function planStagingStatements(k: EmitConstants): string[] {
  const ref = k.referenceDate ? `DATE ${sqlText(k.referenceDate)}` : 'NULL::DATE';
  const facts = placementFacts(k.placementNotRecorded);
  const pd = `(SELECT t.ln, t.npln, t.rln, t.aln, rk.open AS score FROM x_plandetail t JOIN lk_rank rk ON rk.raw = coalesce(t.placementrank, ''))`;
  return [
    `CREATE OR REPLACE TABLE c_ap AS SELECT d.pn, d.rln, d.ln, clean(d.transferla) AS transfer_la
      FROM (SELECT arg_min(ln, (rln::BIGINT << 32) + ln) AS ln FROM x_activeplans GROUP BY pn) b JOIN x_activeplans d ON d.ln = b.ln`,
    'DROP TABLE x_activeplans',
    // only ceased named plans give plan rows of their own
    `CREATE OR REPLACE TABLE c_np AS SELECT d.npln, ${facts} FROM (SELECT arg_min(ln, (score::BIGINT << 32) + ln) AS ln FROM ${pd}
      WHERE npln IN (SELECT ln FROM x_namedplan WHERE ceasedate_d IS NOT NULL) GROUP BY npln) b
      JOIN x_plandetail d ON d.ln = b.ln LEFT JOIN lk_setting s ON s.raw = d.sensetting`,
    // an active plan with no placement of its own takes the first plan detail of its request
    `CREATE OR REPLACE TABLE c_fb AS SELECT d.rln, ${facts} FROM (SELECT arg_min(ln, (score::HUGEINT << 96) + (aln::HUGEINT << 64) + (npln::HUGEINT << 32) + ln) AS ln
      FROM ${pd} WHERE rln IN (SELECT ap.rln FROM c_ap ap WHERE NOT EXISTS (SELECT 1 FROM x_placementdetail x WHERE x.apln = ap.ln)) GROUP BY rln) b
      JOIN x_plandetail d ON d.ln = b.ln LEFT JOIN lk_setting s ON s.raw = d.sensetting`,
    'DROP TABLE x_plandetail',
    `CREATE OR REPLACE TABLE c_pl AS SELECT d.apln, ${facts} FROM (SELECT arg_min(ln, (score::BIGINT << 32) + ln) AS ln
      FROM (SELECT t.ln, t.apln, CASE WHEN t.leavingdate_d < ${ref} THEN rk.closed ELSE rk.open END AS score
        FROM x_placementdetail t JOIN lk_rank rk ON rk.raw = coalesce(t.placementrank, '')) GROUP BY apln) b
      JOIN x_placementdetail d ON d.ln = b.ln LEFT JOIN lk_setting s ON s.raw = d.sensetting`,
    'DROP TABLE x_placementdetail',
    `CREATE OR REPLACE TABLE c_nd AS SELECT t.apln, arg_min(n.need, (rk.need::BIGINT << 32) + t.ln) AS need FROM x_senneed t JOIN lk_need n ON n.raw = t.sentype
      JOIN lk_rank rk ON rk.raw = coalesce(t.sentyperank, '') WHERE n.need IS NOT NULL GROUP BY t.apln`,
    'DROP TABLE x_senneed',
  ];
}

/**
 * Rows of `plan` in person order (per request: ceased plans, then the active plan), from the tables of
 * planStagingStatements: for JS pn, age, need, placement, start_date, cease_date, cease_reason, transfer_la, status,
 * urn, ukprn, sen_unit, rp.
 */
export function planRowsQuery(k: EmitConstants, t: RowForm = 'codes'): string {
  const none = sqlText(k.placementNotRecorded);
  const noNeed = sqlText(k.needNotRecorded);
  // the person's age is joined once, to the rows of both kinds
  return `SELECT u.pn, ${t === 'codes' ? '' : 'u.rln, u.kind, u.aln, u.sub, '}coalesce(p.age, 0) AS age, u.need, u.placement, u.start_date, u.cease_date,
      u.cease_reason, u.transfer_la, u.status, u.urn, u.ukprn, u.sen_unit, u.rp${t === 'codes' ? '' : ' AS resourced_provision'} FROM (
    SELECT np.pn, np.rln, 0 AS kind, np.aln, np.ln AS sub, ${code(t, noNeed, 'need')} AS need,
      ${code(t, `coalesce(d.placement, ${none})`, 'placement')} AS placement,
      ${day(t, 'np.startdate_d')} AS start_date, ${day(t, 'np.ceasedate_d')} AS cease_date, c.reason AS cease_reason,
      ${t === 'codes' ? 'NULL::UTINYINT' : 'NULL::VARCHAR'} AS transfer_la,
      ${code(t, "'ceased'", 'status')} AS status, ${code(t, 'd.urn', 'urn')} AS urn, ${code(t, 'd.ukprn', 'urn')} AS ukprn,
      coalesce(d.sen_unit, false) AS sen_unit, coalesce(d.rp, false) AS rp
    FROM x_namedplan np
      LEFT JOIN c_np d ON d.npln = np.ln
      LEFT JOIN lk_cease c ON c.raw = np.ceasereason
    WHERE np.ceasedate_d IS NOT NULL
    UNION ALL
    SELECT ap.pn, ap.rln, 1 AS kind, 0 AS aln, 0 AS sub, ${code(t, `coalesce(nd.need, ${noNeed})`, 'need')} AS need,
      ${code(t, `CASE WHEN pl.apln IS NOT NULL THEN pl.placement ELSE coalesce(fb.placement, ${none}) END`, 'placement')} AS placement,
      ${day(t, 'coalesce(s.active_start, s.plan_start)')} AS start_date, ${t === 'codes' ? 'NULL::INTEGER' : 'NULL::DATE'} AS cease_date, NULL::INTEGER AS cease_reason,
      ${code(t, 'ap.transfer_la', 'la')} AS transfer_la, ${code(t, "'active'", 'status')} AS status,
      ${code(t, 'CASE WHEN pl.apln IS NOT NULL THEN pl.urn ELSE fb.urn END', 'urn')} AS urn,
      ${code(t, 'CASE WHEN pl.apln IS NOT NULL THEN pl.ukprn ELSE fb.ukprn END', 'urn')} AS ukprn,
      CASE WHEN pl.apln IS NOT NULL THEN pl.sen_unit ELSE coalesce(fb.sen_unit, false) END AS sen_unit,
      CASE WHEN pl.apln IS NOT NULL THEN pl.rp ELSE coalesce(fb.rp, false) END AS rp
    FROM c_ap ap
      LEFT JOIN c_nd nd ON nd.apln = ap.ln
      LEFT JOIN c_pl pl ON pl.apln = ap.ln
      LEFT JOIN c_fb fb ON fb.rln = ap.rln
      LEFT JOIN x_starts s ON s.rln = ap.rln
  ) u JOIN ${people(t)} p ON p.pn = u.pn${t === 'codes' ? ` ORDER BY ${PLAN_ORDER.map((c) => `u.${c}`).join(', ')}` : ''}`;
}

/**
 * Rows of `request` in person order: for JS pn, age, received_date, outcome, outcome_code, outcome_date,
 * assessment_outcome, assessment_outcome_code, assessment_outcome_date, plan_start_date, week20.
 */
export function requestRowsQuery(t: RowForm = 'codes'): string {
  return `WITH
  a1 AS (SELECT d.* FROM (SELECT min(ln) AS ln FROM x_assessment GROUP BY rln) b JOIN x_assessment d ON d.ln = b.ln)
  SELECT r.pn, ${t === 'codes' ? '' : 'r.ln, '}p.age, ${day(t, 'r.receiveddate_d')} AS received_date, ${code(t, 'ro.canon', 'outcome')} AS outcome,
    ${code(t, 'ro.code', 'code')} AS outcome_code, ${day(t, 'r.requestoutcomedate_d')} AS outcome_date,
    ${code(t, 'ao.canon', 'outcome')} AS assessment_outcome, ${code(t, 'ao.code', 'code')} AS assessment_outcome_code,
    ${day(t, 'a.assessmentoutcomedate_d')} AS assessment_outcome_date, ${day(t, 's.plan_start')} AS plan_start_date,
    CASE WHEN a.ln IS NULL OR clean(a.week20) IS NULL THEN NULL ELSE is_set(a.week20) END AS week20
  FROM x_requests r JOIN ${people(t)} p ON p.pn = r.pn
    LEFT JOIN lk_requestOutcome ro ON ro.raw = r.requestoutcome
    LEFT JOIN a1 a ON a.rln = r.ln LEFT JOIN lk_assessmentOutcome ao ON ao.raw = a.assessmentoutcome
    LEFT JOIN x_starts s ON s.rln = r.ln${t === 'codes' ? `
  ORDER BY ${REQUEST_ORDER.map((c) => `r.${c}`).join(', ')}` : ''}`;
}

/** The columns ordering plan rows (per person and request: ceased plans, then the active plan) and request rows. */
const PLAN_ORDER = ['pn', 'rln', 'kind', 'aln', 'sub'];
const REQUEST_ORDER = ['pn', 'ln'];

/** The constant columns of one return's warehouse rows, and the staging database its tables are in. */
export interface WarehouseRows {
  censusYear: number;
  laCode: string;
  fileId: number;
  /** The staging database's name, quoted (staging.ts), as the warehouse's connection names it. */
  stage: string;
}

/**
 * Stages the warehouse rows of plan and request (RowForm 'values') as r_plan and r_request, and lets go every
 * table they were made from: the rows still to come hold only x_key, r_plan and r_request.
 */
export function rowStagingStatements(k: EmitConstants): string[] {
  return [
    `CREATE OR REPLACE TABLE r_request AS ${requestRowsQuery('values')}`,
    'DROP TABLE x_requests', 'DROP TABLE x_assessment',
    `CREATE OR REPLACE TABLE r_plan AS ${planRowsQuery(k, 'values')}`,
    'DROP TABLE x_namedplan', 'DROP TABLE x_starts', ...['c_ap', 'c_np', 'c_fb', 'c_pl', 'c_nd'].map((c) => `DROP TABLE ${c}`),
  ];
}

/**
 * The statements run on the warehouse's connection (in the load's transaction) writing the staged rows into
 * person, plan and request, with their person key and constants, in the order JS appends them (emitRows).
 * `stored`: x_key is stored in person order (KEYS_IN_ORDER_QUERY).
 */
export function insertStatements(w: WarehouseRows, stored: boolean): Array<[table: 'person' | 'plan' | 'request', sql: string]> {
  const at = (name: string) => `${w.stage}.main.${name}`;
  const lead = `${Math.floor(w.censusYear)} AS census_year, ${sqlText(w.laCode)} AS la_code, k.key AS person_key, ${Math.floor(w.fileId)} AS file_id`;
  const staged = (table: string, order: readonly string[]) =>
    `SELECT ${lead}, r.* EXCLUDE (${order.join(', ')}) FROM ${at(table)} r JOIN ${at('x_key')} k ON k.pn = r.pn ORDER BY ${order.map((c) => `r.${c}`).join(', ')}`;
  return [
    ['person', `SELECT ${lead}, age, birth_month, sex, ethnicity FROM ${at('x_key')} k${stored ? '' : ' ORDER BY k.pn'}`],
    ['plan', staged('r_plan', PLAN_ORDER)],
    ['request', staged('r_request', REQUEST_ORDER)],
  ];
}
