/**
 * The Blade export's warehouse rows (person, plan, request) in SQL, from the x_ tables and lookups of blade-sql.ts:
 *
 *   x_key, x_<module>, lk_* ─ planStagingStatements (the chosen records: c_ap, c_np, c_fb, c_pl, c_nd) ─┬─ row queries
 *     for JS ('codes': ENUM codes and day numbers, emitRows) ──────────────────────────────────────────┤
 *     for the warehouse ('values': rowStagingStatements → r_plan, r_request; insertStatements) ────────┘
 *
 * The rules are those of PersonRowBuilder (person-rows.ts, used for XML).
 */
import { sqlText } from '../sql-quote.ts';

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
 * makes each ISO text once). DuckDB then hands JS no string per row (the person key is a number). `enumStatement(name, source)`
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

/** The ENUM types of the plan and request rows, in either form (after planStagingStatements). */
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
 * warehouse staged as tables (`'values'`: the warehouse's own column names, text (most of it as values of the same
 * ENUM types: STAGED_ENUMS; the inserts write their text) and DATEs, with `pn` and the columns that order them; no
 * person key, no order: insertStatements adds both). Both need the ENUM types of rowEnums (STAGED_ENUMS for 'values').
 */
export type RowForm = 'codes' | 'values';

/**
 * ENUM types the warehouse rows ('values') are staged in: text of a few dozen values at most, made from the lookups
 * and the active plans' transfer LAs. URNs and UKPRNs (thousands of values, each a short text that DuckDB keeps
 * inline) stay text: making their type costs more than it saves.
 */
export const STAGED_ENUMS: ReadonlySet<string> = new Set(['need', 'placement', 'la', 'status', 'outcome', 'code']);

/**
 * The text `x` in its form: its code in ENUM e_<type>, or for the warehouse the ENUM value itself when `type` is
 * one of STAGED_ENUMS (staged in a byte, where text costs DuckDB a string to store and to sort; the insert into the
 * warehouse's text column gives back the text), else the text.
 */
const code = (t: RowForm, x: string, type: string) =>
  t === 'codes' ? `enum_code(CAST(${x} AS e_${type}))` : STAGED_ENUMS.has(type) ? `CAST(${x} AS e_${type})` : x;
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
      ${t === 'codes' ? 'NULL::UTINYINT' : 'NULL::e_la'} AS transfer_la,
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
  // the first assessment of each request (lowest line), its columns picked in the one pass that groups them
  // (arg_min_null: the value at that line, NULL included), not joined back to x_assessment by line
  return `WITH
  a1 AS (SELECT rln, min(ln) AS ln, arg_min_null(assessmentoutcome, ln) AS assessmentoutcome, arg_min_null(week20, ln) AS week20,
    arg_min_null(assessmentoutcomedate_d, ln) AS assessmentoutcomedate_d FROM x_assessment GROUP BY rln)
  SELECT r.pn, ${t === 'codes' ? '' : 'r.ln, '}p.age, ${day(t, 'r.receiveddate_d')} AS received_date, ${code(t, 'ro.canon', 'outcome')} AS outcome,
    ${code(t, 'ro.code', 'code')} AS outcome_code, ${day(t, 'r.requestoutcomedate_d')} AS outcome_date,
    ${code(t, 'ao.canon', 'outcome')} AS assessment_outcome, ${code(t, 'ao.code', 'code')} AS assessment_outcome_code,
    ${day(t, 'a.assessmentoutcomedate_d')} AS assessment_outcome_date, ${day(t, 's.plan_start')} AS plan_start_date,
    CASE WHEN a.ln IS NULL THEN NULL ELSE flag(a.week20) END AS week20
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
