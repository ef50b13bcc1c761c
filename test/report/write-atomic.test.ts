/** Run outputs appear as one set: old files of the run folder are removed, foreign files kept, nothing staged left. */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFilesAtomically } from '../../src/report/write-atomic.ts';
import { withTempDir } from '../temp.ts';

describe('writeFilesAtomically', () => {
  it('a second run without CSVs into a folder an earlier run with CSVs wrote leaves no old CSV', async () => {
    await withTempDir(async (d) => {
      const out = join(d, 'run');
      await writeFilesAtomically(out, [{ rel: 'book.xlsx', data: 'v1' }, { rel: 'csv/a.csv', data: 'a' }]);
      await writeFilesAtomically(out, [{ rel: 'book.xlsx', data: 'v2' }]);
      expect(existsSync(join(out, 'csv/a.csv'))).toBe(false);
      expect(await readFile(join(out, 'book.xlsx'), 'utf8')).toBe('v2');
      expect(readdirSync(d).sort()).toEqual(['run']);
    });
  });

  it('a folder holding files highneeds did not write is never emptied: only the previous run files go', async () => {
    await withTempDir(async (d) => {
      const out = join(d, 'run');
      await mkdir(out);
      await writeFile(join(out, 'notes.docx'), 'mine');
      await writeFilesAtomically(out, [{ rel: 'book.xlsx', data: 'v1' }, { rel: 'csv/a.csv', data: 'a' }]);
      await writeFilesAtomically(out, [{ rel: 'book.xlsx', data: 'v2' }]);
      expect(await readFile(join(out, 'notes.docx'), 'utf8')).toBe('mine');
      expect(existsSync(join(out, 'csv/a.csv'))).toBe(false);
      expect(await readFile(join(out, 'book.xlsx'), 'utf8')).toBe('v2');
    });
  });

  it('concurrent writes into one folder give one whole set, never a mix', async () => {
    await withTempDir(async (d) => {
      const out = join(d, 'run');
      const set = (v: string) => ['a', 'b', 'c', 'd'].map((n) => ({ rel: `${n}.txt`, data: v }));
      await Promise.all(['1', '2', '3'].map((v) => writeFilesAtomically(out, set(v))));
      const values = new Set(await Promise.all(['a', 'b', 'c', 'd'].map((n) => readFile(join(out, `${n}.txt`), 'utf8'))));
      expect(values.size).toBe(1);
      expect(readdirSync(d).sort()).toEqual(['run']);
    });
  });
});
