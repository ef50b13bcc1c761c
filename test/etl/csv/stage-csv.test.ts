/**
 * stageCsv (stage-csv.ts) reads a file's bytes in chunks of 1 MB to find whether any value needs trimming: a value
 * with a space at its edge must be found, and trimmed, wherever it lies against a chunk's end — a line beginning
 * with a space just after one, a comma and a space astride one, a space ending the file's last line.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineScan, QuoteScan, stageCsv } from '../../../src/etl/csv/stage-csv.ts';
import { CsvTokenizer } from '../../../src/etl/csv/tokenizer.ts';
import { withTempDir } from '../../temp.ts';

const CHUNK = 1 << 20;
const LINE = 'aaaa,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,ccc\n'; // 64 bytes, no space anywhere

/** Lines of padding filling exactly `bytes` bytes after the header (the last one shortened to fit). */
function padding(bytes: number): string {
  const whole = Math.floor(bytes / LINE.length);
  const rest = bytes - whole * LINE.length;
  if (rest === 0) return LINE.repeat(whole);
  if (rest < 8) throw new Error('rest too small for a line');
  return LINE.repeat(whole) + `a,${'b'.repeat(rest - 5)},c\n`;
}

/** Writes `text` to a file, stages it in a new in-memory DuckDB and gives `then` the outcome and the connection. */
async function staging<T>(text: string, then: (staged: boolean, c: DuckDBConnection) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'f.csv');
    writeFileSync(file, text);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      return await then((await stageCsv(c, file)) !== undefined, c);
    } finally {
      c.closeSync();
      db.closeSync();
    }
  });
}

/** The staged values of column `c` of the line holding `marker`, after staging `text`. */
async function stagedWith(text: string, marker: string): Promise<string[]> {
  return staging(text, async (staged, c) => {
    expect(staged, 'the file is staged').toBe(true);
    const rows = (await c.runAndReadAll(`SELECT "f_a", "f_b", "f_c" FROM hn_stage WHERE "f_b" LIKE '%${marker}%' OR "f_a" LIKE '%${marker}%'`)).getRowsJS() as string[][];
    return rows[0] ?? [];
  });
}

describe('stageCsv: values with a space at an edge, against the chunks the bytes are read in', () => {
  const header = 'a,b,c\n';

  it('trims a line that begins with a space just after a chunk ends', async () => {
    const text = header + padding(CHUNK - header.length) + ' mark,x,y\n' + LINE;
    expect(text.charCodeAt(CHUNK)).toBe(32);
    expect(await stagedWith(text, 'mark')).toEqual(['mark', 'x', 'y']);
  });

  it('trims a value whose comma ends one chunk and whose space begins the next', async () => {
    // the line holding the value starts before the chunk's end: its comma is the chunk's last byte
    const before = header + padding(CHUNK - header.length - 64);
    const first = 'p' + 'q'.repeat(62); // 63 bytes: its comma is byte CHUNK - 1
    const text = before + `${first}, mark,y\n` + LINE;
    expect(text.charCodeAt(CHUNK - 1)).toBe(44);
    expect(text.charCodeAt(CHUNK)).toBe(32);
    expect(await stagedWith(text, 'mark')).toEqual([first, 'mark', 'y']);
  });

  it('trims a space at the end of the last line, which has no line feed', async () => {
    const text = header + padding(CHUNK + 1000) + 'z,mark,last ';
    expect(await stagedWith(text, 'mark')).toEqual(['z', 'mark', 'last']);
  });

  it('leaves values as they are when no space touches a value edge (a space inside quotes next to a comma)', async () => {
    const text = header + padding(CHUNK - header.length) + '"x, y",mark,"z"\n';
    expect(await stagedWith(text, 'mark')).toEqual(['x, y', 'mark', 'z']);
  });
});

/** Whether stageCsv stages `text` (false: it leaves the file to the row reader). */
async function stages(text: string): Promise<boolean> {
  return staging(text, async (staged) => staged);
}

describe('stageCsv: a line ending in a comma goes to the row reader, wherever it lies against the chunks', () => {
  // DuckDB's read_csv takes `1,2,3,` under a 3-column header as 1, 2, 3: a line with one field too many whose last
  // is empty, as a comma inside an unquoted value leaves it, would be staged with its values shifted
  const header = 'a,b,c\n';

  it('stages the same lines without the comma', async () => {
    expect(await stages(header + padding(CHUNK + 1000) + 'x,y,z\n')).toBe(true);
  });

  it('in the middle of a chunk, with a line feed or a carriage return and line feed', async () => {
    expect(await stages(header + LINE.repeat(10) + 'x,y,z,\n' + LINE)).toBe(false);
    expect(await stages(header + LINE.repeat(10) + 'x,y,z,\r\n' + LINE)).toBe(false);
  });

  it('with the comma ending one chunk and the line break beginning the next', async () => {
    const before = header + padding(CHUNK - header.length - 64);
    const line = `${'p'.repeat(59)},y,z,`; // 64 bytes: its last comma is byte CHUNK - 1
    const text = before + line + '\n' + LINE;
    expect(text.charCodeAt(CHUNK - 1)).toBe(44);
    expect(text.charCodeAt(CHUNK)).toBe(10);
    expect(await stages(text)).toBe(false);
    const crlf = before + line + '\r\n' + LINE;
    expect(await stages(crlf)).toBe(false);
  });

  it('on the last line, which has no line break', async () => {
    expect(await stages(header + padding(CHUNK + 1000) + 'x,y,z,')).toBe(false);
    expect(await stages(header + padding(CHUNK + 1000) + 'x,y,z,\r')).toBe(false);
  });
});

describe('stageCsv: a value holding a quote character goes to the row reader, wherever it lies against the chunks', () => {
  const header = 'a,b,c\n';

  it('stages quoted values whose quotes read_csv takes away (a comma inside, an empty value)', async () => {
    expect(await stages(header + padding(CHUNK + 1000) + '"Bristol, City of",mark,""\n' + LINE)).toBe(true);
  });

  it('a doubled quote inside a quoted value, in a chunk or astride two', async () => {
    expect(await stages(header + LINE.repeat(10) + '"x""y",mark,z\n' + LINE)).toBe(false);
    const before = header + padding(CHUNK - header.length - 64);
    const line = `${'p'.repeat(60)},"x"`; // 64 bytes: its second quote is byte CHUNK - 1, the doubling one byte CHUNK
    const text = before + line + '"y",z\n' + LINE;
    expect(text.charCodeAt(CHUNK - 1)).toBe(34);
    expect(text.charCodeAt(CHUNK)).toBe(34);
    expect(await stages(text)).toBe(false);
    expect(await stages(before + line + ',z\n' + LINE)).toBe(true); // the same quote closing the value
  });

  it('a quote inside an unquoted value', async () => {
    expect(await stages(header + LINE.repeat(10) + 'x"y,mark,z\n' + LINE)).toBe(false);
  });
});

describe('QuoteScan: whether a value may hold a quote, chunk by chunk', () => {
  const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' '), maxLength: 60 });

  it('answers the same however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(60), { maxLength: 6 }), (t, cuts) => {
        const bytes = Buffer.from(t);
        const whole = new QuoteScan();
        whole.push(bytes);
        const parts = new QuoteScan();
        const at = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((x, y) => x - y);
        let from = 0;
        for (const c of [...at, bytes.length]) {
          parts.push(bytes.subarray(from, c));
          from = c;
        }
        expect(parts.end()).toBe(whole.end());
      }),
    );
  });

  it('answers true whenever a CSV reading of the bytes has a value holding a quote', () => {
    fc.assert(
      fc.property(text, (t) => {
        const scan = new QuoteScan();
        scan.push(Buffer.from(t));
        const quoted = new CsvTokenizer(',').push(t + '\n').some((r) => r.fields.some((f) => f.includes('"')));
        if (quoted) expect(scan.end()).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('LineScan: line feeds, a line ending in a comma and a space at a value edge, chunk by chunk', () => {
  const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' '), maxLength: 80 });
  const scan = (chunks: Buffer[]): Pick<LineScan, 'newlines' | 'endComma' | 'edgeSpace'> => {
    const s = new LineScan();
    for (const c of chunks) s.push(c);
    s.end();
    return { newlines: s.newlines, endComma: s.endComma, edgeSpace: s.edgeSpace };
  };

  it('answers the same however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(80), { maxLength: 8 }), (t, cuts) => {
        const bytes = Buffer.from(t);
        const at = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((x, y) => x - y);
        const parts: Buffer[] = [];
        let from = 0;
        for (const c of [...at, bytes.length]) {
          parts.push(bytes.subarray(from, c));
          from = c;
        }
        expect(scan(parts)).toEqual(scan([bytes]));
      }),
      { numRuns: 5000 },
    );
  });

  it('counts line feeds, and answers true whenever a CSV reading has a value with a space at an edge or a line ending in a comma', () => {
    fc.assert(
      fc.property(text, (t) => {
        const got = scan([Buffer.from(t)]);
        expect(got.newlines).toBe(t.split('\n').length - 1);
        const records = new CsvTokenizer(',').push(t + '\n');
        // a carriage return not before a line feed ends a line for the tokenizer: that file is trimmed whatever
        // LineScan says (scanBytes' otherSpace); a value holding a quote (QuoteScan) or a line break (a record of two
        // lines, which regularRecords counts) sends the file to the row reader
        const staged = !/\r(?!\n)/.test(t) && records.every((r) => r.fields.every((f) => !/["\r\n]/.test(f)));
        if (staged && records.some((r) => r.fields.some((f) => f.startsWith(' ') || f.endsWith(' ')))) expect(got.edgeSpace).toBe(true);
        if (/,\r?\n/.test(t) || /,\r?$/.test(t)) expect(got.endComma).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('finds no edge space where spaces touch commas only inside quotes', () => {
    expect(scan([Buffer.from('"Bristol, City of",x , y\n')]).edgeSpace).toBe(true);
    expect(scan([Buffer.from('"Bristol, City of","a ,b",c\n"x , y",z\n')]).edgeSpace).toBe(false);
    expect(scan([Buffer.from('"Bristol,'), Buffer.from(' City of",'), Buffer.from(' x\n')]).edgeSpace).toBe(true);
    expect(scan([Buffer.from('"Bristol,'), Buffer.from(' City of",x\n')]).edgeSpace).toBe(false);
  });
});
