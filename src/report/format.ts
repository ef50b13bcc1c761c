/**
 * Number formats shared by the workbook, the CSVs and the report's prose.
 */
import { roundMillionths, roundParts } from '../util/round.ts';

/** Excel number formats. */
export const NumFmt = {
  count: '#,##0',
  money: '£#,##0;[Red]-£#,##0',
  moneyM: '£#,##0.0,,"m";[Red]-£#,##0.0,,"m"',
  percent: '0.0%;[Red]-0.0%',
  decimal: '#,##0.000',
  text: '@',
  year: '0',
} as const;
export type NumFmt = keyof typeof NumFmt;

// one formatter, made once: `toLocaleString` with options builds a new Intl.NumberFormat on every call (the same
// text, but 26 µs a call against 1.7 µs in Node 20; the explorer formats chart ticks and table cells on every
// lever move). Made on first use, not when the module loads: the first takes about 24 ms (the locale's data), and
// a `load` or `--version` never formats a number.
let gbFormat: Intl.NumberFormat | undefined;
let gb1Format: Intl.NumberFormat | undefined;
const gb = (): Intl.NumberFormat => (gbFormat ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }));
const gb1 = (): Intl.NumberFormat => (gb1Format ??= new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

/**
 * A count in words-ready form.
 * @example fmtCount(3240.4) // '3,240'
 */
export function fmtCount(n: number): string {
  // `|| 0`: a count that rounds to nothing is 0, never '-0'
  return gb().format(Math.round(n) || 0);
}

/**
 * Which way a count moved, as the reader sees it: 'same' when both show the same in fmtCount, so prose never says
 * "rose from 16 to 16" nor "up from" a larger figure.
 * @example countDirection(1_582, 1_519) // 'down'
 */
export function countDirection(from: number, to: number): 'up' | 'down' | 'same' {
  if (fmtCount(from) === fmtCount(to)) return 'same';
  return to > from ? 'up' : 'down';
}

/**
 * Money for prose: millions with one decimal when large, negative with a minus sign.
 * @example fmtMoney(-82_500_000) // '-£82.5m'
 * @example fmtMoney(450_000) // '£450k'
 * @example fmtMoney(1_152_200_000) // '£1,152.2m'
 */
export function fmtMoney(n: number): string {
  const a = Math.abs(n);
  const sign = n < 0 && Math.round(a) > 0 ? '-' : '';
  if (a >= 1_000_000) return `${sign}£${gb1().format(a / 1_000_000)}m`;
  if (a >= 10_000) return `${sign}£${Math.round(a / 1_000)}k`;
  return `${sign}£${gb().format(Math.round(a))}`;
}

/**
 * Money to the pound, the minus before the £ sign, with thousands separators (the workbook's format as text).
 * @example fmtMoneyExact(-18_400_000) // '-£18,400,000'
 */
export function fmtMoneyExact(n: number): string {
  const r = Math.round(n);
  return `${r < 0 ? '-' : ''}£${gb().format(Math.abs(r))}`;
}

/**
 * Money as given, to the penny where it has pence, the minus before the £ sign (a figure quoted back from a table).
 * @example fmtMoneyPence(164.5) // '£164.50'
 * @example fmtMoneyPence(-1_250_000) // '-£1,250,000'
 */
export function fmtMoneyPence(n: number): string {
  const whole = Number.isInteger(n);
  return `${n < 0 ? '-' : ''}£${Math.abs(n).toLocaleString('en-GB', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 })}`;
}

/**
 * Money in millions with one decimal, for table columns where every row should use the same unit.
 * @example fmtMoneyM(-862_000) // '-£0.9m'
 */
export function fmtMoneyM(n: number): string {
  const m = Math.abs(n) / 1_000_000;
  const sign = n < 0 && m >= 0.05 ? '-' : '';
  return `${sign}£${gb1().format(m)}m`;
}

/**
 * Money in whole thousands, for the tables of a council whose yearly High Needs spend is small (moneyUnitFor).
 * @example fmtMoneyK(-37_592.58) // '-£38k'
 * @example fmtMoneyK(1_141_073) // '£1,141k'
 */
export function fmtMoneyK(n: number): string {
  const k = Math.round(Math.abs(n) / 1_000);
  const sign = n < 0 && k > 0 ? '-' : '';
  return `${sign}£${gb().format(k)}k`;
}

/** The unit of a table's money: £m with one decimal, or £k in whole thousands. */
export type MoneyUnit = 'm' | 'k';

/**
 * Yearly spend (or income) below which a report's money tables are in £k: in £m with one decimal a council
 * spending under £10m a year reads '£0.4m' in every year and '£0.0m' for an overspend of £38k or interest of £3k.
 */
export const MONEY_K_BELOW_GBP = 10_000_000;

/**
 * The unit of every money table of one report: £k when no yearly figure given (expenditure and income of each
 * financial year) reaches MONEY_K_BELOW_GBP, else £m; £m when none is given.
 * @example moneyUnitFor([405_100, 367_508]) // 'k'
 * @example moneyUnitFor([70.5e6, 65e6]) // 'm'
 */
export function moneyUnitFor(yearly: Iterable<number>): MoneyUnit {
  let max = -1;
  for (const v of yearly) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  return max >= 0 && max < MONEY_K_BELOW_GBP ? 'k' : 'm';
}

/**
 * Money in a table's unit.
 * @example fmtMoneyIn(-862_000, 'm') // '-£0.9m'
 * @example fmtMoneyIn(-862_000, 'k') // '-£862k'
 */
export function fmtMoneyIn(n: number, unit: MoneyUnit): string {
  return unit === 'k' ? fmtMoneyK(n) : fmtMoneyM(n);
}

/**
 * A figure labelled on a chart as the report's tables write it (fmtMoneyIn, in the report's unit: moneyUnitOf), so a
 * bar and the table or sentence giving its figure read alike; a figure that is not nil but reads '£0.0m' in £m is
 * written in £k, never as nil on a coloured bar.
 * @example fmtMoneyLabel(-571_249_771, 'm') // '-£571.2m' (the waterfall's labels read '-£571m')
 * @example fmtMoneyLabel(-37_592.58, 'm') // '-£38k'
 * @example fmtMoneyLabel(-57_000, 'k') // '-£57k'
 */
export function fmtMoneyLabel(n: number, unit: MoneyUnit): string {
  const text = fmtMoneyIn(n, unit);
  return unit === 'm' && /^-?£0\.0m$/.test(text) && Math.round(Math.abs(n) / 1_000) >= 1 ? fmtMoneyK(n) : text;
}

/**
 * A deficit (negative balance) as a positive amount in words: "a deficit of £82.5m" / "a surplus of £1.2m".
 */
export function fmtBalance(n: number): string {
  if (Math.abs(n) < 0.5) return 'a balance of £0';
  return n < 0 ? `a deficit of ${fmtMoney(-n)}` : `a surplus of ${fmtMoney(n)}`;
}

/**
 * A share as a percentage.
 * @example fmtPercent(0.0812) // '8.1%'
 */
export function fmtPercent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/**
 * Plans below which the prose gives a part of them as a count, not a percentage: one plan of 16 is 6 points, so
 * '0% in state special schools' of 16 plans reads as a rate where it is a handful of children.
 */
export const SHARE_AS_COUNT_BELOW = 100;

/**
 * A share for prose in whole percent, with a decimal where whole percent would show a part that is not none as 0%.
 * @example fmtShare(0.534) // '53%'
 * @example fmtShare(0.004) // '0.4%'
 * @example fmtShare(0.0002) // 'under 0.1%'
 */
export function fmtShare(x: number): string {
  if (x <= 0 || Math.round(x * 100) > 0) return fmtPercent(x, 0);
  return Math.round(x * 1000) > 0 ? fmtPercent(x, 1) : 'under 0.1%';
}

/** Whether a part of `total` plans is written as a count (under SHARE_AS_COUNT_BELOW plans) rather than a percentage. */
export function shareAsCount(total: number): boolean {
  return Math.round(total) < SHARE_AS_COUNT_BELOW;
}

/**
 * A rate as a percentage with as many decimals as it has, up to four (the budget's messages: inflation, growth, a
 * block's share of spend): 0.035 → "3.5%", 0.0125 → "1.25%".
 */
export function fmtRate(r: number): string {
  return `${Number((r * 100).toFixed(4))}%`;
}

/**
 * A plan count as the outputs write it (the run's JSON, workbook cells and their CSVs): to a millionth of a plan.
 * Totals are sums of fractional cells (age × need × placement), and adding fractions in floating point leaves noise
 * in the last bits: a published stock of 19 would be written 19.000000000000004. Projections keep their fractions
 * (they are expected values); a millionth is far below any plan that matters and far above that noise.
 * @example roundPlans(6.4 + 9.8 + 2.8) // 19
 * @example roundPlans(19.437211433571093) // 19.437211
 */
export function roundPlans(n: number): number {
  return roundMillionths(n);
}

/**
 * Parts of a total as the outputs write them, each to a millionth of a plan like roundPlans, and adding up to the
 * rounded total: rounding each part alone could leave the parts (16 placements) a few millionths away from their
 * total. The millionths left over go to the parts with the largest remainders.
 * @example roundPlanParts([6.4, 9.8, 2.8]) // [6.4, 9.8, 2.8], adding up to 19
 */
export function roundPlanParts(parts: ArrayLike<number>): number[] {
  return roundParts(parts, 1e6);
}
