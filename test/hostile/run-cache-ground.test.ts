/**
 * `run` on hostile cache ground (HIGHNEEDS_CACHE_DIR): a cache folder that is a file, a read-only one, one full of
 * garbage `.duckdb`/`.json` pairs and saved results, and entries of another data folder put under this folder's key
 * with their JSON edited to say so, or this folder's entry edited to name other files. load-cache.ts says each is a
 * miss, never a wrong load: each run's --json document must be the fresh run's (outputs' paths aside), and the
 * cache folder a file, or read-only, is left as it was.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheKey } from '../../src/etl/cache-key.ts';
import { copySampleTables, runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';
import { unmovable } from './unmovable.ts';

/** The run's --json document without its outputs' paths (each run writes its own folder). */
function documentOf(stdout: string): unknown {
  const doc = JSON.parse(stdout) as Record<string, unknown>;
  delete doc.outputs;
  return doc;
}

/** `run --json` of `data` with the cache at `cache`: its document. */
async function runWith(data: string, cache: string, out: string, ...more: string[]): Promise<{ doc: unknown }> {
  const was = process.env.HIGHNEEDS_CACHE_DIR;
  process.env.HIGHNEEDS_CACHE_DIR = cache;
  try {
    const r = await runCli('run', '--data', data, '--draws', '0', '--json', '--out', out, ...more);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    return { doc: documentOf(r.stdout) };
  } finally {
    if (was === undefined) delete process.env.HIGHNEEDS_CACHE_DIR;
    else process.env.HIGHNEEDS_CACHE_DIR = was;
  }
}

const listing = (dir: string): string => readdirSync(dir).sort().map((f) => `${f} ${readFileSync(join(dir, f)).length}`).join('\n');

describe('run on a hostile cache', () => {
  it('gives the fresh run\'s document whatever the cache folder holds', async () => {
    const root = tempDir('hn-hostile-cache-');
    const data = join(root, 'data');
    copySampleTables(data);
    // another data folder: the sample's tables with another High Needs block
    const other = join(root, 'other');
    copySampleTables(other);
    writeFileSync(join(other, 'funding.csv'), readFileSync(join(other, 'funding.csv'), 'utf8').replace('57170000', '97170000'));
    const fresh = await runWith(data, join(root, 'c-fresh'), join(root, 'o-fresh'), '--fresh');
    const otherDoc = (await runWith(other, join(root, 'c-other'), join(root, 'o-other'))).doc;
    expect(otherDoc, 'the other folder must give another budget, or this test proves nothing').not.toEqual(fresh.doc);
    const key = (await cacheKey([data]))!;
    const otherKey = (await cacheKey([other]))!;
    let n = 0;
    const out = (): string => join(root, `o${n++}`);
    // a cache folder holding what a run of `data` saves in it: a copy of the fresh run's (a run into an empty folder
    // saves the same entries, each a load of the sample's tables: three runs the test does not look at)
    const cachedAsByRun = (dir: string): void => cpSync(join(root, 'c-fresh'), dir, { recursive: true });

    // a file where the cache folder should be: left as it was
    const asFile = join(root, 'c-file');
    writeFileSync(asFile, 'not a folder\n');
    expect((await runWith(data, asFile, out())).doc).toEqual(fresh.doc);
    expect(readFileSync(asFile, 'utf8')).toBe('not a folder\n');

    // garbage pairs under this key and others, and garbage saved results of every kind
    const garbage = join(root, 'c-garbage');
    mkdirSync(garbage);
    for (const k of [key, 'a'.repeat(64), 'b'.repeat(64)]) {
      writeFileSync(join(garbage, `${k}.duckdb`), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 31) & 0xff)));
      writeFileSync(join(garbage, `${k}.json`), '{"key":"' + k + '","loaded":[],"skipped":[],"warnings":[]}');
      for (const kind of ['run-data', 'datasets', 'past-forecasts', 'ees-datasets']) writeFileSync(join(garbage, `${k}.${kind}`), 'garbage');
    }
    writeFileSync(join(garbage, '.' + key + '.1.tmp'), 'a temporary file of a process long gone');
    expect((await runWith(data, garbage, out())).doc).toEqual(fresh.doc);
    // and the run after it, which reads what the first saved in their place
    expect((await runWith(data, garbage, out())).doc).toEqual(fresh.doc);

    // each file of this folder's cache (the load, and what its run derived) replaced by the other folder's of the same
    // kind, the JSON edited to this key: the mark inside the warehouse and the key inside each saved result name the
    // other key, so each is a miss, not the other folder's £97m
    const forged = join(root, 'c-forged');
    cachedAsByRun(forged);
    const kindOf = (f: string): string => f.replace(/^[0-9a-f]{64}/, '');
    const others = new Map(readdirSync(join(root, 'c-other')).map((f) => [kindOf(f), join(root, 'c-other', f)]));
    let replaced = 0;
    for (const f of readdirSync(forged)) {
      const from = others.get(kindOf(f));
      if (from === undefined || f.startsWith('.')) continue;
      writeFileSync(join(forged, f), f.endsWith('.json') ? readFileSync(from, 'utf8').replaceAll(otherKey, key) : readFileSync(from));
      replaced++;
    }
    expect(replaced).toBeGreaterThanOrEqual(3);
    expect((await runWith(data, forged, out())).doc).toEqual(fresh.doc);

    // this folder's own entry with its JSON edited to name the other folder's files
    const edited = join(root, 'c-edited');
    cachedAsByRun(edited);
    const json = join(edited, `${key}.json`);
    writeFileSync(json, readFileSync(json, 'utf8').replaceAll(data, other));
    expect((await runWith(data, edited, out())).doc).toEqual(fresh.doc);

    // a read-only cache folder holding a good entry: read, nothing written, left as it was
    const ro = join(root, 'c-ro');
    cachedAsByRun(ro);
    const before = listing(ro);
    const undo = unmovable(ro);
    if (undo) {
      try {
        expect((await runWith(data, ro, out(), '--fresh')).doc).toEqual(fresh.doc);
        expect((await runWith(data, ro, out())).doc).toEqual(fresh.doc);
      } finally {
        undo();
      }
      expect(listing(ro)).toBe(before);
    }
  }, 180_000);
});
