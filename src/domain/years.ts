/**
 * The four calendars of the domain (spec domain.md): census years (January snapshot), academic years
 * (September–August, whose census is the January inside them), flow years (calendar activity published with the
 * next census) and financial years (April–March, the budget year of the High Needs block).
 * Every conversion between them lives here.
 */

/** A census year: the January snapshot of that calendar year. */
export type CensusYear = number;
/** A financial year, identified by the calendar year it starts in (2025 = 2025-26). */
export type FinancialYearStart = number;

/** Months of financial year Y-(Y+1) that fall in academic year (Y-1)/Y (April–August). */
export const MONTHS_IN_EARLIER_ACADEMIC_YEAR = 5;

/**
 * Converts an EES `time_period` to the census year it describes. Academic codes (`202425`) and the 2022
 * release's calendar codes (`2022`) both mean January of the second year.
 * @example censusYearFromTimePeriod('202425') // 2025
 * @example censusYearFromTimePeriod('2022') // 2022
 */
export function censusYearFromTimePeriod(timePeriod: string | number): CensusYear | undefined {
  const first = academicFirstYear(timePeriod);
  if (first !== undefined) return first + 1;
  const s = String(timePeriod).trim();
  if (/^\d{4}$/.test(s)) return Number(s);
  return undefined;
}

/**
 * The first calendar year of an academic time period: the release's code `202425`, or the same year written with a
 * separator (`2024/25`, `2024/2025`, `2024-25`); undefined when its second year does not follow its first.
 */
function academicFirstYear(timePeriod: string | number): number | undefined {
  const m = /^(\d{4})(?:(\d{2})|[/-](\d{2}|\d{4}))$/.exec(String(timePeriod).trim());
  if (!m) return undefined;
  const first = Number(m[1]);
  const second = m[2] ?? m[3]!;
  const follows = second.length === 4 ? Number(second) === first + 1 : (first + 1) % 100 === Number(second);
  return follows ? first : undefined;
}

/** The time identifiers an EES row may give (none, or the kind of year its period is written as). */
export const TIME_IDENTIFIERS = ['Academic year', 'Calendar year'] as const;

/**
 * Whether an EES row's `time_identifier` is one the model reads: blank, 'Academic year' or 'Calendar year' (any
 * case). Another ('Financial year', 'Spring term') says the period is some other span of time than the January or the
 * calendar year it would be read as.
 * @example isKnownTimeIdentifier('Financial year') // false
 */
export function isKnownTimeIdentifier(identifier: string): boolean {
  const id = identifier.trim().toLowerCase();
  return id === '' || TIME_IDENTIFIERS.some((t) => t.toLowerCase() === id);
}

/**
 * Whether an EES row's `time_identifier` contradicts the form of its `time_period`: "Academic year" with a 4-digit
 * period (a year typed where its academic code `202122` belongs, which would be read as a census a year early), or
 * "Calendar year" with a 6-digit one. Other identifiers (or none) say nothing here.
 * @example timePeriodContradicts('2021', 'Academic year') // true
 */
export function timePeriodContradicts(timePeriod: string, identifier: string): boolean {
  const id = identifier.trim().toLowerCase();
  const academic = isAcademicTimePeriod(timePeriod);
  return (id === 'academic year' && !academic) || (id === 'calendar year' && academic);
}

/** Whether an EES time period is written as an academic year (`202425`) rather than a calendar year. */
export function isAcademicTimePeriod(timePeriod: string | number): boolean {
  return academicFirstYear(timePeriod) !== undefined;
}

/**
 * The census year in which new plans issued during calendar (flow) year `flowYear` first appear.
 * @example censusYearOfFlow(2024) // 2025
 */
export function censusYearOfFlow(flowYear: number): CensusYear {
  return flowYear + 1;
}

/** The flow (calendar) year whose activity is published with census `censusYear`. */
export function flowYearOfCensus(censusYear: CensusYear): number {
  return censusYear - 1;
}

/**
 * Label of a financial year.
 * @example financialYearLabel(2025) // '2025-26'
 */
export function financialYearLabel(start: FinancialYearStart): string {
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * Parses `2025-26`, `2025/26`, `202526` or `2025` into the starting calendar year.
 * @example parseFinancialYear('2024-25') // 2024
 */
export function parseFinancialYear(label: string | number): FinancialYearStart | undefined {
  const s = String(label).trim();
  const m = /^(\d{4})\s*[-/]?\s*(\d{2}|\d{4})?$/.exec(s);
  if (!m) return undefined;
  const start = Number(m[1]);
  if (m[2] !== undefined) {
    const end = Number(m[2]);
    const endShort = end % 100;
    if ((start + 1) % 100 !== endShort) return undefined;
  }
  return start;
}

/**
 * Label of an academic year.
 * @example academicYearLabel(2025) // '2024/25' (the academic year whose census is January 2025)
 */
export function academicYearLabel(censusYear: CensusYear): string {
  return `${censusYear - 1}/${String(censusYear % 100).padStart(2, '0')}`;
}

/** The month at which placements change (and new places open), unless a scenario says otherwise: September. */
export const DEFAULT_CHANGE_MONTH = 9;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The English name of month `m` (1–12). @example monthName(9) // 'September' */
export function monthName(m: number): string {
  return MONTH_NAMES[m - 1] ?? String(m);
}

/**
 * The one academic-to-financial-year conversion (domain.md, budget.md): financial year Y-(Y+1) holds
 * 5 months of the academic year whose census is Y and 7 months of the one whose census is Y+1.
 * `changeMonth` (1–12, default 9 = September) moves the month at which placements change.
 * @example financialYearValue(1200, 2400) // 5/12 × 1200 + 7/12 × 2400 = 1900
 */
export function financialYearValue(atCensusY: number, atCensusY1: number, changeMonth = DEFAULT_CHANGE_MONTH): number {
  const earlier = monthsBeforeChange(changeMonth);
  return (earlier / 12) * atCensusY + ((12 - earlier) / 12) * atCensusY1;
}

/** Months from April up to (not including) `changeMonth`: 5 for September. */
export function monthsBeforeChange(changeMonth: number): number {
  if (!Number.isInteger(changeMonth) || changeMonth < 1 || changeMonth > 12) {
    throw new RangeError(`changeMonth must be an integer from 1 to 12. Got: ${changeMonth}`);
  }
  return (changeMonth - 4 + 12) % 12;
}

/** Financial years covered by census years `first..last`: each needs census Y and Y+1. */
export function financialYearsForCensusRange(first: CensusYear, last: CensusYear): FinancialYearStart[] {
  const out: FinancialYearStart[] = [];
  for (let y = first; y < last; y++) out.push(y);
  return out;
}

/** The end of the DSG statutory override: 31 March 2028, i.e. the end of financial year 2027-28. */
export const STATUTORY_OVERRIDE_END_FY: FinancialYearStart = 2027;

/**
 * Whether the balance at the end of financial year `lastFy` (a run's last) needs its own figure beside the balance
 * at the override's end: not when the two are the same date, where a second card or row would repeat the first.
 * @example horizonBalanceIsApart(2027) // false: both are 31 March 2028
 */
export function horizonBalanceIsApart(lastFy: FinancialYearStart): boolean {
  return lastFy !== STATUTORY_OVERRIDE_END_FY;
}

/**
 * Years a population file may hold: ONS mid-year estimates start in 1971 and projections reach the 2040s; a year
 * outside this range is a typo or a hostile file, not data.
 */
export const POPULATION_YEARS = { from: 1971, to: 2060 } as const;

/** Financial years an own input table may name (by their starting year). */
export const TABLE_FINANCIAL_YEARS = { from: 2000, to: 2060 } as const;

/** Whether a year lies in a range (inclusive). */
export function inYearRange(year: number, range: { readonly from: number; readonly to: number }): boolean {
  return Number.isInteger(year) && year >= range.from && year <= range.to;
}

/**
 * The column of a header that names a year of another calendar than the financial year (an academic, school,
 * calendar or census year, a bare `year` or an EES `time_period`), where a money table needs `financial_year`.
 * @example otherYearColumn(['line', 'academic_year', 'amount_gbp']) // 'academic_year'
 * @example otherYearColumn(['financial_year', 'hn_block_gbp']) // undefined
 */
export function otherYearColumn(names: readonly string[]): string | undefined {
  return names.find((n) => /^((academic|school|calendar|census)[ _]?)?year$|^time_period$/.test(n.trim().toLowerCase()));
}
