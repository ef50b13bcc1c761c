/** Small helpers for building workbook tables. */
import { roundPlans } from '../format.ts';
import { roundMillionths } from '../../util/round.ts';
import type { Cell, Column, ColumnKind } from './model.ts';

export function col(header: string, kind: ColumnKind): Column {
  return { header, kind };
}

/**
 * A count cell (undefined → empty). Stored to a millionth of a plan (roundPlans, as the JSON writes it: no float
 * noise such as 19.000000000000004) and shown whole by the number format: the one visible rounding is the
 * presentation's, so a cell reads as the report and the JSON do, and a column sums in Excel to its total row.
 */
export function count(n: number | undefined): Cell {
  return n === undefined || !Number.isFinite(n) ? null : roundPlans(n);
}

/**
 * A money cell (undefined → empty). Stored to a millionth of a pound (no float noise such as 69272000.00000003 in
 * the cell or its CSV) and shown in whole pounds by the number format, so that sums in Excel (a bridge, a total)
 * add up to their total's pounds rather than to the rounding of their parts. (`run --json` writes money to the
 * penny, its identities exact: budget/published-money.ts.)
 */
export function money(n: number | undefined): Cell {
  return n === undefined || !Number.isFinite(n) ? null : roundMillionths(n);
}

/** A share cell (NaN → empty). */
export function share(n: number | undefined): Cell {
  return n === undefined || !Number.isFinite(n) ? null : Math.round(n * 100000) / 100000;
}

/** A cell with its own format inside a column of another kind. */
export function typed(value: number | undefined, kind: ColumnKind): Cell {
  if (value === undefined || !Number.isFinite(value)) return null;
  return { value: kind === 'count' ? roundPlans(value) : kind === 'money' ? roundMillionths(value) : value, kind };
}
