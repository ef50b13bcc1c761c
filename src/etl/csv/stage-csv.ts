/**
 * Stages a regular CSV file in DuckDB for the set-based readers: `read_csv` with every column as text into a table
 * of the connection's current database (a staging database: staging.ts), each value trimmed as `CsvRow.get` trims
 * it, with the file's line number in `hn_line`.
 *
 *   header (JS: parseHeader) ──▶ read_csv(all text, strict) WITH ORDINALITY ──▶ table hn_stage ──▶ trimmed, if any
 *                           └──▶ JS: line feeds, whitespace to trim? (beside it)   (hn_line, "f_<name>" per column)
 *                                                                              ──▶ line count = record count?
 *
 * Only a regular file is staged: UTF-8, the header on line 1, one line per record (no blank lines, no line break
 * inside a quoted value), every record as wide as the header, no quote character inside a value, no duplicate,
 * empty or trailing empty column names, no line ending in a comma (DuckDB's read_csv takes a line with one field too
 * many when the last is empty, its values shifted by the comma too many; the row reader refuses it by name). Anything else gives `undefined`: the caller reads the file with the row
 * reader (read-table.ts), which has a message for every one of those quirks.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { parseHeader, type CsvHeader } from './header.ts';
import { startsWithBom } from './read-csv.ts';
import { CsvTokenizer } from './tokenizer.ts';
import { readChunks } from '../read-chunks.ts';
import { sqlName, sqlText } from '../sql-quote.ts';

/** The staged table. */
export const STAGE = 'hn_stage';

/** What JavaScript's String.prototype.trim removes (DuckDB's trim() alone removes spaces only). */
const JS_WHITESPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * SQL: a text value trimmed as JavaScript trims it ('' for NULL). DuckDB's plain trim() (spaces) is four times
 * faster, and the same for a file without any other whitespace character (`otherSpace` false).
 */
export function sqlTrim(expr: string, otherSpace = true, edgeSpace = true): string {
  if (otherSpace) return `trim(coalesce(${expr}, ''), '${JS_WHITESPACE}')`;
  // no space next to a comma, a quote or a line break anywhere in the file: no value has one to trim
  return edgeSpace ? `trim(coalesce(${expr}, ''))` : `coalesce(${expr}, '')`;
}

/** The quoted identifier of a file column in the staged table. */
export function stagedColumn(name: string): string {
  return sqlName(`f_${name}`);
}

export interface StagedCsv {
  header: CsvHeader;
  /** Data records (every one non-blank). */
  rows: number;
}

const HEAD_BYTES = 64 * 1024;

/**
 * Stages `path` into table hn_stage (replacing it), or gives undefined when the file is not regular.
 * @example const staged = await stageCsv(connection, 'caseload.csv'); // SELECT hn_line, "f_time_period" FROM hn_stage
 */
export async function stageCsv(db: DuckDBConnection, path: string): Promise<StagedCsv | undefined> {
  const fh = await open(path, 'r');
  try {
    const header = await headerOf(fh);
    if (!header) return undefined;
    // DuckDB stages the values as they are while JavaScript scans the bytes: whether any value needs trimming
    // (rarely) and the line count are known when both are done
    const scan = scanBytes(fh);
    scan.catch(() => undefined); // a failure surfaces below
    const staged = await stageRaw(db, path, header);
    const { newlines, last, otherSpace, edgeSpace, endComma, quoteInside, nul } = await scan;
    if (!staged || endComma || nul) return undefined;
    if (otherSpace || edgeSpace) await trimStaged(db, header, otherSpace, edgeSpace);
    const rows = await regularRecords(db, header, last === 10 ? newlines - 1 : newlines, quoteInside);
    return rows === undefined ? undefined : { header, rows };
  } finally {
    await fh.close();
  }
}

/** Stages the file's values untrimmed ('' for NULL); false when DuckDB cannot read it. */
async function stageRaw(db: DuckDBConnection, path: string, header: CsvHeader): Promise<boolean> {
  const columns = header.names.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  try {
    await db.run(
      `CREATE OR REPLACE TABLE ${STAGE} AS SELECT ordinality + 1 AS hn_line, ${header.names.map((n, i) => `${sqlTrim(`c${i}`, false, false)} AS ${stagedColumn(n)}`).join(', ')}
         FROM read_csv(${sqlText(path)}, header = false, skip = 1, auto_detect = false, delim = ',', quote = '"', escape = '"',
                       strict_mode = true, null_padding = false, ignore_errors = true, columns = {${columns}}) WITH ORDINALITY`,
    );
  } catch {
    return false; // an unreadable file: the row reader says why
  }
  return true;
}

/** Trims every staged value as JavaScript trims it: the file holds a value that may start or end with whitespace. */
async function trimStaged(db: DuckDBConnection, header: CsvHeader, otherSpace: boolean, edgeSpace: boolean): Promise<void> {
  const raw = `${STAGE}_raw`;
  await db.run(`ALTER TABLE ${STAGE} RENAME TO ${raw}`);
  await db.run(`CREATE TABLE ${STAGE} AS SELECT hn_line, ${header.names.map((n) => `${sqlTrim(stagedColumn(n), otherSpace, edgeSpace)} AS ${stagedColumn(n)}`).join(', ')} FROM ${raw}`);
  await db.run(`DROP TABLE ${raw}`);
}

/**
 * The staged records when they are the file's every line, one record per line, none blank and none holding a quote
 * character, else undefined. read_csv skips (ignore_errors: a failed statement would end the load's transaction)
 * every line it cannot take — not UTF-8, ragged, a stray quote —, so any such line shows here as a missing record.
 * Values are searched for a quote character only when the file's bytes may put one in a value (`quoteInside`,
 * QuoteScan): the search of every value was the dearest part of this check (the real 2022 release: about 40 ms of
 * CPU of the load's 1 s).
 */
async function regularRecords(db: DuckDBConnection, header: CsvHeader, dataLines: number, quoteInside = true): Promise<number | undefined> {
  const any = header.names.map((n) => stagedColumn(n));
  // blank: a WHERE (not a FILTER) so that DuckDB filters the scan column by column and reads the next column only
  // for the rows whose values so far are all blank (none, in a regular file)
  const quotedSql = quoteInside ? `(SELECT count(*) FROM ${STAGE} WHERE ${any.map((c) => `contains(${c}, '"')`).join(' OR ')})` : '0';
  const [stats] = (
    await db.runAndReadAll(
      `SELECT (SELECT count(*) FROM ${STAGE})::DOUBLE AS n,
              (SELECT count(*) FROM ${STAGE} WHERE ${any.map((c) => `${c} = ''`).join(' AND ')})::DOUBLE AS blank,
              ${quotedSql}::DOUBLE AS quoted`,
    )
  ).getRowObjectsJS() as Array<{ n: number; blank: number; quoted: number }>;
  const { n, blank, quoted } = stats!;
  return n > 0 && n === dataLines && blank === 0 && quoted === 0 ? n : undefined;
}

/** The file's header, or undefined when its first line is not a plain header. */
async function headerOf(fh: FileHandle): Promise<CsvHeader | undefined> {
  const head = Buffer.alloc(HEAD_BYTES);
  const { bytesRead } = await fh.read(head, 0, HEAD_BYTES, 0);
  let bytes = head.subarray(0, bytesRead);
  if (startsWithBom(bytes)) bytes = bytes.subarray(3);
  const eol = bytes.indexOf(10);
  if (eol < 0) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, eol + 1));
  } catch {
    return undefined;
  }
  const recs = new CsvTokenizer(',').push(text);
  if (recs.length !== 1 || recs[0]!.line !== 1) return undefined;
  const fields = recs[0]!.fields;
  const header = parseHeader(fields);
  if (header.names.length !== fields.length || header.duplicates.length > 0 || header.names.some((n) => n === '' || n.includes('"'))) return undefined;
  if (header.names.length < 2) return undefined; // one column: perhaps another delimiter (the row reader says)
  return header;
}

/**
 * Counts line feeds, and finds whether the file holds any whitespace JavaScript's trim() removes besides spaces
 * and line breaks: tab, vertical tab, form feed, a carriage return not before a line feed, or a Unicode space
 * (U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF).
 */
async function scanBytes(fh: FileHandle): Promise<{ newlines: number; last: number; otherSpace: boolean; edgeSpace: boolean; endComma: boolean; quoteInside: boolean; nul: boolean }> {
  const quotes = new QuoteScan();
  const lines = new LineScan();
  let pos = 0;
  let last = -1;
  let otherSpace = false;
  let nul = false;
  for await (const chunk of readChunks(fh)) {
    // a NUL byte: not a regular file, and the row reader says where (read-csv.ts EncodingCheck.nulLine)
    nul ||= chunk.indexOf(0) !== -1;
    lines.push(chunk);
    quotes.push(chunk);
    if (!otherSpace) otherSpace = hasOtherSpace(chunk, pos === 0);
    last = chunk[chunk.length - 1]!;
    pos += chunk.length;
  }
  lines.end();
  return { newlines: lines.newlines, last, otherSpace, edgeSpace: lines.edgeSpace, endComma: lines.endComma, quoteInside: quotes.end(), nul };
}

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/**
 * Whether a CSV file's values may hold a quote character, from its bytes pushed chunk by chunk: false only when
 * every quote opens a value (right after a comma, a line feed or the file's start) or closes one (right before a
 * comma, a line break or the file's end), which read_csv takes away. A doubled quote inside a quoted value, a quote
 * inside an unquoted one, a quote after a lone carriage return or text after a closing quote may put one in a value
 * (or make the file irregular), and give true: the staged values are then searched (regularRecords).
 */
export class QuoteScan {
  private inQuote = false;
  /** The byte before the chunk (a line feed at the file's start). */
  private prev = LINE_FEED;
  /** A quote inside a quoted value ended the last chunk: what it is depends on the next byte. */
  private pendingClose = false;
  private inside = false;

  push(b: Buffer): void {
    if (this.inside || b.length === 0) return;
    let from = 0;
    if (this.pendingClose) {
      this.pendingClose = false;
      if (!this.closes(b[0]!)) return;
      this.inQuote = false;
      from = 1;
    }
    for (let q = b.indexOf(QUOTE, from); q >= 0; q = b.indexOf(QUOTE, q + 1)) {
      if (!this.inQuote) {
        const before = q > 0 ? b[q - 1]! : this.prev;
        if (before !== COMMA && before !== LINE_FEED) {
          this.inside = true;
          return;
        }
        this.inQuote = true;
      } else if (q + 1 === b.length) {
        this.pendingClose = true;
      } else {
        if (!this.closes(b[q + 1]!)) return;
        this.inQuote = false;
      }
    }
    this.prev = b[b.length - 1]!;
  }

  /** The answer once every chunk is pushed: true too when the file ends inside a quoted value. */
  end(): boolean {
    return this.inside || (this.inQuote && !this.pendingClose);
  }

  /** Whether a quote inside a quoted value, followed by `next`, closes it (else a value may hold a quote). */
  private closes(next: number): boolean {
    if (next === COMMA || next === LINE_FEED || next === CARRIAGE_RETURN) return true;
    this.inside = true;
    return false;
  }
}

const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * A CSV file's line feeds, from its bytes pushed chunk by chunk, and two things about its lines:
 * - `endComma`: a line ends with a comma (an empty last field, or one field too many);
 * - `edgeSpace`: a value may start or end with a space: a space at a line's start or end or beside a quote, or beside
 *   a comma outside quotes ("Bristol, City of" is one value, with no space at its edges).
 * Only line feeds and spaces are visited (found by indexOf, a few per cent of a release's bytes), and quotes are
 * counted only on a line where a space touches a comma: searching every chunk for each two-byte pattern was a quarter
 * of the real 2022 release's load CPU (about 0.25 s of 1 s).
 */
export class LineScan {
  newlines = 0;
  endComma = false;
  edgeSpace = false;
  /** The last two bytes before the chunk (line feeds at the file's start). */
  private prev = LINE_FEED;
  private prev2 = LINE_FEED;
  /** Quotes on the unfinished line before the chunk, mod 2. */
  private parity = 0;
  /** The last chunk ended in a space whose next byte decides; the quotes before it on its line, mod 2. */
  private pendingSpace = false;
  private pendingParity = 0;
  /** Where in the chunk the quotes of the current line are counted to, and their count there, mod 2. */
  private countedTo = 0;
  private counted = 0;

  push(b: Buffer): void {
    if (b.length === 0) return;
    for (let i = b.indexOf(LINE_FEED); i >= 0; i = b.indexOf(LINE_FEED, i + 1)) {
      this.newlines++;
      if (this.endComma) continue;
      const p1 = i > 0 ? b[i - 1] : this.prev;
      const p2 = i > 1 ? b[i - 2] : i === 1 ? this.prev : this.prev2;
      if (p1 === COMMA || (p1 === CARRIAGE_RETURN && p2 === COMMA)) this.endComma = true;
    }
    if (!this.edgeSpace) this.pushSpaces(b);
    this.prev2 = b.length > 1 ? b[b.length - 2]! : this.prev;
    this.prev = b[b.length - 1]!;
  }

  /** Call once every chunk is pushed. */
  end(): void {
    if (this.pendingSpace) this.edgeSpace = true; // the file ends in a space
    if (this.prev === COMMA || (this.prev === CARRIAGE_RETURN && this.prev2 === COMMA)) this.endComma = true;
  }

  private pushSpaces(b: Buffer): void {
    this.countedTo = 0;
    this.counted = this.parity;
    if (this.pendingSpace) {
      this.pendingSpace = false;
      if (this.touchesAfter(b[0]!, this.pendingParity)) {
        this.edgeSpace = true;
        return;
      }
    }
    for (let s = b.indexOf(SPACE); s >= 0; s = b.indexOf(SPACE, s + 1)) {
      const before = s > 0 ? b[s - 1]! : this.prev;
      if (before === LINE_FEED || before === QUOTE || (before === COMMA && this.quotesBefore(b, s) === 0)) {
        this.edgeSpace = true;
        return;
      }
      if (s + 1 === b.length) {
        this.pendingSpace = true;
        this.pendingParity = this.quotesBefore(b, s);
      } else if (this.touchesAfter(b[s + 1]!, b[s + 1] === COMMA ? this.quotesBefore(b, s) : 0)) {
        this.edgeSpace = true;
        return;
      }
    }
    this.parity = this.quotesBefore(b, b.length);
  }

  /** Whether a space followed by `next` ends a value; `parity`: the quotes before it on its line, mod 2. */
  private touchesAfter(next: number, parity: number): boolean {
    return next === LINE_FEED || next === CARRIAGE_RETURN || next === QUOTE || (next === COMMA && parity === 0);
  }

  /** The quotes on the line of byte `at` before it, mod 2 (positions asked in increasing order within a chunk). */
  private quotesBefore(b: Buffer, at: number): number {
    let from = this.countedTo;
    let q = this.counted;
    const lf = b.subarray(from, at).lastIndexOf(LINE_FEED);
    if (lf >= 0) {
      from += lf + 1;
      q = 0;
    }
    const line = b.subarray(from, at);
    for (let i = line.indexOf(QUOTE); i >= 0; i = line.indexOf(QUOTE, i + 1)) q ^= 1;
    this.countedTo = at;
    this.counted = q;
    return q;
  }
}

function hasOtherSpace(b: Buffer, first: boolean): boolean {
  if (b.indexOf(9) >= 0 || b.indexOf(11) >= 0 || b.indexOf(12) >= 0) return true;
  for (let i = b.indexOf(13); i >= 0; i = b.indexOf(13, i + 1)) if (b[i + 1] !== 10) return true;
  const lead = (byte: number, test: (i: number) => boolean): boolean => {
    for (let i = b.indexOf(byte); i >= 0; i = b.indexOf(byte, i + 1)) if (i + 2 >= b.length || test(i)) return true;
    return false;
  };
  return (
    lead(0xc2, (i) => b[i + 1] === 0xa0) ||
    lead(0xe1, (i) => b[i + 1] === 0x9a && b[i + 2] === 0x80) ||
    lead(0xe2, (i) => (b[i + 1] === 0x80 && (b[i + 2]! <= 0x8a || b[i + 2] === 0xa8 || b[i + 2] === 0xa9 || b[i + 2] === 0xaf)) || (b[i + 1] === 0x81 && b[i + 2] === 0x9f)) ||
    lead(0xe3, (i) => b[i + 1] === 0x80 && b[i + 2] === 0x80) ||
    lead(0xef, (i) => b[i + 1] === 0xbb && b[i + 2] === 0xbf && !(first && i === 0))
  );
}
