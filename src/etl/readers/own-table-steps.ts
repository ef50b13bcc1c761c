/**
 * A money column of an own table that moves little from one financial year to the next (OwnTableDef.steadyByYear: the
 * funding table's High Needs block and schools block) holding a year whose figure is half or less, or twice or more,
 * the figure of the year before it in the table (YEAR_STEP, raised to the power of the years between two rows): no
 * council's block moves so, so one of the two has a digit too many or too few. The sample's 2025-26 block typed with
 * a zero too many (£571,700,000 beside £59,170,000 for 2026-27) ran with exit 0, a 31 March 2028 balance of +£443m
 * in place of -£71m, warned of only as the block's scale against spend.
 */
import { financialYearLabel } from '../../domain/index.ts';
import { blockStepImplausible } from '../../messages/own-tables.ts';
import type { OwnTableDef } from './own-table-defs.ts';

/**
 * The widest move of a steady column from one financial year to the next: the national funding formula's floor and
 * gains cap keep a council's High Needs block within a few per cent to about a fifth of the year before (the schools
 * block moves with its pupils), so half or double is a figure in other units or another's.
 */
export const YEAR_STEP: readonly [number, number] = [0.5, 2];

interface Seen {
  fy: number;
  value: number;
  line: number;
}

export class YearSteps {
  private readonly seen = new Map<string, Seen[]>();

  constructor(private readonly def: OwnTableDef) {}

  /** Notes a parsed row's figures of the def's steady columns. */
  note(row: Record<string, unknown>, line: number): void {
    const fy = row.financial_year;
    if (typeof fy !== 'number') return;
    for (const c of this.def.steadyByYear ?? []) {
      const value = row[c];
      if (typeof value !== 'number' || !(value > 0)) continue;
      const rows = this.seen.get(c) ?? [];
      rows.push({ fy, value, line });
      this.seen.set(c, rows);
    }
  }

  /** An error per column at the first row (by financial year) whose figure steps beyond YEAR_STEP from the row before. */
  errors(): Array<{ column: string; line: number; message: string }> {
    const out: Array<{ column: string; line: number; message: string }> = [];
    for (const [column, rows] of this.seen) {
      const byYear = [...rows].sort((a, b) => a.fy - b.fy);
      for (let i = 1; i < byYear.length; i++) {
        const [a, b] = [byYear[i - 1]!, byYear[i]!];
        const gap = b.fy - a.fy;
        const step = b.value / a.value;
        if (gap < 1 || (step > YEAR_STEP[0] ** gap && step < YEAR_STEP[1] ** gap)) continue;
        out.push({ column, line: b.line, message: blockStepImplausible(column, { fy: financialYearLabel(b.fy), value: b.value }, { fy: financialYearLabel(a.fy), value: a.value, line: a.line }, YEAR_STEP) });
        break;
      }
    }
    return out;
  }
}
