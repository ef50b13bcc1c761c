/**
 * The total-plans forecast a `run` is held to (model.md "One model"): the same batch, pooling and calibration as
 * `forecast`, built from what the run's data folder holds.
 *
 *   warehouse ─datasetsFromWarehouse─► every LA, England, regions (published rows)
 *             (no England / regional rows: the shipped reference series, reference/README.md)
 *   LA's own dataset (SEN2 years etc.) ─► joins the batch's series for years the published rows lack
 *   ─► forecastTotals(batch, base, horizon) ─► TotalsConstraint for projectLa
 */
import { unpublishedNewPlansNotes } from '../model/forecast/unpublished-new-plans.ts';
import { flowsShortNote } from '../model/forecast/flow-years.ts';
import { datasetsFromWarehouse } from '../etl/ees-datasets.ts';
import type { Finding } from '../etl/reconcile.ts';
import { loadReference, loadReferenceStatistics } from '../etl/reference.ts';
import type { ReferenceStatistics } from '../model/forecast/batch-stats.ts';
import { inputError } from '../errors.ts';
import type { TotalsConstraint } from '../model/constrain.ts';
import type { LaDataset } from '../model/dataset.ts';
import type { OriginCache, ReferenceRanges } from '../model/forecast/calibrate.ts';
import { DEFAULT_SETTINGS } from '../model/forecast/central.ts';
import { CentralMemo } from '../model/forecast/memo.ts';
import type { Batch } from '../model/forecast/pool.ts';
import { batchKnownAt, forecastTotals, type TotalForecast } from '../model/forecast/totals.ts';
import { contradictsOwnRows } from '../model/forecast/select.ts';
import { checkPersonLevelStock } from './person-level-gate.ts';
import { nationalTooShort, pooledTowardsReference, runCannotForecast } from '../messages/model.ts';
import { totalsModelDescription } from '../messages/model-pooling.ts';

export interface RunTotals {
  constraint: TotalsConstraint;
  forecast: TotalForecast;
  /** The batch the forecast pooled over (also what the run's backtest scores). */
  batch: Batch;
  /** The calibration's central forecasts of the batch known at the base year, by past origin (the backtest reuses them). */
  pastOrigins: OriginCache;
  /** England and the region, for borrowing an age shape. */
  ageFallbacks: LaDataset[];
  /** Published stock at each census year of the LA (for the base-year gate). */
  published: Record<number, number>;
  notes: string[];
  /** How many years ahead the calibration scored past forecasts (forecastTotals): later years' ranges never were. */
  scored: number;
  /** Of how many LAs, and where a batch of too few LAs took the whole release's calibration (forecastTotals). */
  calibratedOn: number;
  calibratedFrom?: ReferenceRanges;
}

type YearKey = 'stockTotal' | 'newPlansTotal' | 'requests' | 'decidedToAssess' | 'assessIssued' | 'assessNotIssued';
const KEYS: YearKey[] = ['stockTotal', 'newPlansTotal', 'requests', 'decidedToAssess', 'assessIssued', 'assessNotIssued'];

/** The batch's dataset of the LA with the years only the run's own data hold (e.g. SEN2 returns) added. */
function withOwnYears(published: LaDataset, own: LaDataset): LaDataset {
  const out: LaDataset = { ...published, notes: [...published.notes] };
  for (const k of KEYS) {
    out[k] = { ...published[k] };
    for (const [y, v] of Object.entries(own[k])) if (out[k][Number(y)] === undefined) out[k][Number(y)] = v;
  }
  return out;
}

/** What `datasetsFromWarehouse` reads from a warehouse's published tables. */
export type WarehouseDatasets = Awaited<ReturnType<typeof datasetsFromWarehouse>>;

/**
 * The batch a run of one LA pools over: every LA, England and the regions of the warehouse's published rows (the
 * shipped reference series for England and the regions when the data hold none), with the LA's own dataset's years
 * added where the published rows lack them. `ees`: those rows when the caller has read them already (left as given).
 */
export async function runBatch(
  wh: unknown,
  ds: LaDataset,
  ees?: WarehouseDatasets,
  baseYear?: number,
): Promise<{ batch: Batch; published?: LaDataset; regions: LaDataset[]; national: LaDataset; reference: LaDataset; notes: string[]; findings: Finding[] }> {
  ees ??= await datasetsFromWarehouse(wh);
  const { national, regions, notes, reference, statistics } = await poolingSeries(ees.national, ees.regions, ds.la.name, baseYear);
  const code = ds.la.oldCode;
  const published = ees.datasets.find((d) => d.la.oldCode === code);
  const mine = published ? withOwnYears(published, ds) : ds;
  const datasets = published ? ees.datasets.map((d) => (d === published ? mine : d)) : [...ees.datasets, ds];
  return { batch: { datasets, national, regions, statistics }, published, regions, national, reference, notes, findings: ees.findings };
}

/**
 * England's and the regions' series a batch pools towards (`run`, `forecast` and `backtest` alike: one model): the
 * data's, or the shipped reference series when the data hold none, or when England's rows give fewer than two
 * Januaries up to the base year (a year of national rows alone, or only years after it: no growth to pool towards,
 * and the pool fell back to the LA itself with no word, pool.ts pooledTrends); with the note saying so. `who`: the
 * LA whose trend is pooled, or "each LA".
 */
export async function poolingSeries(
  dataNational: LaDataset | undefined,
  dataRegions: LaDataset[],
  who: string,
  baseYear?: number,
): Promise<{ national: LaDataset; regions: LaDataset[]; notes: string[]; reference: LaDataset; statistics: ReferenceStatistics[] }> {
  const ref = await loadReference();
  const statistics = await loadReferenceStatistics();
  const refEnd = Math.max(...Object.keys(ref.national.stockTotal).map(Number));
  const own = dataNational ? Object.keys(dataNational.stockTotal).map(Number).filter((y) => baseYear === undefined || y <= baseYear) : [];
  if (dataNational && own.length >= 2) return { national: dataNational, regions: dataRegions, notes: [], reference: ref.national, statistics };
  const regions = dataRegions.length === 0 ? ref.regions : dataRegions;
  const held = dataNational ? Object.keys(dataNational.stockTotal).map(Number).sort((a, b) => a - b) : [];
  const note = dataNational ? nationalTooShort(who, held, baseYear, refEnd) : pooledTowardsReference(who, refEnd);
  return { national: ref.national, regions, notes: [note], reference: ref.national, statistics };
}

/**
 * The calibration's past-origin forecasts of every batch this process has forecast, by content (memo.ts): runs of
 * the same data (other LAs, other base years, the track record) forecast each past origin once.
 */
const PAST_ORIGINS = new CentralMemo();

export interface RunTotalsOptions {
  /** The warehouse's published datasets when the caller has them already (runBatch). */
  ees?: WarehouseDatasets;
  /**
   * Where the past origins' forecasts of the batch known at the base year are also found and kept, over this
   * process's memo (past-forecasts.ts: saved by an earlier run of the same batch).
   */
  pastOrigins?: (known: Batch, memo: OriginCache) => Promise<OriginCache>;
  /**
   * The published files: where the LA's base year is refused as not its figures, an own SEN2 return that is not the
   * published total of its year (gates.ts checkPersonLevelStock) is said first, the more exact of the two.
   */
  publishedFiles?: readonly string[];
}

/**
 * Builds the batch from the warehouse and forecasts the LA's total plans from `baseYear` over `horizon` years.
 * Throws an input error (exit 1) naming the LA, the year and the files when the LA cannot be forecast.
 */
export async function runTotals(wh: unknown, ds: LaDataset, baseYear: number, horizon: number, files: readonly string[], opts: RunTotalsOptions = {}): Promise<RunTotals> {
  const { batch, published, regions, national, reference, notes, findings } = await runBatch(wh, ds, opts.ees, baseYear);
  const code = ds.la.oldCode;
  const known = batchKnownAt(batch, baseYear);
  const memo = PAST_ORIGINS.cacheOf(known, DEFAULT_SETTINGS);
  const pastOrigins = opts.pastOrigins ? await opts.pastOrigins(known, memo) : memo;
  const { forecasts, skipped, calibratedOn, calibratedFrom, scored } = forecastTotals(batch, baseYear, horizon, DEFAULT_SETTINGS, new Set([code]), pastOrigins);
  const f = forecasts[0];
  if (!f) {
    const why = skipped[0]?.reason ?? `no stock of plans at census ${baseYear}`;
    if (contradictsOwnRows(why) && opts.publishedFiles) checkPersonLevelStock(ds, baseYear, published?.stockTotal ?? {}, opts.publishedFiles);
    throw inputError(runCannotForecast(`${ds.la.name} (${code})`, baseYear, why, files, [], contradictsOwnRows(why)));
  }
  const region = regions.find((r) => r.regionCode === ds.regionCode || r.la.newCode === ds.regionCode);
  const structure = { cohort: 'blended with the cohort engine', 'stock-flow': 'blended with a stock-flow path (no ages in the data)', none: 'alone (the data hold no new plans up to the base year)' }[f.structure];
  const description = totalsModelDescription(f.trend, region ? "its region's and England's" : "England's", structure, calibratedOn, calibratedFrom?.origin);
  return {
    constraint: {
      central: f.central,
      sd: f.sd,
      description,
      trend: { growth: Math.expm1(f.trend.growth), se: 0, damping: f.trend.damping, longRun: Math.expm1(f.trend.longRun) },
    },
    forecast: f,
    batch,
    pastOrigins,
    // The reference table's England comes last: the only age shape a release with totals only can borrow.
    ageFallbacks: [region, national, reference].filter((d): d is LaDataset => d !== undefined),
    published: published?.stockTotal ?? {},
    scored,
    calibratedOn,
    ...(calibratedFrom ? { calibratedFrom } : {}),
    notes: [
      ...notes,
      ...f.notes,
      ...unpublishedNewPlansNotes(f.ds, baseYear),
      // rates read over fewer flow years than the model's, as forecast says (the sample's SEN2 returns give two)
      ...flowsShortNote([f.ds], baseYear),
      ...(published?.history?.note ? [published.history.note] : []),
      ...findingsFor(findings, [code, ...(published?.history?.succession.from ?? [])], ds.regionCode),
    ],
  };
}

/**
 * Reconciliation findings a reader of this LA's run should see: its own (and its predecessors'), its region's and
 * England's totals (they pool its trend); not their placements, which the LA's own do not follow (England's of 2018,
 * published short of its total, was on every run of the 2022 release).
 */
function findingsFor(findings: readonly Finding[], codes: readonly string[], regionCode?: string): string[] {
  const area = (f: Finding): boolean => f.kind !== 'placement-sum' && (f.area === 'national' || (!!regionCode && f.area === regionCode));
  return findings
    .filter((f) => (f.la ? codes.includes(f.la) : area(f)))
    .map((f) => `Reconciliation: ${f.message}`);
}
