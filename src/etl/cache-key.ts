/**
 * The keys of `run`'s caches (load-cache.ts: a data folder's load; pipeline/run-data-cache.ts: what a run derives
 * from it) and their folder. Kept apart from the caches so a run can look its data up without loading DuckDB.
 *
 *   load key = SHA-256 of (cache format, tool version, the ETL's own source text, every input path and its SHA-256)
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.ts';
import { expandPaths } from './expand-paths.ts';
import { sha256File } from './file-hash.ts';

/** Bump when the saved form changes (tables, the JSON beside them). */
const CACHE_FORMAT = 1;
export const DEFAULT_CACHE_DIR = '.highneeds/cache';

/** The cache folder: the option, else HIGHNEEDS_CACHE_DIR, else .highneeds/cache. */
export function cacheDirOf(dir?: string): string {
  return dir ?? process.env.HIGHNEEDS_CACHE_DIR ?? DEFAULT_CACHE_DIR;
}

/** The cache key of a load of these paths, or undefined when the ETL's sources cannot be found to fingerprint. */
export async function cacheKey(paths: string[]): Promise<string | undefined> {
  const code = await sourceFingerprint(['src/etl', 'src/domain', 'src/messages']);
  if (code === undefined) return undefined;
  const h = createHash('sha256').update(`highneeds-load-cache ${CACHE_FORMAT} ${VERSION} ${code}\n`);
  for (const p of paths) h.update(`arg\0${p}\n`);
  for (const f of await expandPaths(paths)) h.update(`file\0${f}\0${await sha256File(f)}\n`);
  return h.digest('hex');
}

const fingerprints = new Map<string, Promise<string | undefined>>();

/**
 * A hash of the source text under these folders of the repository (e.g. what decides what a load puts in the
 * warehouse: src/etl, src/domain, src/messages), found from this module's place, two folders under the repository
 * root; undefined when the sources are not there. Run from the compiled build (dist/<stamp>/), the build's stamp,
 * which changes with any source file.
 */
export function sourceFingerprint(subs: readonly string[]): Promise<string | undefined> {
  // the compiled build's folder is named by a hash of every source file's path, size and time (scripts/build.mjs):
  // it tells the sources apart without reading them
  const build = /\/dist\/([0-9a-f]{16})\/[^/]+$/.exec(fileURLToPath(import.meta.url).replaceAll('\\', '/'));
  if (build) return Promise.resolve(`build ${build[1]}`);
  const id = subs.join('\0');
  let f = fingerprints.get(id);
  if (!f) {
    f = (async () => {
      const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
      if (!existsSync(join(root, 'src', 'etl', 'cache-key.ts'))) return undefined;
      const h = createHash('sha256');
      for (const sub of subs) {
        for (const file of await expandPaths([join(root, sub)])) h.update(`${file.slice(root.length)}\0`).update(await readFile(file));
      }
      return h.digest('hex');
    })();
    fingerprints.set(id, f);
  }
  return f;
}
