/**
 * run's load cache (src/etl/load-cache.ts) when its files are not what it saved: a JSON edited or damaged, a
 * warehouse file of another key copied over this key's. Each is a miss (the files loaded afresh, the right rows),
 * never a crash and never another load's rows.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey, inputSetOf } from '../../src/etl/cache-key.ts';
import { loadWithCache } from '../../src/etl/load-cache.ts';
import { readRunData, saveRunData } from '../../src/pipeline/run-data-cache.ts';
import { tempDir } from '../temp.ts';

/** A data folder of one funding table whose first year's block is `gbp`. */
function fundingFolder(gbp: number): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'funding.csv'), `financial_year,hn_block_gbp\n2025-26,${gbp}\n`);
  return dir;
}

/** The load's funding block and whether it came from the cache. */
async function load(dir: string, cacheDir: string): Promise<{ fromCache: boolean; block: number }> {
  const l = await loadWithCache([dir], { cacheDir });
  try {
    const rows = await l.warehouse.query<{ b: number }>('SELECT hn_block_gbp AS b FROM funding');
    return { fromCache: l.fromCache, block: Number(rows[0]!.b) };
  } finally {
    l.warehouse.close();
  }
}

describe('a damaged or foreign load cache', () => {
  it('is a miss when its JSON is edited, emptied or not of its key, not an internal error', async () => {
    const data = fundingFolder(57_000_000);
    const cacheDir = tempDir();
    expect(await load(data, cacheDir)).toEqual({ fromCache: false, block: 57_000_000 });
    const json = join(cacheDir, `${await cacheKey([data])}.json`);
    const good = readFileSync(json, 'utf8');
    // `{}` and `null` crashed the run ("Cannot read properties of undefined") on every later run until --fresh
    for (const text of ['{}', 'null', '{"loaded":[]}', '', good.slice(0, 20), good.replace(/"rows":\d+/, '"rows":"x"'), good.replace(/"key":"[0-9a-f]+"/, '"key":"other"')]) {
      writeFileSync(json, text);
      expect(await load(data, cacheDir), text).toEqual({ fromCache: false, block: 57_000_000 });
    }
    // a JSON well formed but not the one saved with the warehouse (what the load said edited)
    const saved = JSON.parse(readFileSync(json, 'utf8')) as { loaded: Array<{ rows: number }> };
    saved.loaded[0]!.rows += 1;
    writeFileSync(json, JSON.stringify(saved));
    expect(await load(data, cacheDir)).toEqual({ fromCache: false, block: 57_000_000 });
    expect(await load(data, cacheDir)).toEqual({ fromCache: true, block: 57_000_000 });
  });

  it('never reads the warehouse of another key saved under this one', async () => {
    const a = fundingFolder(57_000_000);
    const b = fundingFolder(97_000_000);
    const cacheDir = tempDir();
    await load(a, cacheDir);
    await load(b, cacheDir);
    // b's warehouse copied over a's: a run of a gave b's £97m with a's files unchanged
    copyFileSync(join(cacheDir, `${await cacheKey([b])}.duckdb`), join(cacheDir, `${await cacheKey([a])}.duckdb`));
    expect(await load(a, cacheDir)).toEqual({ fromCache: false, block: 57_000_000 });
    expect(await load(a, cacheDir)).toEqual({ fromCache: true, block: 57_000_000 });
  });

  it('never reads what a run derived under another key, nor a damaged file, as this key\'s', async () => {
    const dir = tempDir();
    const [k1, k2] = ['1'.repeat(64), '2'.repeat(64)];
    const isWhole = (d: unknown): d is { n: number } => typeof (d as { n?: unknown } | null)?.n === 'number';
    await saveRunData(dir, k1, { n: 1 });
    await saveRunData(dir, k2, { n: 2.5 });
    expect(await readRunData(dir, k1, isWhole)).toEqual({ n: 1 });
    // k2's file copied over k1's: a run keyed k1 (another LA, folder or horizon) got k2's figures
    copyFileSync(join(dir, `${k2}.run-data`), join(dir, `${k1}.run-data`));
    expect(await readRunData(dir, k1, isWhole)).toBeUndefined();
    const good = readFileSync(join(dir, `${k2}.run-data`));
    // a byte of a figure changed (its high bytes: another number, of the same shape, that a run would have used)
    const at = good.indexOf(Buffer.from(new Float64Array([2.5]).buffer));
    expect(at).toBeGreaterThan(0);
    const damaged = Buffer.from(good);
    damaged[at + 6]! ^= 0x0f;
    for (const bytes of [Buffer.alloc(0), good.subarray(0, good.length - 3), Buffer.from('garbage'), damaged]) {
      writeFileSync(join(dir, `${k2}.run-data`), bytes);
      expect(await readRunData(dir, k2, isWhole)).toBeUndefined();
    }
  });
});

describe('a data file that changes while it is loaded', () => {
  it('leaves nothing saved under the key of the bytes it held before', async () => {
    const data = tempDir();
    const cacheDir = tempDir();
    const file = join(data, 'funding.csv');
    writeFileSync(file, 'financial_year,hn_block_gbp\n2025-26,57000000\n');
    const inputSet = await inputSetOf([data]);
    // saved from an editor after the run keyed the folder, before it read the file
    writeFileSync(file, 'financial_year,hn_block_gbp\n2025-26,97000000\n');
    const during = await loadWithCache([data], { cacheDir, inputSet });
    during.warehouse.close();
    // the edit undone: a run of the first bytes got the edited £97m from the cache
    writeFileSync(file, 'financial_year,hn_block_gbp\n2025-26,57000000\n');
    expect(await load(data, cacheDir)).toEqual({ fromCache: false, block: 57_000_000 });
    expect(await load(data, cacheDir)).toEqual({ fromCache: true, block: 57_000_000 });
    // and so what a run derives from that load is not saved either (run-data.ts)
    expect(during.keyed).toBe(false);
  });
});
