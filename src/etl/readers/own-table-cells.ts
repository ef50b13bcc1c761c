/**
 * What a council's cell that is no amount (or no financial year) is, for a refusal that says what to write instead:
 * '£5.2m' is an amount in millions (5200000), '3%' a percentage, '#REF!' a spreadsheet's error, 'TBC' no figure,
 * '640,50' a decimal comma; '01/04/2025' or 45748 (a spreadsheet's date serial) a date in 2025-26, 'AY 2025/26' an
 * academic year. Pure; never a reading: each of these is refused (money is a number in pounds, docs/inputs.md §4).
 */
import { financialYearLabel, monthName, Placement } from '../../domain/index.ts';
import type { MoneyTextKind, YearTextKind } from '../../messages/own-tables.ts';

const SCALES: ReadonlyArray<[RegExp, number, string]> = [
  [/^(bn|billion)$/i, 1e9, 'billions'],
  [/^(m|mn|mil|million|millions)$/i, 1e6, 'millions'],
  [/^(k|thousand|thousands)$/i, 1e3, 'thousands'],
];

/** Spreadsheet error values as Excel shows them. */
const SHEET_ERROR = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** Words a finance report puts beside a figure for its sign: a deficit or overspend is below £0, a surplus above. */
const SIGN_WORD = /^(deficit|overspend|overspent|over-spend|surplus|underspend|underspent|under-spend|dr|cr|debit|credit)$/i;
const BELOW_ZERO = /^(deficit|overspend|overspent|over-spend)$/i;
const LEDGER = /^(dr|cr|debit|credit)$/i;

/** A figure with a word for its sign before or after it ('deficit 18,400,000', '18,400,000 DR'), else undefined. */
function signWord(s: string): MoneyTextKind | undefined {
  const m = /^([a-z-]+)\s*:?\s*(£?\s*[\d,]+(?:\.\d+)?)$/i.exec(s) ?? /^(£?\s*[\d,]+(?:\.\d+)?)\s*([a-z-]+)$/i.exec(s);
  if (!m) return undefined;
  const [word, figure] = SIGN_WORD.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  if (!SIGN_WORD.test(word)) return undefined;
  const n = Number(figure.replace(/[£,\s]/g, ''));
  if (!Number.isFinite(n)) return undefined;
  if (LEDGER.test(word)) return { kind: 'ledger-sign', word, amount: n };
  return { kind: 'sign-word', word: word.toLowerCase(), pounds: BELOW_ZERO.test(word) ? -n : n };
}

/**
 * What a money cell that parseNumber refused is.
 * @example moneyTextKind('£5.2m') // { kind: 'scaled', pounds: 5200000, unit: 'millions' }
 */
export function moneyTextKind(raw: string): MoneyTextKind {
  const s = raw.trim();
  if (s.startsWith('=')) return { kind: 'formula' };
  const signed = signWord(s);
  if (signed) return signed;
  const scaled = /^([-\u2212\u2013(]?)\s*£?\s*(-?)\s*(\d[\d,]*(?:\.\d+)?)\s*([a-z]+)\)?$/i.exec(s);
  if (scaled) {
    const scale = SCALES.find(([re]) => re.test(scaled[4]!));
    const n = Number(scaled[3]!.replace(/,/g, ''));
    if (scale && Number.isFinite(n)) return { kind: 'scaled', pounds: Math.round((scaled[1] || scaled[2] ? -1 : 1) * n * scale[1]), unit: scale[2] };
  }
  if (/^[-+]?\s*[\d.,]+\s*%$/.test(s)) return { kind: 'percent' };
  if (SHEET_ERROR.test(s)) return { kind: 'sheet-error' };
  const comma = /^(-?£?\d+),(\d{1,2})$/.exec(s);
  if (comma) return { kind: 'decimal-comma', fixed: `${comma[1]}.${comma[2]!.padEnd(2, '0')}` };
  if (!/\d/.test(s)) return { kind: 'no-figure' };
  return { kind: 'other' };
}

/** A month's number from its name or its first three letters ('Apr', 'april', 'Sept'), else undefined. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  for (let m = 1; m <= 12; m++) {
    const name = monthName(m).toLowerCase();
    if (w === name || (w.length >= 3 && name.startsWith(w))) return m;
  }
  return undefined;
}

/** The financial year holding a date (1 April starts one). */
function yearOf(y: number, month: number): string {
  return financialYearLabel(month >= 4 ? y : y - 1);
}

/**
 * What a financial-year cell that does not parse is.
 * @example yearTextKind('45748') // { kind: 'excel-date', date: '1 April 2025', year: '2025-26' }
 */
export function yearTextKind(raw: string): YearTextKind {
  const s = raw.trim();
  const date = (y: number, m: number, d: number): { date: string; year: string } | undefined =>
    m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1990 && y <= 2100 ? { date: `${d} ${monthName(m)} ${y}`, year: yearOf(y, m) } : undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  const uk = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  const d = iso ? date(Number(iso[1]), Number(iso[2]), Number(iso[3])) : uk ? date(Number(uk[3]), Number(uk[2]), Number(uk[1])) : undefined;
  if (d) return { kind: 'date', ...d };
  // a month and year ('Apr 2025', 'April 2025'), or a span of them ('Apr 2025 - Mar 2026'): the financial year of the first
  const month = /^([a-z]{3,9})\.?\s*[-' ]?\s*(\d{4})(?:\s*(?:-|\u2013|to)\s*([a-z]{3,9})\.?\s*[-' ]?\s*(\d{4}))?$/i.exec(s);
  const m1 = month ? monthOf(month[1]!) : undefined;
  if (month && m1 !== undefined && (month[3] === undefined || monthOf(month[3]) !== undefined)) {
    const first = date(Number(month[2]), m1, 1);
    const last = month[3] !== undefined ? `${monthName(monthOf(month[3])!)} ${month[4]}` : undefined;
    if (first) return { kind: 'date', date: `${monthName(m1)} ${month[2]}${last ? ` to ${last}` : ''}`, year: first.year };
  }
  // a date serial of a spreadsheet (days since 30 December 1899): 32874 is 1 January 1990, 73051 1 January 2100
  if (/^\d{5}(\.\d+)?$/.test(s) && Number(s) >= 32_874 && Number(s) < 73_051) {
    const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(s)) * 86_400_000);
    return { kind: 'excel-date', date: `${t.getUTCDate()} ${monthName(t.getUTCMonth() + 1)} ${t.getUTCFullYear()}`, year: yearOf(t.getUTCFullYear(), t.getUTCMonth() + 1) };
  }
  const ay = /^(ay|academic(\s+year)?)\s*(\d{4})\s*[-/\u2013]\s*(\d{2,4})$|^(\d{4})\s*[-/\u2013]\s*(\d{2,4})\s*(ay|academic(\s+year)?)$/i.exec(s);
  if (ay) return { kind: 'academic', year: financialYearLabel(Number(ay[3] ?? ay[5])) };
  return { kind: 'other' };
}

/**
 * Placements a council's abbreviation may stand for, for the refusal's suggestions (never read as one of them): INMSS
 * (independent and non-maintained special schools) is two prices, ISP (an independent specialist provider) post-16 or
 * a school, ARP and SRP (additionally or specially resourced provision) resourced provision, MSS a maintained special
 * school. A suggestion from spelling alone was 'NMSS' for INMSS and 'ISS' for ISP.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly Placement[]>> = {
  INMSS: ['ISS', 'NMSS'],
  INMS: ['ISS', 'NMSS'],
  'I/NMSS': ['ISS', 'NMSS'],
  ISP: ['SPI', 'ISS'],
  ISPS: ['SPI', 'ISS'],
  ARP: ['RP'],
  SRP: ['RP'],
  SRB: ['RP'],
  MSS: ['SSM'],
  OOA: ['ISS', 'NMSS', 'SSM', 'SSA'],
  OOC: ['ISS', 'NMSS', 'SSM', 'SSA'],
};

/** The placements a council's abbreviation may stand for, with their names; undefined when it is none known. */
export function placementsAbbreviated(raw: string): Array<{ code: string; label: string }> | undefined {
  const codes = ABBREVIATIONS[raw.trim().toUpperCase().replace(/\s+/g, '')];
  return codes?.map((code) => ({ code, label: Placement[code].label }));
}
