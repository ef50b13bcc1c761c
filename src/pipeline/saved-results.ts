/**
 * What `run` keeps beside its load cache (load-cache.ts) so that the next run need not work it out again, one file
 * per key in the cache folder, `<key>.<kind>`:
 *
 *   run-data        what a run derives from its data for one LA, base years and horizon (run-data-cache.ts)
 *   datasets        every LA's, England's and the regions' published series read from a load (past-forecasts.ts)
 *   past-forecasts  the central forecasts of every LA of a batch from each past origin (past-forecasts.ts)
 *   ees-datasets    what `forecast --ees` and `backtest --ees` read from published files (saved-ees.ts)
 *
 * Each file is Node's structured serialisation (v8.serialize) of the key it was saved under, the SHA-256 of the
 * result's bytes and those bytes. A file of another key copied over it (from a backup or a sync), a damaged or
 * partial one, or one of another shape is a miss, never another folder's, LA's or batch's figures: the run works them
 * out again. A result is written to a temporary name and renamed, so a run killed while saving leaves no half file.
 * A result that cannot be read or written is passed over; the most recently used of each kind are kept.
 *
 * A result that names the run's files (the data step's notes, the published series' notes) is saved with the
 * spelling of the run that saved it (cache-key.ts), inside the bytes the SHA-256 covers, and read back by a run that
 * spells the files otherwise with every file named as that run names it (respell.ts), or not at all where that
 * cannot be done with certainty.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { markUsed, type Spelling } from '../etl/cache-key.ts';
import { isSpelling } from '../etl/respell-load.ts';
import { respellDeep, respeller } from '../etl/respell.ts';
import { PRIVATE_FILE, cacheTemp, makeCacheDir, removeOrphanTemps, removeTemps } from '../etl/cache-temps.ts';

/** The kinds of saved result, with how many of each are kept (the most recently saved or read). */
const KEEP = { 'run-data': 8, datasets: 4, 'past-forecasts': 4, 'ees-datasets': 4 } as const;
export type SavedKind = keyof typeof KEEP;

/** The file of a saved result. */
export function savedFile(dir: string, kind: SavedKind, key: string): string {
  return join(dir, `${key}.${kind}`);
}

/**
 * The saved result of this kind and key when `isWhole` accepts it, or undefined (none, unreadable, damaged, another
 * key's, or saved under another spelling that cannot be renamed to `spelling` with certainty).
 */
export async function readSaved<T>(dir: string, kind: SavedKind, key: string, isWhole: (data: unknown) => data is T, spelling?: Spelling): Promise<T | undefined> {
  try {
    const file = savedFile(dir, kind, key);
    const saved = deserialize(await readFile(file)) as { key?: unknown; sha256?: unknown; bytes?: unknown } | null;
    // saved under this key (a file of another key copied over it is not this run's), and the bytes saved (a number
    // damaged inside the file would deserialise as another number)
    if (saved?.key !== key || !(saved.bytes instanceof Uint8Array) || saved.sha256 !== sha256(saved.bytes)) return undefined;
    const { data, spelling: was } = deserialize(saved.bytes) as { data?: unknown; spelling?: unknown };
    if (!isWhole(data)) return undefined;
    let respell: ReturnType<typeof respeller> = 'same';
    // (a caller that gives no spelling takes the names as saved; a result saved without one names no file)
    if (spelling !== undefined && was !== undefined) {
      if (!isSpelling(was)) return undefined;
      respell = respeller(was, spelling);
      if (respell === undefined) return undefined;
    }
    await markUsed(file);
    return respell === 'same' ? data : respellDeep(data, respell);
  } catch {
    return undefined;
  }
}

/**
 * Saves a result under its key (written to a temporary name, then renamed: never half a file), with the spelling of
 * the files it names.
 */
export async function saveResult(dir: string, kind: SavedKind, key: string, data: unknown, spelling?: Spelling): Promise<void> {
  const tmp = cacheTemp(dir, key, `.${kind}.tmp`);
  try {
    const bytes = serialize({ data, spelling });
    await makeCacheDir(dir);
    await writeFile(tmp, serialize({ key, sha256: sha256(bytes), bytes }), { mode: PRIVATE_FILE });
    await rename(tmp, savedFile(dir, kind, key));
    await prune(dir, kind);
  } catch {
    // a result that cannot be saved only costs the next run its head start
  } finally {
    await removeTemps(tmp);
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function prune(dir: string, kind: SavedKind): Promise<void> {
  await removeOrphanTemps(dir); // of runs killed while saving
  const suffix = `.${kind}`;
  const names = (await readdir(dir)).filter((f) => f.endsWith(suffix) && /^[0-9a-f]{64}$/.test(f.slice(0, -suffix.length)));
  const dated = await Promise.all(names.map(async (f) => ({ f, t: (await stat(join(dir, f))).mtimeMs })));
  for (const { f } of dated.sort((a, b) => b.t - a.t).slice(KEEP[kind])) await rm(join(dir, f), { force: true });
}

/**
 * Whether saved data have the shape of a set of LA series as the warehouse's and the EES files' datasets share it
 * (datasets and regions, each with its LA's code, a national series or none, notes and findings): the first part of
 * each kind's whole-or-nothing check for readSaved (past-forecasts.ts, saved-ees.ts).
 */
export function isSeriesSet(d: unknown): boolean {
  const e = d as { datasets?: unknown; regions?: unknown; national?: unknown; notes?: unknown; findings?: unknown } | null;
  const isDataset = (x: unknown): boolean => typeof x === 'object' && x !== null && typeof (x as { la?: { oldCode?: unknown } }).la?.oldCode === 'string';
  return (
    typeof e === 'object' &&
    e !== null &&
    Array.isArray(e.datasets) &&
    e.datasets.every(isDataset) &&
    Array.isArray(e.regions) &&
    e.regions.every(isDataset) &&
    (e.national === undefined || isDataset(e.national)) &&
    Array.isArray(e.notes) &&
    Array.isArray(e.findings)
  );
}
