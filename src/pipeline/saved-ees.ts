/**
 * What `forecast --ees` and `backtest --ees` read from published files, kept between runs beside run's caches
 * (saved-results.ts): `<key>.ees-datasets`, every LA's, England's and the regions' series with the notes and
 * findings of the read. A second forecast or backtest of the same files reads it back instead of reading and
 * checking every file again (about two seconds of CPU on the 2022 release), and gets the same series to the last bit.
 *
 *   key = SHA-256 of (format, the files' key (cache-key.ts: what they are, not how they are named; the code), the
 *         last January kept (forecast's --base-year; none for backtest))
 *
 * Like the load cache, the clock is not in the key: a date valid when the files were first read stays valid. A file
 * that changed while it was read leaves nothing saved. The notes name the files as the run that saved them named
 * them, and are renamed for a run that names them otherwise (respell.ts). `--fresh` reads nothing saved and saves
 * afresh. A cache folder in a system tree, or one the files' own folders would read as input, is not used.
 */
import { createHash } from 'node:crypto';
import { cacheDirOf, inputSetOf } from '../etl/cache-key.ts';
import type { EesDatasets } from '../etl/ees-datasets.ts';
import { checkNotSystemFolder, readByLoadOf } from '../paths/check-path.ts';
import { isSeriesSet, readSaved, saveResult } from './saved-results.ts';

const FORMAT = 1;

export interface SavedEesOptions {
  /** The last census year kept (datasetsFromEesFiles maxCensusYear), if any. */
  maxCensusYear?: number;
  /** Read nothing saved (the result is saved afresh). */
  fresh?: boolean;
  /** The cache folder (default HIGHNEEDS_CACHE_DIR or .highneeds/cache). */
  cacheDir?: string;
}

/**
 * The series of these EES files: saved under their key, or read (`read`) and saved when the files did not change
 * while they were read.
 * @example await savedEesDatasets(['sen2_age_caseload.csv'], { maxCensusYear: 2022 }, () => datasetsFromEesFiles(files, { maxCensusYear: 2022 }))
 */
export async function savedEesDatasets(files: readonly string[], opts: SavedEesOptions, read: () => Promise<EesDatasets>): Promise<EesDatasets> {
  const dir = cacheDirOf(opts.cacheDir);
  const usable = await cacheUsable(dir, files);
  // unreadable files are the read's to name: checked by it, before anything is saved
  const set = usable ? await inputSetOf(files).catch(() => undefined) : undefined;
  const key = set === undefined ? undefined : keyOf(set.key, opts.maxCensusYear);
  if (key !== undefined && !opts.fresh) {
    const saved = await readSaved(dir, 'ees-datasets', key, isEesDatasets, set!.spelling);
    if (saved) return saved;
  }
  const ees = await read();
  // not when a file changed while it was read: the series are not those of the key's bytes
  if (key !== undefined && (await inputSetOf(files).catch(() => undefined))?.key === set!.key) await saveResult(dir, 'ees-datasets', key, ees, set!.spelling);
  return ees;
}

function keyOf(filesKey: string, maxCensusYear: number | undefined): string {
  return createHash('sha256').update(`highneeds-ees-datasets ${FORMAT}\n${filesKey}\n${maxCensusYear ?? 'all'}\n`).digest('hex');
}

/** Whether the cache folder may be used: not in a system tree, and not where reading the files would read it. */
async function cacheUsable(dir: string, files: readonly string[]): Promise<boolean> {
  if (!(await checkNotSystemFolder(dir, 'HIGHNEEDS_CACHE_DIR').then(() => true, () => false))) return false;
  for (const f of files) if (await readByLoadOf(dir, f)) return false;
  return true;
}

function isEesDatasets(d: unknown): d is EesDatasets {
  if (!isSeriesSet(d)) return false;
  const e = d as Partial<EesDatasets>;
  const isText = (x: unknown): boolean => typeof x === 'string';
  return (
    Number.isInteger(e.ignoredRows) &&
    (e.laterOnly === undefined || (Array.isArray(e.laterOnly) && e.laterOnly.every((l) => isText(l?.oldCode) && Number.isInteger(l?.firstYear)))) &&
    e.notes!.every(isText) &&
    (e.revised === undefined || isText(e.revised)) &&
    (e.revisedNewPlans === undefined || isText(e.revisedNewPlans))
  );
}
