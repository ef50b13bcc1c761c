/**
 * The one model of total plans (model.md "One model, honest on real data"): for every LA of a batch known at the
 * base year, the central path (cohort or stock-flow structure blended with the pooled trend, central.ts) and its
 * calibrated 80% interval (calibrate.ts). `forecast` writes these as CSV rows, `backtest` scores them from past
 * origins, and `run` constrains its age × need × placement projection to them (constrain.ts), so the three commands
 * print the same totals.
 *
 *   Batch ─knownAt(base)─► centralForecasts ─► central[h]
 *                        └► calibrationScales ─► k[h] ─► half-width Z80 · k[h] · σ[h] on the log scale (constrain.ts drawnQuantiles)
 */
import type { LaDataset } from '../dataset.ts';
import { calibration, type OriginCache, type ReferenceRanges } from './calibrate.ts';
import { centralForecasts, DEFAULT_SETTINGS, type CentralForecast, type ForecastSettings } from './central.ts';
import type { Batch } from './pool.ts';
import type { Skipped } from './select.ts';
import { knownAt } from './truncate.ts';

export interface TotalForecast {
  ds: LaDataset;
  baseYear: number;
  /** Published stock at the base year. */
  base: number;
  /** Central totals at base + 1 … base + H. */
  central: number[];
  /** Calibrated log-scale sd per horizon: the 80% interval is central × exp(±Z80 × sd). */
  sd: number[];
  structure: CentralForecast['structure'];
  /** Pooled log growth of the trend, its own weight and prior (for the Assumptions sheet). */
  trend: { growth: number; ownWeight: number; prior: number; damping: number; longRun: number };
  /** Outliers, missing years and steps the model worked around in this LA's series. */
  notes: string[];
  /** Census years missing from the LA's published stock that its trend bridged (also in `notes`). */
  bridged: number[];
}

/** The batch as known by January of `baseYear`. */
export function batchKnownAt(batch: Batch, baseYear: number): Batch {
  return {
    ...batch,
    datasets: batch.datasets.map((d) => knownAt(d, baseYear)),
    national: batch.national && knownAt(batch.national, baseYear),
    regions: batch.regions.map((r) => knownAt(r, baseYear)),
  };
}

/**
 * Total-plan forecasts for every forecastable LA of `batch` from `baseYear`, horizon 1 … H; pooling and calibration
 * always use every LA of the batch, `only` limits which LAs are forecast and returned. `pastOrigins`: a memo that
 * keeps the calibration's forecasts from the origins before `baseYear` (of the batch known at `baseYear`), for a
 * backtest of the same batch to reuse (pipeline/track-record.ts). `scored`: how many years ahead the calibration scored
 * past forecasts against outcomes (calibrate.ts calibration); the ranges of later years were never checked.
 * `calibratedOn`: of how many LAs; `calibratedFrom`: the January of the shipped reference's whole-release
 * calibration a batch of too few LAs took instead of its own (undefined: its own).
 * @example forecastTotals(batch, 2022, 3).forecasts[0].central // [next year, …]
 */
export function forecastTotals(
  batch: Batch,
  baseYear: number,
  horizon: number,
  settings: ForecastSettings = DEFAULT_SETTINGS,
  only?: ReadonlySet<string>,
  pastOrigins?: OriginCache,
): { forecasts: TotalForecast[]; skipped: Skipped[]; scored: number; calibratedOn: number; calibratedFrom?: ReferenceRanges } {
  const known = batchKnownAt(batch, baseYear);
  const { forecasts, skipped } = centralForecasts(known, baseYear, horizon, settings, undefined, only);
  const { k, scored, las, fromReference } = calibration(known, baseYear, horizon, settings, undefined, pastOrigins);
  const out: TotalForecast[] = [];
  for (const f of forecasts) {
    if (only && !only.has(f.ds.la.oldCode)) continue;
    out.push({
      ds: f.ds,
      baseYear,
      base: f.ds.stockTotal[baseYear]!,
      central: f.central,
      sd: f.sigma.map((s, i) => s * k[i]!),
      structure: f.structure,
      trend: f.trend,
      notes: f.notes,
      bridged: f.bridged,
    });
  }
  out.sort((a, b) => a.ds.la.oldCode.localeCompare(b.ds.la.oldCode));
  return { forecasts: out, skipped: skipped.filter((s) => !only || only.has(s.old_la_code)), scored, calibratedOn: las, calibratedFrom: fromReference };
}
