/**
 * Money of an own table above £0 (by size: an import/export adjustment may be negative) but under a floor of its
 * column (OwnTableDef.smallBelow), that no council's figure comes to: most likely one figure typed in £ thousands among
 * figures in pounds. An ISS fee of £164,500 written as 164.5 was read as £164.50 a year, and the sample's 2031-32 deficit
 * came out at £150m instead of £292m; a schools block transfer of £1.25m written as 1250 left £1,248,750 of income out
 * of the year; each with exit 0 and no word (a whole table of unit costs in £ thousands is refused, its smaller rows
 * being under £100). Said once per column of a table, with its first line, on validate, a run's stderr and the Data
 * quality sheet (pipeline/own-table-warnings.ts); the figures are used as given. So is a schools block transfer below
 * £0 (OwnTableDef.negativeNoted): money moved out of the High Needs block, rare, or a transfer in written with a
 * ledger's credit sign (-1,250,000 took £2.5m a year off the sample's income against the transfer meant, no word).
 */
import { financialYearLabel, UNPAID_PLACEMENTS, type Placement } from '../../domain/index.ts';
import { lowUnitPrices, negativeTransfer, smallMoney, type MoneyAt } from '../../messages/unit-costs.ts';
import type { OwnTableDef } from './own-table-defs.ts';

export class LowUnitPrices {
  /** Rows of the def's `smallBelow` columns under their floor, by column. */
  private readonly seen = new Map<string, MoneyAt[]>();
  /** Rows of the def's `negativeNoted` columns below £0, by column. */
  private readonly negative = new Map<string, MoneyAt[]>();

  constructor(private readonly def: OwnTableDef) {}

  /** Notes a parsed row's money of the def's `smallBelow` columns above £0 and under the column's floor. */
  note(row: Record<string, unknown>, line: number): void {
    for (const c of this.def.negativeNoted ?? []) {
      const v = row[c];
      if (typeof v !== 'number' || v >= 0) continue;
      const year = typeof row.financial_year === 'number' ? financialYearLabel(row.financial_year) : '';
      add(this.negative, c, { what: year, value: v, line });
    }
    if (UNPAID_PLACEMENTS.includes(row.placement as Placement)) return;
    for (const [c, below] of Object.entries(this.def.smallBelow ?? {})) {
      const v = row[c];
      if (typeof v !== 'number' || v === 0 || Math.abs(v) >= below || this.inScale(row, c, v)) continue;
      const what = typeof row.placement === 'string' ? row.placement : typeof row.financial_year === 'number' ? financialYearLabel(row.financial_year) : '';
      add(this.seen, c, { what, value: v, line });
    }
  }

  /** Whether a small figure is in scale with the row's figure the def judges it by (OwnTableDef.smallInScaleWith). */
  private inScale(row: Record<string, unknown>, column: string, v: number): boolean {
    const by = this.def.smallInScaleWith;
    if (!by || !by.only.includes(column)) return false;
    const ref = row[by.column];
    return typeof ref === 'number' && ref > 0 && Math.abs(v) >= by.share * ref;
  }

  /** One warning per column with such money: its first line and message. */
  warnings(): Array<{ column: string; line: number; message: string }> {
    const small = [...this.seen].map(([column, rows]) => {
      const below = this.def.smallBelow![column]!;
      const message = this.def.perUnit?.includes(column) ? lowUnitPrices(column, rows, below) : smallMoney(column, rows, below);
      return { column, line: rows[0]!.line, message };
    });
    return [...small, ...[...this.negative].map(([column, rows]) => ({ column, line: rows[0]!.line, message: negativeTransfer(column, rows) }))];
  }
}

/** Adds a row's figure to its column's list. */
function add(by: Map<string, MoneyAt[]>, column: string, row: MoneyAt): void {
  const rows = by.get(column);
  if (rows) rows.push(row);
  else by.set(column, [row]);
}
