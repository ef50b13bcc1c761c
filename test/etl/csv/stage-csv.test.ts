/**
 * stageCsv (stage-csv.ts) reads a file's bytes in chunks of 1 MB to find whether any value needs trimming: a value
 * with a space at its edge must be found, and trimmed, wherever it lies against a chunk's end — a line beginning
 * with a space just after one, a comma and a space astride one, a space ending the file's last line.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageCsv } from '../../../src/etl/csv/stage-csv.ts';
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

/** The staged values of column `c` of the line holding `marker`, after staging `text`. */
async function stagedWith(text: string, marker: string): Promise<string[]> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'f.csv');
    writeFileSync(file, text);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      const staged = await stageCsv(c, file);
      expect(staged, 'the file is staged').toBeDefined();
      const rows = (await c.runAndReadAll(`SELECT "f_a", "f_b", "f_c" FROM hn_stage WHERE "f_b" LIKE '%${marker}%' OR "f_a" LIKE '%${marker}%'`)).getRowsJS() as string[][];
      return rows[0] ?? [];
    } finally {
      c.closeSync();
      db.closeSync();
    }
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
