/**
 * WorkbookModel → exceljs Workbook → .xlsx bytes. The only file that knows exceljs. Strings are written as
 * strings (never `{ formula }`), numbers as numbers; each table is a real Excel table.
 */
import type ExcelJS from 'exceljs';
import { Workbook } from '../../util/exceljs-workbook.ts';
import { NumFmt } from '../format.ts';
import { argb, GovUk } from '../palette.ts';
import type { ChartId } from '../charts/chart-spec.ts';
import { finishXlsx } from './alt-text.ts';
import { layoutSheet, rowPoints, textChars, wrapLines } from './layout.ts';
import type { Cell, ColumnKind, Sheet, WorkbookModel } from './model.ts';

/**
 * The workbook's font: Arial, whose metrics LibreOffice's Liberation Sans shares, so that column widths (counted in
 * the default font's characters) and the print layout are the same in Excel and LibreOffice (finishXlsx makes it
 * the default font too).
 */
export const FONT = 'Arial';

/** A chart for embedding: its PNG, or the promise of it while it is still being drawn. */
export interface ChartImage {
  png: Buffer | Promise<Buffer>;
  title: string;
  alt: string;
}

const FMT: Record<ColumnKind, string> = {
  text: NumFmt.text,
  count: NumFmt.count,
  number: NumFmt.count,
  money: NumFmt.money,
  percent: NumFmt.percent,
  year: NumFmt.year,
  decimal: NumFmt.decimal,
};

/** The value exceljs stores: numbers stay numbers, text stays text. */
function cellValue(c: Cell): number | string | null {
  if (c === null) return null;
  if (typeof c === 'object') return c.value;
  return c;
}

/**
 * One style object for each number format and alignment of the data cells. exceljs turns each cell's style into
 * its font, fill, border and format entries when it writes, unless it has seen that style object before: cells that
 * share one are looked up once (its styles' WeakMap), cells with a copy each of their own are worked out again,
 * a large part of writing a workbook. Shared objects are never changed after they are made.
 */
class CellStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();

  get(numFmt: string, alignment: Partial<ExcelJS.Alignment>): Partial<ExcelJS.Style> {
    const key = JSON.stringify([numFmt, alignment]);
    let style = this.byKey.get(key);
    if (!style) this.byKey.set(key, (style = { numFmt, alignment }));
    return style;
  }
}

function writeSheet(wb: ExcelJS.Workbook, model: WorkbookModel, s: Sheet, images: Map<ChartId, number>, tabIndex: number, styles: CellStyles): { charts: ChartId[]; printRanges: string[] } {
  const L = layoutSheet(s);
  const headerRow = L.tables[0]?.headerRow ?? 1;
  const ws = wb.addWorksheet(s.name, {
    properties: { tabColor: { argb: argb(tabIndex === 0 ? GovUk.blue : GovUk.darkGrey) } },
    views: [{ state: 'frozen', xSplit: s.freezeColumns, ySplit: headerRow, showGridLines: false }],
    // A4 landscape at a readable scale; the tables and each chart are print ranges of their own (layout.ts)
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: false,
      scale: L.print.scale,
      printArea: L.print.ranges[0],
      printTitlesRow: L.print.titleRows,
      ...(L.print.titleColumns ? { printTitlesColumn: L.print.titleColumns } : {}),
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&L&8highneeds&C&8&A&R&8Page &P of &N' },
  });
  L.widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));

  const title = ws.getCell(L.titleRow, 1);
  title.value = s.title;
  title.font = { name: FONT, bold: true, size: 16, color: { argb: argb(GovUk.black) } };
  const sub = ws.getCell(L.subtitleRow, 1);
  sub.value = model.subtitle;
  sub.font = { name: FONT, size: 11, color: { argb: argb(GovUk.darkGrey) } };
  // prose wraps across the columns that print on the first page, in rows tall enough for it
  const prose = (row: number, text: string, size: number): ExcelJS.Cell => {
    if (L.prose.cols > 1) ws.mergeCells(row, 1, row, L.prose.cols);
    const c = ws.getCell(row, 1);
    c.value = text;
    c.font = { name: FONT, italic: true, size, color: { argb: argb(GovUk.darkGrey) } };
    c.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    const lines = wrapLines(text, textChars(L.prose.chars));
    if (lines > 1) ws.getRow(row).height = rowPoints(lines);
    return c;
  };
  s.intro.forEach((line, i) => prose(L.introRows[i]!, line, 10));

  s.tables.forEach((t, k) => {
    const P = L.tables[k]!;
    const tc = ws.getCell(P.titleRow, 1);
    tc.value = t.title;
    tc.font = { name: FONT, bold: true, size: 12, color: { argb: argb(GovUk.blue) } };
    ws.addTable({
      name: t.name,
      displayName: t.name,
      ref: `A${P.headerRow}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: 'TableStyleMedium2', showRowStripes: true, showColumnStripes: false },
      columns: t.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: t.rows.map((r) => t.columns.map((_, j) => cellValue(r[j] ?? null))),
    });
    const hr = ws.getRow(P.headerRow);
    t.columns.forEach((c, j) => {
      const h = hr.getCell(j + 1);
      h.font = { name: FONT, bold: true, size: 10, color: { argb: argb(GovUk.white) } };
      h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(GovUk.blue) } };
      // an indent after the first column keeps neighbouring headers and numbers apart (never "RankAssumption")
      h.alignment = { vertical: 'middle', horizontal: c.kind === 'text' ? 'left' : 'right', wrapText: true, ...(j > 0 ? { indent: 1 } : {}) };
    });
    hr.height = L.headerHeights[k]!;
    t.rows.forEach((r, i) => {
      const row = ws.getRow(P.firstDataRow + i);
      // wrapped text: the row is made as tall as its longest cell needs (no program does this when it opens a file)
      const lines = Math.max(1, ...t.columns.map((_, j) => (L.wrapped[j] && typeof r[j] === 'string' ? wrapLines(r[j] as string, textChars(L.widths[j]!)) : 1)));
      if (lines > 1) row.height = rowPoints(lines);
      t.columns.forEach((c, j) => {
        const cell = row.getCell(j + 1);
        const v = r[j] ?? null;
        const kind = v !== null && typeof v === 'object' ? v.kind : c.kind;
        cell.style =
          typeof v === 'string'
            ? styles.get(NumFmt.text, { horizontal: c.kind === 'text' ? 'left' : 'right', vertical: 'top', wrapText: L.wrapped[j], ...(j > 0 ? { indent: 1 } : {}) })
            : styles.get(FMT[kind], { horizontal: 'right', vertical: 'top', ...(j > 0 ? { indent: 1 } : {}) });
      });
    });
    if (P.noteRow !== undefined && t.note) prose(P.noteRow, t.note, 9);
  });

  const alts: ChartId[] = [];
  const printRanges = [L.print.ranges[0]!];
  s.charts.forEach((id, i) => {
    const imageId = images.get(id);
    if (imageId === undefined) return;
    ws.addImage(imageId, { tl: { col: L.chartCol, row: L.chartRows[i]! }, ext: { width: 800, height: 450 }, editAs: 'oneCell' });
    alts.push(id);
    printRanges.push(L.print.ranges[i + 1]!);
  });
  return { charts: alts, printRanges };
}

/**
 * Draws a workbook model with exceljs (for writing, and for the golden dump). Returns the workbook and, per sheet,
 * the chart ids of its images in the order they were added.
 */
export function buildExcelWorkbook(
  model: WorkbookModel,
  charts: Map<ChartId, ChartImage>,
): { wb: ExcelJS.Workbook; imagesBySheet: ChartId[][]; printRangesBySheet: string[][] } {
  const wb = new Workbook();
  const date = new Date(model.created);
  wb.creator = model.creator;
  wb.lastModifiedBy = model.creator;
  wb.created = date;
  wb.modified = date;
  wb.title = model.title;
  wb.subject = model.subject;
  wb.keywords = model.keywords;
  wb.description = model.description;
  wb.company = 'Local authority High Needs team';
  wb.category = 'Finance; SEND';
  const ids = new Map<ChartId, number>();
  for (const [id, img] of charts) ids.set(id, wb.addImage({ buffer: (img.png instanceof Promise ? standIn(id) : img.png) as unknown as ExcelJS.Buffer, extension: 'png' }));
  const styles = new CellStyles();
  const written = model.sheets.map((s, i) => writeSheet(wb, model, s, ids, i, styles));
  return { wb, imagesBySheet: written.map((w) => w.charts), printRangesBySheet: written.map((w) => w.printRanges) };
}

/**
 * The .xlsx bytes of a workbook model with its charts embedded (with alt text).
 * @example const bytes = await workbookBytes(buildWorkbookModel(report), charts)
 */
export async function workbookBytes(model: WorkbookModel, charts: Map<ChartId, ChartImage>): Promise<Buffer> {
  // charts still being drawn go in as stand-ins, and their PNGs replace them at the end, byte for byte where they
  // would have been (a chart that fails to draw fails the workbook there, never unhandled meanwhile)
  const pending = [...charts].filter(([, c]) => c.png instanceof Promise);
  const drawn = Promise.all(pending.map(([, c]) => c.png));
  drawn.catch(() => undefined);
  const { wb, imagesBySheet, printRangesBySheet } = buildExcelWorkbook(model, charts);
  // Stored uncompressed here and compressed once in finishXlsx (PNG media stay stored: they are compressed already).
  const raw = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as unknown as ExcelJS.XlsxWriteOptions));
  const alt = imagesBySheet.map((ids) => ids.map((id) => ({ name: charts.get(id)!.title, descr: charts.get(id)!.alt })));
  const pngs = await drawn;
  const media = new Map(pending.map(([id], i) => [standIn(id).toString('latin1'), pngs[i]!]));
  return finishXlsx(raw, alt, printRangesBySheet, { name: FONT, size: 10 }, media);
}

/** The bytes a chart still being drawn is written as, until finishXlsx puts its PNG in their place. */
function standIn(id: ChartId): Buffer {
  return Buffer.from(`highneeds chart still being drawn: ${id}`, 'latin1');
}
