import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { duckdbSource } from '../../../src/etl/csv/duckdb-encoding.ts';
import { detectEncoding } from '../../../src/etl/csv/read-csv.ts';
import { withTempDir } from '../../temp.ts';

/** The first column of `file` as DuckDB's read_csv reads it by duckdbSource. */
async function readByDuckdb(file: string): Promise<string[]> {
  const src = await duckdbSource(file, (await detectEncoding(file)).encoding);
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    const sql = `SELECT a FROM read_csv('${src.file}', header = true, auto_detect = false, columns = {'a': 'VARCHAR', 'b': 'VARCHAR'}, encoding = '${src.encoding}')`;
    return (await con.runAndReadAll(sql)).getRows().map((r) => String(r[0]));
  } finally {
    con.closeSync();
    db.closeSync();
    await src.done();
  }
}

describe('duckdbSource', () => {
  it('gives a file as DuckDB reads it by the rule of every CSV reader: UTF-8, else Windows-1252', async () => {
    await withTempDir(async (dir) => {
      const text = 'a,b\nO\u2019Brien \u20ac5 \u2013 caf\u00e9,x\nplain,y\n';
      const utf8 = join(dir, 'utf8.csv');
      writeFileSync(utf8, text);
      const win = join(dir, 'win.csv');
      writeFileSync(win, iconv.encode(text, 'win1252'));
      expect(await readByDuckdb(utf8)).toEqual(['O\u2019Brien \u20ac5 \u2013 caf\u00e9', 'plain']);
      // DuckDB's Latin-1 refused the file (’ € – are 0x92 0x80 0x96): read from a UTF-8 copy
      expect(await readByDuckdb(win)).toEqual(['O\u2019Brien \u20ac5 \u2013 caf\u00e9', 'plain']);
      const latin = join(dir, 'latin.csv');
      writeFileSync(latin, iconv.encode('a,b\ncaf\u00e9 \u00a3,x\n', 'win1252'));
      expect(await readByDuckdb(latin)).toEqual(['caf\u00e9 \u00a3']);
    });
  });

  it('reads a file without a byte Latin-1 decodes otherwise in place, and removes the copy it makes', async () => {
    await withTempDir(async (dir) => {
      const latin = join(dir, 'latin.csv');
      writeFileSync(latin, iconv.encode('a,b\ncaf\u00e9,x\n', 'win1252'));
      expect(await duckdbSource(latin, 'windows-1252')).toMatchObject({ file: latin, encoding: 'latin-1' });
      const utf8 = join(dir, 'utf8.csv');
      writeFileSync(utf8, 'a,b\nO\u2019Brien,x\n');
      expect(await duckdbSource(utf8, 'utf-8')).toMatchObject({ file: utf8, encoding: 'utf-8' });
      const win = join(dir, 'win.csv');
      writeFileSync(win, iconv.encode('a,b\r\nO\u2019Brien,x\r\n', 'win1252'));
      const src = await duckdbSource(win, 'windows-1252');
      expect(src).toMatchObject({ encoding: 'utf-8' });
      expect(src.file).not.toBe(win);
      // the file's text, its lines where they were, readable by the user only
      expect(readFileSync(src.file, 'utf8')).toBe('a,b\r\nO\u2019Brien,x\r\n');
      if (process.platform !== 'win32') expect(statSync(src.file).mode & 0o077).toBe(0);
      await src.done();
      expect(existsSync(dirname(src.file))).toBe(false);
    });
  });
});
