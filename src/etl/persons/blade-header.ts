/**
 * The header row of a Blade module file, read and checked before DuckDB reads the file: a quote or control character in it,
 * an empty file or two columns of one name (also up to case) are located errors, and the column names handed
 * to DuckDB's `read_csv` (lower case, in order) so it never guesses the dialect. Bad rows (an unterminated quote,
 * a row with more or fewer fields than the header) are then DuckDB's located errors, mapped here to line numbers
 * without echoing the row (it holds personal data).
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { bladeBadRow, bladeControlInHeader, bladeCrOnly, bladeDuplicateColumn, bladeEmptyFile, bladeQuoteInHeader } from '../../messages/sen2.ts';
import { decodeWin1252 } from '../../util/win1252.ts';
import { startsWithBom, type TextEncoding } from '../csv/read-csv.ts';
import { readChunks } from '../read-chunks.ts';

/** The longest header line looked at. */
const MAX_HEADER_BYTES = 64 * 1024;

export type HeaderCheck = { columns: string[] } | { line: number; message: string };

/**
 * Reads and checks the header row of a Blade module file, decoded in the file's encoding (detectEncoding), so a
 * column name in a message reads as the file's other text does.
 * @example await bladeHeader('Blade-Export_28-01-2025_person.csv', 'person', 'utf-8') // { columns: ['persontableid', …] }
 */
export async function bladeHeader(file: string, module: string, encoding: TextEncoding): Promise<HeaderCheck> {
  const fh = await open(file, 'r');
  let text: string;
  try {
    const buf = Buffer.alloc(MAX_HEADER_BYTES);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const bytes = buf.subarray(startsWithBom(buf.subarray(0, bytesRead)) ? 3 : 0, bytesRead);
    text = encoding === 'utf-8' ? bytes.toString('utf8') : decodeWin1252(bytes);
  } finally {
    await fh.close();
  }
  const first = text.split(/\r?\n/)[0] ?? '';
  if (first.trim() === '') return { line: 1, message: bladeEmptyFile(module, basename(file)) };
  // lines ended by a carriage return alone (classic Mac OS): the whole file is one line to read_csv, and it was
  // refused as 'a control character (byte 0x0D) in column 14 … the file was damaged or is not a Blade export'
  if (/\r(?!\n)/.test(first)) return { line: 1, message: bladeCrOnly(module, basename(file)) };
  if (first.includes('"')) return { line: 1, message: bladeQuoteInHeader(module, basename(file)) };
  // a control character (a NUL, say) ended the SQL that names the columns: DuckDB's parser error echoed the header
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  const control = /[\u0000-\u0008\u000b-\u001f\u007f]/.exec(first);
  if (control) return { line: 1, message: bladeControlInHeader(module, basename(file), control[0].charCodeAt(0), first.slice(0, control.index).split(',').length) };
  const columns = first.split(',').map((c, i) => c.trim().toLowerCase() || `column${i + 1}`);
  const seen = new Map<string, number>();
  for (let i = 0; i < columns.length; i++) {
    const before = seen.get(columns[i]!);
    if (before !== undefined) return { line: 1, message: bladeDuplicateColumn(module, basename(file), columns[i]!, before + 1, i + 1) };
    seen.set(columns[i]!, i);
  }
  return { columns };
}

/**
 * The longest line DuckDB's read_csv takes (its `max_line_size`, 2 MB by default). A longer one failed the read with
 * DuckDB's own words ('Not implemented Error: The Parallel CSV Reader currently does not support a full read on this
 * file'), at line 1 whatever line it was.
 */
export const MAX_LINE_BYTES = 2_000_000;

/**
 * The first line of a file longer than MAX_LINE_BYTES, with its length in bytes (a line feed ends a line), or
 * undefined: read in chunks, never held whole.
 * @example await firstLongLine('Blade-Export_28-01-2025_person.csv') // { line: 2, bytes: 52428800 }
 */
export async function firstLongLine(file: string): Promise<{ line: number; bytes: number } | undefined> {
  let line = 1;
  let length = 0;
  for await (const chunk of readChunks(file)) {
    for (let at = 0; at < chunk.length; ) {
      const lf = chunk.indexOf(0x0a, at);
      length += (lf === -1 ? chunk.length : lf) - at;
      if (lf === -1) break;
      // a line that ends here: too long, or the next begins
      if (length > MAX_LINE_BYTES) return { line, bytes: length };
      line++;
      length = 0;
      at = lf + 1;
    }
  }
  return length > MAX_LINE_BYTES ? { line, bytes: length } : undefined;
}

/** A located problem from DuckDB's error for a bad row (its `CSV Error on Line: N`), or undefined. */
export function bladeRowError(module: string, file: string, error: string): { line: number; message: string } | undefined {
  const m = /CSV Error on Line: (\d+)/.exec(error);
  if (!m) return undefined;
  const reason = /Value with unterminated quote found/i.test(error)
    ? 'a quoted value is never closed (an unterminated quote)'
    : /Expected Number of Columns: (\d+) Found: (\d+)/i.exec(error)?.slice(1).reduce((e, f) => `expected ${e} fields as in the header, found ${f}`) ??
      'the row cannot be read as CSV';
  return { line: Number(m[1]), message: bladeBadRow(module, basename(file), Number(m[1]), reason) };
}
