/**
 * Where each part of a sheet goes: title rows, then each table (title row, header, data, note), stacked, and the
 * charts in a column to the right of the widest table. Pure, so the writer and the tests agree on positions.
 */
import { fmtCount } from '../format.ts';
import type { Cell, Sheet } from './model.ts';

export interface TablePlacement {
  titleRow: number;
  headerRow: number;
  firstDataRow: number;
  lastRow: number;
  noteRow?: number;
}

export interface SheetLayout {
  titleRow: number;
  subtitleRow: number;
  introRows: number[];
  tables: TablePlacement[];
  /** Number of table columns of the widest table. */
  width: number;
  /** 0-based column of the charts, and the 0-based rows of their top-left corners. */
  chartCol: number;
  chartRows: number[];
  /** Column widths in characters, one per table column. */
  widths: number[];
  /** Columns whose text is wrapped (too long for the width cap). */
  wrapped: boolean[];
}

/** Rows a chart image of 450 px takes at the default 20 px row height, plus a gap. */
export const CHART_ROWS = 24;
const MAX_WIDTH = 60;
const MIN_WIDTH = 8;

function cellTextLength(c: Cell, kind: string): number {
  if (c === null) return 0;
  if (typeof c === 'string') return c.length;
  const v = typeof c === 'number' ? c : c.value;
  const k = typeof c === 'object' ? c.kind : kind;
  if (k === 'money') return fmtCount(v).length + 2;
  if (k === 'percent') return 7;
  if (k === 'year') return 4;
  return fmtCount(v).length + (Number.isInteger(v) ? 0 : 2);
}

export function layoutSheet(s: Sheet): SheetLayout {
  const introRows = s.intro.map((_, i) => 3 + i);
  let row = 3 + s.intro.length + 1;
  const tables: TablePlacement[] = s.tables.map((t) => {
    const titleRow = row;
    const headerRow = row + 1;
    const firstDataRow = row + 2;
    const lastRow = headerRow + t.rows.length;
    const noteRow = t.note ? lastRow + 1 : undefined;
    row = (noteRow ?? lastRow) + 3;
    return { titleRow, headerRow, firstDataRow, lastRow, noteRow };
  });
  const width = Math.max(...s.tables.map((t) => t.columns.length), 1);
  const widths: number[] = [];
  const wrapped: boolean[] = [];
  for (let j = 0; j < width; j++) {
    let w = MIN_WIDTH;
    for (const t of s.tables) {
      const c = t.columns[j];
      if (!c) continue;
      w = Math.max(w, c.header.length + 4);
      for (const r of t.rows) w = Math.max(w, cellTextLength(r[j] ?? null, c.kind) + 2);
    }
    wrapped.push(w > MAX_WIDTH);
    widths.push(Math.min(w, MAX_WIDTH));
  }
  const firstTableRow = tables[0]?.titleRow ?? 4;
  return {
    titleRow: 1,
    subtitleRow: 2,
    introRows,
    tables,
    width,
    chartCol: width + 1,
    chartRows: s.charts.map((_, i) => firstTableRow - 1 + i * CHART_ROWS),
    widths,
    wrapped,
  };
}
