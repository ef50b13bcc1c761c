/**
 * Where each part of a sheet goes, on screen and on paper. Pure, so the writer and the tests agree on positions.
 *
 * Screen: title rows, then each table (title row, header, data, note), stacked; the charts in a column to the right
 * of the widest table, or below the tables when the tables are too wide to print on one page width.
 * Paper (A4 landscape): the tables print at the largest scale (at most 100%, at least MIN_PRINT_SCALE) that fits
 * their width on a page; tables wider than that at the minimum scale run on across pages with their first
 * columns repeated. Each chart is a print range of its own, so it prints on its own page, never shrunk beside a
 * table. Rows 1–2 (the sheet title and the line naming LA, scenario and run) repeat on every page, or the header
 * row where a sheet is one table and no chart.
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
  /** Print: scale in percent, the print ranges (tables first, then one per chart) and the titles repeated. */
  print: {
    scale: number;
    ranges: string[];
    titleRows: string;
    titleColumns?: string;
  };
  /** Column widths in characters, one per table column. */
  widths: number[];
  /** Columns whose text is wrapped (too long for the width cap). */
  wrapped: boolean[];
}

/** Rows a chart image of 450 px takes at the default 20 px row height, plus a gap. */
export const CHART_ROWS = 24;
/** Columns a chart image of 800 px spans at the default column width (64 px). */
export const CHART_COLS = 13;
/** No sheet prints smaller than this (percent): wider tables run on across pages instead. */
export const MIN_PRINT_SCALE = 60;
/** Printable width of A4 landscape with the workbook's 0.5 in side margins, in points, less 8% for how
 * spreadsheet programs round column widths (LibreOffice printed a table sized to the full width on two pages). */
const PRINT_WIDTH_PT = (841.9 - 72) * 0.92;

/** Points of an Excel column of `w` characters (7 px a character plus 5 px padding, at 0.75 pt a pixel). */
function columnPoints(w: number): number {
  return (w * 7 + 5) * 0.75;
}

/** The A1 name of a 0-based column. @example colName(27) // 'AB' */
export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
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
  const lastTableRow = Math.max(...tables.map((t) => t.noteRow ?? t.lastRow), 3 + s.intro.length);
  const tablePoints = widths.reduce((a, w) => a + columnPoints(w), 0);
  const fit = Math.floor((PRINT_WIDTH_PT / tablePoints) * 100);
  const scale = Math.max(MIN_PRINT_SCALE, Math.min(100, fit));
  // too wide for a page even at the smallest scale: the table runs on across pages, and the charts go below it
  const runsOn = fit < MIN_PRINT_SCALE;
  const chartCol = runsOn ? 0 : width + 1;
  const chartTop = runsOn ? lastTableRow + 2 : firstTableRow - 1;
  const chartRows = s.charts.map((_, i) => chartTop + i * CHART_ROWS);
  const ranges = [
    `A1:${colName(width - 1)}${lastTableRow}`,
    ...chartRows.map((r) => `${colName(chartCol)}${r + 1}:${colName(chartCol + CHART_COLS - 1)}${r + CHART_ROWS - 1}`),
  ];
  const single = s.tables.length === 1 && s.charts.length === 0 && tables[0] !== undefined;
  return {
    titleRow: 1,
    subtitleRow: 2,
    introRows,
    tables,
    width,
    chartCol,
    chartRows,
    widths,
    wrapped,
    print: {
      scale,
      ranges,
      titleRows: single ? `${tables[0]!.headerRow}:${tables[0]!.headerRow}` : '1:2',
      ...(runsOn ? { titleColumns: `A:${colName(Math.max(1, s.freezeColumns) - 1)}` } : {}),
    },
  };
}
