/**
 * The I/O shell around the tokenizer: streams a file, detects its encoding (UTF-8 with or without BOM, else
 * Windows-1252) and hands records to a callback in batches, so memory stays bounded on large files.
 */
import { decodeWin1252, win1252Decoder } from '../../util/win1252.ts';
import { readChunks } from '../read-chunks.ts';
import { CsvTokenizer, type CsvRecord } from './tokenizer.ts';

export type TextEncoding = 'utf-8' | 'windows-1252';

/** Whether a whole file is valid UTF-8 (streamed; a file with any invalid sequence is read as Windows-1252). */
export async function detectEncoding(path: string): Promise<TextEncoding> {
  const dec = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of readChunks(path)) {
      dec.decode(chunk, { stream: true });
    }
    dec.decode();
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Decodes bytes of a given encoding; strips a UTF-8 BOM. */
export function decodeBytes(bytes: Buffer, encoding: TextEncoding): string {
  const s = encoding === 'utf-8' ? bytes.toString('utf8') : decodeWin1252(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export interface CsvStreamEnd {
  encoding: TextEncoding;
  /** The text ended inside a quoted field. */
  unterminatedQuote: boolean;
  /** The last record had no line break after it (the caller checks whether it is complete). */
  lastLineUnterminated: boolean;
}

/**
 * Streams the records of a CSV file to `onRecords` in batches.
 * @example await streamCsv('caseload.csv', (recs) => { for (const r of recs) use(r.fields); });
 */
export async function streamCsv(
  path: string,
  onRecords: (records: CsvRecord[]) => void | Promise<void>,
  opts: { delimiter?: string; encoding?: TextEncoding } = {},
): Promise<CsvStreamEnd> {
  const encoding = opts.encoding ?? (await detectEncoding(path));
  const tok = new CsvTokenizer(opts.delimiter ?? ',');
  const utf = new TextDecoder('utf-8');
  const win = encoding === 'windows-1252' ? win1252Decoder() : undefined;
  let first = true;
  for await (const chunk of readChunks(path)) {
    let text = win ? win.write(chunk) : utf.decode(chunk, { stream: true });
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const recs = tok.push(text);
    if (recs.length > 0) await onRecords(recs);
  }
  const tail = win ? (win.end() ?? '') : utf.decode();
  if (tail) {
    const recs = tok.push(tail);
    if (recs.length > 0) await onRecords(recs);
  }
  const end = tok.end();
  if (end.record) await onRecords([end.record]);
  return { encoding, unterminatedQuote: end.unterminatedQuote, lastLineUnterminated: end.unterminatedLine };
}
