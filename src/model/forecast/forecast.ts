/**
 * `forecast` (cli.md): total EHC plans per LA straight from EES files, using only data known by January of the base
 * year.
 *
 *   files ─datasetsFromEesFiles(maxCensusYear = base)─► Batch ─knownAt(base)─► central forecasts (central.ts:
 *   aggregate Rates → engine, blended with the pooled trend of total plans) ─► engine P50 from Monte Carlo draws
 *   ─► 80% interval calibrated on past origins (calibrate.ts) ─► ForecastRow per LA and year
 */
import { guessLa } from '../../domain/index.ts';
import { usageError } from '../../errors.ts';
import { unknownLaCode } from '../../messages/model.ts';
import type { ReferenceRanges } from './calibrate.ts';
import { DEFAULT_SETTINGS, type ForecastSettings } from './central.ts';
import type { ForecastRow } from './csv.ts';
import type { Batch } from './pool.ts';
import { matchesCode, type Skipped } from './select.ts';
import { forecastTotals } from './totals.ts';
import { drawnQuantiles, stratifiedGrid } from '../constrain.ts';

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
      throw usageError(unknownLaCode(code, guessLa(code, batch.datasets.map((d) => d.la))));
    }
    for (const d of hit) out.add(d.la.oldCode);
  }
  return out;
}

/**
 * Forecasts a batch (pure): rows for base + 1 … base + H from the one model of total plans (totals.ts), the
 * skipped LAs, the missing Januaries the trends bridged, how many years ahead the ranges were scored on past
 * forecasts (totals.ts) and on how many LAs, or from which January of the shipped reference (a batch of too few LAs),
 * and each LA's notes on its series (a January bridged, a flow figure read in line with the
 * years either side, a step in the level: the words `run` says of that LA), by old LA code. The central path is deterministic, so `draws` and `seed`
 * do not change it; the interval is the calibrated one, which `run` reproduces draw by draw (constrain.ts), and with
 * `draws: 0` there is none (P10 = P50 = P90 = the central path, as `run --draws 0` gives).
 * @example forecastBatch(batch, { baseYear: 2022, draws: 0, seed: 1 })
 */
export function forecastBatch(
  batch: Batch,
  opts: BatchForecastOptions,
): {
  rows: ForecastRow[];
  skipped: Skipped[];
  bridged: Array<{ la: string; year: number }>;
  scored: number;
  notesOf: Map<string, string[]>;
  calibratedOn: number;
  calibratedFrom?: ReferenceRanges;
} {
  const H = opts.horizon ?? 3;
  const { forecasts, skipped, scored, calibratedOn, calibratedFrom } = forecastTotals(batch, opts.baseYear, H, opts.settings ?? DEFAULT_SETTINGS, opts.only);
  const rows: ForecastRow[] = [];
  const grid = opts.draws > 0 ? stratifiedGrid(opts.draws) : undefined;
  for (const f of forecasts) {
    for (let h = 1; h <= H; h++) {
      // --draws 0 is a deterministic forecast, as `run --draws 0` is: no range, P10 = P50 = P90 = the central path;
      // with draws, the calibrated range as `run` draws it with as many (constrain.ts)
      const c = f.central[h - 1]!;
      const q = grid ? drawnQuantiles(c, f.sd[h - 1]!, grid) : deterministic(c);
      rows.push({
        old_la_code: f.ds.la.oldCode,
        new_la_code: f.ds.la.newCode,
        la_name: f.ds.la.name,
        census_year: opts.baseYear + h,
        ehcp_p10: Math.round(q.p10),
        ehcp_p50: Math.round(q.p50),
        ehcp_p90: Math.round(q.p90),
      });
    }
  }
  const bridged = forecasts.flatMap((f) => f.bridged.map((year) => ({ la: f.ds.la.name, year })));
  return { rows, skipped, bridged, scored, notesOf: new Map(forecasts.map((f) => [f.ds.la.oldCode, f.notes])), calibratedOn, calibratedFrom };
}

function deterministic(central: number): { p10: number; p50: number; p90: number } {
  return { p10: central, p50: central, p90: central };
}
