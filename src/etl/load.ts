/**
 * `load` and `status`, and the in-memory load that `run` uses. Return the JSON shapes of cli.md; print nothing.
 */
import { existsSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { HighneedsError, inputError, type Problem } from '../errors.ts';
import { pathMsg } from '../messages/index.ts';
import type { ArchiveLimits } from './archive.ts';
import { checkDataFolder } from './check-data-folder.ts';
import { listLas } from './dataset.ts';
import { withInputFiles, type InputFile } from './inputs.ts';
import { loadFilesInto, prepareEarly, recogniseInputs, type EarlyPrepare, type LoadedFile, type SkippedFile } from './load-files.ts';
import { Warehouse, type WarehouseInMaking } from './warehouse.ts';
import { fileProblem } from './validate.ts';

export interface LoadResult {
  warehouse: string;
  loaded: LoadedFile[];
  skipped: SkippedFile[];
  /** The loaded files' warnings, in validate's words, each once: `line` and `column` null where it is at none. */
  warnings: LoadWarning[];
}

/** A warning of a loaded file (cli.md, `load --json`). */
export interface LoadWarning {
  path: string;
  line: number | null;
  column: string | null;
  message: string;
}

/**
 * Validates and loads files (folders: every file inside; ZIP archives: every entry) into a warehouse file in one
 * transaction (all or nothing). Temporary files of archive entries are removed afterwards.
 * @example await loadPaths(['data/caseload.csv'], { warehouse: '.highneeds/warehouse.duckdb' })
 */
export async function loadPaths(paths: string[], opts: { warehouse: string; today?: Date; limits?: ArchiveLimits }): Promise<LoadResult> {
  return withInputFiles(paths, (files) => loadInputs(files, opts), { limits: opts.limits });
}

async function loadInputs(files: InputFile[], opts: { warehouse: string; today?: Date }): Promise<LoadResult> {
  const existed = existsSync(opts.warehouse);
  const made = missingFolders(opts.warehouse);
  const today = opts.today ?? new Date();
  // the files are recognised (their heads read and matched to readers) while DuckDB opens the warehouse, and a new
  // warehouse's files begin to be prepared while its schema is made; should the opening fail first, their outcome is
  // let go (the catches only keep it from being reported unhandled)
  const recognitions = recogniseInputs(files);
  recognitions.catch(() => undefined);
  let early: Promise<EarlyPrepare | undefined> | undefined;
  const meanwhile = (making: WarehouseInMaking): void => {
    early = prepareEarly(files, recognitions, making, { today });
    early.catch(() => undefined);
  };
  let wh: Warehouse;
  try {
    wh = await Warehouse.open(opts.warehouse, { meanwhile });
  } catch (e) {
    await letGo(early);
    throw e;
  }
  try {
    const out = await loadFilesInto(wh, files, { unrecognised: 'error', today, recognitions, early, thenClose: true });
    return { warehouse: opts.warehouse, loaded: out.loaded, skipped: out.skipped, warnings: loadWarnings(out.warnings) };
  } catch (e) {
    await letGo(early);
    closeQuietly(wh);
    if (!existed && e instanceof HighneedsError) await removeWarehouse(opts.warehouse, made);
    throw e;
  } finally {
    await letGo(early); // taken by the load, or let go there: this only makes sure
    closeQuietly(wh);
  }
}

/**
 * A load's warnings as `load` gives them: the words and location `validate` gives each (a problem's key path, as
 * fileProblem writes it), each once (a warning a file gives twice, at one line, is one).
 */
function loadWarnings(warnings: readonly Problem[]): LoadWarning[] {
  const seen = new Set<string>();
  const out: LoadWarning[] = [];
  for (const w of warnings) {
    const p = fileProblem(w);
    const one: LoadWarning = { path: w.file ?? '', line: p.line ?? null, column: p.column ?? null, message: p.message };
    const key = JSON.stringify(one);
    if (!seen.has(key)) out.push(one);
    seen.add(key);
  }
  return out;
}

/** Lets go of files prepared early that the load did not take. */
async function letGo(early: Promise<EarlyPrepare | undefined> | undefined): Promise<void> {
  await (await early?.catch(() => undefined))?.prepares.close().catch(() => undefined);
}

export interface WarehouseStatus {
  warehouse: string;
  files: Array<{ path: string; sha256: string; reader: string; rows: number; loaded_at: string }>;
  tables: Record<string, number>;
}

/** What a warehouse holds: its loaded files and the row count of every table. */
export async function warehouseStatus(file: string): Promise<WarehouseStatus> {
  const wh = await Warehouse.open(file, { mustExist: true });
  try {
    return await statusOf(wh);
  } finally {
    closeQuietly(wh);
  }
}

/** Status of an open warehouse. */
export async function statusOf(wh: Warehouse): Promise<WarehouseStatus> {
  const files = await wh.query<{ path: string; sha256: string; reader: string; rows: number; loaded_at: unknown }>(
    'SELECT path, sha256, reader, rows, loaded_at FROM loaded_file ORDER BY file_id',
  );
  return {
    warehouse: wh.path,
    files: files.map((f) => ({ ...f, loaded_at: f.loaded_at instanceof Date ? f.loaded_at.toISOString() : String(f.loaded_at) })),
    tables: await wh.tableCounts(),
  };
}

/**
 * `run --data DIR` and `backtest --data DIR`: checks the folder (or ZIP archive of files), loads it into memory and
 * makes sure some file holds LA-level data — every failure names the folder and what to do.
 * @example const load = await loadDataFolder('data-samples'); try { … } finally { load.warehouse.close(); }
 */
export async function loadDataFolder<T extends MemoryLoad = MemoryLoad>(
  dir: string,
  opts: {
    today?: Date;
    /** How to load the checked folder (default: loadIntoMemory; `run` passes its cache). */
    loader?: (paths: string[]) => Promise<T>;
    /** The caller has run checkDataFolder already. */
    checked?: boolean;
  } = {},
): Promise<T> {
  if (!opts.checked) await checkDataFolder(dir);
  const load = opts.loader ? await opts.loader([dir]) : ((await loadIntoMemory([dir], opts)) as T);
  try {
    if ((await listLas(load.warehouse)).length === 0) {
      const m = pathMsg.noDataInFolder(dir, load.skipped.map((f) => f.path));
      throw inputError(m, [{ file: dir, message: m }]);
    }
  } catch (e) {
    closeQuietly(load.warehouse);
    throw e;
  }
  return load;
}

export interface MemoryLoad {
  warehouse: Warehouse;
  loaded: LoadedFile[];
  skipped: SkippedFile[];
  /** Warnings: unrecognised files in the data folder and data-quality notes. */
  warnings: Problem[];
}

/**
 * Loads every recognised file of the given paths (ZIP archives: their entries) into a new in-memory warehouse
 * (for `run`). Unrecognised files are warnings, documentation files are skipped quietly; an invalid recognised
 * file throws an input error.
 */
export async function loadIntoMemory(paths: string[], opts: { today?: Date } = {}): Promise<MemoryLoad> {
  const wh = await Warehouse.open(':memory:');
  try {
    const out = await withInputFiles(paths, (files) => loadFilesInto(wh, files, { unrecognised: 'warn', today: opts.today }));
    return { warehouse: wh, ...out };
  } catch (e) {
    closeQuietly(wh);
    throw e;
  }
}

function closeQuietly(wh: Warehouse): void {
  try {
    wh.close();
  } catch {
    // already closed
  }
}

/** The folders above `file` that do not exist yet, the deepest first. */
function missingFolders(file: string): string[] {
  const out: string[] = [];
  for (let d = dirname(resolve(file)); !existsSync(d) && dirname(d) !== d; d = dirname(d)) out.push(d);
  return out;
}

/**
 * Removes a warehouse a refused load made, and the folders it made for it (`--warehouse new/w.duckdb` left an empty
 * `new/` behind); a folder something else has meanwhile been put in stays.
 */
async function removeWarehouse(file: string, folders: readonly string[]): Promise<void> {
  await rm(file, { force: true });
  await rm(`${file}.wal`, { force: true });
  for (const d of folders) await rmdir(d).catch(() => undefined);
}
