/** Test helpers for the report stage. */
import { loadImage, createCanvas } from '@napi-rs/canvas';
import type ExcelJS from 'exceljs';

/** Width, height and the share of pixels that are not (near) white. */
export async function pngStats(png: Buffer): Promise<{ width: number; height: number; nonWhite: number }> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, img.width, img.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && (d[i]! < 235 || d[i + 1]! < 235 || d[i + 2]! < 235)) n++;
  return { width: img.width, height: img.height, nonWhite: n / (img.width * img.height) };
}

function normValue(v: ExcelJS.CellValue): unknown {
  if (typeof v === 'number') return Math.round(v * 100) / 100;
  if (v instanceof Date) return v.toISOString();
  return v;
}

/**
 * A normalised dump of an exceljs workbook for golden files: properties, and per sheet the views, page setup,
 * merges, tables, images and every non-empty cell as `A1 type value | format`.
 */
/** Rows given a height of their own (wrapped text, wrapped headers), as `row: points`. */
function rowHeights(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => void (row.height !== undefined && out.push(`${n}: ${row.height}`)));
  return out;
}

export function dumpWorkbook(wb: ExcelJS.Workbook): unknown {
  return {
    properties: { creator: wb.creator, title: wb.title, subject: wb.subject, keywords: wb.keywords, description: wb.description, created: wb.created?.toISOString() },
    sheets: wb.worksheets.map((ws) => {
      const cells: string[] = [];
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          // a merged range is its first cell (the others repeat its value when read back); `merges` lists the range
          if (cell.isMerged && cell.master.address !== cell.address) return;
          cells.push(`${cell.address} ${typeof cell.value === 'number' ? 'n' : typeof cell.value === 'string' ? 's' : typeof cell.value} ${JSON.stringify(normValue(cell.value))}${cell.numFmt ? ` | ${cell.numFmt}` : ''}`);
        }),
      );
      const model = ws.model as unknown as { merges?: string[] };
      const tables = Object.values((ws as unknown as { tables: Record<string, { table: { name: string; ref: string; columns: Array<{ name: string }>; style: unknown } }> }).tables).map((t) => ({
        name: t.table.name,
        ref: t.table.ref,
        columns: t.table.columns.map((c) => c.name),
        style: t.table.style,
      }));
      return {
        name: ws.name,
        views: ws.views,
        pageSetup: { orientation: ws.pageSetup.orientation, fitToPage: ws.pageSetup.fitToPage, scale: ws.pageSetup.scale, printArea: ws.pageSetup.printArea, printTitlesRow: ws.pageSetup.printTitlesRow, printTitlesColumn: ws.pageSetup.printTitlesColumn, paperSize: ws.pageSetup.paperSize },
        widths: ws.columns?.map((c) => c.width) ?? [],
        heights: rowHeights(ws),
        merges: model.merges ?? [],
        tables,
        images: ws.getImages().map((i) => ({ tl: [i.range.tl.nativeCol, i.range.tl.nativeRow] })),
        cells,
      };
    }),
  };
}

/** Replaces functions with a marker so configurations compare as JSON. */
export function jsonSafe(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (_k, v: unknown) => (typeof v === 'function' ? '[function]' : v)));
}
