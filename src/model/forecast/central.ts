/**
 * Central forecasts of total plans for a batch of LAs at one origin:
 *
 *   knownAt(origin) ─► skip? ─► aggregate Rates (pooled new-plan trend) ─► engine ─► cohort path C[h]
 *                            └► pooled total-plans trend (trend.ts)    ─────────► trend path  T[h]
 *   central[h] = w[h] × C[h] + (1 − w[h]) × T[h]          (w: DEFAULT_SETTINGS.engineWeight, chosen by backtest)
 *
 * and each forecast's raw log-scale sd σ[h] = √(se² h² + ν² h) (trend uncertainty + year-to-year noise; ν² the LA's
 * residual variance moderated towards the batch's median), which calibrate.ts scales so that 80% intervals cover 80%
 * in past origins.
 */
import type { LaDataset } from '../dataset.ts';
import { leadNewPlans, type FlowEstimate } from '../estimate/aggregate-flow.ts';
import { estimateRatesFromAggregates, initialCubeFromAggregates, populationProxy } from '../estimate/aggregate.ts';
import type { Rates } from '../rates.ts';
import { cumulativeLogGrowth, DEFAULT_TREND, residualModerator, toTrendEstimate, type TrendOptions } from '../trend.ts';
import { projectTotals, type ProjectionInput } from './engine-adapter.ts';
import { pooledFlows, pooledTrends, type Batch } from './pool.ts';
import { skippedEntry, skipReason, type Skipped } from './select.ts';
import { knownAt } from './truncate.ts';
import { bridgeGaps, bridgeSpikes, fixOutliers, removeSteps } from '../estimate/outliers.ts';
import { noGrowthInWindow, stockGapBridged } from '../../messages/model.ts';
import { flowOutlier, levelStep, stockRunBridged, stockSpike } from '../../messages/model-series.ts';
import { SharedReads } from '../estimate/shared-reads.ts';
import { MAX_REFERENCE_LAG, MIN_BATCH_LAS, referenceStatisticsAt, type BatchStatistics, type RangeCalibration, type ReferenceStatistics } from './batch-stats.ts';
import { spreadFromFewLas, spreadFromReference } from '../../messages/model-pooling.ts';

export interface ForecastSettings {
  trend: TrendOptions;
  /** Weight of the cohort-engine path in the central forecast, by horizon (index h − 1; the last repeats). */
  engineWeight: number[];
  /** Years of cohort progression behind continuation. */
  cohortWindow: number;
  /** Past origins whose errors calibrate the interval width. */
  calibrationOrigins: number;
  /** One scale per horizon (true) or one scale from every past error (false). */
  calibrateEachHorizon: boolean;
  /** Centre each past origin's log errors on their median before measuring the spread. */
  calibrateCentred: boolean;
  /** Weight (0–1) of the past errors' log scale against the model's own σ (log scale 0). */
  calibrationWeight: number;
  /**
   * Years of growth the batch's median year-to-year variance counts for when an LA's own is estimated (ν² in σ, and
   * the sampling variance that sets how far its growth is pooled and its trend's se): an LA's variance from two or
   * three growths is often near zero by chance, and its range with it.
   */
  residualPriorYears: number;
}

export const DEFAULT_SETTINGS: ForecastSettings = {
  trend: DEFAULT_TREND,
  engineWeight: [0.7, 0.5, 0.5],
  cohortWindow: 2,
  calibrationOrigins: 3,
  calibrateEachHorizon: true,
  calibrateCentred: true,
  calibrationWeight: 0.5,
  residualPriorYears: 2,
};

export interface CentralForecast {
  ds: LaDataset;
  /** Central totals at origin + 1 … origin + horizon. */
  central: number[];
  /** Uncalibrated log-scale sd per horizon. */
  sigma: number[];
  /** Cohort-engine and trend paths (origin + 1 …). */
  engine: number[];
  trendPath: number[];
  input: ProjectionInput;
  /**
   * Where the structural path came from: the cohort engine (age breakdown and new plans known), a total-level
   * stock-flow path (no ages, but exits and new plans known), or none (no new plans known by the origin: the central
   * forecast is the trend path).
   */
  structure: 'cohort' | 'stock-flow' | 'none';
  /** The pooled trend behind `trendPath` (log growth at the base year, the LA's own weight, its prior). */
  trend: { growth: number; ownWeight: number; prior: number; damping: number; longRun: number };
  /** Outliers replaced, missing years bridged and steps not extrapolated in this LA's series (estimate/outliers.ts). */
  notes: string[];
  /** The census years missing from the LA's published stock that the trend read bridged (also in `notes`). */
  bridged: number[];
}

const FLOW_KEYS = ['newPlansTotal', 'requests', 'decidedToAssess', 'assessIssued', 'assessNotIssued'] as const;
const FLOW_LABEL: Record<(typeof FLOW_KEYS)[number], string> = {
  newPlansTotal: 'new plans',
  requests: 'requests for assessment',
  decidedToAssess: 'requests decided to assess',
  assessIssued: 'assessments ending in a plan',
  assessNotIssued: 'assessments ending without a plan',
};

/**
 * The series the trend and flow estimates read: isolated outliers in the flows replaced, a single missing January of
 * the stock inside the `window` years before `origin` bridged, a January of the stock far out of line with both its
 * neighbours read as their geometric mean (bridgeSpikes), steps in the stock's growth not extrapolated (the
 * published level at the origin is kept). Notes name every change.
 */
export function cleanSeries(
  d: LaDataset,
  nationalStock: Readonly<Record<number, number>>,
  origin: number,
  window: number,
): { ds: LaDataset; notes: string[]; bridged: number[] } {
  const ds: LaDataset = { ...d };
  const notes: string[] = [];
  const gaps = bridgeGaps(d.stockTotal, origin, window);
  ds.stockTotal = gaps.series;
  for (const b of gaps.bridged) notes.push(stockGapBridged(d.la.name, b.year, b.value));
  for (const k of FLOW_KEYS) {
    const { series, fixes } = fixOutliers(d[k]);
    if (!fixes.length) continue;
    ds[k] = series;
    for (const f of fixes) notes.push(flowOutlier(d.la.name, FLOW_LABEL[k], f.year, f.value, f.replacement));
  }
  const spiked = bridgeSpikes(ds.stockTotal);
  ds.stockTotal = spiked.series;
  for (const r of spiked.runs)
    notes.push(
      r.years.length === 1
        ? stockSpike(d.la.name, r.years[0]!, r.values[0]!, r.replacements[0]!, r.before, r.after)
        : stockRunBridged(d.la.name, r.years, r.values, r.replacements, r.before, r.after),
    );
  const { series, steps } = removeSteps(ds.stockTotal, nationalStock);
  if (steps.length) {
    ds.stockTotal = series;
    for (const s of steps) notes.push(levelStep(d.la.name, s.year, s.growth, s.national));
  }
  return { ds, notes, bridged: gaps.bridged.map((b) => b.year) };
}

/**
 * What a batch of `n` forecastable LAs at `origin` takes from the shipped reference (`batch.statistics`): nothing with
 * MIN_BATCH_LAS or more (`few` false); else the whole release's batch statistics of the latest January it holds up to
 * MAX_REFERENCE_LAG before (`given`, undefined where it holds none), and that January's calibration of the 80% ranges
 * (`ranges`) where the table holds one and `settings` are the defaults it was measured with (calibrate.ts). So a
 * council's own folder gives the release's forecast of the LA, central figure and range, whatever else it holds.
 */
export function fewLasReference(batch: Batch, n: number, origin: number, settings: ForecastSettings): { few: boolean; given?: ReferenceStatistics; ranges?: RangeCalibration } {
  if (n >= MIN_BATCH_LAS) return { few: false };
  const firstYear = batch.national ? Math.min(...Object.keys(batch.national.stockTotal).map(Number)) : undefined;
  const given = batch.statistics ? referenceStatisticsAt(batch.statistics, origin, firstYear) : undefined;
  const defaults = settings === DEFAULT_SETTINGS || JSON.stringify(settings) === JSON.stringify(DEFAULT_SETTINGS);
  return { few: true, given, ranges: defaults ? given?.ranges : undefined };
}

/** How many LAs of `batch` can be forecast from `origin` (those pooled, and counted against MIN_BATCH_LAS). */
export function forecastableCount(batch: Batch, origin: number): number {
  return batch.datasets.filter((d) => !skipReason(knownAt(d, origin), origin)).length;
}

/**
 * The pooled trends and flows of `members` at `origin`: with fewer than MIN_BATCH_LAS members, the batch statistics
 * (between-LA variances, median year-to-year variances) are the whole release's from `batch.statistics` where it
 * holds the origin (a note says so), else the members' own
 * (a note says the forecast then depends on which LAs the files hold).
 */
function pooled(batch: Batch, members: LaDataset[], origin: number, settings: ForecastSettings) {
  const { few, given } = fewLasReference(batch, members.length, origin, settings);
  const t = settings.trend;
  const p = settings.residualPriorYears;
  const stock = pooledTrends(batch, members, 'stockTotal', origin, t, p, given && { tau2: given.stockTau2, residualMedian: given.stockResidualMedian });
  const flows = pooledTrends(batch, members, 'newPlansTotal', origin - 1, t, p, given && { tau2: given.newPlansTau2, residualMedian: given.newPlansResidualMedian });
  const sf = pooledFlows(batch, members, origin, t, given && { exitTau2: given.exitTau2, conversionTau2: given.conversionTau2 });
  const spreadNote = !few ? undefined : given ? spreadFromReference(members.length, origin, given.firstYear, given.origin) : spreadFromFewLas(members.length, origin, MAX_REFERENCE_LAG);
  return { stock, flows, sf, spreadNote };
}

/**
 * The batch statistics of every forecastable LA of `batch` at `origin` (what scripts/make-reference.ts ships for a
 * whole release), undefined when the batch has no growth to pool.
 */
export function batchStatisticsAt(batch: Batch, origin: number, settings: ForecastSettings = DEFAULT_SETTINGS): BatchStatistics | undefined {
  // the batch's own statistics, never a reference's: this is what a reference is made from
  const known: Batch = { ...knownBatch(batch, origin), statistics: undefined };
  const natStock = known.national?.stockTotal ?? {};
  const members = known.datasets.filter((d) => !skipReason(d, origin)).map((d) => cleanSeries(d, natStock, origin, settings.trend.window).ds);
  const { stock, flows, sf } = pooled(known, members, origin, settings);
  if (stock.tau2 === undefined || stock.residualMedian === undefined || flows.tau2 === undefined || flows.residualMedian === undefined || sf.exitTau2 === undefined) return undefined;
  return {
    stockTau2: stock.tau2,
    stockResidualMedian: stock.residualMedian,
    newPlansTau2: flows.tau2,
    newPlansResidualMedian: flows.residualMedian,
    exitTau2: sf.exitTau2,
    ...(sf.conversionTau2 !== undefined ? { conversionTau2: sf.conversionTau2 } : {}),
  };
}

/** The batch as it was known at `origin`: every series cut at that January (truncate.ts knownAt). */
function knownBatch(batch: Batch, origin: number): Batch {
  return {
    ...batch,
    datasets: batch.datasets.map((d) => knownAt(d, origin)),
    national: batch.national && knownAt(batch.national, origin),
    regions: batch.regions.map((r) => knownAt(r, origin)),
  };
}

export type TotalsProjector = (input: ProjectionInput) => number[];

/** Engine weight at horizon h (1-based). */
export function engineWeightAt(s: ForecastSettings, h: number): number {
  return s.engineWeight[Math.min(h, s.engineWeight.length) - 1] ?? 0;
}

/**
 * Total plans by the stock-flow identity S(h) = S(h−1)(1 − exit) + N(h), N(1) = the led new plans of calendar year
 * origin, growing with the pooled log growth after that. Index 0 is the base.
 * @example stockFlowPath(100, { exit: 0.1, newPlansNext: 20 }, 0, 1) // [100, 110]
 */
export function stockFlowPath(base: number, flow: FlowEstimate, logGrowth: number, horizon: number): number[] {
  const out = [base];
  let n = flow.newPlansNext ?? 0;
  for (let h = 1; h <= horizon; h++) {
    out.push(Math.max(0, out[h - 1]! * (1 - flow.exit) + n));
    n *= Math.exp(logGrowth);
  }
  return out;
}

/** The engine input (aggregate rates, initial cube, population) of one LA known at `origin`. */
export function engineInput(ds: LaDataset, rates: Rates, origin: number, horizon: number): ProjectionInput {
  return { rates, initial: initialCubeFromAggregates(ds, origin), population: populationProxy(ds, origin, horizon), baseYear: origin, horizon };
}

/**
 * Central forecasts for every forecastable LA of `batch` at `origin` (using only data known then), and the LAs
 * skipped with their reasons. `only`: forecast just these LAs (DfE codes); the pooled trends and flows still come
 * from every LA of the batch, and every LA's skip reason is still listed.
 */
export function centralForecasts(
  batch: Batch,
  origin: number,
  horizon: number,
  settings: ForecastSettings = DEFAULT_SETTINGS,
  project: TotalsProjector = projectTotals,
  only?: ReadonlySet<string>,
): { forecasts: CentralForecast[]; skipped: Skipped[] } {
  const known = knownBatch(batch, origin);
  const skipped: Skipped[] = [];
  const members: LaDataset[] = [];
  const fixNotes = new Map<string, { notes: string[]; bridged: number[] }>();
  const natStock = known.national?.stockTotal ?? {};
  for (const d of known.datasets) {
    const why = skipReason(d, origin);
    if (why) skipped.push(skippedEntry(d, why));
    else {
      const { ds, notes, bridged } = cleanSeries(d, natStock, origin, settings.trend.window);
      members.push(ds);
      fixNotes.set(d.la.oldCode, { notes, bridged });
    }
  }
  const { stock, flows, sf, spreadNote } = pooled(known, members, origin, settings);
  const forecasts: CentralForecast[] = [];
  const noise = residualModerator(stock.byLa.values(), settings.residualPriorYears, stock.residualMedian);
  // the regions' and England's progression and new plans by age, read alike by every LA: made once here
  const shared = new SharedReads();
  for (const ds of members) {
    const g = stock.byLa.get(ds.la.oldCode);
    if (!g) {
      skipped.push(skippedEntry(ds, noGrowthInWindow(settings.trend.window, origin)));
      continue;
    }
    if (only && !only.has(ds.la.oldCode)) continue;
    const nf = flows.byLa.get(ds.la.oldCode) ?? g;
    // Stock-flow anchor: pooled exit rate, and new plans of calendar year `origin` led by requests where known.
    const flow: FlowEstimate = {
      exit: sf.exit.get(ds.la.oldCode) ?? sf.nationalExit,
      ...leadNewPlans(ds, origin, sf.conversion.get(ds.la.oldCode), nf.growth),
    };
    // New plans then grow with the stock's pooled trend (in the long run N/S is stable; the new-plan series' own
    // growth, compounded, over-forecast in backtests).
    const trend = toTrendEstimate(g, settings.trend.damping, stock.longRun);
    // the region's (else England's) new plans by age: the profile a small LA's few new plans are pooled towards
    const ageFallbacks = [known.regions.find((r) => r.regionCode === ds.regionCode || r.la.newCode === ds.regionCode), known.national].filter(
      (d): d is LaDataset => d !== undefined,
    );
    const rates = estimateRatesFromAggregates(ds, { baseYear: origin, windowYears: settings.cohortWindow, trend, flow, ageFallbacks, shared });
    const input = engineInput(ds, rates, origin, horizon);
    const base = ds.stockTotal[origin]!;
    // A structural path needs the new plans of the year before the origin, led by requests or by their own trend:
    // they are what it adds to the trend. Without them the central forecast is the pooled trend alone, even where
    // the stock has ages (a release's age tables reach years before its flow tables, such as the 2022 release's
    // caseload with the 2025 release's new plans: on the real files at origins 2017–2021 the cohort engine run
    // without known new plans put 1-year MAPE at 5.9% and 80% coverage at 0.66, the trend alone 4.2% and 0.82).
    // The cohort engine also needs an age breakdown of the base stock; without one (a release that publishes totals
    // only for these years) the structural path is the same stock-flow identity on totals.
    const anchored = flow.newPlansNext !== undefined;
    const path = anchored && input.initial.some((v) => v > 0) ? project(input) : undefined;
    const structure: CentralForecast['structure'] = path && path[0]! > 0 ? 'cohort' : anchored ? 'stock-flow' : 'none';
    const structural = structure === 'cohort' ? path!.map((v) => (v * base) / path![0]!) : structure === 'stock-flow' ? stockFlowPath(base, flow, g.growth, horizon) : undefined;
    // the variance a year's growth has from the LA's size alone: its new and ending plans as chance counts
    const countVar = ((flow.newPlansNext ?? Math.max(0, Math.expm1(g.growth)) * base) + flow.exit * base) / (base * base);
    const engine: number[] = [];
    const trendPath: number[] = [];
    const central: number[] = [];
    const sigma: number[] = [];
    for (let h = 1; h <= horizon; h++) {
      const t = base * Math.exp(cumulativeLogGrowth(g.growth, h, settings.trend.damping, stock.longRun));
      const e = structural ? structural[h]! : t;
      const w = structural ? engineWeightAt(settings, h) : 0;
      engine.push(e);
      trendPath.push(t);
      central.push(w * e + (1 - w) * t);
      sigma.push(Math.sqrt(g.se * g.se * h * h + noise(g.summary, countVar) * h));
    }
    forecasts.push({
      ds,
      central,
      sigma,
      engine,
      trendPath,
      input,
      structure,
      trend: { growth: g.growth, ownWeight: g.ownWeight, prior: g.prior, damping: settings.trend.damping, longRun: stock.longRun },
      notes: [...(spreadNote ? [spreadNote] : []), ...(fixNotes.get(ds.la.oldCode)?.notes ?? [])],
      bridged: fixNotes.get(ds.la.oldCode)?.bridged ?? [],
    });
  }
  return { forecasts, skipped };
}
