/**
 * After 31 March 2028 (spec budget.md): what the DSG deficit means for the council once the statutory override ends.
 *
 * - Interest: a council carrying a DSG deficit has that much less cash, so it borrows more or earns less on its
 *   balances. The cost, charged to the general fund and shown apart from the High Needs block (it never enters the
 *   DSG balance), is the scenario's `deficit.interest_rate` × the year's average deficit, the balance moving in a
 *   straight line from 1 April to 31 March and counted only while it is negative:
 *     both ends negative: interest(FY) = rate × −(balance at 1 April + balance at 31 March) / 2;
 *     one end negative (−d) and one not (+s): the balance is negative for d / (d + s) of the year, at d / 2 on
 *     average: interest(FY) = rate × d² / (2 × (d + s));  both ends 0 or more: nothing.
 *   E.g. −£10m at 31 March 2027 and −£14m at 31 March 2028 at 4% → 2027-28 interest = 4% × £12m = £480,000;
 *   −£5m to +£5m at 5% → negative half the year at £2.5m on average: 5% × 5² / (2 × 10) £m = 5% × £1.25m = £62,500
 *   (the mean of the two ends, £0, took it as none).
 * - Reserves: the council's usable reserves (optional reserves table, the latest row at or before each year carried
 *   forward flat; before the first row, the first row) against the deficit; the first year it exceeds them.
 * - Capital: the one-off capital cost of new places (scenario capacity changes), in the year they are first funded.
 */
import { financialYearLabel } from '../domain/index.ts';
import { reservesOutOfScale } from '../messages/budget.ts';
import type { BudgetPath } from './path.ts';
import type { ReservesRow } from './tables.ts';
import type { GeneralFund, GeneralFundYear } from './types.ts';

/** Usable reserves at the end of `fy`: the latest row at or before it, else the earliest row. */
export function reservesAt(rows: readonly ReservesRow[], fy: number): number | undefined {
  if (rows.length === 0) return undefined;
  let best: ReservesRow | undefined;
  for (const r of rows) if (r.fy <= fy && (!best || r.fy > best.fy)) best = r;
  best ??= rows.reduce((a, b) => (b.fy < a.fy ? b : a));
  // several rows for one year (several files) add up
  return rows.filter((r) => r.fy === best!.fy).reduce((s, r) => s + r.usableReservesGbp, 0);
}

/**
 * Interest on the negative part of a balance moving in a straight line from `opening` to `closing` over one year.
 * A surplus earns nothing here, so it does not offset the deficit of the same year.
 * @example deficitInterest(-10e6, -14e6, 0.04) // 480000
 * @example deficitInterest(-5e6, 5e6, 0.05) // 62500
 */
export function deficitInterest(opening: number, closing: number, rate: number): number {
  if (opening <= 0 && closing <= 0) return rate * (-(opening + closing) / 2);
  if (opening >= 0 && closing >= 0) return 0;
  const deficit = -Math.min(opening, closing);
  const surplus = Math.max(opening, closing);
  // negative for deficit / (deficit + surplus) of the year, at half the deficit on average
  return (rate * deficit * deficit) / (2 * (deficit + surplus));
}

/**
 * Whether the general-fund view has capital to show: a year with a capital cost, or one whose cost is not known (a
 * capacity change without capital_cost_gbp, shown empty). Without (no capacity change, or none with a capital cost)
 * a capital column would read £0.0m in every year, which says nothing: the tables leave it out.
 * @example showsCapital({ years: [{ capitalCost: 0 }, { capitalCost: 9e6 }] }) // true
 */
export function showsCapital(gf: { years: ReadonlyArray<Pick<GeneralFundYear, 'capitalCost'>> }): boolean {
  return gf.years.some((y) => y.capitalCost !== 0);
}

/** Interest, capital and reserves per financial year of a path. */
export function generalFund(path: BudgetPath, opening: number, rate: number, reserves: readonly ReservesRow[]): GeneralFund {
  const years: GeneralFundYear[] = [];
  let before = opening;
  let cumulativeInterest = 0;
  let first: number | undefined;
  path.lines.forEach((l, i) => {
    const interest = deficitInterest(before, l.cumulativeBalance, rate);
    cumulativeInterest += interest;
    const usable = reservesAt(reserves, l.fy);
    const deficit = Math.max(0, -l.cumulativeBalance);
    const exceeds = usable !== undefined && deficit > usable;
    if (exceeds && first === undefined) first = l.fy;
    years.push({
      fy: l.fy,
      dsgBalance: l.cumulativeBalance,
      interest,
      cumulativeInterest,
      capitalCost: path.capital[i],
      usableReserves: usable,
      deficitShareOfReserves: usable !== undefined && usable > 0 && deficit > 0 ? deficit / usable : undefined,
      exceedsReserves: exceeds,
    });
    before = l.cumulativeBalance;
  });
  return { interestRate: rate, years, firstYearDeficitExceedsReserves: first, reservesGiven: reserves.length > 0 };
}

/**
 * The least share of the High Needs block the council's usable reserves may be before they are named: a council
 * responsible for SEND holds usable reserves of tens of millions of pounds or more, most often more than its block, so
 * reserves a hundredth of the block are in £ thousands (the sample's £64,000,000 written as 64,000 put the deficit
 * above reserves from the first year, at 7,000% of them, exit 0 and no word).
 */
export const RESERVES_MIN_SHARE = 0.01;

/**
 * One note when a row of the reserves table that the run uses (a year of the run, or the latest before it) is below
 * RESERVES_MIN_SHARE of the High Needs block of its year (the run's first year for a row before it), naming the first
 * such row and how many; else none.
 * @example reservesAgainstBlock([{ fy: 2024, usableReservesGbp: 64_000 }], [{ fy: 2025, hnBlock: 57e6 }]) // one note
 */
export function reservesAgainstBlock(rows: readonly ReservesRow[], lines: ReadonlyArray<{ fy: number; hnBlock: number }>): string[] {
  const first = lines[0];
  if (!first) return [];
  const used = new Set(lines.map((l) => reservesYear(rows, l.fy)));
  const off: Array<{ row: ReservesRow; line: { fy: number; hnBlock: number } }> = [];
  for (const row of [...rows].sort((a, b) => a.fy - b.fy)) {
    if (!used.has(row.fy)) continue;
    const line = lines.find((l) => l.fy === row.fy) ?? first;
    if (line.hnBlock > 0 && row.usableReservesGbp < RESERVES_MIN_SHARE * line.hnBlock) off.push({ row, line });
  }
  const o = off[0];
  return o ? [reservesOutOfScale(financialYearLabel(o.row.fy), o.row.usableReservesGbp, financialYearLabel(o.line.fy), o.line.hnBlock, RESERVES_MIN_SHARE, off.length)] : [];
}

/** The year of the reserves row that stands for `fy` (reservesAt). */
function reservesYear(rows: readonly ReservesRow[], fy: number): number | undefined {
  let best: number | undefined;
  for (const r of rows) if (r.fy <= fy && (best === undefined || r.fy > best)) best = r.fy;
  return best ?? (rows.length > 0 ? Math.min(...rows.map((r) => r.fy)) : undefined);
}
