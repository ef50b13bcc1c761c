/**
 * Limits on an XLSX workbook before any spreadsheet library opens it: the own input tables are a few hundred rows,
 * so its sheets may hold at most `MAX_XLSX_ROWS` rows and `MAX_XLSX_CELLS` cells, and the XML of all its sheets and
 * shared strings may inflate to at most `MAX_XLSX_XML_BYTES`. The workbook is read from disk and its sheets are
 * inflated as a stream, counting bytes, `<row>` and `<c>` tags as they pass (the sizes and dimensions a workbook
 * declares can lie), and reading stops at the first limit, so a 1.5-million-row "bomb" is refused in a moment with
 * bounded memory instead of being loaded.
 *
 *   workbook ──openZip──▶ sheet and shared-string entries ──inflate, count──▶ first limit passed? ──▶ message
 */
import { stat } from 'node:fs/promises';
import type yauzl from 'yauzl';
import * as msg from '../messages/workbooks.ts';
import { entryName, openZip } from './zip-open.ts';

const MiB = 1024 * 1024;

export interface XlsxLimits {
  /** Most bytes of sheet and shared-string XML inflated from one workbook. */
  xmlBytes: number;
  /** Most rows in all sheets together. */
  rows: number;
  /** Most cells in all sheets together. */
  cells: number;
}

export const XLSX_LIMITS: XlsxLimits = { xmlBytes: 16 * MiB, rows: 20_000, cells: 250_000 };
/** Most bytes of sheet and shared-string XML inflated from one workbook. */
export const MAX_XLSX_XML_BYTES = XLSX_LIMITS.xmlBytes;
/** Largest workbook file opened at all. */
export const MAX_XLSX_FILE_BYTES = 64 * MiB;

class Over extends Error {
  constructor(readonly what: 'bytes' | 'rows' | 'cells') {
    super(what);
  }
}

/** Counts `<row …>` and `<c …>` start tags (with or without a namespace prefix) in a stream of XML chunks. */
class TagCounter {
  rows = 0;
  cells = 0;
  private carry = '';

  /** Counts the tags that start in `chunk` (a tag cut at the chunk's end is counted with the next one). */
  add(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    const cut = text.lastIndexOf('<');
    const done = cut >= 0 && text.length - cut < 64 ? text.slice(0, cut) : text;
    this.carry = done.length < text.length ? text.slice(done.length) : '';
    for (const m of done.matchAll(/<(?:[A-Za-z_][\w.-]*:)?(row|c)[\s>/]/g)) {
      if (m[1] === 'row') this.rows++;
      else this.cells++;
    }
  }
}

/**
 * Why a workbook is too large to open, or undefined when it is within the limits (or not a readable ZIP: the
 * spreadsheet library then says what is wrong).
 * @example await xlsxTooLarge('tables.xlsx') // undefined
 */
export async function xlsxTooLarge(path: string, limit: number | Partial<XlsxLimits> = {}): Promise<string | undefined> {
  const limits: XlsxLimits = { ...XLSX_LIMITS, ...(typeof limit === 'number' ? { xmlBytes: limit } : limit) };
  const { size } = await stat(path);
  if (size > MAX_XLSX_FILE_BYTES) return msg.xlsxTooLarge(size, MAX_XLSX_FILE_BYTES, false);
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (e) {
    // a workbook cut short (a download or an attachment stopped part way) has no ZIP directory: it was reported as
    // 'not text (binary content): expected CSV, XML or XLSX', of a file that is an XLSX
    return msg.xlsxDamaged((e as Error).message);
  }
  let total = 0;
  const tags = new TagCounter();
  try {
    for await (const entry of zip.eachEntry()) {
      if (!/^xl\/(worksheets\/.*|sharedStrings)\.xml$/i.test(entryName(entry))) continue;
      const stream = await zip.openReadStreamPromise(entry);
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          total += chunk.length;
          tags.add(chunk);
          if (total > limits.xmlBytes) throw new Over('bytes');
          if (tags.rows > limits.rows) throw new Over('rows');
          if (tags.cells > limits.cells) throw new Over('cells');
        }
      } finally {
        stream.destroy();
      }
    }
  } catch (e) {
    if (!(e instanceof Over)) return msg.xlsxDamaged((e as Error).message);
    if (e.what === 'bytes') return msg.xlsxTooLarge(total, limits.xmlBytes, true);
    return msg.xlsxTooManyCells(e.what, e.what === 'rows' ? limits.rows : limits.cells);
  } finally {
    zip.close();
  }
  return undefined;
}
