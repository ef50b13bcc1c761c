/**
 * Builds a Sniff from a path: size, the decoded head (BOM removed; UTF-8, or Windows-1252 when the head is not
 * valid UTF-8), binary detection, CSV header fields, XML root element and XLSX sheet names.
 */
import { open, stat } from 'node:fs/promises';
import { decodeWin1252 } from '../util/win1252.ts';
import { normaliseName } from './csv/header.ts';
import { startsWithBom } from './csv/read-csv.ts';
import { CsvTokenizer } from './csv/tokenizer.ts';
import type { Sniff } from './reader.ts';
import { xlsxTooLarge } from './xlsx-limits.ts';

export const HEAD_BYTES = 64 * 1024;

/** Reads the first bytes of a file and describes it. */
export async function sniffFile(path: string): Promise<Sniff> {
  const { size } = await stat(path);
  const fh = await open(path, 'r');
  let bytes: Buffer;
  try {
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    bytes = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (isZip(bytes)) {
    const tooLarge = await xlsxTooLarge(path);
    if (tooLarge) return { path, size, head: '', binary: true, sheets: [], sheetsProblem: tooLarge };
    return { path, size, head: '', binary: true, sheets: await xlsxSheets(path) };
  }
  return sniffBytes(path, size, bytes);
}

/** Recognises binary files that users often mistake for CSV. */
function binaryKindOf(bytes: Buffer): Sniff['binaryKind'] {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16Order(bytes) !== undefined) return 'utf-16';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  return undefined;
}

/**
 * The byte order of UTF-16 text saved without a byte-order mark (some exports do), told by its first 64 characters:
 * printable ASCII or line ends in every second byte, NUL in every other. Undefined for anything else: such a file
 * was 'not text (binary content)' with no word that it is UTF-16, where one with the mark is told to be saved again.
 */
function utf16Order(bytes: Buffer): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, 128) & ~1;
  if (n < 8) return undefined;
  const text = (b: number) => (b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d;
  let le = true;
  let be = true;
  for (let i = 0; i < n; i += 2) {
    le &&= text(bytes[i]!) && bytes[i + 1] === 0;
    be &&= bytes[i] === 0 && text(bytes[i + 1]!);
  }
  return le ? 'le' : be ? 'be' : undefined;
}

/** The first non-blank line of UTF-16 bytes (little- or big-endian, with a byte-order mark or told by utf16Order). */
function utf16FirstLine(bytes: Buffer): string {
  const marked = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const little = marked ? bytes[0] === 0xff : utf16Order(bytes) === 'le';
  const body = bytes.subarray(marked ? 2 : 0, bytes.length - (bytes.length % 2));
  const text = little ? body.toString('utf16le') : Buffer.from(body).swap16().toString('utf16le');
  return text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
}

/** Describes a file from its first bytes (pure). */
export function sniffBytes(path: string, size: number, bytes: Buffer): Sniff {
  if (looksBinary(bytes)) {
    const binaryKind = binaryKindOf(bytes);
    const sniff: Sniff = { path, size, head: '', binary: true, binaryKind };
    if (binaryKind === 'utf-16') sniff.utf16FirstLine = utf16FirstLine(bytes);
    return sniff;
  }
  const head = decodeHead(bytes);
  const sniff: Sniff = { path, size, head, binary: false };
  const trimmed = head.trimStart();
  if (trimmed.startsWith('<')) {
    const root = xmlRootOf(trimmed);
    if (root) sniff.xmlRoot = root;
    return sniff;
  }
  if (size > bytes.length && !/[\r\n]/.test(head)) sniff.firstLineTooLong = true;
  const fields = headerFieldsOf(head);
  if (fields) sniff.headerFields = fields;
  return sniff;
}

function isZip(b: Buffer): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** NUL bytes, or many control characters, mean the file is not text. */
function looksBinary(b: Buffer): boolean {
  if (b.length === 0) return false;
  let control = 0;
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return control / n > 0.1;
}

function decodeHead(head: Buffer): string {
  // the mark's bytes go before decoding: decoded as Windows-1252 (a file with a mark but other bytes after it,
  // which the reader then refuses by name) they would be 'ï»¿' glued to the first column's name
  const bytes = startsWithBom(head) ? head.subarray(3) : head;
  let s: string;
  try {
    // the head may end inside a multi-byte character: drop up to 3 trailing bytes before the strict check
    let end = bytes.length;
    for (let k = 0; k < 4 && end > 0; k++) {
      try {
        s = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
        break;
      } catch (e) {
        if (k === 3) throw e;
        end--;
      }
    }
    s ??= '';
  } catch {
    s = decodeWin1252(bytes);
  }
  return s;
}

function headerFieldsOf(head: string): string[] | undefined {
  const tok = new CsvTokenizer(',');
  const recs = tok.push(head);
  const all = recs.length > 0 ? recs : [tok.end().record].filter((r) => r !== undefined);
  const first = all.find((r) => r.fields.some((f) => f.trim() !== ''));
  if (!first) return undefined;
  const fields = first.fields.map(normaliseName);
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

function xmlRootOf(text: string): string | undefined {
  const re = /<([A-Za-z_][\w.:-]*)/g;
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(text)) && i++ < 50) {
    const before = text.slice(Math.max(0, m.index - 1), m.index + 2);
    if (before.includes('<?') || before.includes('<!')) continue;
    return m[1]!.includes(':') ? m[1]!.split(':')[1] : m[1];
  }
  return undefined;
}

async function xlsxSheets(path: string): Promise<string[] | undefined> {
  try {
    // exceljs only when a workbook is sniffed: it costs a third of a second to load
    const { Workbook } = await import('../util/exceljs-workbook.ts');
    const wb = new Workbook();
    await wb.xlsx.readFile(path);
    return wb.worksheets.map((w) => w.name);
  } catch {
    return undefined;
  }
}
