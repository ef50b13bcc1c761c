/**
 * `forecast` (cli.md): total EHC plans per LA straight from EES files, using only data known by January of the base
 * year.
 *
 *   files ─datasetsFromEesFiles(maxCensusYear = base)─► Batch ─knownAt(base)─► central forecasts (central.ts:
 *   aggregate Rates → engine, blended with the pooled trend of total plans) ─► engine P50 from Monte Carlo draws
 *   ─► 80% interval calibrated on past origins (calibrate.ts) ─► ForecastRow per LA and year
 */
import { datasetsFromEesFiles } from '../../etl/ees-datasets.ts';
import { usageError } from '../../errors.ts';
import { laterRowsIgnored, noLaSelected, unknownLaCode } from '../../messages/model.ts';
import { nearest } from '../../util/suggest.ts';
import { calibrationScales, Z80 } from './calibrate.ts';
import { centralForecasts, DEFAULT_SETTINGS, engineWeightAt, type ForecastSettings } from './central.ts';
import type { ForecastRow } from './csv.ts';
import { projectTotalsMonteCarlo } from './engine-adapter.ts';
import type { Batch } from './pool.ts';
import { matchesCode, type Skipped } from './select.ts';
import { knownAt } from './truncate.ts';

export type { ForecastRow } from './csv.ts';
export type { Skipped } from './select.ts';

export interface ForecastResult {
  rows: ForecastRow[];
  skipped: Skipped[];
  ignoredRows: number;
  notes: string[];
}

export interface BatchForecastOptions {
  baseYear: number;
  horizon?: number;
  /** Monte Carlo draws of the engine (0 = deterministic engine path). */
  draws: number;
  seed: number;
  /** DfE codes to forecast (default: every LA); pooling and calibration always use every LA. */
  only?: ReadonlySet<string>;
  workers?: number;
  settings?: ForecastSettings;
}

/** Most Monte Carlo draws of the engine per LA (its P50 is all the forecast takes from them). */
export const ENGINE_DRAWS_MAX = 100;

/** A per-LA seed: the same for an LA whatever else is in the batch. */
export function laSeed(seed: number, code: string): number {
  let h = seed | 0;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Resolves --la codes (DfE or ONS) to DfE codes of the batch; throws a usage error naming an unknown code. */
export function resolveLaCodes(batch: Batch, codes: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const code of codes) {
    const hit = batch.datasets.filter((d) => matchesCode(d, code));
    if (hit.length === 0) {
      const all = batch.datasets.flatMap((d) => [d.la.oldCode, d.la.newCode]);
      throw usageError(unknownLaCode(code, nearest(code, all)));
    }
    for (const d of hit) out.add(d.la.oldCode);
  }
  return out;
}

/**
 * Forecasts a batch (pure but for the engine's worker threads): rows for base + 1 … base + H, and skipped LAs.
 * @example await forecastBatch(batch, { baseYear: 2022, draws: 0, seed: 1 })
 */
export async function forecastBatch(batch: Batch, opts: BatchForecastOptions): Promise<{ rows: ForecastRow[]; skipped: Skipped[] }> {
  const H = opts.horizon ?? 3;
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const known: Batch = {
    datasets: batch.datasets.map((d) => knownAt(d, opts.baseYear)),
    national: batch.national && knownAt(batch.national, opts.baseYear),
    regions: batch.regions.map((r) => knownAt(r, opts.baseYear)),
  };
  const { forecasts, skipped } = centralForecasts(known, opts.baseYear, H, settings);
  const k = calibrationScales(known, opts.baseYear, H, settings);
  const rows: ForecastRow[] = [];
  const sorted = forecasts
    .filter((f) => !opts.only || opts.only.has(f.ds.la.oldCode))
    .sort((a, b) => a.ds.la.oldCode.localeCompare(b.ds.la.oldCode));
  for (const f of sorted) {
    let engine = f.engine;
    if (opts.draws > 0) {
      // The engine path enters the central forecast through its P50 only (intervals come from calibrate.ts), so
      // ENGINE_DRAWS_MAX draws in this thread suffice; worker threads per LA cost more than they save.
      const draws = Math.min(opts.draws, ENGINE_DRAWS_MAX);
      const p50 = await projectTotalsMonteCarlo(f.input, { draws, seed: laSeed(opts.seed, f.ds.la.oldCode), workers: opts.workers ?? 1 });
      const scale = p50[0]! > 0 ? f.ds.stockTotal[opts.baseYear]! / p50[0]! : 1;
      engine = p50.slice(1).map((v) => v * scale);
    }
    for (let h = 1; h <= H; h++) {
      const w = engineWeightAt(settings, h);
      const c = w * engine[h - 1]! + (1 - w) * f.trendPath[h - 1]!;
      const half = Z80 * k[h - 1]! * f.sigma[h - 1]!;
      rows.push({
        old_la_code: f.ds.la.oldCode,
        new_la_code: f.ds.la.newCode,
        la_name: f.ds.la.name,
        census_year: opts.baseYear + h,
        ehcp_p10: Math.round(c * Math.exp(-half)),
        ehcp_p50: Math.round(c),
        ehcp_p90: Math.round(c * Math.exp(half)),
      });
    }
  }
  const sk = skipped.filter((s) => !opts.only || opts.only.has(s.old_la_code)).sort((a, b) => a.old_la_code.localeCompare(b.old_la_code));
  return { rows, skipped: sk };
}

/**
 * `highneeds forecast`: reads EES files (only data known by January of `baseYear`) and forecasts the chosen LAs.
 * @example await forecastFromEes({ files: ['sen2_age_caseload.csv'], all: true, baseYear: 2022, draws: 1000, seed: 1 })
 */
export async function forecastFromEes(opts: {
  files: string[];
  las?: string[];
  all?: boolean;
  baseYear: number;
  horizon?: number;
  draws: number;
  seed: number;
  workers?: number;
}): Promise<ForecastResult> {
  if (!opts.all && !(opts.las && opts.las.length)) throw usageError(noLaSelected());
  const ees = await datasetsFromEesFiles(opts.files, { maxCensusYear: opts.baseYear });
  const batch: Batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
  const only = opts.all ? undefined : resolveLaCodes(batch, opts.las!);
  const { rows, skipped } = await forecastBatch(batch, { ...opts, only });
  // how many later rows were ignored comes first: cli.md promises the run says it, before any data-quality notes
  const notes = [...(ees.ignoredRows > 0 ? [laterRowsIgnored(ees.ignoredRows, opts.baseYear)] : []), ...ees.notes];
  return { rows, skipped, ignoredRows: ees.ignoredRows, notes };
}
