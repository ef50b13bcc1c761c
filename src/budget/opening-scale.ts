/**
 * The opening-balance table's figure against the first year's block and spend (docs/budget.md section 7): the two
 * slips a finance officer's copy of the DSG balance makes that no other table contradicts. A balance in £ thousands or
 * millions (the sample's -£18,400,000 written -18400, or -18.4) read as pounds put every cumulative balance £18.38m above
 * the accounts (31 March 2028: -£52.9m for -£71.2m), and a deficit written as a positive figure (18400000, as a finance
 * report headed "deficit" gives it) £36.8m above (-£34.4m), each with exit 0 and no word. Neither is refused: a small
 * balance or a large surplus is a real state of accounts, if a rare one; each is named, with the figure as read the
 * other way, on stderr among the notes that say a figure is probably wrong, the Data quality sheet and the report.
 */
import { financialYearLabel } from '../domain/index.ts';
import { openingBalanceInOtherUnits, openingSurplusBesideOverspend } from '../messages/budget.ts';
import type { OpeningBalance } from './tables.ts';

/**
 * Under this share of the first year's High Needs block (and not £0) an opening balance is named as one in £
 * thousands or millions: a council's cumulative DSG balance is rarely within a thousandth of its block of nil (the
 * sample's £57m block: £57,170), while a balance in £ thousands is a thousandth of itself (-18,400 is 0.032% of it).
 */
export const OPENING_MIN_SHARE = 0.001;

/**
 * A surplus of at least this share of the first year's block, beside a first year whose spend the run models at least
 * OVERSPEND_SHARE above its income, is named as a deficit written positive. England's in-year overspend is about a
 * tenth of the block and cumulative balances are mostly deficits (£3.3bn in 2024-25); a council overspending a tenth of
 * its spend a year rarely holds a surplus of a quarter of its block (the sample: 32% of it, beside 16% of spend).
 */
export const OPENING_SURPLUS_SHARE = 0.25;
export const OVERSPEND_SHARE = 0.1;

/** Readings of a balance in other units that a council's balance could be: between the floor and 5 × the block. */
const UNITS: ReadonlyArray<readonly [number, string]> = [
  [1_000, '£ thousands'],
  [1_000_000, '£ millions'],
];

/**
 * Notes on the opening-balance table's row the run opens from (`fy`: its own year, or the row standing in for it),
 * against the first financial year's block, spend and in-year balance; none when nothing is off.
 * @example openingAgainstBlock({ fy: 2024, balanceGbp: -18_400 }, [{ fy: 2025, hnBlock: 57.17e6, expenditure: 69.27e6, inYearBalance: -11.07e6 }]) // one note
 */
export function openingAgainstBlock(row: OpeningBalance | undefined, lines: ReadonlyArray<{ fy: number; hnBlock: number; expenditure: number; inYearBalance: number }>): string[] {
  const first = lines[0];
  if (!row || !first || !(first.hnBlock > 0)) return [];
  const b = row.balanceGbp;
  const share = Math.abs(b) / first.hnBlock;
  const at = { fy: financialYearLabel(row.fy), march: row.fy + 1, balance: b, ...(row.source ? { source: row.source } : {}) };
  const block = { fy: financialYearLabel(first.fy), hnBlock: first.hnBlock };
  if (b !== 0 && share < OPENING_MIN_SHARE) {
    const readings = UNITS.filter(([k]) => Math.abs(b * k) >= OPENING_MIN_SHARE * first.hnBlock && Math.abs(b * k) <= 5 * first.hnBlock).map(([k, unit]) => ({ unit, pounds: b * k }));
    return [openingBalanceInOtherUnits(at, block, OPENING_MIN_SHARE, readings)];
  }
  const overspend = -first.inYearBalance;
  if (b > 0 && share >= OPENING_SURPLUS_SHARE && first.expenditure > 0 && overspend >= OVERSPEND_SHARE * first.expenditure)
    return [openingSurplusBesideOverspend(at, block, { expenditure: first.expenditure, overspend }, OPENING_SURPLUS_SHARE)];
  return [];
}
