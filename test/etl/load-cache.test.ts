/**
 * run's load cache (src/etl/load-cache.ts): a repeat load of unchanged inputs comes from the cache with the same
 * rows in the same order, anything changed loads afresh, and a run from the cache writes the same outputs byte for
 * byte as a run that loaded its files.
 */
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/etl/cache-key.ts';
import { loadWithCache, type CachedLoad } from '../../src/etl/load-cache.ts';
import { loadFromCache } from '../../src/messages/cli.ts';
import { WAREHOUSE_TABLES } from '../../src/etl/schema.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import { readRunData, runDataKey, saveRunData } from '../../src/pipeline/run-data-cache.ts';
import { content, filesUnder } from '../output-files.ts';
import { tempDir } from '../temp.ts';

/** Every table's rows in the warehouse's own order, and what the load said. */
async function contents(load: CachedLoad): Promise<unknown> {
  try {
    const tables: Record<string, unknown[]> = {};
    // meta but its hash key, which the cache does not keep (load-cache.ts copyWithoutHashKey)
    for (const t of WAREHOUSE_TABLES) tables[t] = await load.warehouse.query(t === 'meta' ? `SELECT * FROM meta WHERE key <> 'hash_key' ORDER BY key` : `SELECT * FROM ${t}`);
    return { tables, loaded: load.loaded, skipped: load.skipped, warnings: load.warnings };
  } finally {
    load.warehouse.close();
  }
}

/** A small data folder: the sample's CSV files and one small SEN2 return. */
function smallData(): string {
  const dir = tempDir();
  for (const f of readdirSync('data-samples').filter((f) => f.endsWith('.csv') || f.endsWith('.md'))) copyFileSync(join('data-samples', f), join(dir, f));
  copyFileSync('test/fixtures/sen2/xml/sen2-2025.xml', join(dir, 'sen2_2025.xml'));
  return dir;
}

describe('the load cache of run', () => {
  it('reuses an unchanged load row for row, and loads again when a file changes, is added, or --fresh asks', async () => {
    const data = smallData();
    const cacheDir = tempDir();
    const first = await loadWithCache([data], { cacheDir });
    expect(first.fromCache).toBe(false);
    const fresh = await contents(first);
    expect(readdirSync(cacheDir).filter((f) => !f.startsWith('.')).length).toBe(2);

    const again = await loadWithCache([data], { cacheDir });
    expect(again.fromCache).toBe(true);
    expect(await contents(again)).toEqual(fresh);

    const forced = await loadWithCache([data], { cacheDir, fresh: true });
    expect(forced.fromCache).toBe(false);
    await contents(forced);

    writeFileSync(join(data, 'funding.csv'), readFileSync(join(data, 'funding.csv'), 'utf8').replace(/\d(\r?\n)$/, '7$1'));
    const changed = await loadWithCache([data], { cacheDir });
    expect(changed.fromCache).toBe(false);
    await contents(changed);

    writeFileSync(join(data, 'extra.csv'), 'colour,shape\nred,square\n');
    const added = await loadWithCache([data], { cacheDir });
    expect(added.fromCache).toBe(false);
    const withNote = (await contents(added)) as { warnings: Array<{ file: string }> };
    expect(withNote.warnings.some((w) => w.file.endsWith('extra.csv'))).toBe(true);
  });

  it('keeps the most recently used loads: a load read again outlives the loads saved after it', async () => {
    // four are kept (load-cache.ts): the tests' shared cache pushed the sample's own load out after four loads of
    // edited copies, however often it was read in between, and every later run loaded the sample again
    const cacheDir = tempDir();
    const folders = [1, 2, 3, 4, 5].map((n) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'funding.csv'), `financial_year,hn_block_gbp\n2025-26,${57_000_000 + n}\n`);
      return dir;
    });
    const load = async (dir: string) => {
      const l = await loadWithCache([dir], { cacheDir });
      l.warehouse.close();
      return l.fromCache;
    };
    const [a, b, c, d, e] = folders as [string, string, string, string, string];
    expect([await load(a), await load(b), await load(c), await load(d)]).toEqual([false, false, false, false]);
    // saved a minute apart, a first (the file system's clock may give loads made in a blink the same time)
    const now = Date.now() / 1000;
    for (const [i, dir] of [a, b, c, d].entries()) utimesSync(join(cacheDir, `${await cacheKey([dir])}.json`), now - 300 + 60 * i, now - 300 + 60 * i);
    expect(await load(a)).toBe(true);
    expect(await load(e)).toBe(false);
    // a, used after b, c and d were saved, is kept; b, the least recently used, went
    expect([await load(a), await load(c), await load(d), await load(e)]).toEqual([true, true, true, true]);
    expect(await load(b)).toBe(false);
  });

  it('says which folder it used: the option, else HIGHNEEDS_CACHE_DIR, and run\'s message names that folder', async () => {
    const data = tempDir();
    for (const f of ['unit_costs.csv', 'funding.csv']) copyFileSync(join('data-samples', f), join(data, f));
    const fromEnv = tempDir();
    const before = process.env.HIGHNEEDS_CACHE_DIR;
    process.env.HIGHNEEDS_CACHE_DIR = fromEnv;
    try {
      await contents(await loadWithCache([data]));
      const again = await loadWithCache([data]);
      await contents(again);
      expect([again.fromCache, again.cacheDir]).toEqual([true, fromEnv]);
      expect(readdirSync(fromEnv).filter((f) => !f.startsWith('.')).length).toBe(2);
      expect(loadFromCache(again.cacheDir)).toContain(`(${fromEnv};`);
      expect(loadFromCache(again.cacheDir)).not.toContain('.highneeds/cache');
      const option = tempDir();
      const chosen = await loadWithCache([data], { cacheDir: option });
      await contents(chosen);
      expect(chosen.cacheDir).toBe(option);
    } finally {
      if (before === undefined) delete process.env.HIGHNEEDS_CACHE_DIR;
      else process.env.HIGHNEEDS_CACHE_DIR = before;
    }
  });

  it('gives a run the same outputs byte for byte as a fresh load (workbooks entry by entry)', async () => {
    const cacheDir = tempDir();
    const out = tempDir();
    const opts = { scenarioFiles: ['scenarios/baseline.yaml'], dataDir: 'data-samples', draws: 0, seed: 1, csv: true, runDate: '2026-01-02T03:04:05.000Z', cacheDir };
    const a = await runPipeline({ ...opts, out: join(out, 'fresh') });
    // the second run reads what the first derived (run-data-cache.ts), without the warehouse
    const saved = readdirSync(cacheDir).filter((f) => f.endsWith('.run-data'));
    expect(saved).toHaveLength(1);
    // the load it was derived from, saved an hour ago as far as pruning can tell, counts as used by that run too
    const stamp = join(cacheDir, `${await cacheKey(['data-samples'])}.json`);
    const hourAgo = Date.now() / 1000 - 3600;
    utimesSync(stamp, hourAgo, hourAgo);
    const b = await runPipeline({ ...opts, out: join(out, 'cached') });
    expect(statSync(stamp).mtimeMs / 1000).toBeGreaterThan(hourAgo + 3000);
    // the third only the warehouse of the load cache: it derives everything again
    rmSync(join(cacheDir, saved[0]!));
    const c = await runPipeline({ ...opts, out: join(out, 'loaded') });
    expect([a.fromCache, b.fromCache, c.fromCache]).toEqual([false, true, true]);
    const files = filesUnder(join(out, 'fresh')).map((f) => relative(join(out, 'fresh'), f)).sort();
    expect(files.some((f) => f.endsWith('.xlsx'))).toBe(true);
    const fresh = new Map<string, unknown>();
    for (const f of files) fresh.set(f, await content(join(out, 'fresh', f)));
    for (const [name, run] of [['cached', b], ['loaded', c]] as const) {
      expect(filesUnder(join(out, name)).map((f) => relative(join(out, name), f)).sort()).toEqual(files);
      for (const f of files) expect(await content(join(out, name, f)), `${name}/${f}`).toEqual(fresh.get(f));
      expect(JSON.stringify(run.documents).replaceAll(`/${name}/`, '/fresh/')).toBe(JSON.stringify(a.documents));
    }
  });

  it('keeps the most recently used results of a run\'s data step: one read again outlives those saved after it', async () => {
    const dir = tempDir();
    const keys = Array.from({ length: 9 }, (_, i) => String(i + 1).repeat(64).slice(0, 64));
    const isWhole = (d: unknown): d is { n: number } => typeof (d as { n?: unknown }).n === 'number';
    const now = Date.now() / 1000;
    for (const [i, k] of keys.slice(0, 8).entries()) {
      await saveRunData(dir, k, { n: i });
      utimesSync(join(dir, `${k}.run-data`), now - 600 + 60 * i, now - 600 + 60 * i); // saved a minute apart
    }
    expect(await readRunData(dir, keys[0]!, isWhole)).toEqual({ n: 0 });
    await saveRunData(dir, keys[8]!, { n: 8 });
    // eight are kept: the first, read after the others were saved, stays; the second, least recently used, went
    expect(await readRunData(dir, keys[0]!, isWhole)).toEqual({ n: 0 });
    expect(await readRunData(dir, keys[1]!, isWhole)).toBeUndefined();
    expect(await readRunData(dir, keys[8]!, isWhole)).toEqual({ n: 8 });
  });

  it('keys what a run derives by the load, the LA, the base years and the horizon', async () => {
    const k = (p: Partial<Parameters<typeof runDataKey>[1]>) => runDataKey('load', { baseYears: [undefined], horizon: 10, ...p });
    const keys = await Promise.all([k({}), k({ la: '999' }), k({ baseYears: [2024] }), k({ horizon: 5 }), runDataKey('other load', { baseYears: [undefined], horizon: 10 })]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await k({})).toBe(keys[0]);
  });
});

describe('a cache folder that is a file (HIGHNEEDS_CACHE_DIR=funding.csv)', () => {
  // removing the half-written cache file under it failed with ENOTDIR, which rm's force does not pass over: an
  // internal error (exit 70, a stack trace) after the whole load
  it('only costs the head start: the load and the run data are read, nothing is written, the file is unchanged', async () => {
    const data = smallData();
    const notAFolder = join(tempDir(), 'funding.csv');
    writeFileSync(notAFolder, 'financial_year,hn_block_gbp\n');
    const load = await loadWithCache([join(data, 'funding.csv')], { cacheDir: notAFolder });
    expect(load.fromCache).toBe(false);
    load.warehouse.close();
    await saveRunData(notAFolder, 'a'.repeat(64), { n: 1 });
    expect(readFileSync(notAFolder, 'utf8')).toBe('financial_year,hn_block_gbp\n');
  });
});
