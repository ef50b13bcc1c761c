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
import { lowUnitPrices, negativeTransfer, smallMoney } from '../../messages/unit-costs.ts';
import type { OwnTableDef } from './own-table-defs.ts';

export class LowUnitPrices {
  private readonly seen = new Map<string, { line: number; rows: string[]; first: number }>();
  /** Rows of the def's `negativeNoted` columns below £0, by column. */
  private readonly negative = new Map<string, { line: number; rows: string[] }>();

  constructor(private readonly def: OwnTableDef) {}

  /** Notes a parsed row's money of the def's `smallBelow` columns above £0 and under the column's floor. */
  note(row: Record<string, unknown>, line: number): void {
    for (const c of this.def.negativeNoted ?? []) {
      const v = row[c];
      if (typeof v !== 'number' || v >= 0) continue;
      let t = this.negative.get(c);
      if (!t) this.negative.set(c, (t = { line, rows: [] }));
      t.rows.push(`${typeof row.financial_year === 'number' ? financialYearLabel(row.financial_year) : ''} -£${Math.abs(v).toLocaleString('en-GB')} at line ${line}`);
    }
    if (UNPAID_PLACEMENTS.includes(row.placement as Placement)) return;
    for (const [c, below] of Object.entries(this.def.smallBelow ?? {})) {
      const v = row[c];
      if (typeof v !== 'number' || v === 0 || Math.abs(v) >= below) continue;
      let t = this.seen.get(c);
      if (!t) this.seen.set(c, (t = { line, rows: [], first: v }));
      const what = typeof row.placement === 'string' ? row.placement : typeof row.financial_year === 'number' ? financialYearLabel(row.financial_year) : '';
      const amount = `${v < 0 ? '-' : ''}£${Math.abs(v).toLocaleString('en-GB', { minimumFractionDigits: Number.isInteger(v) ? 0 : 2, maximumFractionDigits: 2 })}`;
      t.rows.push(`${what} ${amount} at line ${line}`);
    }
  }

  /** One warning per column with such money: its first line and message. */
  warnings(): Array<{ column: string; line: number; message: string }> {
    const small = [...this.seen].map(([column, t]) => {
      const below = this.def.smallBelow![column]!;
      const message = this.def.perUnit?.includes(column) ? lowUnitPrices(column, t.rows, t.first, below) : smallMoney(column, t.rows, t.first, below);
      return { column, line: t.line, message };
    });
    return [...small, ...[...this.negative].map(([column, t]) => ({ column, line: t.line, message: negativeTransfer(column, t.rows) }))];
  }
}
