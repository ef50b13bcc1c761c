/**
 * The opening cumulative DSG balance: the balance at 31 March at the end of the financial year before the first
 * projected one. A table whose row is for an earlier year is used anyway (the latest row before the first projected
 * year) with a warning; one whose rows are all for projected years gives the earliest, which the run's cumulative
 * balance is then made to pass through (run-budget.ts anchorOpening: the opening is worked back from it); no row at
 * all means 0, also with a warning. The balance is always
 * dated where the run uses it (`fy`, the year before the first projected one); `fromFy` names the table's row that
 * stands in for it, so no output dates the opening after the years it opens ("from 2021-22 to 2021-22").
 */
import { financialYearLabel } from '../domain/index.ts';
import { noOpeningBalance, openingBalanceYearMismatch } from '../messages/budget.ts';
import type { OpeningBalance } from './tables.ts';

/**
 * @example resolveOpening([{ fy: 2024, balanceGbp: -5e6 }], 2025) // { balance: -5e6, fy: 2024, warnings: [] }
 * @example resolveOpening([{ fy: 2026, balanceGbp: -5e6 }], 2025) // { balance: -5e6, fy: 2024, fromFy: 2026, warnings: [ … ] }
 */
export function resolveOpening(rows: readonly OpeningBalance[], firstFy: number): OpeningResolved {
  const expected = firstFy - 1;
  const exact = rows.find((r) => r.fy === expected);
  if (exact) return { balance: exact.balanceGbp, fy: exact.fy, warnings: [] };
  if (rows.length === 0) return { balance: 0, fy: expected, warnings: [noOpeningBalance(financialYearLabel(expected))] };
  const before = rows.filter((r) => r.fy < firstFy).sort((a, b) => b.fy - a.fy)[0];
  const row = before ?? [...rows].sort((a, b) => a.fy - b.fy)[0]!;
  return {
    balance: row.balanceGbp,
    fy: expected,
    fromFy: row.fy,
    // a year the run projects: the warning, with the opening worked back, comes from anchorOpening
    warnings: row.fy >= firstFy ? [] : [openingBalanceYearMismatch(financialYearLabel(row.fy), financialYearLabel(expected), expected - row.fy)],
  };
}

export interface OpeningResolved {
  balance: number;
  /** The financial year at whose end (31 March) the balance opens the run: the one before the first projected year. */
  fy: number;
  /** The table's year whose balance stands in, when it is not `fy`. */
  fromFy?: number;
  /** `balance` is worked back from the table's figure at the end of `fromFy`, a projected year (run-budget.ts anchorOpening). */
  anchored?: boolean;
  /** The first year `balance` is worked back over whose block is out of scale with its modelled spend (BLOCK_TO_SPEND). */
  outOfScale?: OpeningOutOfScale;
  warnings: string[];
}

/**
 * A year an opening balance is worked back over whose High Needs block is outside BLOCK_TO_SPEND of the spend the run
 * models for it: its in-year balance is then the mismatch of the two (a block in £ thousands, tables of another LA),
 * and so is the balance worked back from it.
 */
export interface OpeningOutOfScale {
  fy: number;
  hnBlock: number;
  expenditure: number;
}

