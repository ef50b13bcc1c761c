/**
 * A run's track record (the Backtest sheet and the report's accuracy chapter): the model that produced the run,
 * re-run from earlier origins on the same batch, scored on the run's LA and across every LA of its data.
 */
import { backtestPoints, summarise, type BacktestPoints, type BacktestResult } from '../model/backtest/backtest.ts';
import { batchKnownAt } from '../model/forecast/totals.ts';
import { forecastRefusal } from './forecast-refusal.ts';
import type { BacktestRow } from '../report/run-report.ts';
import type { RunTotals } from './totals.ts';

/**
 * The report's track record: the backtest of the model that produced the run (the same batch, pooling and
 * calibration), from the latest five origins with five years of history before them: scored on this LA across origins, and across
 * every LA of the run's data when it holds a release's worth of them.
 */
export function trackRecord(totals: RunTotals): { la: BacktestRow[]; all?: { las: number; rows: BacktestRow[] } } {
  const ds = totals.forecast.ds;
  const base = totals.forecast.baseYear;
  const origins = trackRecordOrigins(ds.stockTotal, base);
  if (origins.length < 2) return { la: [] };
  // every LA's forecasts from each origin: the calibration behind the LA's ranges needs them anyway, so scoring
  // them all costs nothing more than scoring the one LA
  // forecasts `forecast` would refuse are not scored (forecast-refusal.ts), as in `backtest`
  const bp = backtestPoints(batchKnownAt(totals.batch, base), { origins, horizon: 3, cache: totals.pastOrigins, refuse: forecastRefusal });
  const code = ds.la.oldCode;
  const mine = { points: bp.points.filter((p) => p.la === code), series: new Set(bp.series.has(code) ? [code] : []), leftOut: new Map([...bp.leftOut].map(([o, l]) => [o, l.filter((s) => s.old_la_code === code)])) };
  const la = scoreRows(summarise(origins, 3, mine), mine);
  // all LAs of the release only when the run has a release's worth of them (not the LA beside the reference table)
  const others = [...bp.series].filter((c) => c !== code).length;
  return others >= MIN_LAS_FOR_ALL ? { la, all: { las: bp.series.size, rows: scoreRows(summarise(origins, 3, bp), bp) } } : { la };
}

/**
 * The starting years a run's track record scores, and `backtest --data` by default: the latest MAX_ORIGINS before the
 * base year with five years of history up to them, the regime the forecast is made in (older origins fall in the
 * 2014–2018 conversion of statements to EHC plans, a break no model of today's growth repeats).
 * @example trackRecordOrigins({ 2010: 1, …, 2022: 1 }, 2022) // [2017, 2018, 2019, 2020, 2021]
 */
export function trackRecordOrigins(stockTotal: Readonly<Record<number, number | undefined>>, base: number): number[] {
  const years = Object.keys(stockTotal).map(Number).filter((y) => y <= base).sort((a, b) => a - b);
  const first = Math.min(...years);
  return years.filter((y) => y - first >= 4 && y < base).slice(-MAX_ORIGINS);
}

/** How many starting years a run's track record scores (the latest ones). */
export const MAX_ORIGINS = 5;

/** How many other LAs a run's data must hold for the report to show the model's accuracy across them. */
const MIN_LAS_FOR_ALL = 10;

function scoreRows(res: BacktestResult, bp: BacktestPoints): BacktestRow[] {
  const rows: BacktestRow[] = [];
  // The backtest scores in percent (3.1 = 3.1%); the report takes shares (0.031), like coverage.
  const share = (pct: number): number => pct / 100;
  for (const [h, methods] of Object.entries(res.horizons)) {
    for (const [method, s] of Object.entries(methods)) {
      // forecasts scored: the method's forecasts with an outcome h years on. Not the origins with a year h on times the
      // LAs: a successor is forecast only from the years it exists (Cumberland, from January 2024), and its report read
      // 'out by 1.8% on average (2 forecasts); 2 of 2 outcomes fell inside its 80% range' of 1 forecast
      const n = bp.points.filter((p) => p.h === Number(h) && p.method === method).length;
      // a method with too little history to score at this horizon (drift over 5 years on 6 years of data) is left out
      if (!Number.isFinite(s.mape)) continue;
      rows.push({
        method,
        horizon: Number(h),
        mape: share(s.mape),
        mdape: share(s.mdape),
        wape: share(s.wape),
        bias: share(s.bias),
        coverage80: s.coverage80 ?? NaN,
        n,
      });
    }
  }
  return rows;
}
