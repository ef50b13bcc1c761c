/**
 * The first record of a CSV file holding more fields than its header: DuckDB's read_csv (strict_mode) takes a line
 * with one field too many when the last is empty (`1,2,3,` under a 3-column header reads as 1, 2, 3), which is
 * exactly what a comma inside an unquoted value leaves when the line's last value is empty: every value after the
 * comma one column to the right, read without an error. Readers that give a file to read_csv alone (the Blade
 * module files) scan its bytes with this beside the read.
 *
 * Fields are counted byte by byte: a comma outside quotes ends a field, a line feed outside quotes a record, and a
 * quote (") opens or closes quotes (a doubled quote inside quotes closes and opens them again). UTF-8 and Latin-1
 * alike: none of the three bytes is ever part of another character.
 */
import { readChunks } from '../read-chunks.ts';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;

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
  let fields = 1;
  let line = 1; // the line being read
  let start = 1; // the line the record being read started on
  for await (const chunk of readChunks(file)) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) quoted = !quoted;
      else if (b === LF) {
        line++;
        if (quoted) continue;
        if (fields > width) return { line: start, fields };
        fields = 1;
        start = line;
      } else if (b === COMMA && !quoted) fields++;
    }
  }
  return fields > width ? { line: start, fields } : undefined;
}
