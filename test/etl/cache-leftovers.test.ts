/**
 * What runs killed while saving leave in the cache folder (src/etl/cache-temps.ts): their temporary files and a
 * warehouse without its JSON are removed in their turn by a later save, not kept for ever; a run still saving keeps
 * its own.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDirOf, cacheKey, DEFAULT_CACHE_DIR } from '../../src/etl/cache-key.ts';
import { loadWithCache } from '../../src/etl/load-cache.ts';
import { readRunData, saveRunData } from '../../src/pipeline/run-data-cache.ts';
import { HighneedsError } from '../../src/errors.ts';
import { cacheInData } from '../../src/messages/paths.ts';
import { readByLoadOf } from '../../src/paths/check-path.ts';
import { runData } from '../../src/pipeline/run-data.ts';
import { tempDir } from '../temp.ts';

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

async function loadFolder(gbp: number, cacheDir: string): Promise<void> {
  const dir = tempDir();
  writeFileSync(join(dir, 'funding.csv'), `financial_year,hn_block_gbp\n2025-26,${gbp}\n`);
  (await loadWithCache([dir], { cacheDir })).warehouse.close();
}

describe('leftovers of runs killed while saving', () => {
  it('are removed by the next save: temporary files of ended processes, warehouses without JSON beyond the kept four', async () => {
    const cacheDir = tempDir();
    const dead = deadPid();
    const alive = process.ppid; // a process still running: its saves may be under way
    const k = (n: number) => String(n).repeat(64);
    const orphans = [`.${k(1)}.${dead}.tmp`, `.${k(1)}.${dead}.tmp.wal`, `.${k(1)}.${dead}.tmp.json`, `.${k(2)}.${dead}.run-data.tmp`, `.${k(2)}.${dead}.past-forecasts.tmp`, `.${k(2)}.${dead}.datasets.tmp`];
    const saving = [`.${k(3)}.${alive}.tmp`, `.${k(4)}.${alive}.run-data.tmp`];
    // a run killed between renaming its warehouse and its JSON, six times over
    const halves = [5, 6, 7, 8, 9].map((n) => `${k(n)}.duckdb`);
    for (const f of [...orphans, ...saving, ...halves]) writeFileSync(join(cacheDir, f), 'x'.repeat(1000));
    await loadFolder(57_000_000, cacheDir);
    const left = readdirSync(cacheDir);
    for (const f of orphans) expect(left, f).not.toContain(f);
    for (const f of saving) expect(left, f).toContain(f);
    // four loads kept (load-cache.ts KEEP): the one just saved and three of the older halves
    expect(left.filter((f) => f.endsWith('.duckdb'))).toHaveLength(4);
    expect(left.filter((f) => f.endsWith('.json'))).toHaveLength(1);

    writeFileSync(join(cacheDir, orphans[3]!), 'x');
    await saveRunData(cacheDir, k(2), { n: 1 });
    expect(readdirSync(cacheDir)).not.toContain(orphans[3]);
  });
});

describe('a cache folder that is not a folder', () => {
  it('costs the run its head start only: a file where the folder should be, or under it', async () => {
    const file = join(tempDir(), 'cache');
    writeFileSync(file, 'not a folder\n');
    // each run stopped with 'internal error (a bug in highneeds): ENOTDIR: not a directory, lstat …/.<key>.<pid>.tmp'
    for (const cacheDir of [file, join(file, 'sub')]) {
      await loadFolder(57_000_000, cacheDir);
      await saveRunData(cacheDir, '1'.repeat(64), { n: 1 });
      expect(await readRunData(cacheDir, '1'.repeat(64), (_d): _d is unknown => true)).toBeUndefined();
    }
  });
});

describe('a cache folder inside the data folder', () => {
  it('stops the run (exit 2) naming both, unless a hidden folder keeps it from the load', async () => {
    const data = tempDir();
    writeFileSync(join(data, 'funding.csv'), 'financial_year,hn_block_gbp\n2025-26,57000000\n');
    // every run read the saved loads of the run before as data files (three runs, three loads kept) and never hit
    const err = await runData({ dataDir: data, baseYears: new Set([undefined]), horizon: 3, cacheDir: join(data, 'cache') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HighneedsError);
    expect((err as HighneedsError).exitCode).toBe(2);
    expect((err as Error).message).toBe(cacheInData(join(data, 'cache'), data));
    expect(await readByLoadOf(data, data)).toBe(true);
    expect(await readByLoadOf(join(data, 'a', 'b'), data)).toBe(true);
    // the default .highneeds/cache under `--data .`, or any dot-folder on the way: loads pass over it
    expect(await readByLoadOf(join(data, '.highneeds', 'cache'), data)).toBe(false);
    expect(await readByLoadOf(join(data, 'a', '.c'), data)).toBe(false);
    expect(await readByLoadOf(tempDir(), data)).toBe(false);
    expect(await readByLoadOf(`${data}-other`, data)).toBe(false);
  });
});

describe('HIGHNEEDS_CACHE_DIR set empty', () => {
  it('is the default folder, not the current one', () => {
    const before = process.env.HIGHNEEDS_CACHE_DIR;
    process.env.HIGHNEEDS_CACHE_DIR = '';
    try {
      // '' was the current folder: nothing saved there (mkdir '' fails), every run a fresh load
      expect(cacheDirOf()).toBe(DEFAULT_CACHE_DIR);
      expect(cacheDirOf('elsewhere')).toBe('elsewhere');
    } finally {
      if (before === undefined) delete process.env.HIGHNEEDS_CACHE_DIR;
      else process.env.HIGHNEEDS_CACHE_DIR = before;
    }
  });
});

describe('who can read the cache', () => {
  it.skipIf(process.platform === 'win32')('the user only: a folder it makes, and every file it saves, also in a folder open to all', async () => {
    // a saved load holds the SEN2 returns' person-level rows (pseudonymised) and the hash key: they were saved 0644
    // in a 0755 folder, readable by every user of the machine
    const made = join(tempDir(), 'new', 'cache');
    const open = tempDir();
    mkdirSync(join(open, 'cache'), { mode: 0o755 });
    for (const cacheDir of [made, join(open, 'cache')]) {
      await loadFolder(57_000_000, cacheDir);
      await saveRunData(cacheDir, '1'.repeat(64), { n: 1 });
      const files = readdirSync(cacheDir);
      expect(files.filter((f) => /\.(duckdb|json|run-data)$/.test(f))).toHaveLength(3);
      for (const f of files) expect(statSync(join(cacheDir, f)).mode & 0o077, f).toBe(0);
    }
    expect(statSync(made).mode & 0o077).toBe(0);
    expect(statSync(join(made, '..')).mode & 0o077).toBe(0);
  });
});

describe('the hash key', () => {
  it('is not in a saved load: its person keys cannot be matched to a known UPN, and the run keeps its own', async () => {
    const data = tempDir();
    const cacheDir = tempDir();
    copyFileSync('test/fixtures/sen2/xml/sen2-2025.xml', join(data, 'sen2_2025.xml'));
    const first = await loadWithCache([data], { cacheDir });
    const q = async (l: typeof first) => l.warehouse.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'hash_key'`);
    const persons = async (l: typeof first) => (await l.warehouse.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM person'))[0]!.n;
    let key: string;
    try {
      [{ value: key }] = (await q(first)) as [{ value: string }];
      expect(await persons(first)).toBeGreaterThan(0);
    } finally {
      first.warehouse.close();
    }
    // the saved warehouse held the key beside the person keys it made
    const bytes = readFileSync(join(cacheDir, `${await cacheKey([data])}.duckdb`));
    expect(bytes.includes(Buffer.from(key))).toBe(false);
    const again = await loadWithCache([data], { cacheDir });
    try {
      expect(again.fromCache).toBe(true);
      expect(await q(again)).toEqual([]);
      expect(await persons(again)).toBeGreaterThan(0);
    } finally {
      again.warehouse.close();
    }
  });
});
