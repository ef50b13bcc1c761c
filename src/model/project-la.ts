/**
 * One LA's projection from its dataset and a scenario — the model stage's front door:
 *
 *   LaDataset ──► person-level route (stockCube + linkedMoves)  ─┐
 *            └─► aggregate route (EES series)                    ├─► Rates + initial cube ──► engine ──► ProjectionResult
 *   Scenario  ──► levers, capacity, trend overrides ─────────────┘        (+ unmitigated run, same seed)
 */
import { ExitCode, HighneedsError } from '../errors.ts';
import { referenceProjection } from './levers/reference.ts';
import { noBaseStock, placementsFromEarlierYear, populationHeld, unrecordedPlacementsPlaced } from '../messages/model.ts';
import { newPlansBorrowedForTotal, noNewPlansForFlowYear, type UnpublishedNewPlans } from '../messages/new-plans.ts';
import { latestYear, unrecordedPlacements } from './estimate/aggregate-mix.ts';
import type { Scenario } from '../scenario/schema.ts';
import { cubeTotal } from './cube.ts';
import type { LaDataset } from './dataset.ts';
import { projectDeterministic } from './engine.ts';
import type { EngineInput } from './engine-input.ts';
import { projectMonteCarlo } from './project-monte-carlo.ts';
import { constrainedMonteCarlo, constrainInput, NEW_PLAN_FACTOR_SAID_OUTSIDE, type TotalsConstraint } from './constrain.ts';
import { newPlanFactorFar } from '../messages/model-pooling.ts';
import { ageShapeAt, estimateRatesFromAggregates, initialCubeFromAggregates, newPlanAgeShape, populationProxy } from './estimate/aggregate.ts';
import { populationAt } from './levers/population.ts';
import { conversions, exitRates, leadNewPlans, weightedSummary, type FlowEstimate } from './estimate/aggregate-flow.ts';
import { estimateRatesFromPersons } from './estimate/person.ts';
import { estimatePipelineRates } from './estimate/pipeline.ts';
import type { PlacesTable } from './levers/capacity.ts';
import type { Rates, TrendEstimate } from './rates.ts';
import { recentGrowth, toTrendEstimate } from './trend.ts';
import type { ProjectionResult } from './result.ts';
import { possessive } from '../util/possessive.ts';

export interface ProjectLaOptions {
  draws: number;
  seed: number;
  /** Default: scenario.base_year, else the latest census year with stock. */
  baseYear?: number;
  /** Places table (used when scenario.capacity.from_places_table is set). */
  capacity?: PlacesTable;
  national?: LaDataset;
  workers?: number;
  /** Per-cell weights summed per placement per draw (e.g. unit costs), see MonteCarloOptions. */
  weights?: Record<string, Float64Array>;
  /**
   * The calibrated total-plans forecast the run is held to (constrain.ts): the detail by age, need and placement
   * follows the engine, the total and its range follow the one model that `forecast` and `backtest` use.
   */
  constraint?: TotalsConstraint;
  /** Where to borrow an age shape when the LA's data have none (England, its region). */
  ageFallbacks?: LaDataset[];
}

export interface LaProjection {
  projection: ProjectionResult;
  rates: Rates;
  /** The same scenario without mitigations and the same seed (for the recovery-plan bridge). */
  unmitigated?: ProjectionResult;
  /** The engine input of the scenario's run (for sensitivity re-projections and per-lever runs). */
  input: EngineInput;
  /** The path the budget's base year is calibrated on (levers/reference.ts): the data's own, deterministic. */
  reference: ProjectionResult;
  /**
   * The total-plans forecast the run is held to, when it is (constrain.ts). Its deterministic path is
   * `projectDeterministic(input)` (the solved trend is in `input.rates.trend.path`); its draws are
   * `constrainedMonteCarlo(that path, constraint.sd, draws, seed)`.
   */
  constraint?: TotalsConstraint;
  /**
   * The first projected year whose forecast total the lever-free projection cannot reach because new plans add
   * nothing (constrain.ts solveTrendPath `unreached`), with the target and the plans it reaches: the run's gate
   * refuses it (pipeline/gates.ts).
   */
  unreachable?: { year: number; target: number; reached: number; unpublished?: UnpublishedNewPlans & { year: number } };
}

/**
 * The stock-flow anchor of the aggregate route for a single LA (the forecast command pools these across LAs; a
 * single-LA run has only its own history): the recency-weighted exit rate of the last 3 years, and next year's
 * new plans led by requests × conversion where requests exist, else by the new-plans trend.
 */
export function ownFlowEstimate(ds: LaDataset, baseYear: number): FlowEstimate | undefined {
  const exit = weightedSummary(exitRates(ds, baseYear, 3), 0.6);
  if (!exit) return undefined;
  const conversion = weightedSummary(conversions(ds, baseYear, 3), 0.6)?.mean;
  const growth = recentGrowth(ds.stockTotal, baseYear)?.mean ?? 0;
  return { exit: Math.min(0.5, Math.max(0, exit.mean)), ...leadNewPlans(ds, baseYear, conversion, growth) };
}

/**
 * The trend of the aggregate route for a single LA: the recency-weighted growth of its total plans (a far steadier
 * series than one LA's new plans, which the forecast backtests also preferred), undamped as the backtests chose.
 */
export function ownStockTrend(ds: LaDataset, baseYear: number): TrendEstimate | undefined {
  const g = recentGrowth(ds.stockTotal, baseYear);
  return g ? toTrendEstimate({ growth: g.mean, se: Math.sqrt(g.variance) }, 0, g.mean) : undefined;
}

/** Latest census year with any stock in the dataset. */
export function latestStockYear(ds: LaDataset): number | undefined {
  const ys = [...Object.keys(ds.stockCube), ...Object.keys(ds.stockTotal)].map(Number);
  return ys.length ? Math.max(...ys) : undefined;
}

/**
 * Projects one LA under a scenario.
 * @example const { projection } = await projectLa(ds, baseline, { draws: 1000, seed: 1 })
 */
export async function projectLa(ds: LaDataset, scenario: Scenario, opts: ProjectLaOptions): Promise<LaProjection> {
  const baseYear = opts.baseYear ?? scenario.base_year ?? latestStockYear(ds);
  const stockYears = [...new Set([...Object.keys(ds.stockCube), ...Object.keys(ds.stockTotal)].map(Number))].sort((a, b) => a - b);
  if (baseYear === undefined || (ds.stockCube[baseYear] === undefined && ds.stockTotal[baseYear] === undefined))
    throw new HighneedsError(ExitCode.INVALID_INPUT, noBaseStock(baseYear, stockYears));
  const horizon = scenario.horizon_years;
  const window = scenario.projection.window_years;
  const personLevel = ds.stockCube[baseYear] !== undefined && ds.linkedMoves.length > 0;
  const rates = personLevel
    ? estimateRatesFromPersons(ds, { baseYear, windowYears: window, national: opts.national, transitionAges: scenario.transition_ages as EngineInput['transitionAges'] })
    : estimateRatesFromAggregates(ds, {
        baseYear,
        windowYears: window,
        national: opts.national,
        trend: ownStockTrend(ds, baseYear),
        flow: ownFlowEstimate(ds, baseYear),
        ageFallbacks: opts.ageFallbacks,
      });
  // the base year's own plans by age, need and placement where a return gives them, whichever route estimates the rates:
  // with one SEN2 return (no linked moves) the run started from the published placement mix spread over ages instead,
  // and called it the January's actual plans (FE 160 for the return's 275, EOTAS 204 for 140)
  const baseCube = ds.stockCube[baseYear];
  const initial = baseCube ? Float64Array.from(baseCube) : initialCubeFromAggregates(ds, baseYear, opts.ageFallbacks);
  if (!personLevel && !ageShapeAt(ds, baseYear)) {
    const shape = ageShapeAt(ds, baseYear, opts.ageFallbacks);
    rates.notes.push(
      shape
        ? `No age breakdown of ${possessive(ds.la.name)} plans in the data: its stock is apportioned by ${shape.source}. Figures by age are estimates; a release with ages (2022 layout, or single ages from 2023/24) would replace them.`
        : `No age breakdown of ${possessive(ds.la.name)} plans in the data or reference series.`,
    );
  }
  const placedAt = personLevel ? baseYear : latestYear(ds.stockByPlacement, baseYear);
  if (placedAt !== undefined && placedAt < baseYear) rates.notes.push(placementsFromEarlierYear(ds.la.name, baseYear, placedAt));
  const unrecorded = personLevel ? undefined : unrecordedPlacements(ds, baseYear);
  if (unrecorded) rates.notes.push(unrecordedPlacementsPlaced(ds.la.name, unrecorded.year, unrecorded.none, unrecorded.total));
  const population = populationProxy(ds, baseYear, horizon);
  const popYears = Object.keys(ds.population).map(Number);
  if (popYears.length && Math.max(...popYears) < baseYear + horizon) rates.notes.push(populationHeld(Math.max(...popYears), baseYear + horizon));
  if (!rates.pipeline) {
    // requests → assessments → plans where requests data exist (either route); the scenario can turn it off
    const est = estimatePipelineRates(ds, rates, { baseYear, windowYears: window });
    if (est.pipeline) rates.pipeline = est.pipeline;
    rates.notes.push(...est.notes);
  }
  const input: EngineInput = {
    rates,
    initial,
    population,
    baseYear,
    horizon,
    scenario,
    capacity: scenario.capacity.from_places_table ? opts.capacity : undefined,
  };
  if (opts.constraint) return constrainedProjection(input, scenario, opts.constraint, opts, personLevel, window, ds.la.name, ds.unpublishedNewPlans?.[input.baseYear - 1]);
  const mc = { draws: opts.draws, seed: opts.seed, workers: opts.workers, weights: opts.weights };
  const projection = await projectMonteCarlo(input, mc);
  projection.assumptions = [...rateAssumptions(rates, personLevel, initial, window), ...projection.assumptions];
  let unmitigated: ProjectionResult | undefined;
  if (scenario.mitigations.length > 0) {
    unmitigated = await projectMonteCarlo({ ...input, scenario: { ...scenario, mitigations: [] } }, mc);
    unmitigated.assumptions = projection.assumptions.filter((a) => !a.key.startsWith('mitigation.'));
  }
  return { projection, rates, unmitigated, input, reference: referenceProjection(input) };
}

/**
 * The engine input with new plans where the data hold none for the year before the base year (zero incidence at
 * every age: no new-plans table, or one that ends earlier, so no trend factor could
 * add a plan and the run fell short of the forecast's total year after year: Kent from the 2025 layout's caseload
 * alone went 17,733 → 14,926 plans in three years where `forecast` gives 25,993): `needed` new plans (what the first
 * projected year's total needs beyond the plans carried on) spread over ages like the first fallback's new plans,
 * per head of the population the engine uses; the solved trend then sets each year's number. Undefined when the data
 * have new plans, none are needed, or no fallback has new plans by age.
 */
function newPlansForTotal(
  raw: EngineInput,
  needed: number,
  fallbacks: readonly LaDataset[],
  laName: string,
  unpublished?: UnpublishedNewPlans,
): { input: EngineInput; note: string } | undefined {
  if (!(needed > 0) || raw.rates.incidence.some((v) => v > 0)) return undefined;
  const shape = newPlanAgeShape(fallbacks, raw.baseYear - 1);
  if (!shape) return undefined;
  let sum = 0;
  for (const v of shape.byAge) sum += v;
  if (!(sum > 0)) return undefined;
  const pop = populationAt(raw.population, raw.baseYear + 1, raw.baseYear);
  const incidence = new Float64Array(raw.rates.incidence.length);
  for (let a = 0; a < incidence.length; a++) incidence[a] = pop[a]! > 0 ? (needed * shape.byAge[a]!) / sum / pop[a]! : 0;
  return { input: { ...raw, rates: { ...raw.rates, incidence } }, note: newPlansBorrowedForTotal(laName, raw.baseYear, shape.source, unpublished) };
}

/** Relative miss of the forecast total (beyond half a plan) that a constrained run may not leave unreached. */
export const UNREACHED_TOLERANCE = 0.005;

/** projectLa held to a total-plans forecast: the trend path solved, draws from the forecast's calibrated shocks. */
function constrainedProjection(
  raw: EngineInput,
  scenario: Scenario,
  constraint: TotalsConstraint,
  opts: ProjectLaOptions,
  personLevel: boolean,
  window: number | undefined,
  laName: string,
  unpublished?: UnpublishedNewPlans,
): LaProjection {
  let solved = constrainInput(raw, constraint);
  // no new plans in the data: the forecast's total says how many the first year needs, the fallbacks at which ages
  const borrowed = personLevel ? undefined : newPlansForTotal(raw, solved.unreached[0] ?? 0, opts.ageFallbacks ?? [], laName, unpublished);
  if (borrowed) {
    solved = constrainInput(borrowed.input, constraint);
    const none = noNewPlansForFlowYear(raw.baseYear - 1, unpublished);
    solved.input.rates.notes = [...solved.input.rates.notes.filter((n) => n !== none), borrowed.note];
  }
  const { input, shortfall, unreached, firstNewPlans } = solved;
  const gap = unreached.findIndex((x, h) => x > Math.max(0.5, UNREACHED_TOLERANCE * constraint.central[h]!));
  const unreachable =
    gap >= 0
      ? {
          year: input.baseYear + gap + 1,
          target: constraint.central[gap]!,
          reached: constraint.central[gap]! - unreached[gap]!,
          // a marker where the year's new plans would be: what stood in for them is what was missing (not the table)
          ...(unpublished && !personLevel ? { unpublished: { ...unpublished, year: input.baseYear - 1 } } : {}),
        }
      : undefined;
  const rates = input.rates;
  const miss = shortfall.findIndex((x) => x > 0.5);
  if (miss >= 0)
    rates.notes.push(
      `In ${input.baseYear + miss + 1} the plans carried on from the year before already exceed the forecast total by ${Math.round(shortfall[miss]!)}: no new plans are projected that year.`,
    );
  // a first factor far from 1 is the gap between the rates' new plans and the forecast's, not a growth: said
  const t1 = rates.trend.path?.[1];
  const [lo, hi] = NEW_PLAN_FACTOR_SAID_OUTSIDE;
  if (firstNewPlans && t1 !== undefined && firstNewPlans.atRates > 0 && firstNewPlans.needed > 0 && (t1 < lo || t1 > hi))
    rates.notes.push(newPlanFactorFar(laName, input.baseYear + 1, firstNewPlans.atRates, firstNewPlans.needed, rates.trend.path!.slice(1, scenario.horizon_years + 1)));
  const qs = (scenario.uncertainty?.quantiles ?? [0.1, 0.5, 0.9]) as [number, number, number];
  const project = (s: Scenario): ProjectionResult => constrainedMonteCarlo(projectDeterministic({ ...input, scenario: s }), constraint.sd, opts.draws, opts.seed, qs);
  const projection = project(scenario);
  projection.assumptions = [
    { key: 'total.model', value: constraint.description, source: 'data' },
    { key: 'total.calibrated_sd', value: constraint.sd.slice(0, scenario.horizon_years).map((x) => x.toFixed(4)).join(', '), unit: 'log scale, by year ahead', source: 'data' },
    ...rateAssumptions(rates, personLevel, input.initial, window),
    ...projection.assumptions.filter((a) => !a.key.startsWith('trend.')),
    { key: 'trend.path', value: (rates.trend.path ?? []).slice(1).map((x) => x.toFixed(3)).join(', '), unit: 'new-plan factor by year ahead (solved)', source: 'data' },
  ];
  let unmitigated: ProjectionResult | undefined;
  if (scenario.mitigations.length > 0) {
    unmitigated = project({ ...scenario, mitigations: [] });
    unmitigated.assumptions = projection.assumptions.filter((a) => !a.key.startsWith('mitigation.'));
  }
  return { projection, rates, unmitigated, input, constraint, reference: referenceProjection(input), ...(unreachable ? { unreachable } : {}) };
}

function rateAssumptions(rates: Rates, personLevel: boolean, initial: Float64Array, window: number | undefined): ProjectionResult['assumptions'] {
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  const cease = (from: number, to: number): string => {
    const xs = Array.from(rates.continuation.subarray(from, to + 1));
    return xs.map((c, i) => `${from + i}: ${pct(1 - c)}`).join(', ');
  };
  let inc = 0;
  for (const v of rates.incidence) inc += v;
  return [
    { key: 'rates.route', value: personLevel ? 'person-level SEN2 (linked returns)' : 'aggregate EES series', source: 'data' },
    { key: 'rates.window_years', value: String(window ?? (personLevel ? 3 : 3)), unit: 'years', source: window !== undefined ? 'scenario' : 'default' },
    { key: 'initial.total_plans', value: String(Math.round(cubeTotal(initial))), unit: 'plans', source: 'data' },
    { key: 'rates.ceasing_by_age_school', value: cease(4, 15), unit: 'per year', source: 'data' },
    { key: 'rates.ceasing_by_age_post16', value: cease(16, 24), unit: 'per year', source: 'data' },
    { key: 'rates.incidence_sum_over_ages', value: inc.toPrecision(4), unit: 'new plans per head (sum of single ages)', source: 'data' },
    ...rates.notes.map((n, i) => ({ key: `rates.note.${i + 1}`, value: n, source: 'data' as const })),
  ];
}
