/**
 * The keys of `run`'s caches (load-cache.ts: a data folder's load; pipeline/run-data-cache.ts: what a run derives
 * from it) and their folder. Kept apart from the caches so a run can look its data up without loading DuckDB.
 *
 *   load key = SHA-256 of (cache format, tool version, the code (sourceFingerprint), each input's real path (realpath),
 *              and each of its files' path inside it with the file's SHA-256)
 *
 * The key says what the files are, not how they were named: `--data data-samples`, `./data-samples/`, the absolute
 * path and a link to the folder are one key. What the caches save names the files as the run that saved them spelt
 * them (`spelling`); a run that spells them otherwise gets them renamed as its own (respell.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { VERSION } from '../version.ts';
import { expandPaths } from './expand-paths.ts';
import { sha256File } from './file-hash.ts';

/** Bump when the saved form changes (tables, the JSON beside them). */
const CACHE_FORMAT = 3;
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

/**
 * How a run names its inputs: each input as given, with its files as the load names them (an archive's entries are
 * named after it, inputs.ts), in the order the key hashes them. Two spellings of one key name the same inputs and
 * files in the same places.
 */
export type Spelling = Array<{ input: string; files: string[] }>;

/** An input set: its cache key and how this run spells it. */
export interface InputSet {
  key: string;
  spelling: Spelling;
}

/** The key and spelling of a load of these paths, or undefined when the sources cannot be found to fingerprint. */
export async function inputSetOf(paths: readonly string[]): Promise<InputSet | undefined> {
  const code = await sourceFingerprint();
  if (code === undefined) return undefined;
  const h = createHash('sha256').update(`highneeds-load-cache ${CACHE_FORMAT} ${VERSION} ${code}\n`);
  const spelling: Spelling = [];
  for (const [i, p] of paths.entries()) {
    const files = await expandPaths([p]); // checks the path first: a missing one is named as the user gave it
    h.update(`arg\0${i}\0${await realpath(p)}\n`);
    spelling.push({ input: p, files });
    for (const f of files) {
      // a file given itself is named by its own name (readers read a year or a sex from it); a folder's by its
      // path inside the folder
      h.update(`file\0${i}\0${f === p ? basename(f) : relative(p, f)}\0${await sha256File(f)}\n`);
    }
  }
  return { key: h.digest('hex'), spelling };
}

/** The cache key of a load of these paths, or undefined when the sources cannot be found to fingerprint. */
export async function cacheKey(paths: readonly string[]): Promise<string | undefined> {
  return (await inputSetOf(paths))?.key;
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
