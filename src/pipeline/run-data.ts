/**
 * What a run derives from its data folder before any scenario: the LA's dataset, the money tables, the data-quality
 * notes, for each base year the total-plans forecast and its calibration across LAs (totals.ts) and the track
 * record of that forecast (track-record.ts). Read from the
 * warehouse of the folder's load (load-cache.ts), or, when nothing changed since an earlier run, from the saved
 * result of this same step (run-data-cache.ts) without opening DuckDB at all. What it works out for every LA of the
 * data (their published series, their forecasts from past origins) an earlier run of another LA on the same files
 * may have saved (past-forecasts.ts).
 *
 *   data folder ──checkDataFolder──► inputSetOf ─hit──────────────────────────────────► RunData
 *                                         └─miss──► load (cached) ──► derive ──save──► RunData
 *                                                  every LA's series and past forecasts ◄─► saved (any LA's run)
 */
import type { Problem } from '../errors.ts';
import { HighneedsError, inputError, usageError } from '../errors.ts';
import { modelMsg, pathMsg } from '../messages/index.ts';
import { checkNotSystemFolder, readByLoadOf } from '../paths/check-path.ts';
import { cacheDirOf, inputSetOf, loadCacheStamp, markUsed, type InputSet } from '../etl/cache-key.ts';
import { checkDataFolder } from '../etl/check-data-folder.ts';
import type { MemoryLoad } from '../etl/load.ts';
import type { CachedLoad } from '../etl/load-cache.ts';
import type { LoadedFile, SkippedFile } from '../etl/load-files.ts';
import type { BudgetTables } from '../budget/tables.ts';
import type { LaDataset } from '../model/dataset.ts';
import { latestStockYear } from '../model/project-la.ts';
import { runCannotForecast } from '../messages/model.ts';
import type { DataQualityNote } from '../report/run-report.ts';
import { readRunData, runDataKey, saveRunData } from './run-data-cache.ts';
import type { RunTotals } from './totals.ts';
import { trackRecord } from './track-record.ts';
import { unreadFiles } from './gates.ts';

export interface RunData {
  loaded: LoadedFile[];
  skipped: SkippedFile[];
  warnings: Problem[];
  dataset: LaDataset;
  tables: BudgetTables;
  dataQuality: DataQualityNote[];
  /** Money tables that name no LA in data of several LAs (budget-tables.ts moneyTablesNamingNoLa), when any. */
  moneyTablesNamingNoLa?: string;
  /**
   * The totals forecast for each base year a scenario asks for (undefined: the latest stock year), without what
   * only the track record reads (the batch of every LA and its past-origin forecasts: about 180 MB for a county of
   * the real 2022 release, saved and read back for nothing).
   */
  totalsByBase: Map<number | undefined, SavedTotals>;
}

/**
 * What a run reads of a base year's totals forecast after the data step, with the track record of the forecast from
 * that base year (track-record.ts): a scenario of another base year in the same run has its own.
 */
export type SavedTotals = Omit<RunTotals, 'batch' | 'pastOrigins'> & { trackRecord: ReturnType<typeof trackRecord> };

export interface RunDataOptions {
  dataDir: string;
  la?: string;
  baseYears: ReadonlySet<number | undefined>;
  /** The scenario files asking for each base year, to name them when one base year cannot be forecast. */
  askedBy?: ReadonlyMap<number | undefined, readonly string[]>;
  horizon: number;
  fresh?: boolean;
  cacheDir?: string;
}

/**
 * The run's data; `fromCache` when the files were loaded before, unchanged (their load or this result reused), and
 * the cache folder used.
 */
export async function runData(opts: RunDataOptions): Promise<RunData & { fromCache: boolean; cacheDir: string }> {
  const { dir, inputSet } = await dataCache(opts.dataDir, opts.cacheDir);
  const key = inputSet === undefined ? undefined : await runDataKey(inputSet.key, { la: opts.la, baseYears: [...opts.baseYears], horizon: opts.horizon });
  if (key !== undefined && !opts.fresh) {
    // its notes, files and messages name the files as this run's --data does, whoever saved it
    const saved = await readRunData(dir, key, isRunData, inputSet!.spelling);
    if (saved) {
      // the load it was derived from counts as used too: a run of another LA or horizon on these files needs it
      await markUsed(loadCacheStamp(dir, inputSet!.key));
      return { ...saved, fromCache: true, cacheDir: dir };
    }
  }
  const load = await loadCached(opts.dataDir, { dir, inputSet, fresh: opts.fresh });
  const data = await derive(load, opts, { dir, inputSet, keyed: load.keyed, fresh: opts.fresh });
  // not when a file changed while it was loaded: the data are not those of the key's files
  if (key !== undefined && load.keyed) await saveRunData(dir, key, data, inputSet!.spelling);
  return { ...data, fromCache: load.fromCache, cacheDir: dir };
}

/**
 * The checks of a data folder and of the cache folder its load is kept in (`run`, `goal-seek`, `backtest --data`),
 * and the folder's key and spelling (cache-key.ts).
 */
export async function dataCache(dataDir: string, cacheDir?: string): Promise<{ dir: string; inputSet?: InputSet }> {
  await checkDataFolder(dataDir);
  const dir = cacheDirOf(cacheDir);
  await checkNotSystemFolder(dir, 'HIGHNEEDS_CACHE_DIR');
  // a cache the load would read as data: every run a miss, and the saved loads among the council's files
  if (await readByLoadOf(dir, dataDir)) throw usageError(pathMsg.cacheInData(dir, dataDir));
  return { dir, inputSet: await inputSetOf([dataDir]) };
}

/** The data folder's load, from the cache folder when it holds it (load-cache.ts) and `fresh` is not asked. */
export async function loadCached(dataDir: string, cache: { dir: string; inputSet?: InputSet; fresh?: boolean }): Promise<CachedLoad> {
  // DuckDB and the readers are loaded only here, when the data must be read
  const { loadDataFolder } = await import('../etl/load.ts');
  const { loadWithCache } = await import('../etl/load-cache.ts');
  return loadDataFolder(dataDir, { checked: true, loader: (paths) => loadWithCache(paths, { fresh: cache.fresh, cacheDir: cache.dir, inputSet: cache.inputSet }) });
}

function isRunData(d: unknown): d is RunData {
  const r = d as Partial<RunData> | null;
  return typeof r === 'object' && r !== null && r.totalsByBase instanceof Map && [...r.totalsByBase.values()].every((t) => typeof t?.trackRecord === 'object') && Array.isArray(r.loaded) && typeof r.dataset === 'object';
}

/**
 * What the run derives from its load. Every LA's published series and their forecasts from past origins come from
 * the cache folder when an earlier run of the same files (any LA) saved them, and are saved for the next
 * (past-forecasts.ts).
 */
async function derive(load: MemoryLoad, opts: RunDataOptions, cache: { dir: string; inputSet?: InputSet; keyed: boolean; fresh?: boolean }): Promise<RunData> {
  const { datasetFromWarehouse } = await import('../etl/dataset.ts');
  const { datasetsFromWarehouse } = await import('../etl/ees-datasets.ts');
  const { budgetTablesFromWarehouse, moneyTablesNamingNoLa } = await import('./budget-tables.ts');
  const { runTotals } = await import('./totals.ts');
  const { pastForecastStore, savedDatasets } = await import('./past-forecasts.ts');
  const files = load.loaded.map((f) => f.path);
  try {
    const dataset = await datasetFromWarehouse(load.warehouse, { la: opts.la });
    const tables = await budgetTablesFromWarehouse(load.warehouse, dataset.la);
    const dataQuality = await dataQualityNotes(load);
    const unnamed = await moneyTablesNamingNoLa(load.warehouse, dataset.la);
    const ees = await savedDatasets(cache, () => datasetsFromWarehouse(load.warehouse));
    const past = pastForecastStore(cache);
    const totalsByBase = new Map<number | undefined, SavedTotals>();
    const publishedFiles = load.loaded.filter((f) => f.reader.startsWith('ees')).map((f) => f.path);
    for (const b of opts.baseYears) {
      const base = b ?? latestStockYear(dataset);
      if (base === undefined) throw inputError(runCannotForecast(`${dataset.la.name} (${dataset.la.oldCode})`, undefined, 'the data hold no stock of plans', files, unreadFiles(load.skipped, load.warnings)));
      const { batch, pastOrigins, ...totals } = await runTotals(load.warehouse, dataset, base, opts.horizon, files, { ees, pastOrigins: past.originsOf, publishedFiles }).catch((e: unknown) => {
        // with scenarios of several base years, which one cannot be forecast is said with the files that ask for it
        const asking = opts.askedBy?.get(b);
        if (opts.baseYears.size < 2 || !asking?.length || !(e instanceof HighneedsError)) throw e;
        throw new HighneedsError(e.exitCode, modelMsg.baseYearAskedBy(e.message, base, b === undefined, asking), e.problems, { cause: e });
      });
      // each base year's track record, scored while its batch and past forecasts are at hand
      totalsByBase.set(b, { ...totals, trackRecord: trackRecord({ ...totals, batch, pastOrigins }) });
    }
    await past.save();
    return { loaded: load.loaded, skipped: load.skipped, warnings: load.warnings, dataset, tables, dataQuality, ...(unnamed ? { moneyTablesNamingNoLa: unnamed } : {}), totalsByBase };
  } finally {
    load.warehouse.close();
  }
}

/**
 * The load's notes, each once: every warning of a file read is also stored in the warehouse's dq_note (as are the
 * notes on files that overlap), so only the warnings dq_note does not hold (a file in the data folder that no
 * reader recognised) are taken from the load itself, and a skipped file is noted as skipped unless its warning
 * already says why.
 */
export async function dataQualityNotes(load: MemoryLoad): Promise<DataQualityNote[]> {
  const rows = await load.warehouse.query<{ path: string | null; line: number | null; column_name: string | null; severity: string; message: string }>(
    'SELECT path, line, column_name, severity, message FROM dq_note ORDER BY file_id, line',
  );
  const stored: DataQualityNote[] = rows.map((r) => ({
    path: r.path ?? undefined,
    line: r.line === null ? undefined : Number(r.line),
    column: r.column_name ?? undefined,
    severity: r.severity === 'info' ? 'info' : 'warning',
    message: r.message,
  }));
  const key = (n: { path?: string; line?: number; column?: string; message: string }) => [n.path ?? '', n.line ?? '', n.column ?? '', n.message].join('\u0000');
  const inStore = new Set(stored.map(key));
  const unstored: DataQualityNote[] = load.warnings
    .map((w): DataQualityNote => ({ path: w.file, line: w.line, column: w.column, severity: 'warning', message: w.message }))
    .filter((n) => !inStore.has(key(n)));
  const warned = new Set(unstored.map((n) => n.path));
  const skipped = load.skipped.filter((f) => !warned.has(f.path)).map((f): DataQualityNote => ({ path: f.path, severity: 'info', message: f.reason }));
  return [...unstored, ...stored, ...skipped];
}
