/**
 * One LA's projection from its dataset and a scenario — the model stage's front door:
 *
 *   LaDataset ──► person-level route (stockCube + linkedMoves)  ─┐
 *            └─► aggregate route (EES series)                    ├─► Rates + initial cube ──► engine ──► ProjectionResult
 *   Scenario  ──► levers, capacity, trend overrides ─────────────┘        (+ unmitigated run, same seed)
 */
import { ExitCode, HighneedsError } from '../errors.ts';
import { noBaseStock } from '../messages/model.ts';
import type { Scenario } from '../scenario/schema.ts';
import { cubeTotal } from './cube.ts';
import type { LaDataset } from './dataset.ts';
import { projectMonteCarlo, type EngineInput } from './engine.ts';
import { estimateRatesFromAggregates, initialCubeFromAggregates, populationProxy } from './estimate/aggregate.ts';
import { conversions, exitRates, leadNewPlans, weightedSummary, type FlowEstimate } from './estimate/aggregate-flow.ts';
import { estimateRatesFromPersons } from './estimate/person.ts';
import { estimatePipelineRates } from './estimate/pipeline.ts';
import type { PlacesTable } from './levers/capacity.ts';
import type { Rates, TrendEstimate } from './rates.ts';
import { recentGrowth, toTrendEstimate } from './trend.ts';
import type { ProjectionResult } from './result.ts';

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
}

export interface LaProjection {
  projection: ProjectionResult;
  rates: Rates;
  /** The same scenario without mitigations and the same seed (for the recovery-plan bridge). */
  unmitigated?: ProjectionResult;
  /** The engine input of the scenario's run (for sensitivity re-projections and per-lever runs). */
  input: EngineInput;
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
    throw new HighneedsError(ExitCode.INVALID_INPUT, noBaseStock(baseYear ?? NaN, stockYears));
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
      });
  const initial = personLevel ? Float64Array.from(ds.stockCube[baseYear]!) : initialCubeFromAggregates(ds, baseYear);
  const population = populationProxy(ds, baseYear, horizon);
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
  const mc = { draws: opts.draws, seed: opts.seed, workers: opts.workers, weights: opts.weights };
  const projection = await projectMonteCarlo(input, mc);
  projection.assumptions = [...rateAssumptions(rates, personLevel, initial, window), ...projection.assumptions];
  let unmitigated: ProjectionResult | undefined;
  if (scenario.mitigations.length > 0) {
    unmitigated = await projectMonteCarlo({ ...input, scenario: { ...scenario, mitigations: [] } }, mc);
    unmitigated.assumptions = projection.assumptions.filter((a) => !a.key.startsWith('mitigation.'));
  }
  return { projection, rates, unmitigated, input };
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
