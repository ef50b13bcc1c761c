/**
 * Limits on an XLSX workbook before any spreadsheet library opens it: the own input tables are a few hundred rows,
 * so the XML of all its sheets and shared strings may inflate to at most `MAX_XLSX_XML_BYTES`. The bytes are
 * counted while inflating (the sizes a ZIP declares can lie), and counting stops at the limit, so a
 * 1.5-million-row "bomb" is refused in a moment with bounded memory instead of being loaded.
 */
import { readFile, stat } from 'node:fs/promises';
import JSZip from 'jszip';
import * as msg from '../messages/etl.ts';

const MiB = 1024 * 1024;
/** Most bytes of sheet and shared-string XML inflated from one workbook. */
export const MAX_XLSX_XML_BYTES = 16 * MiB;
/** Largest workbook file opened at all. */
export const MAX_XLSX_FILE_BYTES = 64 * MiB;

class Over extends Error {}

/**
 * Why a workbook is too large to open, or undefined when it is within the limits (or not a readable ZIP: the
 * spreadsheet library then says what is wrong).
 * @example await xlsxTooLarge('tables.xlsx') // undefined
 */
export async function xlsxTooLarge(path: string, limit = MAX_XLSX_XML_BYTES): Promise<string | undefined> {
  const { size } = await stat(path);
  if (size > MAX_XLSX_FILE_BYTES) return msg.xlsxTooLarge(size, MAX_XLSX_FILE_BYTES, false);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(path));
  } catch {
    return undefined;
  }
  let total = 0;
  const parts = Object.values(zip.files).filter((f) => !f.dir && /^xl\/(worksheets\/.*|sharedStrings)\.xml$/i.test(f.name));
  try {
    for (const f of parts) {
      await new Promise<void>((resolve, reject) => {
        const s = f.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
        s.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > limit) {
            s.destroy?.();
            reject(new Over());
          }
        });
        s.on('end', () => resolve());
        s.on('error', (e: Error) => reject(e));
      });
    }
  } catch (e) {
    if (e instanceof Over) return msg.xlsxTooLarge(total, limit, true);
    return undefined;
  }
  return undefined;
}
