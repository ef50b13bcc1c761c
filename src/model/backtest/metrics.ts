/**
 * Accuracy measures of a backtest (model.md "Accuracy"). Percentages are percentages (3.1 = 3.1%); coverage is a
 * share from 0 to 1.
 */

/** One scored forecast: point forecast, actual outcome and, for the model, its 80% interval. */
export interface ScoredPoint {
  forecast: number;
  actual: number;
  lo?: number;
  hi?: number;
}

export interface Scores {
  /** Mean absolute percentage error, %. */
  mape: number;
  /** Median absolute percentage error, %. */
  mdape: number;
  /** Weighted absolute percentage error Σ|f − a| / Σa, %. */
  wape: number;
  /** Mean percentage error (forecast − actual) / actual, %: positive = over-forecast. */
  bias: number;
  /** Share (0–1) of actuals inside the 80% interval; null where the method has no interval. */
  coverage80: number | null;
  /** Number of points scored. */
  n: number;
}

/** The median of a list (NaN when empty). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Scores a set of forecasts. Points with a non-positive actual are skipped (a percentage error is undefined).
 * @example scorePoints([{ forecast: 110, actual: 100 }, { forecast: 190, actual: 200 }]).mape // 7.5
 */
export function scorePoints(points: readonly ScoredPoint[]): Scores {
  const ok = points.filter((p) => p.actual > 0 && Number.isFinite(p.forecast));
  const ape = ok.map((p) => (Math.abs(p.forecast - p.actual) / p.actual) * 100);
  const pe = ok.map((p) => ((p.forecast - p.actual) / p.actual) * 100);
  let absSum = 0;
  let actSum = 0;
  for (const p of ok) {
    absSum += Math.abs(p.forecast - p.actual);
    actSum += p.actual;
  }
  const withInterval = ok.filter((p) => p.lo !== undefined && p.hi !== undefined);
  const inside = withInterval.filter((p) => p.actual >= p.lo! && p.actual <= p.hi!).length;
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  return {
    mape: mean(ape),
    mdape: median(ape),
    wape: actSum > 0 ? (absSum / actSum) * 100 : NaN,
    bias: mean(pe),
    coverage80: withInterval.length ? inside / withInterval.length : null,
    n: ok.length,
  };
}

/**
 * How many forecasts a coverage must rest on to be given as a share: below it, the count ("2 of 3"), since 1.00 or
 * 0.67 of three forecasts reads as a measured rate it is not (the report's track record and `backtest` alike).
 */
export const SHARE_FROM_FORECASTS = 10;

/** A method's scores at one horizon as output: each measure rounded, and the forecasts scored. */
export type RoundedScores = Omit<Scores, 'n'> & { forecasts: number };

/** Rounds every measure for output (percentages to 2 decimals, coverage to 3), with the number of forecasts scored. */
export function roundScores(s: Scores): RoundedScores {
  const r = (x: number, d: number): number => (Number.isFinite(x) ? Number(x.toFixed(d)) : NaN);
  return {
    mape: r(s.mape, 2),
    mdape: r(s.mdape, 2),
    wape: r(s.wape, 2),
    bias: r(s.bias, 2),
    coverage80: s.coverage80 === null ? null : r(s.coverage80, 3),
    forecasts: s.n,
  };
}
