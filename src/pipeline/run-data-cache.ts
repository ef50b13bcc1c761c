/**
 * The saved result of a run's data step (run-data.ts), beside the load cache: `<key>.run-data`, its RunData in
 * Node's structured serialisation (v8.serialize), with the key it was saved under (a file of another key copied over
 * it, from a backup or a sync, is a miss, never another folder's or LA's figures). A repeat run on unchanged files,
 * for the same LA, base years and horizon, reads it back instead of loading the warehouse and forecasting every LA
 * again, and gets the same figures to the last bit, so its outputs are byte for byte those of a fresh run.
 *
 *   key = SHA-256 of (format, the load's cache key, the code (sourceFingerprint), the LA, base years and horizon, the
 *         shipped reference series)
 *
 * Like the load cache it holds only what the run would compute from the data: aggregates, no identifier. One that
 * cannot be read or written is passed over.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { markUsed, sourceFingerprint } from '../etl/cache-key.ts';
import { referenceFile } from '../etl/reference.ts';
import { PRIVATE_FILE, cacheTemp, makeCacheDir, removeOrphanTemps, removeTemps } from '../etl/cache-temps.ts';

const FORMAT = 3;
const SUFFIX = '.run-data';
/** Saved results kept: the most recently used (saved or read), the others removed when a new one is saved. */
const KEEP = 8;

/** The key of a run's data step, or undefined when the sources cannot be found to fingerprint. */
export async function runDataKey(loadKey: string, params: { la?: string; baseYears: Array<number | undefined>; horizon: number }): Promise<string | undefined> {
  const code = await sourceFingerprint();
  if (code === undefined) return undefined;
  const p = JSON.stringify({ la: params.la ?? null, baseYears: params.baseYears.map((b) => b ?? null), horizon: params.horizon });
  return createHash('sha256')
    .update(`highneeds-run-data ${FORMAT}\n${loadKey}\n${code}\n${p}\n`)
    .update(await readFile(referenceFile())) // the shipped England series the forecast pools towards
    .digest('hex');
}

/** The saved data of this key when `isWhole` accepts it, or undefined (none, unreadable, or not of this shape). */
export async function readRunData<T>(dir: string, key: string, isWhole: (data: unknown) => data is T): Promise<T | undefined> {
  try {
    const file = join(dir, `${key}${SUFFIX}`);
    const saved = deserialize(await readFile(file)) as { key?: unknown; data?: unknown } | null;
    // saved under this key (a file of another key copied over it is not this run's data) and whole
    if (saved?.key !== key || !isWhole(saved.data)) return undefined;
    await markUsed(file);
    return saved.data;
  } catch {
    return undefined;
  }
}

/** Saves a run's data under its key (written to a temporary name, then renamed: never half a file). */
export async function saveRunData(dir: string, key: string, data: unknown): Promise<void> {
  const tmp = cacheTemp(dir, key, '.run-data.tmp');
  try {
    await makeCacheDir(dir);
    await writeFile(tmp, serialize({ key, data }), { mode: PRIVATE_FILE });
    await rename(tmp, join(dir, `${key}${SUFFIX}`));
    await prune(dir);
  } catch {
    // a result that cannot be saved only costs the next run its head start
  } finally {
    await removeTemps(tmp);
  }
}

async function prune(dir: string): Promise<void> {
  await removeOrphanTemps(dir); // of runs killed while saving
  const names = (await readdir(dir)).filter((f) => /^[0-9a-f]{64}\.run-data$/.test(f));
  const dated = await Promise.all(names.map(async (f) => ({ f, t: (await stat(join(dir, f))).mtimeMs })));
  for (const { f } of dated.sort((a, b) => b.t - a.t).slice(KEEP)) await rm(join(dir, f), { force: true });
}
