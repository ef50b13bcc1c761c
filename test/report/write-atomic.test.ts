/** Run outputs appear as one set: old files of the run folder are removed, foreign files kept, nothing staged left. */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HeldOutputs, recoverInterruptedSwitch, writeFilesAtomically } from '../../src/report/write-atomic.ts';
import { HighneedsError } from '../../src/errors.ts';
import { withTempDir } from '../temp.ts';

describe('writeFilesAtomically', () => {
  it('a file where the run writes a folder, or a folder where it writes a file, is refused (exit 2) before anything moves in', async () => {
    // the renames stopped half way: the workbook moved in, the charts not, exit 70 with 'EEXIST … mkdir'
    await withTempDir(async (d) => {
      const out = join(d, 'run');
      await mkdir(join(out, 'book.xlsx'), { recursive: true });
      await writeFile(join(out, 'book.xlsx', 'keep.txt'), 'mine');
      await writeFile(join(out, 'charts'), 'mine too');
      for (const files of [[{ rel: 'a.txt', data: 'a' }, { rel: 'charts/x.png', data: 'x' }], [{ rel: 'a.txt', data: 'a' }, { rel: 'book.xlsx', data: 'b' }]]) {
        const e = await writeFilesAtomically(out, files).then(() => undefined, (x: unknown) => x);
        expect(e).toBeInstanceOf(HighneedsError);
        expect((e as HighneedsError).exitCode).toBe(2);
        expect((e as HighneedsError).message).toMatch(/is a (file|folder) where the run writes a (folder|file) of that name: move or rename it, or choose another --out folder; nothing was written$/);
        expect(readdirSync(out).sort()).toEqual(['book.xlsx', 'charts']);
        expect(await readFile(join(out, 'book.xlsx', 'keep.txt'), 'utf8')).toBe('mine');
        expect(readdirSync(d)).toEqual(['run']);
      }
    });
  });

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
      // the folder holds that run's outputs and the user's files: no empty csv/ of the run before (it was left)
      expect(readdirSync(out).sort()).toEqual(['.highneeds-outputs.json', 'book.xlsx', 'notes.docx']);
    });
  });

  it("a previous run's folder that held a file of the user's too is kept, with that file alone", async () => {
    await withTempDir(async (d) => {
      const out = join(d, 'run');
      await mkdir(join(out, 'csv', 'deep'), { recursive: true });
      await writeFile(join(out, 'csv', 'mine.txt'), 'mine');
      await writeFilesAtomically(out, [{ rel: 'book.xlsx', data: 'v1' }, { rel: 'csv/a.csv', data: 'a' }, { rel: 'csv/deep/b.csv', data: 'b' }]);
      await writeFilesAtomically(out, [{ rel: 'book.xlsx', data: 'v2' }]);
      expect(readdirSync(out, { recursive: true }).sort()).toEqual(['.highneeds-outputs.json', 'book.xlsx', 'csv', join('csv', 'mine.txt')]);
      expect(readdirSync(d)).toEqual(['run']);
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

  it('a switch cut by SIGKILL between its renames (old set aside, no run folder) is undone: the old set comes back whole', async () => {
    await withTempDir(async (d) => {
      const out = join(d, 'run');
      await writeFilesAtomically(out, [{ rel: 'book.xlsx', data: 'v1' }, { rel: 'csv/a.csv', data: 'a' }]);
      // what a process (pid 999999999, gone) killed after moving the old set aside and before the new one arrived leaves
      await rename(out, join(d, '.run.old-999999999-1'));
      await mkdir(join(d, '.run.tmp-999999999-x'));
      await writeFile(join(d, '.run.tmp-999999999-x', 'book.xlsx'), 'half');
      await recoverInterruptedSwitch(out);
      expect(await readFile(join(out, 'book.xlsx'), 'utf8')).toBe('v1');
      expect(await readFile(join(out, 'csv/a.csv'), 'utf8')).toBe('a');
      // the next write cleans the staging left too, and writes its own set whole
      await writeFilesAtomically(out, [{ rel: 'book.xlsx', data: 'v2' }]);
      expect(readdirSync(d).sort()).toEqual(['run']);
      expect(readdirSync(out).sort()).toEqual(['.highneeds-outputs.json', 'book.xlsx']);
    });
  });

  it('an old set left beside a run folder the new set did reach is removed, not put back', async () => {
    await withTempDir(async (d) => {
      const out = join(d, 'run');
      await writeFilesAtomically(out, [{ rel: 'book.xlsx', data: 'v2' }]);
      await mkdir(join(d, '.run.old-999999999-1'));
      await writeFile(join(d, '.run.old-999999999-1', 'book.xlsx'), 'v1');
      // one of a live process (this one) is its own business
      await mkdir(join(d, `.run.old-${process.pid}-1`));
      await recoverInterruptedSwitch(out);
      expect(await readFile(join(out, 'book.xlsx'), 'utf8')).toBe('v2');
      expect(readdirSync(d).sort()).toEqual([`.run.old-${process.pid}-1`, 'run']);
    });
  });
});

describe('two runs of several folders into one parent', () => {
  it('write their sets one after the other, never a folder of each', async () => {
    // with each folder's own lock only, a run writing low/ then high/ and one writing low/ and high/ between its two
    // writes ended with low/ of the second and high/ of the first, both committed
    await withTempDir(async (d) => {
      const [low, high] = [join(d, 'low'), join(d, 'high')];
      const first = new HeldOutputs();
      await writeFilesAtomically(low, [{ rel: 'book.xlsx', data: 'first' }], first);
      const second = new HeldOutputs();
      const secondDone = (async () => {
        await writeFilesAtomically(low, [{ rel: 'book.xlsx', data: 'second' }], second);
        await writeFilesAtomically(high, [{ rel: 'book.xlsx', data: 'second' }], second);
        await second.commit();
      })();
      // the second run's writes get their chance before the first writes its second folder
      await new Promise((r) => setTimeout(r, 600));
      await writeFilesAtomically(high, [{ rel: 'book.xlsx', data: 'first' }], first);
      await first.commit();
      await secondDone;
      expect([await readFile(join(low, 'book.xlsx'), 'utf8'), await readFile(join(high, 'book.xlsx'), 'utf8')]).toEqual(['second', 'second']);
      expect(readdirSync(d).sort()).toEqual(['high', 'low']);
    });
  });
});
