/**
 * A large load into an empty warehouse hashes its files on a thread of their own while it loads them
 * (sha256FilesAside, load-files.ts): the thread gives each file's SHA-256 as sha256File does, a file it cannot read
 * fails only its own hash, and the load writes exactly what a load that hashes every file first writes — every
 * table, row for row, `loaded_file`'s hashes included. Files of equal size (perhaps a file given twice) are hashed
 * first, as before, so a repeat is still skipped.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBladeExport } from '../../bench/gen/sen2-blade.ts';
import { writeSen2Xml } from '../../bench/gen/sen2-xml.ts';
import { sha256File, sha256FilesAside, sha256InTurn } from '../../src/etl/file-hash.ts';
import { withInputFiles } from '../../src/etl/inputs.ts';
import { hashAside, loadFilesInto, skipsNone, type LoadOutcome } from '../../src/etl/load-files.ts';
import { ONE_THREAD_MAX_BYTES } from '../../src/etl/scratch-read.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { copySampleTables } from '../cli/helpers.ts';
import { withTempDir } from '../temp.ts';
import { expectEqual } from '../equal.ts';
import { dumpWarehouse, repoRoot, TODAY } from './helpers.ts';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('sha256FilesAside', () => {
  it("gives each file's SHA-256, in any number and size; a file that cannot be read fails its own hash only", async () => {
    await withTempDir(async (dir) => {
      const sizes = [0, 1, 70_000, (1 << 20) + 3, 3 << 20];
      const files = sizes.map((n, i) => {
        const p = join(dir, `f${i}`);
        writeFileSync(p, Buffer.alloc(n, i + 1));
        return p;
      });
      const missing = join(dir, 'missing');
      const { hashes, stop } = sha256FilesAside([files[0]!, missing, ...files.slice(1)]);
      try {
        await expect(hashes[1]).rejects.toThrow(/ENOENT/);
        const got = await Promise.all([hashes[0]!, ...hashes.slice(2)]);
        expect(got).toEqual(files.map((f) => sha(readFileSync(f))));
        expect(got[3]).toBe(await sha256File(files[3]!));
      } finally {
        stop();
      }
    });
  });

  it('stopped before it ends, leaves the hashes it did not reach rejected, never unhandled', async () => {
    await withTempDir(async (dir) => {
      const files = Array.from({ length: 4 }, (_, i) => join(dir, `f${i}`));
      for (const f of files) writeFileSync(f, Buffer.alloc(4 << 20, 7));
      const { hashes, stop } = sha256FilesAside(files);
      stop();
      const settled = await Promise.allSettled(hashes);
      expect(settled.length).toBe(4);
      for (const s of settled) if (s.status === 'fulfilled') expect(s.value).toBe(sha(readFileSync(files[0]!)));
    });
  });
});

describe('sha256InTurn', () => {
  it("gives each file's SHA-256, one after the other; a file that cannot be read fails its own hash only", async () => {
    await withTempDir(async (dir) => {
      const files = [0, 70_000, (1 << 20) + 3].map((n, i) => {
        const p = join(dir, `f${i}`);
        writeFileSync(p, Buffer.alloc(n, i + 1));
        return p;
      });
      const hash = sha256InTurn();
      const [a, missing, b, c] = [hash(files[0]!), hash(join(dir, 'missing')), hash(files[1]!), hash(files[2]!)];
      await expect(missing).rejects.toThrow(/ENOENT/);
      expect(await Promise.all([a, b, c])).toEqual(files.map((f) => sha(readFileSync(f))));
    });
  });
});

/** Loads paths into a new warehouse file under one hash key, hashing aside from `fromBytes` input bytes. */
async function load(dir: string, paths: string[], fromBytes: number | undefined): Promise<{ tables: Record<string, unknown[]>; out: LoadOutcome }> {
  const wh = await Warehouse.open(join(dir, `w-${fromBytes ?? 'default'}.duckdb`));
  try {
    await wh.run(`UPDATE meta SET value = 'one key for both loads' WHERE key = 'hash_key'`);
    const out = await withInputFiles(paths, (files) => loadFilesInto(wh, files, { unrecognised: 'warn', today: TODAY, hashAsideFromBytes: fromBytes }));
    return { tables: await dumpWarehouse(wh), out };
  } finally {
    wh.close();
  }
}

/** The files of folders. */
const filesIn = (...dirs: string[]) => dirs.flatMap((d) => readdirSync(d).map((f) => join(d, f)));

describe('a load into an empty warehouse, its files hashed while they load', () => {
  it('is a large load of files all different in size into a warehouse holding none', () => {
    expect(hashAside(0, [40 << 20, 1, 2])).toBe(true);
    expect(hashAside(0, [ONE_THREAD_MAX_BYTES - 2, 1])).toBe(false); // small: prepared while hashed instead
    expect(hashAside(0, [40 << 20, 7, 7])).toBe(false); // two of one size: perhaps one file twice, skipped by its hash
    expect(hashAside(1, [40 << 20, 1, 2])).toBe(false); // a file may be loaded already
    expect(hashAside(0, [5, 6], 0)).toBe(true);
  });

  it('writes what a load hashing them first writes: the sample and a generated Blade export', async () => {
    await withTempDir(async (dir) => {
      const blade = join(dir, 'blade');
      mkdirSync(blade);
      await writeBladeExport(blade, 300, 3);
      // the sample's tables, and for its SEN2 returns (13 MB, read twice here) a small generated one of January 2024
      const sample = join(dir, 'sample');
      copySampleTables(sample);
      await writeSen2Xml(join(sample, 'sen2_2024.xml'), 150_000, 2, 2024);
      // the files of a size no other has (the sample's population files, some of one size, are left out)
      const all = filesIn(sample, blade);
      const sizeOf = (f: string) => statSync(f).size;
      const files = all.filter((f) => all.filter((g) => sizeOf(g) === sizeOf(f)).length === 1);
      expect(files.length).toBeGreaterThan(20);
      // every file differs in size from every other, so with no lower bound the load hashes them aside
      expect([hashAside(0, files.map(sizeOf)), hashAside(0, files.map(sizeOf), 0)]).toEqual([false, true]);
      const first = await load(dir, files, undefined);
      const aside = await load(dir, files, 0);
      expectEqual(aside.out, first.out);
      expectEqual(aside.tables, first.tables);
      const bySha = new Map(files.map((f) => [sha(readFileSync(f)), f]));
      expect(aside.tables.loaded_file!.length).toBe(files.length - 1); // all but README.md
      expect(aside.tables.person!.length).toBeGreaterThanOrEqual(300 + 100);
      expect(new Set((aside.tables.loaded_file as Array<{ reader: string }>).map((f) => f.reader)).size).toBeGreaterThan(10);
      for (const f of aside.tables.loaded_file as Array<{ path: string; sha256: string }>) expect(bySha.get(f.sha256)).toBe(f.path);
    });
  });

  it('a smaller load that can skip none of its files hashes them while it loads: the same tables and hashes as hashing first', async () => {
    expect([skipsNone(0, [5, 6, 7]), skipsNone(0, [5, 6, 5]), skipsNone(1, [5, 6, 7])]).toEqual([true, false, false]);
    await withTempDir(async (dir) => {
      const sample = join(dir, 'sample');
      copySampleTables(sample);
      const sizeOf = (f: string) => statSync(f).size;
      const all = filesIn(sample);
      const files = all.filter((f) => all.filter((g) => sizeOf(g) === sizeOf(f)).length === 1);
      expect(skipsNone(0, files.map(sizeOf)) && !hashAside(0, files.map(sizeOf))).toBe(true);
      const during = await load(dir, files, undefined);
      // the same files and a copy of one: two of one size, so every file is hashed first and the copy skipped
      const table = files.find((f) => f.endsWith('.csv'))!;
      const copy = join(dir, 'copy-of-' + table.split('/').pop()!);
      copyFileSync(table, copy);
      mkdirSync(join(dir, 'second'));
      const first = await load(join(dir, 'second'), [...files, copy], undefined);
      expect(first.out.skipped.map((s) => s.path)).toEqual([copy]);
      expectEqual({ ...first.out, skipped: [] }, { ...during.out, skipped: [] });
      expectEqual(first.tables, during.tables);
      const bySha = new Map(files.map((f) => [sha(readFileSync(f)), f]));
      for (const f of during.tables.loaded_file as Array<{ path: string; sha256: string }>) expect(bySha.get(f.sha256)).toBe(f.path);
    });
  });

  it('hashes first when two files are the same size: a file given twice is still loaded once', async () => {
    await withTempDir(async (dir) => {
      // the sample without its SEN2 returns, which play no part in it
      const sample = join(dir, 'sample');
      copySampleTables(sample);
      const copy = join(dir, 'copy-of-sen2_age_caseload.csv');
      copyFileSync(join(repoRoot, 'data-samples', 'sen2_age_caseload.csv'), copy);
      const got = await load(dir, [sample, copy], 0);
      expect(got.out.skipped.map((s) => s.path)).toEqual([copy]);
      expect(got.tables.loaded_file!.length).toBe(filesIn(sample).length - 1); // all but README.md
    });
  });
});
