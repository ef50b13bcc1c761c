/**
 * The keys of `run`'s caches (load-cache.ts: a data folder's load; pipeline/run-data-cache.ts: what a run derives
 * from it) and their folder. Kept apart from the caches so a run can look its data up without loading DuckDB.
 *
 *   load key = SHA-256 of (cache format, tool version, the code (sourceFingerprint), every input path and its SHA-256)
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { VERSION } from '../version.ts';
import { expandPaths } from './expand-paths.ts';
import { sha256File } from './file-hash.ts';

/** Bump when the saved form changes (tables, the JSON beside them). */
const CACHE_FORMAT = 2;
export const DEFAULT_CACHE_DIR = '.highneeds/cache';

/**
 * The cache folder: the option, else HIGHNEEDS_CACHE_DIR, else .highneeds/cache. HIGHNEEDS_CACHE_DIR set empty
 * (`HIGHNEEDS_CACHE_DIR= highneeds run`) is not set: as a folder it was the current one, where nothing could be saved
 * and every run loaded afresh, or, run from the data folder, the data folder itself.
 */
export function cacheDirOf(dir?: string): string {
  return dir ?? (process.env.HIGHNEEDS_CACHE_DIR || DEFAULT_CACHE_DIR);
}

/** The file of a cached load whose time says when it was last used (load-cache.ts keeps the most recently used). */
export function loadCacheStamp(dir: string, key: string): string {
  return join(dir, `${key}.json`);
}

/**
 * Marks a cache entry as used now (its modification time), so that pruning, which keeps the most recently used
 * entries, keeps it. An entry that cannot be touched (a read-only folder, removed meanwhile) is passed over.
 */
export async function markUsed(file: string): Promise<void> {
  const now = new Date();
  try {
    await utimes(file, now, now);
  } catch {
    // pruning may then drop it sooner: it costs a later run its head start, nothing else
  }
}

/** The cache key of a load of these paths, or undefined when the sources cannot be found to fingerprint. */
export async function cacheKey(paths: string[]): Promise<string | undefined> {
  const code = await sourceFingerprint();
  if (code === undefined) return undefined;
  const h = createHash('sha256').update(`highneeds-load-cache ${CACHE_FORMAT} ${VERSION} ${code}\n`);
  for (const p of paths) h.update(`arg\0${p}\n`);
  for (const f of await expandPaths(paths)) h.update(`file\0${f}\0${await sha256File(f)}\n`);
  return h.digest('hex');
}

/** The sources' stamp, once per process. */
let fingerprint: Promise<string | undefined> | undefined;

/**
 * What identifies the code that made a cache entry: the name of the compiled build of the sources (scripts/build.mjs
 * names dist/<stamp>/ by a hash of every source file's path, size and time, and of the build script). The compiled
 * build reads it from its own folder's name; the sources, run through tsx (the tests, or bin/ when no build can be
 * made), compute the same stamp, so a process running the sources and the CLI's build of the same sources share
 * their caches (a test's in-process run and the CLI it then starts). Undefined when the sources are not there.
 * Any source file changed (or touched) is a new key, for the load cache as for what a run derives.
 */
export function sourceFingerprint(): Promise<string | undefined> {
  const build = /\/dist\/([0-9a-f]{16})\/[^/]+$/.exec(fileURLToPath(import.meta.url).replaceAll('\\', '/'));
  if (build) return Promise.resolve(`build ${build[1]}`);
  fingerprint ??= (async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const script = join(root, 'scripts', 'build.mjs');
    if (!existsSync(join(root, 'src', 'etl', 'cache-key.ts')) || !existsSync(script)) return undefined;
    // not a static import: the compiled build does not bundle the build script (it never comes here)
    const { sourceStamp } = (await import(pathToFileURL(script).href)) as typeof import('../../scripts/build.mjs');
    return `build ${sourceStamp()}`;
  })();
  return fingerprint;
}
