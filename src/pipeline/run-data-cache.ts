/**
 * The saved result of a run's data step (run-data.ts), beside the load cache: `<key>.run-data` (saved-results.ts),
 * its RunData. A repeat run on unchanged files, for the same LA, base years and horizon, reads it back instead of
 * loading the warehouse and forecasting again, and gets the same figures to the last bit, so its outputs are byte for
 * byte those of a fresh run.
 *
 *   key = SHA-256 of (format, the load's cache key (what the files are, not how --data names them), the code (sourceFingerprint), the LA, base years and horizon, the
 *         shipped reference files: England's series and the batch statistics)
 *
 * Like the load cache it holds only what the run would compute from the data: aggregates, no identifier.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sourceFingerprint, type Spelling } from '../etl/cache-key.ts';
import { referenceFile } from '../etl/reference.ts';
import { readSaved, saveResult } from './saved-results.ts';

const FORMAT = 5;

/**
 * The shipped reference files a run's forecast reads (reference/README.md): England's and the regions' series it
 * pools towards, and the whole releases' spreads and range calibration a folder of too few LAs takes. Made again
 * from a later release, they change its figures with the code unchanged.
 */
export const REFERENCE_FILES = ['england-ehcp-series.csv', 'batch-statistics.csv'] as const;

/** The key of a run's data step, or undefined when the sources cannot be found to fingerprint. */
export async function runDataKey(loadKey: string, params: { la?: string; baseYears: Array<number | undefined>; horizon: number }): Promise<string | undefined> {
  const code = await sourceFingerprint();
  if (code === undefined) return undefined;
  return runDataKeyOf(loadKey, params, code, await Promise.all(REFERENCE_FILES.map((f) => readFile(referenceFile(f)))));
}

/** runDataKey of the code's fingerprint and the bytes of REFERENCE_FILES, each preceded by its length. */
export function runDataKeyOf(loadKey: string, params: { la?: string; baseYears: Array<number | undefined>; horizon: number }, code: string, references: readonly Uint8Array[]): string {
  const p = JSON.stringify({ la: params.la ?? null, baseYears: params.baseYears.map((b) => b ?? null), horizon: params.horizon });
  const hash = createHash('sha256').update(`highneeds-run-data ${FORMAT}\n${loadKey}\n${code}\n${p}\n`);
  for (const bytes of references) hash.update(`${bytes.length}\n`).update(bytes);
  return hash.digest('hex');
}

/**
 * The saved data of this key when `isWhole` accepts it, or undefined (none, unreadable, damaged, or not of this
 * shape), its files named as `spelling` names them (saved-results.ts).
 */
export function readRunData<T>(dir: string, key: string, isWhole: (data: unknown) => data is T, spelling?: Spelling): Promise<T | undefined> {
  return readSaved(dir, 'run-data', key, isWhole, spelling);
}

/** Saves a run's data under its key (written to a temporary name, then renamed: never half a file), with its spelling. */
export function saveRunData(dir: string, key: string, data: unknown, spelling?: Spelling): Promise<void> {
  return saveResult(dir, 'run-data', key, data, spelling);
}
