/**
 * What `run` works out for every LA of its data, kept between runs (saved-results.ts), so that a run of another LA,
 * or of the same LA with another scenario, on the same files does not work it out again:
 *
 *   load key ──────────────────────► <key>.datasets        every LA's, England's and the regions' published series
 *                                                          (datasetsFromWarehouse: a second and more on a release)
 *   batch known at the base year ──► <key>.past-forecasts  the central forecasts of every LA from each past origin
 *                                                          (the calibration of the 80% ranges and the track record:
 *                                                          five seconds and more on both real releases)
 *
 * The first is keyed by the load (its files' SHA-256 and the code, cache-key.ts); the second by what the forecasts
 * depend on: the code, the forecast settings and the content of the batch (canonicalText, memo.ts), which holds the
 * run's LA's own years where its data add some to the published series (totals.ts runBatch). Runs of any LA of a
 * release share one, and a change to any figure known at the base year, in any LA, is another key. Both hold
 * aggregates only, like the outputs. `--fresh` reads neither and saves both afresh.
 */
import { createHash } from 'node:crypto';
import { sourceFingerprint, type InputSet } from '../etl/cache-key.ts';
import type { OriginCache, PastForecast } from '../model/forecast/calibrate.ts';
import { DEFAULT_SETTINGS } from '../model/forecast/central.ts';
import { canonicalText } from '../model/forecast/memo.ts';
import type { Batch } from '../model/forecast/pool.ts';
import { isSeriesSet, readSaved, saveResult } from './saved-results.ts';
import type { WarehouseDatasets } from './totals.ts';

const FORMAT = 1;

export interface SavedOptions {
  /** The cache folder. */
  dir: string;
  /** Read nothing saved (the result is saved afresh). */
  fresh?: boolean;
}

/**
 * The published series of a load: saved under its load key, or read from the warehouse (`read`) and saved when the
 * load is that of the key's files (`keyed`, load-cache.ts).
 */
export async function savedDatasets(
  opts: SavedOptions & { inputSet?: InputSet; keyed: boolean },
  read: () => Promise<WarehouseDatasets>,
): Promise<WarehouseDatasets> {
  const set = opts.inputSet;
  const key = set === undefined ? undefined : sha256(`highneeds-datasets ${FORMAT}\n${set.key}\n`);
  if (key !== undefined && !opts.fresh) {
    // their notes name files: named as this run names them
    const saved = await readSaved(opts.dir, 'datasets', key, isDatasets, set!.spelling);
    if (saved) return saved;
  }
  const ees = await read();
  // saved before the run uses them (saveResult serialises before its first wait)
  if (key !== undefined && opts.keyed) await saveResult(opts.dir, 'datasets', key, ees, set!.spelling);
  return ees;
}

/**
 * The past forecasts of the batches a run forecasts, read from and saved to the cache folder: `originsOf` gives
 * runTotals the saved forecasts of a batch (known at the base year), then this process's memo's, and `save` keeps
 * what was forecast anew.
 */
export function pastForecastStore(opts: SavedOptions): { originsOf: (known: Batch, memo: OriginCache) => Promise<OriginCache>; save: () => Promise<void> } {
  const stores: Array<{ key: string; forecasts: Map<number, PastForecast[]>; read: Map<number, PastForecast[]> }> = [];
  return {
    originsOf: async (known, memo) => {
      const key = await pastForecastsKey(known);
      if (key === undefined) return memo;
      const read = (!opts.fresh && (await readSaved(opts.dir, 'past-forecasts', key, isPastForecasts))) || new Map<number, PastForecast[]>();
      const forecasts = new Map(read);
      stores.push({ key, forecasts, read });
      return {
        get: (origin) => {
          const saved = forecasts.get(origin);
          if (saved) return saved;
          // forecast earlier in this process (another LA or base year): kept with the rest of this batch's
          const mine = memo.get(origin);
          if (mine) forecasts.set(origin, mine);
          return mine;
        },
        set: (origin, f) => {
          memo.set(origin, f);
          forecasts.set(origin, f);
        },
      };
    },
    save: async () => {
      for (const s of stores) {
        // only what changed: the usual repeat run forecasts nothing anew and writes nothing
        if ([...s.forecasts].some(([o, f]) => s.read.get(o) !== f)) await saveResult(opts.dir, 'past-forecasts', s.key, s.forecasts);
      }
    },
  };
}

/** The key of the past forecasts of a batch known at its base year, or undefined when the sources cannot be fingerprinted. */
export async function pastForecastsKey(known: Batch): Promise<string | undefined> {
  const code = await sourceFingerprint();
  if (code === undefined) return undefined;
  return createHash('sha256').update(`highneeds-past-forecasts ${FORMAT}\n${code}\n${canonicalText(DEFAULT_SETTINGS)}\n`).update(canonicalText(known)).digest('hex');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');

function isPastForecasts(d: unknown): d is Map<number, PastForecast[]> {
  if (!(d instanceof Map)) return false;
  for (const [o, fs] of d as Map<unknown, unknown>) {
    if (!Number.isInteger(o) || !Array.isArray(fs)) return false;
    for (const f of fs as unknown[]) {
      const p = f as Partial<PastForecast> | null;
      if (typeof p !== 'object' || p === null || typeof p.la !== 'string' || !isNumbers(p.central) || !isNumbers(p.sigma) || p.central.length !== p.sigma.length) return false;
    }
  }
  return true;
}

function isDatasets(d: unknown): d is WarehouseDatasets {
  return isSeriesSet(d);
}
