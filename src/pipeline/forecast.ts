/**
 * `forecast` and `backtest` at the edge: read the files into datasets (src/etl), then hand data to the model.
 *
 *   EES files ─datasetsFromEesFiles (saved: saved-ees.ts)─► Batch ─► forecastBatch (model/forecast) ─► CSV rows
 *                                         └──► backtestPoints (model/backtest) ─► scores, coverage by size
 *   data folder ─warehouse (run's caches)─► the same batch `run` pools over (pipeline/totals.ts)
 */
import { datasetFromWarehouse } from '../etl/dataset.ts';
import { datasetsFromEesFiles, datasetsFromWarehouse } from '../etl/ees-datasets.ts';
import { isNewLaCode } from '../domain/index.ts';
import { inputError, usageError } from '../errors.ts';
import { laLeftOutNoOldCode, laWithoutOldCodeMark } from '../messages/releases.ts';
import { rangesFromReference } from '../messages/model-pooling.ts';
import { laterRowsIgnored, noLaSelected, notKnownYet, rangesNotScored, stockGapsBridged } from '../messages/model.ts';
import { backtestPoints, coverageBySize, summarise, type BacktestPoints, type BacktestResult, type CoverageBySize } from '../model/backtest/backtest.ts';
import { apportionedNotScored, backtestNoStock, horizonsNotReached, scoredOnFindings, scoredOnSteps, type SuccessorsNotScoredTwice } from '../messages/backtest.ts';
import { unreadFiles } from './gates.ts';
import { BASE_STEP, baseStepRefused } from '../model/base-step.ts';
import { checkReturnsHoldPlans } from './person-level-gate.ts';
import { summariseFindings, type Finding } from '../etl/reconcile.ts';
import { forecastBatch, resolveLaCodes, type ForecastResult, type ForecastRow } from '../model/forecast/forecast.ts';
import { matchesCode, type Skipped } from '../model/forecast/select.ts';
import { unpublishedNewPlansNotes } from '../model/forecast/unpublished-new-plans.ts';
import type { Batch } from '../model/forecast/pool.ts';
import { flowsShortAtOrigins, flowsShortNote } from '../model/forecast/flow-years.ts';
import { lastJanuaryWithPlans, type LaDataset } from '../model/dataset.ts';
import { abolitionWarning } from '../model/reorganise.ts';
import { forecastRefusal } from './forecast-refusal.ts';
import { revisionWarnings } from './revisions.ts';
import { NEW_PLANS_AHEAD } from '../messages/releases.ts';
import { savedDatasets } from './past-forecasts.ts';
import { savedEesDatasets } from './saved-ees.ts';
import { dataCache, loadCached } from './run-data.ts';
import { poolingSeries, runBatch } from './totals.ts';
import { trackRecordOrigins } from './track-record.ts';

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
  /** Read the files again even when an earlier forecast of them saved what it read (saved-ees.ts). */
  fresh?: boolean;
  cacheDir?: string;
}): Promise<ForecastResult> {
  if (!opts.all && !(opts.las && opts.las.length)) throw usageError(noLaSelected());
  const read = { maxCensusYear: opts.baseYear, fresh: opts.fresh, cacheDir: opts.cacheDir };
  const ees = await savedEesDatasets(opts.files, read, () => datasetsFromEesFiles(opts.files, { maxCensusYear: opts.baseYear }));
  // files with no England series pool towards the shipped reference series, as `run` does (one model)
  const pool = await poolingSeries(ees.national, ees.regions, poolWho(ees.datasets, opts.all ? undefined : opts.las), opts.baseYear);
  const batch: Batch = { datasets: ees.datasets, national: pool.national, regions: pool.regions, statistics: pool.statistics };
  // an LA asked for that began after the base year (its every figure later) is skipped with that reason; with --all
  // it is not there at all, as in files without the later rows (cli.md: the output is the same either way)
  const laterOf = (code: string) => (ees.laterOnly ?? []).find((l) => matchesCode({ la: l }, code));
  const notYet = opts.all ? [] : [...new Set((opts.las ?? []).flatMap((code) => laterOf(code) ?? []))];
  const asked = opts.all ? undefined : opts.las!.filter((code) => !laterOf(code));
  if (asked) refuseLeftOut(ees.notes, asked);
  const only = opts.all ? undefined : resolveLaCodes(batch, asked!);
  const { rows: all, skipped: cannot, bridged, scored, notesOf, calibratedOn, calibratedFrom } = forecastBatch(batch, { ...opts, only });
  const refused = implausibleForecasts(all, batch, opts.baseYear);
  const rows = all.filter((r) => !refused.has(r.old_la_code));
  const skipped = [...cannot, ...[...refused.values()], ...notYet.map((l) => ({ old_la_code: l.oldCode, new_la_code: l.newCode, la_name: l.name, reason: notKnownYet(opts.baseYear, l.firstYear) }))];
  // how many later rows were ignored comes first: cli.md promises the run says it, before any data-quality notes;
  // then how a forecast successor's history was joined from its predecessors (cli.md: "with a note"), which
  // changes what its figures mean, and a council a reorganisation ended projected past its end (as run warns)
  const forecast = new Set(rows.map((r) => r.old_la_code));
  const joined = batch.datasets.filter((d) => forecast.has(d.la.oldCode) && d.history?.note).map((d) => d.history!.note!);
  const lastYear = Math.max(opts.baseYear, ...rows.map((r) => r.census_year));
  const ended = batch.datasets.filter((d) => forecast.has(d.la.oldCode)).flatMap((d) => abolitionWarning(d.la, lastYear) ?? []);
  // a January missing inside the years a trend reads changes what that LA's figures rest on: said before the
  // files' own data-quality notes. The LAs asked for: each one's notes on its series in run's words (a January
  // bridged, a flow figure read in line with its neighbours, a step in the level); with --all, the bridged in one note
  const gaps = opts.all ? (bridged.length > 0 ? [stockGapsBridged(bridged)] : []) : [...forecast].flatMap((code) => notesOf.get(code) ?? []);
  // a year's new plans published as a marker where the rates read them: the figures are not those it would give
  const unpublished = batch.datasets.filter((d) => forecast.has(d.la.oldCode)).flatMap((d) => unpublishedNewPlansNotes(d, opts.baseYear));
  // years further ahead than any past forecast was scored: what their ranges rest on, before the files' own notes
  // (which may be cut at eight); the one LA forecast is named, as run names it (totals-notes.ts)
  const horizon = opts.horizon ?? 3;
  const one = forecast.size === 1 ? batch.datasets.find((d) => forecast.has(d.la.oldCode))?.la.name : undefined;
  const unscored = rows.length > 0 && scored < horizon ? [rangesNotScored(opts.baseYear, scored, horizon, opts.draws > 0, one)] : [];
  // a batch of too few LAs: its ranges are scaled as the whole release's (the shipped reference), where ranges are written
  const scaled = rows.length > 0 && opts.draws > 0 && calibratedFrom ? [rangesFromReference(calibratedFrom.n, opts.baseYear, calibratedFrom.origin, calibratedFrom.firstYear, calibratedOn)] : [];
  // rates read over fewer flow years than the model reads: the same LA's forecast differs on files reaching further
  // back (run says it too, totals.ts)
  const shortFlows = flowsShortNote(batch.datasets.filter((d) => forecast.has(d.la.oldCode)), opts.baseYear);
  // the LAs asked for: their own figures a later release revises, which the batch's note may leave in '… and 5 more'; with --all,
  // each LA forecast whose ONS code changes in a way highneeds does not know (etl/code-change.ts)
  const revised = batch.datasets.filter((d) => forecast.has(d.la.oldCode)).flatMap((d) => (opts.all ? (d.codeChange ?? []) : revisionWarnings(d)));
  const notes = [...(ees.ignoredRows > 0 ? [laterRowsIgnored(ees.ignoredRows, opts.baseYear)] : []), ...pool.notes, ...joined, ...ended, ...gaps, ...unpublished, ...scaled, ...unscored, ...shortFlows, ...revised, ...ees.notes];
  return { rows, skipped, ignoredRows: ees.ignoredRows, notes };
}

/**
 * The LAs whose central forecast a run would refuse (pipeline/plausible.ts): a step from the published base, or from
 * one forecast year to the next, beyond ×STEP_MIN–×STEP_MAX. Left out of the forecast with the reason, as `run`
 * refuses them (a copy of a release with made-up age rows under City of London's real total gave 23 → 8 plans a
 * year ahead, exit 0).
 */
export function implausibleForecasts(rows: readonly ForecastRow[], batch: Batch, baseYear: number): Map<string, Skipped> {
  const out = new Map<string, Skipped>();
  const byLa = new Map<string, ForecastRow[]>();
  for (const r of rows) (byLa.get(r.old_la_code) ?? byLa.set(r.old_la_code, []).get(r.old_la_code)!).push(r);
  for (const [code, las] of byLa) {
    las.sort((a, b) => a.census_year - b.census_year);
    const ds = batch.datasets.find((d) => d.la.oldCode === code);
    const reason = ds && forecastRefusal(ds, baseYear, las.map((r) => r.ehcp_p50));
    if (reason) out.set(code, { old_la_code: code, new_la_code: las[0]!.new_la_code, la_name: las[0]!.la_name, reason });
  }
  return out;
}

export interface BacktestOutcome {
  result: BacktestResult;
  bySize: CoverageBySize;
  /** What changes what the scores mean, for stderr (a later release revising a January the backtest starts from). */
  warnings: string[];
  /** Successors not forecast from origins before their first January (apportionedNote), for stderr. */
  notScored?: string;
  /** The first and last January with a stock of plans among the series scored (for the message when none scored). */
  span?: { first: number; last: number; firstOrigin?: number; successors?: string[] };
}

/**
 * Backtests a batch already read (what `backtestFromEes` does after reading the files).
 * @example const ees = await datasetsFromEesFiles(files); backtestOf({ datasets: ees.datasets, national: ees.national, regions: ees.regions }, [2019], 1)
 */
export function backtestOf(batch: Batch, origins: number[], horizon: number, only?: ReadonlySet<string>): Omit<BacktestOutcome, 'warnings'> & { thinFlows: string[] } {
  // what forecast --base-year <origin> refuses is not scored (forecast-refusal.ts): the track record is of what it gives
  const bp = backtestPoints(batch, { origins, horizon, only, refuse: forecastRefusal });
  const span = spanOf(batch.datasets.filter((d) => !only || only.has(d.la.oldCode)));
  const notScored = apportionedNote(batch, origins, bp, only);
  // the origins whose rates read fewer years of flows than a forecast of these data reads (as forecast and run say)
  const thinFlows = flowsShortAtOrigins(batch.datasets.filter((d) => bp.series.has(d.la.oldCode)), origins);
  const result = summarise(origins, horizon, bp);
  // horizons no origin reached, where some were scored (none scored is refused, with the origins that would score)
  const unreached = Object.entries(result.horizons).filter(([, m]) => m.model.forecasts === 0).map(([h]) => Number(h));
  const beyond = span && unreached.length > 0 && unreached.length < horizon ? [horizonsNotReached(Math.min(...unreached), Math.max(...unreached), origins, span.first, span.last, span.firstOrigin ?? span.first + 1)] : [];
  return { result, bySize: coverageBySize(bp, batch, origins), thinFlows: [...thinFlows, ...beyond], ...(span ? { span } : {}), ...(notScored ? { notScored } : {}) };
}

/**
 * The Januaries the series hold and the earliest origin any of them can be forecast from: the January after its first,
 * or a successor's first January (forecast/select.ts), before which its history is its predecessors'. Cumberland's
 * series on a release to January 2026 holds 2019–2026, and the advice 'choose --origins from 2020 to 2023' was refused
 * again when followed.
 */
function spanOf(datasets: readonly LaDataset[]): BacktestOutcome['span'] {
  const held = datasets.map((d) => {
    const years = Object.entries(d.stockTotal).flatMap(([y, v]) => (v !== undefined && v > 0 ? [Number(y)] : []));
    return { d, years, from: d.history?.succession.fromCensusYear };
  });
  const years = held.flatMap((h) => h.years);
  if (!years.length) return undefined;
  const origins = held.filter((h) => h.years.length).map((h) => ({ ...h, origin: Math.max(Math.min(...h.years) + 1, h.from ?? -Infinity) }));
  const firstOrigin = Math.min(...origins.map((o) => o.origin));
  const first = Math.min(...years);
  const successors = origins.filter((o) => o.from !== undefined && o.origin === firstOrigin && o.from > Math.min(...o.years) + 1).map((o) => `${o.d.la.name} (${o.d.la.oldCode})`);
  return { first, last: Math.max(...years), ...(firstOrigin > first + 1 ? { firstOrigin, successors } : {}) };
}

/**
 * The note on successors of a reorganisation that were not forecast from an origin before their first January
 * (forecast/select.ts skipReason: their history before it is their share of their predecessors', joined by
 * model/reorganise.ts), so that what their predecessors published is scored once, as the predecessors'; undefined
 * when no origin of the backtest is before a successor's first January. Successors no origin scored are said to be
 * not scored, apart from those scored from their first January.
 */
function apportionedNote(batch: Batch, origins: readonly number[], bp: BacktestPoints, only?: ReadonlySet<string>): string | undefined {
  const named = new Map(batch.datasets.map((d) => [d.la.oldCode, `${d.la.name} (${d.la.oldCode})`]));
  const groups = new Map<string, SuccessorsNotScoredTwice>();
  for (const d of batch.datasets) {
    const s = d.history?.succession;
    if (!s || (only && !only.has(d.la.oldCode)) || !origins.some((o) => o < s.fromCensusYear)) continue;
    const scored = bp.series.has(d.la.oldCode);
    const key = `${s.from.join()}>${s.to.join()}>${scored}`;
    // predecessors this backtest leaves out (other LAs asked for, or --data's one LA): their figures are not scored here
    const unscored = only ? s.from.filter((c) => !only.has(c)) : [];
    // predecessors it holds but scores nowhere (every origin at or after their last January): not 'scored once' either
    const ended = unscored.length || s.from.some((c) => bp.series.has(c)) ? undefined : lastJanuary(batch, s.from);
    const g = groups.get(key) ?? {
      successors: [],
      from: s.fromCensusYear,
      predecessors: s.from.map((c) => named.get(c) ?? c),
      scored,
      ...(unscored.length ? { predecessorsNotScored: unscored } : {}),
      ...(ended !== undefined ? { predecessorsEndedBefore: ended } : {}),
    };
    g.successors.push(named.get(d.la.oldCode)!);
    groups.set(key, g);
  }
  return groups.size > 0 ? apportionedNotScored(bp.series.size, origins, [...groups.values()]) : undefined;
}

/** The latest January with plans of any of `codes` in the batch, or undefined when it holds none of them. */
function lastJanuary(batch: Batch, codes: readonly string[]): number | undefined {
  const years = batch.datasets.filter((d) => codes.includes(d.la.oldCode)).flatMap((d) => lastJanuaryWithPlans(d) ?? []);
  return years.length ? Math.max(...years) : undefined;
}

/**
 * `highneeds backtest --ees`: reads EES files (every year: the backtest cuts the data at each origin itself).
 * Without origins, the three whose three years ahead the files hold: 2017–2019 on the 2022 release, 2020–2022 on
 * a release to January 2025 (fixed origins left a later release nothing to score).
 * @example await backtestFromEes({ files, all: true, origins: [2017, 2018, 2019], horizon: 3 })
 */
export async function backtestFromEes(opts: { files: string[]; las?: string[]; all?: boolean; origins?: number[]; horizon: number; fresh?: boolean; cacheDir?: string }): Promise<BacktestOutcome> {
  const ees = await savedEesDatasets(opts.files, { fresh: opts.fresh, cacheDir: opts.cacheDir }, () => datasetsFromEesFiles(opts.files));
  // as forecast and run: files with no England series pool towards the shipped reference series
  const pool = await poolingSeries(ees.national, ees.regions, poolWho(ees.datasets, opts.all ? undefined : opts.las));
  const batch: Batch = { datasets: ees.datasets, national: pool.national, regions: pool.regions, statistics: pool.statistics };
  if (!opts.all && opts.las) refuseLeftOut(ees.notes, opts.las);
  const only = opts.all || !opts.las?.length ? undefined : resolveLaCodes(batch, opts.las);
  // a later release revising a January: the batch's note, as forecast prints it
  const own = only ? batch.datasets.filter((d) => only.has(d.la.oldCode)).flatMap(revisionWarnings) : [];
  const origins = opts.origins ?? defaultOrigins(batch);
  const findings = scoredFindings(ees.findings ?? [], origins, opts.horizon, only);
  const { thinFlows, ...scored } = backtestOf(batch, origins, opts.horizon, only);
  // new plans a year early (etl/new-plans-reach.ts): every score reads them out of place
  const ahead = ees.notes.filter((n) => n.startsWith(`${NEW_PLANS_AHEAD} reach calendar year`));
  return { ...scored, warnings: [...pool.notes, ...thinFlows, ...own, ...ahead, ...[ees.revised, ees.revisedNewPlans].filter((w) => w !== undefined), ...findings] };
}

/**
 * The note naming the stock findings (ages against the total, stock continuity) of the LAs scored (all, without
 * `only`) at the Januaries from the first origin to the last outcome; none when there are none. A continuity finding
 * of year Y is of the January Y + 1.
 */
function scoredFindings(findings: readonly Finding[], origins: readonly number[], horizon: number, only?: ReadonlySet<string>): string[] {
  const [from, to] = [Math.min(...origins), Math.max(...origins) + horizon];
  const at = (f: Finding): number => (f.kind === 'continuity' ? f.year + 1 : f.year);
  const mine = findings.filter((f) => (f.kind === 'continuity' || f.kind === 'age-sum') && f.la && (!only || only.has(f.la)) && at(f) >= from && at(f) <= to);
  return mine.length ? [scoredOnFindings(summariseFindings(mine))] : [];
}

/**
 * Whose trend the note on the series pooled towards is of: the one LA the codes asked for (or the files hold), named as
 * its `run` names it, else "each LA". `forecast --la 999` of the sample's published caseload said "each LA's trend is
 * pooled towards England's published series" of its one LA.
 */
function poolWho(datasets: readonly LaDataset[], codes: readonly string[] | undefined): string {
  const one = codes?.length ? datasets.filter((d) => codes.some((c) => matchesCode(d, c))) : datasets;
  return one.length === 1 ? one[0]!.la.name : 'each LA';
}

/**
 * The note naming the steps beyond BASE_STEP into the Januaries from the first origin to the last outcome of the LA
 * scored (a partial or doubled return among them); none when there are none.
 */
export function scoredSteps(ds: Pick<LaDataset, 'la' | 'stockTotal'>, origins: readonly number[], horizon: number): string[] {
  const steps = [];
  for (let y = Math.min(...origins); y <= Math.max(...origins) + horizon; y++) {
    const s = baseStepRefused(ds, y);
    if (s) steps.push({ year: y, ...s });
  }
  return steps.length ? [scoredOnSteps(`${ds.la.name} (${ds.la.oldCode})`, steps, BASE_STEP)] : [];
}

/** The three origins whose three years ahead are in the batch: the last census year − 5, − 4 and − 3. */
function defaultOrigins(batch: Batch): number[] {
  const years = [batch.national, ...batch.datasets].flatMap((d) => (d ? Object.keys(d.stockTotal).map(Number) : []));
  const last = years.length > 0 ? Math.max(...years) : 2022;
  return [last - 5, last - 4, last - 3];
}

/**
 * `highneeds backtest --data DIR`: the batch a `run` of that folder pools over, scored on the chosen LA. Without
 * origins, those the run's track record scores (track-record.ts trackRecordOrigins). The folder's load and every
 * LA's series come from run's caches when an earlier run, goal-seek or backtest of the same files saved them
 * (run-data.ts, past-forecasts.ts); `fresh` reads neither and saves both afresh.
 */
export async function backtestFromData(opts: { dir: string; la?: string; origins?: number[]; horizon: number; fresh?: boolean; cacheDir?: string }): Promise<BacktestOutcome> {
  const cache = await dataCache(opts.dir, opts.cacheDir);
  const load = await loadCached(opts.dir, { ...cache, fresh: opts.fresh });
  try {
    const ds = await datasetFromWarehouse(load.warehouse, { la: opts.la });
    const ees = await savedDatasets({ dir: cache.dir, inputSet: cache.inputSet, keyed: load.keyed, fresh: opts.fresh }, () => datasetsFromWarehouse(load.warehouse));
    const { batch } = await runBatch(load.warehouse, ds, ees);
    const mine = batch.datasets.find((d) => d.la.oldCode === ds.la.oldCode)!;
    if (Object.keys(mine.stockTotal).length === 0) throw inputError(backtestNoStock(`${ds.la.name} (${ds.la.oldCode})`, load.loaded.map((f) => f.path), unreadFiles(load.skipped, load.warnings)));
    // by default the starting years the run's track record scores for the LA (the report and Backtest sheet of a run
    // of the same folder): 'every origin with five years before it' took Kent's 2015 and 2016 on the 2022 release, in
    // the conversion of statements, and scored 3.35% / 15.87% a year / three years ahead where its run said 2.6% / 7.6%
    const origins = opts.origins ?? trackRecordOrigins(mine.stockTotal, Math.max(...Object.keys(mine.stockTotal).map(Number)));
    // a return of the folder holding no plan at its census: refused as run refuses it (its January would be left out)
    checkReturnsHoldPlans(ds);
    const { thinFlows, ...scored } = backtestOf(batch, origins, opts.horizon, new Set([ds.la.oldCode]));
    return { ...scored, warnings: [...thinFlows, ...revisionWarnings(ds), ...scoredSteps(mine, origins, opts.horizon)] };
  } finally {
    load.warehouse.close();
  }
}

/**
 * Refuses an --la whose LA the files give with no old_la_code (left out by the reader, with a note), naming that
 * note, where resolveLaCodes would guess it to be another LA of a near code.
 */
function refuseLeftOut(notes: readonly string[], codes: readonly string[]): void {
  for (const code of codes) {
    const want = code.trim().toUpperCase();
    const note = isNewLaCode(want) ? notes.find((n) => n.includes(laWithoutOldCodeMark(want))) : undefined;
    if (note) throw usageError(laLeftOutNoOldCode(code, note));
  }
}
