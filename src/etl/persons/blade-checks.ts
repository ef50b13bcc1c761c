/**
 * The set-based checks of a Blade export (blade-read.ts): one query per rule over the x_ tables, returning only the
 * offending rows (the first FETCH of each, in person order) with how many there are, each named by its file, key
 * path and field. The rules and messages are PersonRowBuilder's (person-rows.ts), as the XML path applies them.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { MAX_AGE } from '../../domain/index.ts';
import { sen2ActivePlanCeased, sen2AfterReferenceDate, sen2AgeOutOfRange, sen2BadCeaseReason, sen2BadRank, sen2BadUrn, sen2CeaseBeforeStart, sen2BadDate, sen2DateBeforeBirth, sen2FutureDate, sen2MissingBirthDate, sen2SeveralActivePlans, sen2UnknownNeed, sen2UnknownOutcome, sen2UnknownSetting } from '../../messages/sen2.ts';
import { PROBLEM_CAP } from '../problem-log.ts';
import { RANK_MAX } from './codes.ts';
import type { BladeModule } from './blade-modules.ts';
import { DATE_COLUMNS, ancestors, idText, keyPath } from './blade-sql.ts';
import { sqlText } from '../sql-quote.ts';
import type { ReturnContext } from './person-rows.ts';

export type ModuleFiles = Record<BladeModule, string>;

/** Problems fetched per check (one more than the log lists, so the order of the ones it lists is right). */
export const FETCH = PROBLEM_CAP + 1;

export interface Found {
  severity: 'error' | 'warning';
  pn: number;
  seq: number;
  ln: number;
  file: string;
  path: string;
  message: string;
}

/** A result row. */
export type Row = DuckDBValue[];

/** A query's rows. */
export async function rowsOf(con: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await con.runAndReadAll(sql)).getRows();
}

/** A value as text, undefined for NULL. */
export const str = (v: DuckDBValue): string | undefined => (v === null || v === undefined ? undefined : String(v));

/** A rule's offending rows of x_<m> `t`: the condition, the extra columns its message reads, and joins. */
interface Rule {
  where: string;
  extra: string[];
  joins: string;
}

/** A rule (checks). */
function check(where: string, extra: string[], joins = ''): Rule {
  return { where, extra, joins };
}

/**
 * One validation query: offending rows of x_<m> in person order (the first FETCH), each with the number `n` of all
 * offending rows: pn, ln, id, the ancestors' lines (blade-sql.ts ancestors), n, then `extra`.
 */
function checkSql(m: BladeModule, { where, extra, joins }: Rule): string {
  const cols = ['t.pn', 't.ln', idText('t'), ...ancestors(m).map((a) => `t.${a.line}`), 'count(*) OVER () AS n', ...extra];
  return `SELECT ${cols.join(', ')} FROM x_${m} t ${joins} WHERE ${where} ORDER BY t.pn, t.ln LIMIT ${FETCH}`;
}

/**
 * The rows of a check as [pn, ln, key path, n, ...extra]: the ancestors' ids are read by line for these few rows
 * only (a join of the check with the ancestors' whole tables would hash each of them).
 */
async function withPaths(con: DuckDBConnection, m: BladeModule, rows: Row[]): Promise<Row[]> {
  const anc = ancestors(m);
  const ids: Array<Map<number, string | undefined>> = [];
  for (const [k, a] of anc.entries()) {
    const lines = [...new Set(rows.map((r) => Number(r[3 + k])).filter(Number.isFinite))];
    const found = lines.length === 0 ? [] : await rowsOf(con, `SELECT ln, ${idText('x')} FROM x_${a.module} x WHERE ln IN (${lines.join(', ')})`);
    ids.push(new Map(found.map(([ln, id]) => [Number(ln), str(id)])));
  }
  return rows.map((r) => {
    const path = keyPath(m, anc.map((_, k) => ids[k]!.get(Number(r[3 + k]))), str(r[2]!));
    return [r[0]!, r[1]!, path, ...r.slice(3 + anc.length)];
  });
}

/**
 * Runs every set-based check; returns the problems found (first FETCH of each) and how many more there are.
 * Whether each rule has any offending row is asked first, all in one statement (an export has few problems if any,
 * and a statement has a fixed cost of a few milliseconds: most of a small export's read); only the rules that have
 * are queried for their rows, in the same order.
 */
export async function checks(con: DuckDBConnection, files: ModuleFiles, ret: ReturnContext): Promise<{ found: Found[]; more: { error: number; warning: number } }> {
  const found: Found[] = [];
  const more = { error: 0, warning: 0 };
  const today = `DATE ${sqlText(ret.today)}`;
  const rules: Array<{ m: BladeModule; rule: Rule; report: (rows: Row[]) => void }> = [];
  const add = (
    seq: number, severity: Found['severity'], m: BladeModule, rule: Rule, message: (r: Row) => string, field: (r: Row) => string,
  ) => void rules.push({ m, rule, report: (rows) => {
    for (const r of rows) {
      found.push({ severity, pn: Number(r[0]), seq, ln: Number(r[1]), file: files[m], path: `${String(r[2])}/${field(r)}`, message: message(r) });
    }
    if (rows.length > 0) more[severity] += Number(rows[0]![3]) - rows.length;
  } });
  // Person: birth date (bad, future), missing, age.
  add(1, 'error', 'person', check(`t.personbirthdate_bad OR t.personbirthdate_d > ${today}`,
    ['t.personbirthdate', 'CAST(t.personbirthdate_d AS VARCHAR)']), (r) => (r[5] === null
    ? sen2BadDate('PersonBirthDate', String(r[4]).trim())
    : sen2FutureDate('PersonBirthDate', String(r[5]), ret.today)), () => 'PersonBirthDate');
  add(2, 'error', 'person', check('t.personbirthdate_absent', []), () => sen2MissingBirthDate(), () => 'PersonBirthDate');
  const y = ret.header.censusYear;
  // the persons with an active plan among the few over MAX_AGE: `pn IN (SELECT pn FROM x_activeplans)` hashed every
  // active plan's person (twice: the filter and the limit given), where this hashes only the few over MAX_AGE and
  // looks the active plans up in them
  const active = `(SELECT a.pn FROM x_activeplans a WHERE a.pn IN (SELECT pn FROM x_person WHERE age > ${MAX_AGE}))`;
  add(3, 'error', 'person', check(
    // the same as `t.age > CASE WHEN <active> THEN MAX_AGE ELSE MAX_AGE + 1 END`, with the persons with an active plan
    // looked up only for the few over MAX_AGE (the CASE looked up every person)
    `t.age > ${MAX_AGE} AND (t.age > ${MAX_AGE + 1} OR t.pn IN ${active})`,
    ['t.age', `CASE WHEN t.pn IN ${active} THEN ${MAX_AGE} ELSE ${MAX_AGE + 1} END`]),
  (r) => sen2AgeOutOfRange(Number(r[4]), y, Number(r[5])), () => 'PersonBirthDate');
  // Child dates: bad, future, before birth.
  let seq = 10;
  for (const [m, c, field] of DATE_COLUMNS) {
    if (m === 'person' || m === 'placementdetail') continue;
    add(seq++, 'error', m, check(`t."${c}_bad" OR t."${c}_d" > ${today} OR t."${c}_d" < t.bd`,
      [`t."${c}"`, `CAST(t."${c}_d" AS VARCHAR)`]), (r) => {
      if (r[5] === null) return sen2BadDate(field, String(r[4]).trim());
      return String(r[5]) > ret.today ? sen2FutureDate(field, String(r[5]), ret.today) : sen2DateBeforeBirth(field, String(r[5]));
    }, () => field);
  }
  // A URN or UKPRN that is no number of up to 8 digits (person-rows.ts URN_SHAPE).
  for (const m of ['plandetail', 'placementdetail'] as const) {
    for (const [c, field] of [['urn', 'URN'], ['ukprn', 'UKPRN']] as const) {
      // a value of 1 to 8 digits as it is (nearly every one) is its own clean value and passes: it is let by on one
      // regular expression, where the rule's own test took three (650,000 plan details: 156 -> 49 ms of CPU)
      add(seq++, 'error', m, check(`NOT regexp_full_match(t.${c}, '[0-9]{1,8}') AND clean(t.${c}) IS NOT NULL AND NOT regexp_full_match(clean(t.${c}), '[0-9]{1,8}')`, [`clean(t.${c})`]),
        (r) => sen2BadUrn(field, String(r[4])), () => field);
    }
  }
  // A plan ceased before it started.
  add(seq++, 'error', 'namedplan', check('t.ceasedate_d < t.startdate_d', ['CAST(t.ceasedate_d AS VARCHAR)', 'CAST(t.startdate_d AS VARCHAR)']),
    (r) => sen2CeaseBeforeStart(String(r[4]), String(r[5])), () => 'CeaseDate');
  // A plan started or ceased after the return's census day (not in the future: that is the date check's).
  const ref = ret.header.referenceDate;
  if (ref !== undefined) {
    for (const [c, field] of [['startdate', 'StartDate'], ['ceasedate', 'CeaseDate']] as const) {
      add(seq++, 'error', 'namedplan', check(`t.${c}_d > DATE ${sqlText(ref)} AND t.${c}_d <= ${today}`, [`CAST(t.${c}_d AS VARCHAR)`]),
        (r) => sen2AfterReferenceDate(field, String(r[4]), ref), () => field);
    }
    // A plan ceased before the census under a request holding its plan at the census, no other plan of it open
    // (person-rows.ts): counted as held and as ceased.
    add(seq++, 'error', 'namedplan', check(`t.ceasedate_d < DATE ${sqlText(ref)} AND t.rln IN (SELECT rln FROM x_activeplans)
      AND NOT EXISTS (SELECT 1 FROM x_namedplan o WHERE o.rln = t.rln AND o.ceasedate_d IS NULL)`, ['CAST(t.ceasedate_d AS VARCHAR)']),
    (r) => sen2ActivePlanCeased(String(r[4]), ref), () => 'CeaseDate');
  }
  // Codes.
  for (const m of ['plandetail', 'placementdetail'] as const) {
    add(seq++, 'error', m, check('k.placement IS NULL', ['k.code', 'k.suggestion'], 'JOIN lk_setting k ON k.raw = t.sensetting'),
      (r) => sen2UnknownSetting(String(r[4]), str(r[5])), () => 'SENsetting');
  }
  add(seq++, 'error', 'namedplan', check('t.ceasedate_d IS NOT NULL AND NOT k.ok', ['t.ceasereason'],
    'JOIN lk_cease k ON k.raw = t.ceasereason'), (r) => sen2BadCeaseReason(String(r[4])), () => 'CeaseReason');
  // An unreadable PlacementRank or SENtypeRank (codes.ts isBadRank, through lk_rank's `bad`).
  for (const [m, c, field] of [['plandetail', 'placementrank', 'PlacementRank'], ['placementdetail', 'placementrank', 'PlacementRank'],
    ['senneed', 'sentyperank', 'SENtypeRank']] as const) {
    add(seq++, 'error', m, check('k.bad', [`t.${c}`], `JOIN lk_rank k ON k.raw = t.${c}`), (r) => sen2BadRank(field, String(r[4]), RANK_MAX), () => field);
  }
  add(seq++, 'error', 'senneed', check('k.need IS NULL', ['k.code', 'k.suggestion'], 'JOIN lk_need k ON k.raw = t.sentype'),
    (r) => sen2UnknownNeed(String(r[4]), str(r[5])), () => 'SENtype');
  // Outcome codes not in the guide's list: warnings.
  add(seq++, 'warning', 'requests', check('k.canon IS NULL', ['k.raw'], 'JOIN lk_requestOutcome k ON k.raw = t.requestoutcome'),
    (r) => sen2UnknownOutcome('RequestOutcome', String(r[4]), Object.keys(ret.codes.request)), () => 'RequestOutcome');
  add(seq++, 'warning', 'assessment', check('k.canon IS NULL', ['k.raw'], 'JOIN lk_assessmentOutcome k ON k.raw = t.assessmentoutcome'),
    (r) => sen2UnknownOutcome('AssessmentOutcome', String(r[4]), Object.keys(ret.codes.assessment)), () => 'AssessmentOutcome');
  // persons with more than one active plan (the XML's ActivePlans twice): one warning, at the first such person's
  // second record in the order of their requests (the first is the one counted, blade-rows-sql.ts c_ap), as in the XML
  // (counted by a plain GROUP BY: a list of every person's records cost 1 s and 100 MB at 650,000 persons)
  const several = 'SELECT pn FROM x_activeplans GROUP BY pn HAVING count(*) > 1';
  const any = rules.map(({ m, rule }) => `EXISTS (SELECT 1 FROM x_${m} t ${rule.joins} WHERE ${rule.where})`);
  const has = (await rowsOf(con, `SELECT ${[...any, `EXISTS (${several})`].join(', ')}`))[0]!;
  for (const [i, { m, rule, report }] of rules.entries()) {
    if (has[i] === true) report(await withPaths(con, m, await rowsOf(con, checkSql(m, rule))));
  }
  if (has[rules.length] === true) {
    const [[n, pn] = [0, null]] = await rowsOf(con, `SELECT count(*), min(pn) FROM (${several})`);
    const [[ln] = [null]] = await rowsOf(con, `SELECT ln FROM x_activeplans WHERE pn = ${Number(pn)} ORDER BY rln, ln LIMIT 1 OFFSET 1`);
    found.push({ severity: 'warning', pn: Number(pn), seq: seq++, ln: Number(ln), file: files.activeplans, path: 'activeplans',
      message: sen2SeveralActivePlans(Number(n), 'activeplans record') });
  }
  return { found, more };
}
