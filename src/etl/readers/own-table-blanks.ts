/**
 * Blank cells of the columns of an own table where a blank is read as none: the funding table's income lines other
 * than the block (a year with no figure has none of that income: budget.md "Income has dates"). Read so without a
 * word, a figure left out or not yet known became £0 of income; each such column is now said once per table, with
 * its years and first line, so that a reader knows which figures the run took for none.
 */
import { financialYearLabel } from '../../domain/index.ts';
import { blankIncomeCells } from '../../messages/workbooks.ts';
import type { OwnTableDef } from './own-table-defs.ts';

export class BlankCells {
  private readonly seen = new Map<string, { line: number; years: string[] }>();

  constructor(private readonly def: OwnTableDef) {}

  /** Notes a parsed row's blank cells of the def's `blankIsNone` columns that the table has (`present`). */
  note(row: Record<string, unknown>, present: (column: string) => boolean, line: number): void {
    for (const c of this.def.blankIsNone ?? []) {
      if (row[c] !== null || !present(c)) continue;
      let t = this.seen.get(c);
      if (!t) this.seen.set(c, (t = { line, years: [] }));
      t.years.push(typeof row.financial_year === 'number' ? financialYearLabel(row.financial_year) : `line ${line}`);
    }
  }

  /** One warning per column with blank cells: its first line and message. */
  warnings(): Array<{ column: string; line: number; message: string }> {
    return [...this.seen].map(([column, t]) => ({ column, line: t.line, message: blankIncomeCells(column, t.years) }));
  }
}
