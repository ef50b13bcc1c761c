/**
 * The first record of a CSV file holding more fields than its header: DuckDB's read_csv (strict_mode) takes a line
 * with one field too many when the last is empty (`1,2,3,` under a 3-column header reads as 1, 2, 3), which is
 * exactly what a comma inside an unquoted value leaves when the line's last value is empty: every value after the
 * comma one column to the right, read without an error. Readers that give a file to read_csv alone (the Blade
 * module files) scan its bytes with this beside the read.
 *
 * Only a record ending in a comma can be such a line (any other record with too many fields read_csv refuses
 * itself), so lines are found with indexOf and only those ending in a comma have their commas counted. A comma
 * inside quotes does not count, a line break inside quotes does not end the record, and a quote (") opens or closes
 * quotes (a doubled quote inside quotes closes and opens them again): a line holding a quote, or inside a quoted
 * value, is read byte by byte. UTF-8 and Latin-1 alike: none of the three bytes is ever part of another character.
 */
import { readChunks } from '../read-chunks.ts';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** A record with more fields than the header: the line it starts on (1 = the header) and its fields. */
export interface WideRecord {
  line: number;
  fields: number;
}

/**
 * The first record of `file` with more than `width` fields, or undefined.
 * @example await firstWideRecord('person.csv', 12) // { line: 40, fields: 13 }
 */
export async function firstWideRecord(file: string, width: number): Promise<WideRecord | undefined> {
  let quoted = false;
  let fields = 1; // fields of the record being read, counted so far (lines holding a quote, or ending in a comma)
  let line = 1; // the line being read
  let start = 1; // the line the record being read started on
  let carry = Buffer.alloc(0); // the unfinished last line of the chunks read so far
  /**
   * Counts the fields of bytes [from, to) of `b` into `fields`, quotes and all. The counts are kept in locals while
   * the bytes are read (the person file of a 650,000-person export, 58 MB, every line ending in a comma: 115–139 ms
   * of CPU, against 160–180 ms writing the closure's variables at every byte; eight interleaved runs).
   */
  const count = (b: Buffer, from: number, to: number, withQuotes: boolean): void => {
    let n = fields;
    if (!withQuotes && !quoted) {
      for (let i = from; i < to; i++) if (b[i] === COMMA) n++;
    } else {
      let q = quoted;
      for (let i = from; i < to; i++) {
        const c = b[i];
        if (c === COMMA) {
          if (!q) n++;
        } else if (withQuotes && c === QUOTE) q = !q;
      }
      quoted = q;
    }
    fields = n;
  };
  /** The line [from, to) of `b` (to: its line feed, or the end of the file) ends; true when its record is too wide. */
  const endLine = (b: Buffer, from: number, to: number, nextQuote: number): boolean => {
    if (quoted || (nextQuote >= from && nextQuote < to)) count(b, from, to, true);
    else {
      const last = to > from && b[to - 1] === CR ? to - 2 : to - 1;
      if (last >= from && b[last] === COMMA) count(b, from, to, false);
    }
    line++;
    if (quoted) return false; // a line break inside a quoted value: the record goes on
    if (fields > width) return true;
    fields = 1;
    start = line;
    return false;
  };
  for await (const chunk of readChunks(file)) {
    const b = chunk;
    let pos = 0;
    if (carry.length > 0) {
      // the line begun in the chunks before ends in this one: it alone is joined (joining the carry to the whole
      // chunk copied every byte of the file, 0.8 s of main-thread CPU for a 650,000-person export's 222 MB)
      const nl = chunk.indexOf(LF);
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, nl)]);
      if (endLine(joined, 0, joined.length, joined.indexOf(QUOTE))) return { line: start, fields };
      pos = nl + 1;
    }
    let nextQuote = b.indexOf(QUOTE, pos);
    for (let nl = b.indexOf(LF, pos); nl >= 0; nl = b.indexOf(LF, pos)) {
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = b.indexOf(QUOTE, pos);
      if (endLine(b, pos, nl, nextQuote)) return { line: start, fields };
      pos = nl + 1;
    }
    carry = Buffer.from(b.subarray(pos));
  }
  if (carry.length > 0) {
    if (endLine(carry, 0, carry.length, carry.indexOf(QUOTE))) return { line: start, fields };
  } else if (fields > width) return { line: start, fields };
  return undefined;
}
