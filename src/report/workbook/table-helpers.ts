/** Small helpers for building workbook tables. */
import { roundPlans } from '../format.ts';
import { roundMillionths } from '../../util/round.ts';
import type { Cell, Column, ColumnKind, TableSum } from './model.ts';

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

/**
 * A table's sums down its columns: in each of `cols`, the row `total` is the sum of `parts` (rows of `table`, else of
 * the table the sums are given to; `totalTable` likewise for the total's row).
 * @example columnSums(15, [0, 1, 2], [3, 4]) // row 15 = rows 0–2, in columns 3 and 4
 */
export function columnSums(total: number, parts: readonly number[], cols: readonly number[], at: { table?: string; totalTable?: string; partCols?: readonly number[] } = {}): TableSum[] {
  const t = at.table === undefined ? {} : { table: at.table };
  const tt = at.totalTable === undefined ? {} : { table: at.totalTable };
  return cols.map((col, i) => ({ total: { ...tt, row: total, col }, parts: parts.map((row) => ({ ...t, row, col: at.partCols?.[i] ?? col })) }));
}

/**
 * A table's sums along its rows: in each of `rows`, the column `total` is the sum of the columns `parts`.
 * @example rowSums([0, 1], 8, [3, 4, 5, 6, 7]) // column 8 = columns 3–7, in rows 0 and 1
 */
export function rowSums(rows: readonly number[], total: number, parts: readonly number[]): TableSum[] {
  return rows.map((row) => ({ total: { row, col: total }, parts: parts.map((col) => ({ row, col })) }));
}
