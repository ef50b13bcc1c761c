/**
 * Where each part of a sheet goes, on screen and on paper. Pure, so the writer and the tests agree on positions.
 *
 * Screen: title rows, then each table (title row, header, data, note), stacked; the charts in a column to the right
 * of the widest table, or below the tables when the tables are too wide to print on one page width. Headers wrap on
 * up to three lines, so a column is as wide as its numbers need, not as its header; long text wraps at MAX_WIDTH,
 * and the rows it wraps in are made tall enough to show it (a spreadsheet program does not do that on opening).
 * Widths count characters of the workbook's default font, Arial 10 (write-xlsx.ts): Excel and LibreOffice (whose
 * Liberation Sans has Arial's metrics) then agree on how wide a column is, which they did not with Calibri.
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
  /** Per table, the height in points of its header row (headers wrap on up to three lines). */
  headerHeights: number[];
  /**
   * Lines of prose (the intro under the title, a table's note) are wrapped across the first `cols` columns, the
   * ones that print on the first page, `chars` characters wide.
   */
  prose: { cols: number; chars: number };
}

/** Points of one line of text in the default font (Arial 10), and the padding of a row. */
export const LINE_POINTS = 12.75;
const ROW_PADDING = 2;
/** Lines a header may wrap onto. */
const HEADER_LINES = 3;

/**
 * Lines a text takes when wrapped at word boundaries into `width` characters (a word longer than the width is cut).
 * @example wrapLines('Jan 2026 projected (plans)', 10) // 3
 */
export function wrapLines(text: string, width: number): number {
  let lines = 0;
  for (const para of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const need = line === 0 ? word.length : line + 1 + word.length;
      if (need <= width) line = need;
      else if (line === 0) {
        lines += Math.ceil(word.length / width) - 1;
        line = word.length % width || width;
      } else {
        lines++;
        lines += Math.ceil(word.length / width) - 1;
        line = word.length % width || width;
      }
    }
  }
  return lines;
}

/** The narrowest width (characters) at which a header takes at most HEADER_LINES lines. */
function headerWidth(header: string): number {
  const longest = Math.max(...header.split(/\s+/).map((w) => w.length), 1);
  for (let w = longest; w < header.length; w++) if (wrapLines(header, w) <= HEADER_LINES) return w;
  return header.length;
}

/** The height in points of a row whose tallest cell takes `lines` lines. */
export function rowPoints(lines: number): number {
  return Math.max(1, lines) * LINE_POINTS + ROW_PADDING;
}

/** Rows a chart image of 450 px takes at the default 20 px row height, plus a gap. */
export const CHART_ROWS = 24;
/** No sheet prints smaller than this (percent): wider tables run on across pages instead. */
export const MIN_PRINT_SCALE = 60;
/** Printable width of A4 landscape with the workbook's 0.5 in side margins, in points, less 8% for how
 * spreadsheet programs round column widths (LibreOffice printed a table sized to the full width on two pages). */
const PRINT_WIDTH_PT = (841.9 - 72) * 0.92;

/** Points of an Excel column of `w` characters (7 px a character plus 5 px padding, at 0.75 pt a pixel). */
function columnPoints(w: number): number {
  return columnPixels(w) * 0.75;
}

/** The A1 name of a 0-based column. @example colName(27) // 'AB' */
export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const MAX_WIDTH = 60;
const MIN_WIDTH = 8;
/** A text without spaces (a SHA-256, a path) is not wrapped up to this length: it widens its column instead. */
const MAX_UNBROKEN = 68;
/** Characters of text that fit in a column `w` digits wide (Arial's letters average about 0.9 of a digit). */
export function textChars(w: number): number {
  return Math.max(1, Math.floor((w - 2) * 1.05));
}

function unbrokenLength(c: Cell): number {
  return typeof c === 'string' && !/\s/.test(c) ? c.length : 0;
}

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

/** Pixels of an Excel column of `w` characters (7 px a character plus 5 px padding). */
function columnPixels(w: number): number {
  return w * 7 + 5;
}

/**
 * How many columns after the first a chart image (800 px wide) spans, from the first column on: over the widths
 * given, then columns of the default width (64 px).
 */
function chartColumns(widths: readonly number[]): number {
  let px = 0;
  for (let k = 0; ; k++) {
    px += k < widths.length ? columnPixels(widths[k]!) : 64;
    if (px >= CHART_PIXELS) return k;
  }
}
/** Width of a chart image in the workbook. */
const CHART_PIXELS = 800;

/** The largest print scale (percent) at which columns of these widths fit one page width. */
function fitPercent(widths: readonly number[]): number {
  return Math.floor((PRINT_WIDTH_PT / widths.reduce((a, w) => a + columnPoints(w), 0)) * 100);
}

/** Narrowest width at which long text is wrapped to make a sheet fit a page. */
const MIN_WRAP = 24;

/** What a column's width is made from, whatever the wrap width: its widest header, cell and unbroken run of text. */
interface ColumnMeasure {
  header: number;
  widest: number;
  unbroken: number;
}

/** Each column's measures over the sheet's tables (the same for every wrap width, so measured once). */
function measureColumns(s: Sheet, width: number): ColumnMeasure[] {
  const out: ColumnMeasure[] = [];
  for (let j = 0; j < width; j++) {
    let w = MIN_WIDTH;
    let header = MIN_WIDTH;
    let unbroken = 0;
    for (const t of s.tables) {
      const c = t.columns[j];
      if (!c) continue;
      // three characters for the filter button Excel draws in a table's header
      header = Math.max(header, headerWidth(c.header) + 3);
      for (const r of t.rows) {
        w = Math.max(w, cellTextLength(r[j] ?? null, c.kind) + 2);
        unbroken = Math.max(unbroken, unbrokenLength(r[j] ?? null) + 2);
      }
    }
    out.push({ header, widest: w, unbroken });
  }
  return out;
}

/** Column widths (characters) of a sheet's tables with text wrapped at `cap`, and which columns wrap. */
function columnWidths(measures: readonly ColumnMeasure[], cap: number): { widths: number[]; wrapped: boolean[] } {
  const widths: number[] = [];
  const wrapped: boolean[] = [];
  measures.forEach(({ header, widest, unbroken }, j) => {
    const limit = Math.max(cap, Math.min(unbroken, MAX_UNBROKEN));
    wrapped.push(widest > limit);
    // the indent that keeps a column apart from the one before (write-xlsx.ts)
    widths.push(Math.max(header, Math.min(widest, limit)) + (j > 0 ? 1 : 0));
  });
  return { widths, wrapped };
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
  // long text wraps at MAX_WIDTH, or at the widest narrower width (down to MIN_WRAP) that lets the tables print on
  // one page width at MIN_PRINT_SCALE or more; when none does, the tables run on across pages unchanged
  const measures = measureColumns(s, width);
  let { widths, wrapped } = columnWidths(measures, MAX_WIDTH);
  for (let cap = MAX_WIDTH - 4; fitPercent(widths) < MIN_PRINT_SCALE && cap >= MIN_WRAP; cap -= 4) {
    const narrower = columnWidths(measures, cap);
    if (fitPercent(narrower.widths) >= MIN_PRINT_SCALE) ({ widths, wrapped } = narrower);
  }
  const headerHeights = s.tables.map((t) => rowPoints(Math.max(...t.columns.map((c, j) => wrapLines(c.header, widths[j]! - 3)), 1)));
  const firstTableRow = tables[0]?.titleRow ?? 4;
  const lastTableRow = Math.max(...tables.map((t) => t.noteRow ?? t.lastRow), 3 + s.intro.length);
  const fit = fitPercent(widths);
  const scale = Math.max(MIN_PRINT_SCALE, Math.min(100, fit));
  // too wide for a page even at the smallest scale: the table runs on across pages, and the charts go below it
  const runsOn = fit < MIN_PRINT_SCALE;
  // the columns that print on the first page, for prose wrapped across them
  const pagePoints = (PRINT_WIDTH_PT * 100) / scale;
  let proseCols = 0;
  let proseChars = 0;
  for (let used = 0; proseCols < width && used + columnPoints(widths[proseCols]!) <= pagePoints; proseCols++) {
    used += columnPoints(widths[proseCols]!);
    proseChars += widths[proseCols]!;
  }
  if (proseCols === 0) [proseCols, proseChars] = [1, widths[0] ?? MIN_WIDTH];
  const chartCol = runsOn ? 0 : width + 1;
  const chartTop = runsOn ? lastTableRow + 2 : firstTableRow - 1;
  const chartRows = s.charts.map((_, i) => chartTop + i * CHART_ROWS);
  // a chart's print range covers its image and no more, so that it prints whole on one page
  const chartLastCol = chartCol + chartColumns(runsOn ? widths : []);
  const ranges = [
    `A1:${colName(width - 1)}${lastTableRow}`,
    ...chartRows.map((r) => `${colName(chartCol)}${r + 1}:${colName(chartLastCol)}${r + CHART_ROWS - 1}`),
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
    headerHeights,
    prose: { cols: proseCols, chars: proseChars },
    print: {
      scale,
      ranges,
      titleRows: single ? `${tables[0]!.headerRow}:${tables[0]!.headerRow}` : '1:2',
      ...(runsOn ? { titleColumns: `A:${colName(Math.max(1, s.freezeColumns) - 1)}` } : {}),
    },
  };
}
