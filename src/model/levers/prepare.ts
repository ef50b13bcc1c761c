/**
 * Turns an engine input into everything a projection needs that does not depend on a Monte Carlo draw: the
 * per-year levers, the rate-free new-plan shapes, capacity, the effective trend and migration, and the list of
 * effective assumptions. Structured-cloneable, so it can be posted to worker threads as is. `preparer` prepares one
 * input under several sets of rates (the tornado's variants), making what the rates do not change once.
 */
import { DEFAULT_TRANSITION_AGES, N_AGES, PLACEMENTS, type TransitionAges } from '../../domain/index.ts';
import { cubeByPlacement } from '../cube.ts';
import type { EngineInput } from '../engine-input.ts';
import type { Prepared } from '../prepared.ts';
import type { Rates, TrendEstimate } from '../rates.ts';
import type { ProjectionResult } from '../result.ts';
import { pipelineActive, preparePipeline, type PreparedPipeline } from '../pipeline.ts';
import { fallbackDestinations, newPlanShape, possibleTable, type NewPlanShape } from './apply.ts';
import { capacityPlan } from './capacity.ts';
import { populationAt } from './population.ts';
import { movedPath } from './trend.ts';
import { compileLevers, type YearLevers } from './schedule.ts';
import { sameValues } from '../../util/same-values.ts';
import { surgePeakYear } from './surge.ts';

type Assumption = ProjectionResult['assumptions'][number];

export function prepare(input: EngineInput): Prepared {
  return preparer(input)(input.rates);
}

/** What prepare makes from the rates' new-plan mix and pipeline shares alone. */
interface MixParts {
  pipelineRates: Rates['pipeline'];
  fallback: Float64Array;
  shapes: NewPlanShape[];
  pipeline?: PreparedPipeline;
}

/**
 * `prepare` for one engine input under several sets of rates (the tornado re-projects six variants of one input):
 * `preparer(input)(rates)` is `prepare({ ...input, rates })`. What does not depend on the rates (levers, population,
 * capacity) is made once; the new-plan shapes, fallbacks and the pipeline's preparation, which read only the rates'
 * `newMix` and `pipeline`, are made once for each `newMix` array and kept while `pipeline` is the same object
 * (applyRatesVariant shares the arrays a variant leaves alone). Prepared results share these parts: they are read,
 * never written.
 * @example const prepareFor = preparer(input); projectDeterministicCentral({ ...input, rates }, prepareFor(rates))
 */
export function preparer(input: Omit<EngineInput, 'rates'>): (rates: Rates) => Prepared {
  const made = rateFreeParts(input);
  return (rates) => prepareRates(input, rates, made(rates));
}

/** The trend levers of a scenario's `projection`: prepare reads them in prepareRates alone (the trend). */
export const TREND_LEVERS = ['incidence_growth', 'trend_damping', 'long_run_growth'] as const;

/**
 * `prepare` for scenarios that differ from `input.scenario` in the trend levers alone (TREND_LEVERS):
 * `trendPreparer(input)(scenario)` is `prepare({ ...input, scenario })` for any such scenario, with the levers,
 * population, capacity, new-plan shapes and pipeline made once. The explorer's trend levers move without making
 * them again. The caller holds to the condition; prepared results share these parts (read, never written).
 * @example const prepareFor = trendPreparer(input); prepareFor(setAt(input.scenario, 'projection.incidence_growth', 0.05))
 */
export function trendPreparer(input: EngineInput): (scenario: EngineInput['scenario']) => Prepared {
  const made = rateFreeParts(input);
  return (scenario) => prepareRates({ ...input, scenario }, input.rates, made(input.rates));
}

/** What prepare makes from the input but its rates and trend levers, and from each set of rates' mix and pipeline. */
function rateFreeParts(input: Omit<EngineInput, 'rates'>): (rates: Rates) => Pick<Prepared, 'transitionAges' | 'possible' | 'fallback' | 'levers' | 'shapes' | 'capacity' | 'pipeline'> {
  const { scenario, baseYear, horizon } = input;
  const transitionAges = { ...DEFAULT_TRANSITION_AGES, ...(input.transitionAges ?? {}), ...(scenario?.transition_ages ?? {}) } as TransitionAges;
  const possible = possibleTable();
  const levers = compileLevers(scenario, baseYear, horizon, transitionAges);
  const popGrowth = scenario?.population?.growth;
  const pops = levers.map((lv) => populationAt(input.population, lv.year, baseYear, popGrowth));
  const capacity = capacityPlan(input.capacity, scenario, cubeByPlacement(input.initial), baseYear, horizon);
  const pipelineFlag = scenario?.projection?.pipeline;
  const byMix = new WeakMap<Float64Array, MixParts>();
  const mixParts = (rates: Rates): MixParts => {
    const kept = byMix.get(rates.newMix);
    if (kept && kept.pipelineRates === rates.pipeline) return kept;
    // A year without new-plan levers whose population is the last one's (the projection carried forward, or the
    // forecast's proxy) has that year's shape: made once, shared (shapes are read, never written).
    const shapes: NewPlanShape[] = [];
    levers.forEach((lv, i) => {
      const pop = pops[i]!;
      const j = i - 1;
      shapes.push(j >= 0 && neutralNewPlans(lv) && neutralNewPlans(levers[j]!) && sameValues(pops[j]!, pop) ? shapes[j]! : newPlanShape(rates.newMix, lv, pop, possible));
    });
    const pipeline = pipelineActive(rates, pipelineFlag)
      ? preparePipeline(
          rates,
          levers,
          pops,
          populationAt(input.population, baseYear, baseYear, popGrowth),
          possible,
          (scenario?.mitigations ?? []).filter((m) => m.kind === 'fewer_requests' || m.kind === 'lower_conversion').map((m) => m.name),
        )
      : undefined;
    const parts = { pipelineRates: rates.pipeline, fallback: fallbackDestinations(rates.newMix, possible), shapes, pipeline };
    byMix.set(rates.newMix, parts);
    return parts;
  };
  return (rates) => {
    const { fallback, shapes, pipeline } = mixParts(rates);
    return { transitionAges, possible, fallback, levers, shapes, capacity, pipeline };
  };
}

/** The rest of prepare: the trend, migration and list of assumptions of one set of rates. */
function prepareRates(
  input: Omit<EngineInput, 'rates'>,
  rates: Rates,
  made: Pick<Prepared, 'transitionAges' | 'possible' | 'fallback' | 'levers' | 'shapes' | 'capacity' | 'pipeline'>,
): Prepared {
  const { scenario, baseYear, horizon } = input;
  const { transitionAges, possible, fallback, levers, shapes, capacity, pipeline } = made;
  const popGrowth = scenario?.population?.growth;
  const pipelineFlag = scenario?.projection?.pipeline;
  const proj = scenario?.projection ?? {};
  const trend: TrendEstimate = {
    growth: proj.incidence_growth ?? rates.trend.growth,
    se: rates.trend.se,
    damping: proj.trend_damping ?? rates.trend.damping,
    longRun: proj.long_run_growth ?? rates.trend.longRun,
  };
  // A scenario that sets the trend itself moves the solved path of a constrained run by the difference its growth
  // curve makes to the trend behind the path (trend.ts movedPath).
  const ownTrend = proj.incidence_growth !== undefined || proj.trend_damping !== undefined || proj.long_run_growth !== undefined;
  if (rates.trend.path) trend.path = ownTrend ? movedPath(rates.trend.path, rates.trend, trend) : rates.trend.path;
  const netMig = new Float64Array(N_AGES);
  for (let a = 0; a < N_AGES; a++) netMig[a] = proj.net_migration_rate ?? rates.netMigration[a]!;
  const q = scenario?.uncertainty?.quantiles ?? [0.1, 0.5, 0.9];
  const src = (fromScenario: boolean): Assumption['source'] => (fromScenario ? 'scenario' : 'data');
  const assumptions: Assumption[] = [
    { key: 'engine.base_year', value: String(baseYear), source: scenario?.base_year !== undefined ? 'scenario' : 'data' },
    { key: 'engine.horizon_years', value: String(horizon), unit: 'years', source: scenario ? 'scenario' : 'default' },
    { key: 'trend.growth', value: fmt(trend.growth), unit: 'per year', source: src(proj.incidence_growth !== undefined) },
    { key: 'trend.se', value: fmt(trend.se), unit: 'per year', source: 'data' },
    { key: 'trend.damping', value: fmt(trend.damping), unit: 'share per year', source: src(proj.trend_damping !== undefined) },
    { key: 'trend.long_run_growth', value: fmt(trend.longRun), unit: 'per year', source: src(proj.long_run_growth !== undefined) },
    {
      key: 'net_migration_rate',
      value: proj.net_migration_rate !== undefined ? fmt(proj.net_migration_rate) : `by age, mean ${fmt(mean(netMig))}`,
      unit: 'share of stock per year',
      source: src(proj.net_migration_rate !== undefined),
    },
    {
      key: 'population.growth',
      value: popGrowth !== undefined ? fmt(popGrowth) : 'population projection (last year carried forward)',
      source: popGrowth !== undefined ? 'scenario' : 'data',
    },
    { key: 'transition_ages', value: Object.entries(transitionAges).map(([t, a]) => `${t}@${a}`).join(', '), source: scenario?.transition_ages || input.transitionAges ? 'scenario' : 'default' },
    { key: 'uncertainty.quantiles', value: q.join(', '), source: scenario ? 'scenario' : 'default' },
    ...pipelineAssumptions(rates, pipelineFlag, pipeline !== undefined),
  ];
  for (const s of scenario?.surges ?? [])
    assumptions.push({ key: `surge.${s.name}`, value: `peak +${fmt(s.peak_uplift)} at ${surgePeakYear(s)} (from ${s.start_year}, half-life ${s.half_life_years}y) target ${JSON.stringify(s.target)}`, source: 'scenario' });
  for (const t of scenario?.transition_shifts ?? [])
    assumptions.push({ key: `transition_shift.${t.name ?? t.transition}`, value: `${fmt(t.share)} of ${t.transition} moves into ${t.from} → ${t.to} from ${t.start_year}`, source: 'scenario' });
  for (const m of scenario?.mitigations ?? [])
    assumptions.push({
      key: `mitigation.${m.name}`,
      value: `${m.kind} effect ${fmt(m.effect)} from ${m.start_year}, ramp ${m.ramp_years}y, delivery ${fmt(m.delivery)}${m.from ? ` ${m.from}→${m.to}` : ''}${m.kind === 'unit_cost_change' ? ' (budget only)' : ''}`,
      source: 'scenario',
    });
  for (const n of capacity.notes) assumptions.push({ key: 'capacity', value: n, unit: 'places', source: input.capacity ? 'data' : 'scenario' });
  const ov = scenario?.capacity?.overflow;
  if (capacity.notes.length)
    assumptions.push({
      key: 'capacity.overflow',
      value: PLACEMENTS.map((p, i) => (capacity.overflowTo[i]! >= 0 ? `${p}→${PLACEMENTS[capacity.overflowTo[i]!]}` : '')).filter(Boolean).join(', '),
      source: ov ? 'scenario' : 'default',
    });
  return {
    baseYear,
    horizon,
    years: Array.from({ length: horizon + 1 }, (_, k) => baseYear + k),
    transitionAges,
    possible,
    fallback,
    levers,
    shapes,
    capacity,
    trend,
    netMig,
    quantiles: [q[0], q[1], q[2]],
    assumptions,
    pipeline,
  };
}

function pipelineAssumptions(rates: EngineInput['rates'], flag: boolean | undefined, on: boolean): Assumption[] {
  const pl = rates.pipeline;
  const src: Assumption['source'] = flag !== undefined ? 'scenario' : 'default';
  if (!on)
    return [
      {
        key: 'pipeline',
        value: pl ? 'off (scenario projection.pipeline: false): new plans from incidence' : `off: no requests data for at least 2 years${flag ? ' (scenario asked for it)' : ''}; new plans from incidence`,
        source: pl ? 'scenario' : src,
      },
    ];
  const y = pl!.years;
  return [
    { key: 'pipeline', value: `on: requests → assessments → plans, requests data ${y[0]}–${y[y.length - 1]}`, source: src },
    { key: 'pipeline.assess_share', value: fmt(pl!.assessShare), unit: 'of requests', source: 'data' },
    { key: 'pipeline.issue_share', value: fmt(pl!.issueShare), unit: 'plans per assessment completed', source: 'data' },
    { key: 'pipeline.carry_share', value: fmt(pl!.carryShare), unit: 'of assessments open at year end', source: pl!.carrySource === 'default' ? 'default' : 'data' },
    { key: 'pipeline.open_at_base', value: fmt(pl!.openAtBase), unit: 'assessments', source: 'data' },
  ];
}

function fmt(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

function mean(a: Float64Array): number {
  let s = 0;
  for (const v of a) s += v;
  return a.length ? s / a.length : 0;
}

/** Whether a year's levers leave new plans alone (no surge, no new-plan mitigation, no placement shift of new plans). */
function neutralNewPlans(lv: YearLevers): boolean {
  if (lv.newFactors.length > 0) return false;
  for (const list of lv.newShifts) if (list.length > 0) return false;
  for (let i = 0; i < lv.surgeMult.length; i++) if (lv.surgeMult[i] !== 1) return false;
  return true;
}

