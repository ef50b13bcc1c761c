/**
 * Total and subtotal rows of an additive own table (other spend) told by their figures, whatever their label: a row
 * whose amount is the sum of the two or more rows of its year above it (since the year's last such row). A council's
 * sheet grouped by year with a subtotal under each year ('Other spend', 'Sum 2025-26', 'Grand total 2026-27': a label
 * no list of total words holds) was read as one more line, doubling the sample's other spend (£7.95m to £15.9m in
 * 2025-26) with exit 0. A grand total under subtotals is the sum of the rows the subtotals stand for, so it is found too.
 */
import { financialYearLabel } from '../../domain/index.ts';
import { totalRowByFigures } from '../../messages/own-tables.ts';
import type { OwnTableDef } from './own-table-defs.ts';

/** A pound is the unit money is written in: sums within half a penny are the same figure. */
const SAME = 0.005;

interface Seen {
  line: number;
  label: string;
  amount: number;
}

export class TotalRows {
  /** Rows of each year since its last total row, in file order. */
  private readonly open = new Map<number, Seen[]>();
  /** Rows already summed by a subtotal of each year (what a grand total under subtotals adds up). */
  private readonly summed = new Map<number, Seen[]>();
  private readonly found: Array<{ column: string; line: number; message: string }> = [];

  constructor(private readonly def: OwnTableDef) {}

  /** Notes a parsed row of the table (in file order). */
  note(row: Record<string, unknown>, line: number): void {
    const spec = this.def.additive;
    if (!spec) return;
    const year = row[spec.within];
    const amount = row[spec.amount];
    if (typeof year !== 'number' || typeof amount !== 'number') return;
    const seen: Seen = { line, label: String(row[spec.label] ?? ''), amount };
    const open = this.open.get(year) ?? [];
    const done = this.summed.get(year) ?? [];
    for (const rows of [open, done.length > 0 ? [...done, ...open] : []]) {
      if (rows.length < 2 || amount <= 0) continue;
      if (Math.abs(rows.reduce((s, r) => s + r.amount, 0) - amount) >= SAME) continue;
      this.found.push({ column: spec.amount, line, message: totalRowByFigures(seen.label, financialYearLabel(year), amount, rows.length, rows.map((r) => r.line)) });
      this.summed.set(year, [...done, ...open]);
      this.open.set(year, []);
      return;
    }
    this.open.set(year, [...open, seen]);
  }

  /** The total rows found: an error each, at its line. */
  errors(): Array<{ column: string; line: number; message: string }> {
    return this.found;
  }
}
