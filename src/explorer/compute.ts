/**
 * The explorer's computation, the same functions `run` calls:
 *
 *   payload.input + variant scenario ──projectDeterministic──► projection ─┬─► runBudget ──► lines, quantiles
 *   payload.tables ─────────────────────────────────────────────────────────┘        │
 *   projectionJson + budgetJson ──► ExplorerResult (the shapes of `run --json`) ◄─────┘
 *
 *   Range, as `run --draws N` makes and publishes it (central-path.ts):
 *     run held to the forecast of total plans: constrainedMonteCarlo (the calibrated year-level shocks)
 *     otherwise: planMonteCarlo → runDrawRange in chunks (progress; any split) → monteCarloResult
 *     then centreOnMedian → runBudget → publishBudget: P10/P50/P90
 *
 * With the scenario as loaded this equals `run --draws 0 --json`. Pure: the page, its Web Worker and the parity
 * test call it. The unmitigated path, the tornado (sensitivity) and the per-lever valuations stay in the workbook
 * and report: they do not change the figures the page shows, and leaving them out keeps a lever move fast.
 */
import { budgetJson } from '../budget/budget-json.ts';
import { runBudget } from '../budget/run-budget.ts';
import type { BudgetResult } from '../budget/types.ts';
import { uncostedPlacements, type UncostedPlacement } from '../budget/uncosted.ts';
import { resolveUnitCosts, type CellUnitCosts } from '../budget/unit-costs.ts';
import { constrainedMonteCarlo } from '../model/constrain.ts';
import { monteCarloResult, planMonteCarlo, projectDeterministic } from '../model/engine.ts';
import { referenceProjection, referenceScenario } from '../model/levers/reference.ts';
import { TREND_LEVERS, trendPreparer } from '../model/levers/prepare.ts';
import type { Prepared } from '../model/prepared.ts';
import { N_PLACEMENTS } from '../domain/index.ts';
import { runDrawRange } from '../model/montecarlo/run-draws.ts';
import type { ProjectionResult } from '../model/result.ts';
import { centreOnMedian, publishBudget } from '../pipeline/central-path.ts';
import { childPopulation } from '../model/levers/population.ts';
import { budgetProblem, openingProblem, projectionProblem, type BudgetProblem, type OpeningProblem, type ProjectionProblem, type UncostedProblem } from '../pipeline/plausible.ts';
import { projectionJson, type ProjectionJson } from '../pipeline/run-json.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ExplorerPayload } from './payload-types.ts';

type Q = { p10: number; p50: number; p90: number };

/**
 * What `window.highneeds.result()` returns: the fields of `run --json` the explorer recomputes (without the money keys
 * on the page of a `run --demand-only`, as its JSON has none).
 */
export interface ExplorerResult extends ProjectionJson {
  expenditure_gbp?: Record<string, Q>;
  in_year_balance_gbp?: Record<string, Q>;
  cumulative_balance_gbp?: Record<string, Q>;
}

export interface VariantOutcome {
  scenario: Scenario;
  projection: ProjectionResult;
  budget: BudgetResult;
  result: ExplorerResult;
  /** The LA's people aged 0–25 at each projection year, when the payload has its population (the gates' prevalence check). */
  population?: number[];
  /**
   * Plans of the projection (its central path, and its draws for a placement with no row at all) that no unit-cost row
   * prices, by placement: a lever can put plans where the run had none, and the budget costs them at £0.
   */
  uncosted: UncostedPlacement[];
}

/** The scenario the budget is run with: no sensitivity rows (the page does not draw a tornado). */
function budgetScenario(s: Scenario): Scenario {
  return { ...s, sensitivity: undefined as unknown as Scenario['sensitivity'] };
}

/**
 * The path `run` calibrates the budget's base year on (levers/reference.ts: the data's own deterministic path, no
 * scenario effect), made once per payload and reference. With it no lever move changes how a plan is priced, and the
 * figures the page shows do not depend on the path without the recovery plan, which the page does not make.
 */
const references = new WeakMap<ExplorerPayload, { key: string; projection: ProjectionResult }>();
function referenceFor(p: ExplorerPayload, scenario: Scenario): ProjectionResult {
  const key = engineKey(referenceScenario(scenario));
  const last = references.get(p);
  if (last?.key === key) return last.projection;
  const projection = referenceProjection({ ...p.input, scenario });
  references.set(p, { key, projection });
  return projection;
}

/** The payload's unit costs on the cube (resolved once per payload). */
const unitCosts = new WeakMap<ExplorerPayload, CellUnitCosts>();
function unitCostsOf(p: ExplorerPayload): CellUnitCosts {
  let u = unitCosts.get(p);
  if (!u) unitCosts.set(p, (u = resolveUnitCosts(p.tables.unitCosts)));
  return u;
}

/**
 * The budget of a `run --demand-only` page: no financial year, line or figure (the page shows none). Its opening balance
 * is never shown (no card, chart, table or CSV reads it on such a page).
 */
function noBudget(projection: ProjectionResult): BudgetResult {
  return {
    financialYears: [],
    lines: [],
    expenditureQuantiles: [],
    inYearQuantiles: [],
    cumulativeQuantiles: [],
    openingBalance: 0,
    openingBalanceFy: projection.baseYear - 1,
    mitigations: [],
    sensitivity: [],
    warnings: [],
    assumptions: [],
  };
}

function outcome(p: ExplorerPayload, scenario: Scenario, projection: ProjectionResult): VariantOutcome {
  const population = p.populationKnown ? childPopulation(p.input.population, projection.years, p.input.baseYear, scenario.population.growth) : undefined;
  if (p.demandOnly) return { scenario, projection, budget: noBudget(projection), population, uncosted: [], result: projectionJson(projection, p.observedBase) };
  // Without the unmitigated projection runBudget values the levers against this path (a warning the page does not
  // show); the expenditure, income and balance lines do not depend on it. publishBudget changes nothing without draws.
  const referenceProjection = referenceFor(p, scenario);
  const budget = publishBudget(runBudget({ scenario: budgetScenario(scenario), tables: p.tables, projection, referenceProjection }));
  const b = budgetJson(budget);
  return {
    scenario,
    projection,
    budget,
    population,
    uncosted: uncostedPlacements([projection], unitCostsOf(p)),
    result: {
      ...projectionJson(projection, p.observedBase),
      expenditure_gbp: b.expenditure_gbp,
      in_year_balance_gbp: b.in_year_balance_gbp,
      cumulative_balance_gbp: b.cumulative_balance_gbp,
    },
  };
}

/** Why a variant's figures cannot be believed: the first failure of `run`'s sanity gates (pipeline/plausible.ts). */
export type VariantProblem = ProjectionProblem | UncostedProblem | BudgetProblem | OpeningProblem;

/**
 * The first of `run`'s sanity gates (pipeline/plausible.ts, as pipeline/gates.ts applies them) a variant's figures
 * fail, in `run`'s order: total plans (P10, P50, P90) and every cell finite and not below 0, the central total moving by
 * ×0.7 to ×1.5 a year, no total above 20% of the LA's people aged 0–25 (when the payload has its population); no plans
 * in a placement the block pays for that no unit-cost row prices (`uncosted`, gates.ts checkUnitCostCoverage: a lever
 * can put plans where the run had none, which the budget would cost at £0); every money figure finite within
 * ±£1 trillion and expenditure not below £0; an opening balance worked back only over years whose block is in scale
 * with their spend (`opening`, plausible.ts openingProblem). `central` is left out for a range
 * (the page's RangeSummary has totals only; its central path is checked when it is drawn).
 * @example figuresProblem(outcomeFigures(computeVariant(payload, setAt(s, 'costs.inflation', 10)))) // { what: 'expenditure', … }
 */
export function figuresProblem(f: {
  years: readonly number[];
  plans: readonly Q[];
  central?: readonly Float64Array[];
  population?: readonly number[];
  uncosted?: readonly UncostedPlacement[];
  financialYears: readonly number[];
  expenditure: readonly Q[];
  inYear: readonly Q[];
  cumulative: readonly Q[];
  opening?: OpeningProblem;
}): VariantProblem | undefined {
  const projection = projectionProblem({ years: f.years, totals: f.plans, central: f.central, population: f.population });
  if (projection) return projection;
  if (f.uncosted?.length) return { kind: 'uncosted', placements: [...f.uncosted] };
  return budgetProblem(f) ?? f.opening;
}

/** The figures of an outcome the gates read (figuresProblem). */
export function outcomeFigures(o: VariantOutcome): Parameters<typeof figuresProblem>[0] {
  const p = o.projection;
  const b = o.budget;
  return { years: p.years, plans: p.totalQuantiles, central: p.central, population: o.population, uncosted: o.uncosted, financialYears: b.financialYears, expenditure: b.expenditureQuantiles, inYear: b.inYearQuantiles, cumulative: b.cumulativeQuantiles, opening: openingProblem(b) };
}

/**
 * The deterministic result of a variant (`--draws 0` semantics).
 * @example computeVariant(payload, payload.scenario).result.cumulative_balance_gbp['2027-28'].p50
 */
export function computeVariant(p: ExplorerPayload, scenario: Scenario): VariantOutcome {
  return outcome(p, scenario, { ...deterministicProjection(p, scenario), seed: p.seed });
}

/** What the last variant of a payload was projected from and with (deterministicProjection). */
interface Projected {
  /** The scenario as the engine reads it (engineKey) and its projection. */
  key: string;
  projection: ProjectionResult;
  /** The scenario but its trend levers (engineKey of the projection without them) and its preparation for any trend. */
  trendFree: string;
  prepareFor: (scenario: Scenario) => Prepared;
}

const lastProjected = new WeakMap<ExplorerPayload, Projected>();

/**
 * The scenario as the engine reads it, with `projection` in place of its own: JSON without the budget's prices and
 * funding (the engine reads neither) that tells apart every value, -0 from 0 too (JSON writes both as 0).
 */
function engineKey(scenario: Scenario, projection: unknown = scenario.projection): string {
  return JSON.stringify({ ...scenario, projection, costs: undefined, funding: undefined }, (_k, v: unknown) => (Object.is(v, -0) ? '-0' : v));
}

/**
 * `projectDeterministic({ ...p.input, scenario })`, bit for bit, doing again only what a lever move changed: a move
 * of a price or funding lever leaves the projection as it was (the engine reads neither), a move of a trend lever
 * leaves the engine's preparation (levers, population, capacity, new-plan shapes, pipeline: about half of a
 * projection) as it was. The last variant of each payload is kept; its parts are read, never written.
 */
function deterministicProjection(p: ExplorerPayload, scenario: Scenario): ProjectionResult {
  const key = engineKey(scenario);
  const last = lastProjected.get(p);
  if (last?.key === key) return last.projection;
  const proj: Record<string, unknown> = { ...scenario.projection };
  for (const k of TREND_LEVERS) delete proj[k];
  const trendFree = engineKey(scenario, proj);
  const input = { ...p.input, scenario };
  const prepareFor = last?.trendFree === trendFree ? last.prepareFor : trendPreparer(input);
  const projection = projectDeterministic(input, prepareFor(scenario));
  lastProjected.set(p, { key, projection, trendFree, prepareFor });
  return projection;
}

/**
 * Placement totals of draws `start` … `end − 1` of a variant (draws × years × N_PLACEMENTS), in chunks so
 * `onProgress(done)` can report. Draw d uses its own random stream, so any split of the draws (one thread, several
 * Web Workers, the CLI's worker threads) gives the same totals.
 */
export function drawTotals(p: ExplorerPayload, scenario: Scenario, seed: number, start: number, end: number, onProgress?: (done: number) => void): Float64Array {
  const plan = planMonteCarlo({ ...p.input, scenario }, { seed });
  const stride = plan.prep.years.length * N_PLACEMENTS;
  const totals = new Float64Array((end - start) * stride);
  const chunk = Math.max(10, Math.ceil((end - start) / 40));
  for (let a = start; a < end; a += chunk) {
    const b = Math.min(end, a + chunk);
    totals.set(runDrawRange(plan.job, a, b).totals, (a - start) * stride);
    onProgress?.(b - start);
  }
  return totals;
}

/** The variant's outcome with quantiles from the placement totals of all its draws (in draw order), as `run` makes them. */
export function rangeFromTotals(p: ExplorerPayload, scenario: Scenario, draws: number, seed: number, totals: Float64Array): VariantOutcome {
  const plan = planMonteCarlo({ ...p.input, scenario }, { seed });
  return outcome(p, scenario, centreOnMedian(monteCarloResult(plan, draws, seed, { totals, weighted: {} })));
}

/**
 * The Monte Carlo range of a variant in this thread: the CLI's `run --draws N --seed S` figures.
 * @example rangeOfVariant(payload, scenario, 1000, 1).budget.cumulativeQuantiles
 */
export function rangeOfVariant(p: ExplorerPayload, scenario: Scenario, draws: number, seed: number, onProgress?: (done: number, total: number) => void): VariantOutcome {
  if (p.constraintSd) {
    const qs = (scenario.uncertainty?.quantiles ?? [0.1, 0.5, 0.9]) as [number, number, number];
    const mc = constrainedMonteCarlo(projectDeterministic({ ...p.input, scenario }), p.constraintSd, draws, seed, qs);
    onProgress?.(draws, draws);
    return outcome(p, scenario, centreOnMedian(mc));
  }
  return rangeFromTotals(p, scenario, draws, seed, drawTotals(p, scenario, seed, 0, draws, (d) => onProgress?.(d, draws)));
}
