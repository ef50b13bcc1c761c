/**
 * `run`'s load, kept between runs: the warehouse of a data folder is saved in a cache folder (default
 * `.highneeds/cache/`, or HIGHNEEDS_CACHE_DIR) under a key, and a later run with the same key reads it back instead
 * of reading and validating every file again. Both ways the run gets an in-memory warehouse with the same rows in
 * the same order, so its outputs are byte for byte those of a fresh load.
 *
 *   key = inputSetOf (cache-key.ts): the code (its build's stamp), each input's real path, its files' paths inside
 *         it with their SHA-256
 *   miss or --fresh ──loadIntoMemory──▶ warehouse ──COPY──▶ <key>.duckdb + <key>.json (files, skips, warnings)
 *   hit             ──────────────────▶ warehouse ◀──INSERT…SELECT── <key>.duckdb, + <key>.json
 *
 * A changed, added or removed input file, or a changed reader, gives another key; a file that changes while it is
 * loaded (hashed again after the load) leaves nothing saved. The clock is not in the key: a date that was valid at
 * the first load (not in the future) stays valid later. A cache that cannot be read or written (read-only folder, a
 * file where the folder should be, a damaged file) is passed over: the run loads the files as before. The JSON names its key, and the saved warehouse
 * holds its key and the JSON's SHA-256 (hn_cache_mark): a file edited, damaged, of another key or of another save
 * is a miss (the files loaded afresh), never a wrong load. The saved warehouse holds no hash key (copyWithoutHashKey).
 * The JSON keeps how the run that saved it spelt the inputs; a run that spells them otherwise (`data-samples`,
 * `./data-samples/`, the absolute path, a link) reads the load with every file named as it spells it (respell.ts),
 * in the JSON and in the warehouse's rows, as its own load of the files would have named them.
 */
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cacheDirOf, inputSetOf, loadCacheStamp, markUsed, type InputSet, type Spelling } from './cache-key.ts';
import { PRIVATE_FILE, cacheTemp, makeCacheDir, makePrivate, removeOrphanTemps, removeTemps } from './cache-temps.ts';
import { loadIntoMemory, type MemoryLoad } from './load.ts';
import { isSpelling, respellWarehouse } from './respell-load.ts';
import { respellDeep, respeller } from './respell.ts';
import { WAREHOUSE_TABLES } from './schema.ts';
import { Warehouse } from './warehouse.ts';
import { sqlText } from './sql-quote.ts';

/**
 * Cached loads kept: the most recently used (a run reading the load, or what it derived from it, uses it), the others
 * removed when a new one is saved. A data folder run again and again stays cached while one-off loads come and go.
 */
const KEEP = 4;

export interface CachedLoadOptions {
  /** Cache folder (default HIGHNEEDS_CACHE_DIR or .highneeds/cache). */
  cacheDir?: string;
  /** Load the files even when a cached load exists (and save it afresh). */
  fresh?: boolean;
  /** The paths' key and spelling (inputSetOf) when the caller has them already. */
  inputSet?: InputSet;
  today?: Date;
}

export interface CachedLoad extends MemoryLoad {
  /** Whether the warehouse came from the cache. */
  fromCache: boolean;
  /** The cache folder this load used (the option, HIGHNEEDS_CACHE_DIR or .highneeds/cache). */
  cacheDir: string;
  /**
   * Whether the load is that of the key's files: false when the files changed between keying and loading (then
   * nothing is saved, and what is derived from it must not be either) or no key could be made.
   */
  keyed: boolean;
}

/** The JSON beside a cached warehouse: its key and what the load reported. */
type Saved = Pick<MemoryLoad, 'loaded' | 'skipped' | 'warnings'> & { key: string; spelling: Spelling };

/**
 * The table a cached warehouse holds beside the warehouse's own (never copied into a run's): its key and the SHA-256
 * of the JSON saved with it, so a warehouse file of another key (copied, restored from a backup) or paired with
 * another save's JSON is a miss, never read as this key's load.
 */
const MARK = 'hn_cache_mark';

/**
 * Loads the paths into an in-memory warehouse, from the cache when the same inputs were loaded before.
 * @example const load = await loadWithCache(['data-samples']); try { … } finally { load.warehouse.close(); }
 */
export async function loadWithCache(paths: string[], opts: CachedLoadOptions = {}): Promise<CachedLoad> {
  const dir = cacheDirOf(opts.cacheDir);
  const set = opts.inputSet ?? (await inputSetOf(paths));
  if (set !== undefined && !opts.fresh) {
    const hit = await readCache(dir, set);
    if (hit) return { ...hit, fromCache: true, cacheDir: dir, keyed: true };
  }
  const load = await loadIntoMemory(paths, { today: opts.today });
  // the files hashed again: one that changed since it was keyed (saved from an editor or copied over while the run
  // read it) is not saved under the key of bytes it no longer holds, which the next run of those bytes would read
  const keyed = set !== undefined && (await inputSetOf(paths).catch(() => undefined))?.key === set.key;
  if (keyed) await writeCache(dir, set, load);
  return { ...load, fromCache: false, cacheDir: dir, keyed };
}

async function readCache(dir: string, { key, spelling }: InputSet): Promise<MemoryLoad | undefined> {
  const db = join(dir, `${key}.duckdb`);
  let text: string;
  let saved: Saved;
  try {
    text = await readFile(loadCacheStamp(dir, key), 'utf8');
    const parsed: unknown = JSON.parse(text);
    if (!isSaved(parsed, key)) return undefined;
    saved = parsed;
  } catch {
    return undefined;
  }
  // saved by a run that spelt the files otherwise: named as this run names them, or, where that cannot be done with
  // certainty, a miss
  const respell = respeller(saved.spelling, spelling);
  if (respell === undefined) return undefined;
  const wh = await Warehouse.open(':memory:');
  try {
    await wh.run(`ATTACH ${sqlText(db)} AS hn_cache (READ_ONLY)`);
    // the warehouse saved with this very JSON under this key, not a file of another key or another save
    const mark = await wh.query<{ key: string; json_sha256: string }>(`SELECT key, json_sha256 FROM hn_cache.${MARK}`);
    if (mark.length !== 1 || mark[0]!.key !== key || mark[0]!.json_sha256 !== sha256Text(text)) throw new Error('not this key\'s load');
    await wh.withTransaction(async () => {
      for (const t of WAREHOUSE_TABLES) {
        await wh.run(`DELETE FROM ${t}`);
        await wh.run(`INSERT INTO ${t} SELECT * FROM hn_cache.${t}`);
      }
    });
    await wh.run('DETACH hn_cache');
    if (respell !== 'same' && !(await respellWarehouse(wh, respell))) throw new Error('names not renamed with certainty');
    await markUsed(loadCacheStamp(dir, key));
    const { loaded, skipped, warnings } = respell === 'same' ? saved : respellDeep(saved, respell);
    return { warehouse: wh, loaded, skipped, warnings };
  } catch {
    wh.close();
    return undefined;
  }
}

/** Whether a cached load's JSON is whole and of this key (an edited or damaged one is a miss, not a crash). */
function isSaved(x: unknown, key: string): x is Saved {
  const s = x as Partial<Saved> | null;
  const str = (v: unknown): boolean => typeof v === 'string';
  const rec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  return (
    rec(s) &&
    s.key === key &&
    isSpelling(s.spelling) &&
    Array.isArray(s.loaded) &&
    s.loaded.every((f) => rec(f) && str(f.path) && str(f.sha256) && str(f.reader) && Number.isInteger(f.rows)) &&
    Array.isArray(s.skipped) &&
    s.skipped.every((f) => rec(f) && str(f.path) && str(f.reason)) &&
    Array.isArray(s.warnings) &&
    s.warnings.every((w) => rec(w) && str(w.message))
  );
}

function sha256Text(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function writeCache(dir: string, { key, spelling }: InputSet, load: MemoryLoad): Promise<void> {
  const tmp = cacheTemp(dir, key, '.tmp');
  const saved: Saved = { key, spelling, loaded: load.loaded, skipped: load.skipped, warnings: load.warnings };
  const text = JSON.stringify(saved);
  try {
    await makeCacheDir(dir);
    await load.warehouse.run(`ATTACH ${sqlText(tmp)} AS hn_cache`);
    try {
      await makePrivate(tmp); // before any row is written to it
      await copyWithoutHashKey(load.warehouse);
      await load.warehouse.run(`CREATE TABLE hn_cache.${MARK} (key VARCHAR, json_sha256 VARCHAR)`);
      await load.warehouse.run(`INSERT INTO hn_cache.${MARK} VALUES (${sqlText(key)}, ${sqlText(sha256Text(text))})`);
    } finally {
      await load.warehouse.run('DETACH hn_cache');
    }
    await writeFile(`${tmp}.json`, text, { mode: PRIVATE_FILE });
    await rename(tmp, join(dir, `${key}.duckdb`));
    await rename(`${tmp}.json`, loadCacheStamp(dir, key));
    await prune(dir);
  } catch {
    // a cache that cannot be written only costs the next run its head start
  } finally {
    await removeTemps(tmp, `${tmp}.wal`, `${tmp}.json`);
  }
}

/**
 * Copies the warehouse into the attached hn_cache without its hash key (meta.hash_key): a cached load is read, never
 * loaded into again, so it needs none, and without it the person keys of a copied or backed-up cache file cannot be
 * matched to a UPN or ULN someone already knows (with it, hashing a known UPN finds that child's rows). The key is
 * taken out of the run's own warehouse for the copy and put back (its meta rows then in another order; nothing
 * reads their order).
 */
async function copyWithoutHashKey(wh: Warehouse): Promise<void> {
  const key = await wh.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'hash_key'`);
  await wh.run(`DELETE FROM meta WHERE key = 'hash_key'`);
  try {
    await wh.run('COPY FROM DATABASE memory TO hn_cache');
  } finally {
    for (const { value } of key) await wh.run(`INSERT INTO meta VALUES ('hash_key', ${sqlText(value)})`);
  }
}

/**
 * Keeps the KEEP most recently used loads (saved or read: markUsed). A warehouse without its JSON (a run killed
 * between the two renames, or out of disk space for the JSON) is an entry too, dated by its own time, so it goes in
 * its turn; so do the temporary files of runs killed while saving.
 */
async function prune(dir: string): Promise<void> {
  await removeOrphanTemps(dir);
  const keys = [...new Set((await readdir(dir)).filter((f) => /^[0-9a-f]{64}\.(json|duckdb)$/.test(f)).map((f) => f.slice(0, 64)))];
  const time = async (f: string): Promise<number | undefined> => (await stat(f).catch(() => undefined))?.mtimeMs;
  const dated = await Promise.all(keys.map(async (k) => ({ k, t: (await time(loadCacheStamp(dir, k))) ?? (await time(join(dir, `${k}.duckdb`))) ?? 0 })));
  for (const { k } of dated.sort((a, b) => b.t - a.t).slice(KEEP)) {
    await rm(loadCacheStamp(dir, k), { force: true });
    await rm(join(dir, `${k}.duckdb`), { force: true });
  }
}
