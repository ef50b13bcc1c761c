/**
 * Unit prices of an own table (a unit cost, a place rate) above the refused floor (MIN_UNIT_PRICE_GBP, £100) but below
 * LOW_UNIT_PRICE_GBP: no placement's plan-year or place averages so little, so such a row is most likely one figure
 * typed in £ thousands among figures in pounds: an ISS fee of £164,500 written as 164.5 was read as £164.50 a year, and
 * the sample's 2031-32 deficit came out at £150m instead of £292m with exit 0 and no word (a whole table in £ thousands
 * is refused, its smaller rows being below £100). Said once per column of a table, with its first line, on validate, a
 * run's stderr and the Data quality sheet (pipeline/own-table-warnings.ts); the figures are used as given.
 */
import { UNPAID_PLACEMENTS, type Placement } from '../../domain/index.ts';
import { lowUnitPrices } from '../../messages/unit-costs.ts';
import type { OwnTableDef } from './own-table-defs.ts';

/** The least a row of a paid placement may price a plan-year or a place without a note. */
export const LOW_UNIT_PRICE_GBP = 1_000;

export class LowUnitPrices {
  private readonly seen = new Map<string, { line: number; rows: string[]; first: number }>();

  constructor(private readonly def: OwnTableDef) {}

  /** Notes a parsed row's prices of the def's `perUnit` columns from £100 up to LOW_UNIT_PRICE_GBP. */
  note(row: Record<string, unknown>, line: number): void {
    if (UNPAID_PLACEMENTS.includes(row.placement as Placement)) return;
    for (const c of this.def.perUnit ?? []) {
      const v = row[c];
      if (typeof v !== 'number' || v <= 0 || v >= LOW_UNIT_PRICE_GBP) continue;
      let t = this.seen.get(c);
      if (!t) this.seen.set(c, (t = { line, rows: [], first: v }));
      t.rows.push(`${String(row.placement)} £${v.toLocaleString('en-GB', { minimumFractionDigits: Number.isInteger(v) ? 0 : 2, maximumFractionDigits: 2 })} at line ${line}`);
    }
  }

  /** One warning per column with such prices: its first line and message. */
  warnings(): Array<{ column: string; line: number; message: string }> {
    return [...this.seen].map(([column, t]) => ({ column, line: t.line, message: lowUnitPrices(column, t.rows, t.first, LOW_UNIT_PRICE_GBP) }));
  }
}
