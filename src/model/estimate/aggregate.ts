/**
 * The aggregate route into Rates (model.md "Estimation"), from EES LA-level series alone:
 *
 *   stock by age band ──apportion──► single ages ──Y→Y+1 progression (window)──► continuation / net migration
 *   new plans by band ──apportion──► single ages at the last flow year ──pooled age mix──► ÷ population ──► incidence
 *   new plans total  ──pooled growth (trend.ts)──► trend
 *   stock by placement / by need ──► new-plan mix and the initial cube
 *
 * Without population the run uses a unit population proxy (population = 1 at every age), so `incidence` holds
 * new plans per year at each age; `populationProxy` gives that population to pass to the engine. Population that
 * misses the base year (estimates up to an earlier year, or a projection starting after it) stands in for it by
 * populationAt's rule, with a note, rather than being dropped for the proxy.
 * Every number comes from the dataset passed in (and the national / regional datasets for pooling).
 */
import { N_AGES, N_NEEDS, N_PLACEMENTS } from '../../domain/index.ts';
import { ceaseReasonsFrom, newPlansSpreadLikeProfile, incidenceScaled, newPlansAgesBorrowed, populationStandsIn } from '../../messages/model.ts';
import { noNewPlansForFlowYear } from '../../messages/new-plans.ts';
import { ceasingByAgePooled, newPlanAgesPooled, placementMixPooled } from '../../messages/model-pooling.ts';
import { populationAt } from '../levers/population.ts';
import type { LaDataset } from '../dataset.ts';
import { emptyRates, moveIndex, newMixIndex, type Rates, type TrendEstimate } from '../rates.ts';
import { DEFAULT_TREND, poolGrowths, recentGrowth, toTrendEstimate, type TrendOptions } from '../trend.ts';
import { bandedAges } from './aggregate-bands.ts';
import type { FlowEstimate } from './aggregate-flow.ts';
import { cohortProgression, pooledProgression, PROGRESSION_STRENGTH, type Progression } from './aggregate-cohort.ts';
import { NEW_PLAN_AGE_STRENGTH, pooledNewPlanAges } from './new-plan-ages.ts';
import type { SharedReads } from './shared-reads.ts';
import { ceaseReasonShares, crossSectionMoves, cubeFromShares, needShares, placementShares, placementSharesByAge, PLACEMENT_MIX_STRENGTH, pooledPlacementShares } from './aggregate-mix.ts';
import { possessive } from '../../util/possessive.ts';

/** Most net inflow of plans per year at one age, as a share of its stock (aggregate route). */
export const MAX_NET_MIGRATION = 0.05;

export interface AggregateOptions {
  /** Census year the rates step from: stocks up to it, flows up to baseYear − 1 are used. */
  baseYear: number;
  /** Years of Y → Y+1 progression pooled (default 3). */
  windowYears?: number;
  /** England's dataset, for pooling the new-plan trend. */
  national?: LaDataset;
  /** The LA's region, for pooling the new-plan trend. */
  region?: LaDataset;
  /** A trend already pooled across LAs (forecast.ts does this for a batch); overrides the pooling here. */
  trend?: TrendEstimate;
  trendOptions?: TrendOptions;
  /**
   * The stock-flow anchor (aggregate-flow.ts; forecast pools it across LAs): the age-specific progression ratios are
   * scaled so that the base-year stock loses exactly `exit` in the first step, and incidence is scaled so that the
   * first step adds `newPlansNext` new plans (incidence × population × (1 + trend growth)). Without it the ratios and
   * incidence are the raw cohort estimates.
   */
  flow?: FlowEstimate;
  /**
   * The region / England, whose age shapes stand in where the LA's data have no ages (stock or new plans), and whose
   * new plans by age are the pooled profile a small LA's new-plan age mix is shrunk towards (new-plan-ages.ts).
   */
  ageFallbacks?: readonly LaDataset[];
  /** What the fallbacks give every LA of a batch alike, made once for the batch (shared-reads.ts); made here without. */
  shared?: SharedReads;
}

/** Flow years ≤ base − 1 only: the data known by January of the base year. */
function flowsKnown(rec: Record<number, number>, baseYear: number): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [k, v] of Object.entries(rec)) if (Number(k) <= baseYear - 1) out[Number(k)] = v;
  return out;
}

/**
 * The new-plan trend of one LA: its recent growth of new plans shrunk towards its region and England (when given).
 * Falls back to the growth of total stock when the LA has no new-plan series.
 */
export function newPlanTrend(ds: LaDataset, opts: AggregateOptions): TrendEstimate {
  const t = opts.trendOptions ?? DEFAULT_TREND;
  const last = opts.baseYear - 1;
  const own = recentGrowth(flowsKnown(ds.newPlansTotal, opts.baseYear), last, t) ?? recentGrowth(ds.stockTotal, opts.baseYear, t);
  const nat = opts.national ? recentGrowth(flowsKnown(opts.national.newPlansTotal, opts.baseYear), last, t) : undefined;
  const reg = opts.region ? recentGrowth(flowsKnown(opts.region.newPlansTotal, opts.baseYear), last, t) : undefined;
  if (!own) return { growth: nat ? Math.expm1(nat.mean) : 0, se: 0.05, damping: t.damping, longRun: 0 };
  const national = nat?.mean ?? own.mean;
  const regional = reg ? new Map([['r', reg.mean]]) : undefined;
  // Between-LA spread is unknown for a single LA: shrink with tau² set to the national series' own noise.
  const pooled = poolGrowths(
    [{ id: 'la', group: reg ? 'r' : undefined, summary: own }],
    { national, regional },
    t,
  ).get('la')!;
  return toTrendEstimate(pooled, t.damping, national);
}

/**
 * Rates for one LA from aggregate EES series.
 * @example estimateRatesFromAggregates(ds, { baseYear: 2022, national }) // Rates with source 'aggregate'
 */
export function estimateRatesFromAggregates(ds: LaDataset, opts: AggregateOptions): Rates {
  const { baseYear } = opts;
  const window = opts.windowYears ?? 3;
  const r = emptyRates(baseYear, 'aggregate');
  // the base stock by age, worked out once (when first needed) for the exit scaling, the placement fit and the spread
  // of new plans below; none of them changes it
  let stock: Float64Array | undefined;
  const baseStock = (): Float64Array => (stock ??= baseStockByAge(ds, baseYear, opts.ageFallbacks));

  // Continuation and net migration from cohort progression, scaled to the stock-flow exit rate when given.
  const { prog, source, pooled: progPooled } = progressionOrBorrowed(ds, baseYear, window, opts.ageFallbacks ?? [], opts.shared);
  // A band's ratio above 1 is an inflow the new-plan series missed (the 20–25 band filling up after the 2014
  // reforms); applied at every single age it would compound year on year, so it is capped before the stock-flow
  // scaling below restores the first year's total exit.
  for (let a = 0; a < N_AGES; a++) prog.ratio[a] = Math.min(1 + MAX_NET_MIGRATION, prog.ratio[a]!);
  const lambda = opts.flow ? exitScale(prog.ratio, baseStock(), opts.flow.exit) : 1;
  for (let a = 0; a < N_AGES; a++) {
    const x = prog.ratio[a]! * lambda;
    r.continuation[a] = Math.min(1, x);
    r.netMigration[a] = Math.max(0, x - 1);
    r.continuationN[a] = prog.evidence[a]!;
  }
  r.notes.push(`Continuation from cohort progression of ${source}stocks by age over ${prog.years.length} year(s) (${prog.years.join(', ') || 'none'}).`);
  if (progPooled) r.notes.push(ceasingByAgePooled(ds.la.name, prog.years, progPooled.perAge, progPooled.ownWeight, progPooled.source, PROGRESSION_STRENGTH));
  if (opts.flow)
    r.notes.push(`Progression ratios scaled by ${lambda.toFixed(3)} so that ${(opts.flow.exit * 100).toFixed(1)}% of the ${baseYear} stock exits in the first year (stock-flow exit rate).`);

  // Incidence: new plans by single age at the last known flow year, per head of population (or per unit proxy).
  // The LA's own ages of that year, shrunk towards the pooled profile (region, England) by their number
  // (new-plan-ages.ts): a small LA's one or two new plans are too few to say at which ages it issues plans.
  const last = baseYear - 1;
  const own = bandedAges(ds, baseYear).newPlans(last);
  const total = ds.newPlansTotal[last];
  const fallbacks = opts.ageFallbacks ?? [];
  const shape = (): ReturnType<typeof newPlanAgeShape> => newPlanAgeShape(fallbacks, last);
  const pooled = own || total !== undefined ? (opts.shared ? opts.shared.once(fallbacks, `new plan ages ${last}`, shape) : shape()) : undefined;
  const mix = pooledNewPlanAges(own, total, pooled?.byAge);
  if (pooled && !own) r.notes.push(newPlansAgesBorrowed(ds.la.name, last, total!, pooled.source));
  else if (pooled && mix.events > 0)
    r.notes.push(newPlanAgesPooled(ds.la.name, last, mix.events, mix.ownWeight, pooled.source, NEW_PLAN_AGE_STRENGTH, total === undefined && ds.unpublishedNewPlans?.[last] !== undefined));
  const { pop, from } = basePopulation(ds, baseYear);
  if (pop && from !== baseYear) r.notes.push(populationStandsIn(baseYear, from!));
  for (let a = 0; a < N_AGES; a++) {
    const n = mix.byAge[a]!;
    r.incidenceN[a] = n;
    r.incidence[a] = pop ? (pop[a]! > 0 ? n / pop[a]! : 0) : n;
  }
  if (!own && total === undefined) r.notes.push(noNewPlansForFlowYear(last, ds.unpublishedNewPlans?.[last]));
  if (!pop) r.notes.push('No population: incidence is new plans per year (unit population proxy).');

  // Reasons plans cease, from the published ceased plans by reason (the 2025 layout) of the window's flow years
  const reasonYears = ceaseReasonShares(ds, baseYear - window, baseYear - 1, r.ceaseReasonShare);
  if (reasonYears.length > 0) r.notes.push(ceaseReasonsFrom(reasonYears));

  // Mixes: need × placement of new plans from the stock mix at each age, fitted to the LA's placement shares pooled
  // towards its region's (else England's) by their number (a small LA's few plans are too few to set them; the initial
  // cube keeps the data's own); moves that carry each age's mix to the next age's (crossSectionMoves).
  const needs = needShares(ds, baseYear);
  const placed = pooledPlacementShares(ds, baseYear, opts.ageFallbacks ?? []);
  if (placed.source) r.notes.push(placementMixPooled(ds.la.name, placed.year!, placed.plans, placed.ownWeight, placed.source, PLACEMENT_MIX_STRENGTH));
  const places = placed.shares;
  const atAge = placementSharesByAge(baseStock(), places);
  for (let a = 0; a < N_AGES; a++) {
    const ps = atAge[a]!;
    for (let n = 0; n < N_NEEDS; n++)
      for (let p = 0; p < N_PLACEMENTS; p++) r.newMix[newMixIndex(a, n, p)] = needs[n]! * ps[p]!;
    if (a === N_AGES - 1) continue;
    const rows = crossSectionMoves(ps, atAge[a + 1]!, a + 1);
    for (let p = 0; p < N_PLACEMENTS; p++) for (let q = 0; q < N_PLACEMENTS; q++) r.moves[moveIndex(a, p, q)] = rows[p * N_PLACEMENTS + q]!;
  }

  r.trend = opts.trend ?? newPlanTrend(ds, opts);
  const next = opts.flow?.newPlansNext;
  if (next !== undefined) {
    const pop1 = ds.population[baseYear + 1] ?? pop;
    let first = 0;
    for (let a = 0; a < N_AGES; a++) first += r.incidence[a]! * (pop1 ? pop1[a]! : 1);
    first *= Math.max(0, 1 + r.trend.growth);
    if (!(first > 0) && next > 0) {
      // No new plans in the last flow year (none issued, or none by age) but some expected: spread them like the pooled
      // profile a small LA's few new plans are shrunk towards (the n = 0 case of the same rule), else like the base stock.
      const profile = pooled ? pooledNewPlanAges(own, 1, pooled.byAge).byAge : undefined;
      const shape = profile ?? baseStock();
      for (let a = 0; a < N_AGES; a++) {
        r.incidence[a] = pop1 ? (pop1[a]! > 0 ? shape[a]! / pop1[a]! : 0) : shape[a]!;
        first += pop1 ? (pop1[a]! > 0 ? shape[a]! : 0) : shape[a]!;
      }
      first *= Math.max(0, 1 + r.trend.growth);
      r.notes.push(profile ? newPlansSpreadLikeProfile(ds.la.name, last, total ?? 0, pooled!.source) : 'No new plans by age: new plans spread over ages like the base-year stock.');
    }
    if (first > 0) {
      const f = next / first;
      for (let a = 0; a < N_AGES; a++) r.incidence[a]! *= f;
      r.notes.push(incidenceScaled(f, next, baseYear, opts.flow!.newPlansSource === 'requests' ? opts.flow!.conversion : undefined));
    }
  }
  r.notes.push(
    `New-plan trend ${(r.trend.growth * 100).toFixed(1)}% a year (se ${(r.trend.se * 100).toFixed(1)} points), damping ${r.trend.damping}.`,
  );
  return r;
}

/** New plans by single age at the latest flow year ≤ `last` of the first fallback that has any. */
export function newPlanAgeShape(fallbacks: readonly LaDataset[], last: number): { byAge: Float64Array; source: string } | undefined {
  for (const d of fallbacks) {
    const years = [...new Set(d.newPlansByAge.map((r) => r.year))].filter((y) => y <= last).sort((a, b) => b - a);
    const ages = bandedAges(d, last + 1);
    for (const y of years) {
      const byAge = ages.newPlans(y);
      if (byAge && byAge.some((v) => v > 0)) return { byAge, source: `${possessive(d.la.name)} new plans of ${y}` };
    }
  }
  return undefined;
}

/**
 * The LA's cohort progression pooled towards that of the first fallback (region, England, the reference series) with
 * ages, over the window to its latest census with ages at or before the base year (pooledProgression: the plans at
 * each age are the evidence, PROGRESSION_STRENGTH the prior's). A small LA's cohorts of one or two plans an age are too
 * few to show at which ages its plans end: City of London's (19 plans, 2022 release) read as 8–10% ceasing at ages
 * 10–12, 100% at 19 and a net inflow of 5% a year at most ages under 9. When its data hold no ages in the window (a
 * release with totals only) the fallback's progression is the whole of it (the n = 0 case): with no ages at all,
 * progression would be 1 at every age, plans staying at the ages new plans arrive at until they age out (on the 2025
 * layout alone Kent's under-5s went from 676 to 3,171 in six years, against 661 to 1,330 from its own ages). The LA's
 * own exit rate still scales the ratios (exitScale), so only the ages its plans end at are pooled.
 */
function progressionOrBorrowed(
  ds: LaDataset,
  baseYear: number,
  window: number,
  fallbacks: readonly LaDataset[],
  shared?: SharedReads,
): { prog: Progression; source: string; pooled?: { ownWeight: number; perAge: number; source: string } } {
  const own = cohortProgression(ds, baseYear, window);
  for (const f of fallbacks) {
    const make = (): Progression | undefined => fallbackProgression(f, baseYear, window);
    const p = shared ? shared.once([f], `progression ${baseYear} ${window}`, make) : make();
    if (!p) continue;
    // borrowed whole, it is the LA's to change (the caller caps its ratios): a copy
    if (own.years.length === 0) return { prog: { ratio: p.ratio.slice(), evidence: p.evidence.slice(), years: [...p.years] }, source: `${possessive(f.la.name)} ` };
    const { prog, ownWeight, perAge } = pooledProgression(own, p);
    return { prog, source: '', pooled: { ownWeight, perAge, source: possessive(f.la.name) } };
  }
  return { prog: own, source: '' };
}

/** A fallback's cohort progression over the window to its latest census with ages at or before the base year. */
function fallbackProgression(f: LaDataset, baseYear: number, window: number): Progression | undefined {
  const last = Math.max(-Infinity, ...f.stockByAge.filter((r) => r.year <= baseYear).map((r) => r.year));
  if (!Number.isFinite(last)) return undefined;
  const p = cohortProgression(f, last, window);
  return p.years.length === 0 ? undefined : p;
}

/** Plans at the base census by single age, scaled to the total (zeros when the year has no age rows). */
function baseStockByAge(ds: LaDataset, baseYear: number, fallbacks: readonly LaDataset[] = []): Float64Array {
  const byAge = ageShapeAt(ds, baseYear, fallbacks)?.byAge ?? new Float64Array(N_AGES);
  const total = ds.stockTotal[baseYear];
  const s = byAge.reduce((a, b) => a + b, 0);
  if (total !== undefined && s > 0) for (let a = 0; a < N_AGES; a++) byAge[a]! *= total / s;
  return byAge;
}

/**
 * Single-age counts for the base stock's age shape: the LA's own at the base year, else its latest earlier year with
 * ages, else the latest of the first fallback (England, its region) that has ages; undefined when none has any.
 * `source` says which was used (for the Data quality sheet).
 */
export function ageShapeAt(ds: LaDataset, baseYear: number, fallbacks: readonly LaDataset[] = []): { byAge: Float64Array; source: string } | undefined {
  for (const [i, d] of [ds, ...fallbacks].entries()) {
    const years = [...new Set(d.stockByAge.map((r) => r.year))].filter((y) => y <= baseYear).sort((a, b) => b - a);
    const ages = bandedAges(d, baseYear);
    for (const y of years) {
      const byAge = ages.stock(y);
      if (byAge && byAge.some((v) => v > 0))
        return { byAge, source: i === 0 ? (y === baseYear ? 'own' : `own ages of January ${y}`) : `${possessive(d.la.name)} ages of January ${y}` };
    }
  }
  return undefined;
}

/**
 * The factor λ on every progression ratio x[a] such that Σ λ x[a] S[a] = (1 − exit) Σ S[a] (ages 0–24 carry on; 25
 * ages out). 1 when the stock or the ratios are empty.
 */
export function exitScale(ratio: Float64Array, stock: Float64Array, exit: number): number {
  let carried = 0;
  let total = 0;
  for (let a = 0; a < N_AGES; a++) {
    total += stock[a]!;
    if (a < N_AGES - 1) carried += ratio[a]! * stock[a]!;
  }
  return carried > 0 && total > 0 ? Math.max(0, ((1 - exit) * total) / carried) : 1;
}

/** The engine's initial cube at the base year from aggregate stocks (single ages × need × placement shares). */
export function initialCubeFromAggregates(ds: LaDataset, baseYear: number, ageFallbacks: readonly LaDataset[] = []): Float64Array {
  const byAge = baseStockByAge(ds, baseYear, ageFallbacks);
  return cubeFromShares(byAge, needShares(ds, baseYear), placementShares(ds, baseYear));
}

/**
 * The population new plans are divided by at the base year: its own, else the nearest year's by populationAt's rule
 * (the latest earlier year, else the earliest); none without any population in the data.
 */
function basePopulation(ds: LaDataset, baseYear: number): { pop?: Float64Array; from?: number } {
  const years = Object.keys(ds.population).map(Number).sort((a, b) => a - b);
  if (!years.length) return {};
  const from = years.filter((y) => y <= baseYear).pop() ?? years[0]!;
  return { pop: populationAt(ds.population, baseYear, baseYear), from };
}

/**
 * Population to give the engine: the dataset's own (with the base year's stand-in, basePopulation, when it misses
 * it), or the unit proxy matching `incidence` without any.
 */
export function populationProxy(ds: LaDataset, baseYear: number, horizon: number): Record<number, Float64Array> {
  if (ds.population[baseYear]) return ds.population;
  const { pop } = basePopulation(ds, baseYear);
  if (pop) return { ...ds.population, [baseYear]: pop };
  const out: Record<number, Float64Array> = {};
  for (let y = baseYear; y <= baseYear + horizon; y++) out[y] = new Float64Array(N_AGES).fill(1);
  return out;
}
