/**
 * SEN2 dates and ages. XML dates are ISO (`2022-09-28`); the COLLECT Blade export writes `2022-Sep-28 00:00:00`.
 * Dates are carried as ISO `YYYY-MM-DD` strings (no time zone, no clock): comparisons are string comparisons.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** A calendar date as ISO `YYYY-MM-DD`. */
export type IsoDate = string;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether month `m` (1–12) of year `y` has a day `d`, in the Gregorian calendar (any year). */
export function isCalendarDay(y: number, m: number, d: number): boolean {
  if (!(m >= 1 && m <= 12 && d >= 1)) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/** Whether year `y`, month `m` and day `d` make a date (from 1900 to 2200). */
function isDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && isCalendarDay(y, m, d);
}

function iso(y: number, m: number, d: number): IsoDate | undefined {
  if (!isDate(y, m, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The number written by the `n` ASCII digits of `s` from `at`, or −1 when one is not a digit. */
export function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parses a SEN2 date in either form into ISO; undefined when blank; null when present but not a date.
 * @example parseSen2Date('2022-Sep-28 00:00:00') // '2022-09-28'
 * @example parseSen2Date('2022-09-28') // '2022-09-28'
 */
export function parseSen2Date(raw: string | undefined): IsoDate | null | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  if (s === '') return undefined;
  // the usual form, YYYY-MM-DD, without a regular expression: when it is a date it is already its ISO form
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    if (y >= 0 && mo >= 0 && d >= 0) return isDate(y, mo, d) ? s : null;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3])) ?? null;
  m = /^(\d{4})-([A-Za-z]{3})-(\d{1,2})(?: [\d:.]+)?$/.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? (iso(Number(m[1]), month, Number(m[3])) ?? null) : null;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: [\d:.]+)?$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1])) ?? null;
  return null;
}

/** ISO date of a JS Date (UTC calendar day). */
export function isoOfDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/**
 * Age on 31 August before census `censusYear` (domain.md): the age on 31 August of `censusYear − 1`.
 * @example ageAtCensus('2015-09-01', 2024) // 7 (turned 8 on 1 September 2023, after 31 August)
 * @example ageAtCensus('2015-08-31', 2024) // 8
 */
export function ageAtCensus(birth: IsoDate, censusYear: number): number {
  const y = Number(birth.slice(0, 4));
  const md = birth.slice(5);
  const refYear = censusYear - 1;
  return refYear - y - (md > '08-31' ? 1 : 0);
}

/** Birth month (1–12) of an ISO date: the only part of a birth date that is kept. */
export function birthMonth(birth: IsoDate): number {
  return Number(birth.slice(5, 7));
}

/** Calendar year of an ISO date. */
export function yearOf(d: IsoDate): number {
  return Number(d.slice(0, 4));
}
