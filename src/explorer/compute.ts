/**
 * The explorer's computation, the same functions `run` calls:
 *
 *   payload.input + variant scenario ──projectDeterministic──► projection ─┐
 *                   (no mitigations) ──projectDeterministic──► unmitigated ├─► runBudget ──► lines, quantiles
 *   payload.tables ─────────────────────────────────────────────────────────┘        │
 *   projectionJson + budgetJson ──► ExplorerResult (the shapes of `run --json`) ◄─────┘
 *
 *   Range: planMonteCarlo → runDrawRange in chunks (progress) → monteCarloResult → runBudget → P10/P50/P90
 *
 * With the scenario as loaded this equals `run --draws 0 --json`. Pure: the page, its Web Worker and the parity
 * test call it. The tornado (sensitivity) and per-lever valuations stay in the workbook and report.
 */
import { budgetJson } from '../budget/budget-json.ts';
import { runBudget } from '../budget/run-budget.ts';
import type { BudgetResult } from '../budget/types.ts';
import { monteCarloResult, planMonteCarlo, projectDeterministic } from '../model/engine.ts';
import { N_PLACEMENTS } from '../domain/index.ts';
import { runDrawRange } from '../model/montecarlo/run-draws.ts';
import type { ProjectionResult } from '../model/result.ts';
import { projectionJson, type ProjectionJson } from '../pipeline/run-json.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ExplorerPayload } from './payload.ts';

type Q = { p10: number; p50: number; p90: number };

/** What `window.highneeds.result()` returns: the fields of `run --json` the explorer recomputes. */
export interface ExplorerResult extends ProjectionJson {
  expenditure_gbp: Record<string, Q>;
  in_year_balance_gbp: Record<string, Q>;
  cumulative_balance_gbp: Record<string, Q>;
}

export interface VariantOutcome {
  scenario: Scenario;
  projection: ProjectionResult;
  /** The scenario without its mitigations (when it has any). */
  unmitigated?: ProjectionResult;
  budget: BudgetResult;
  result: ExplorerResult;
}

/** The scenario the budget is run with: no sensitivity rows (the page does not draw a tornado). */
function budgetScenario(s: Scenario): Scenario {
  return { ...s, sensitivity: undefined as unknown as Scenario['sensitivity'] };
}

function outcome(p: ExplorerPayload, scenario: Scenario, projection: ProjectionResult, unmitigated?: ProjectionResult): VariantOutcome {
  const budget = runBudget({ scenario: budgetScenario(scenario), tables: p.tables, projection, unmitigatedProjection: unmitigated });
  const b = budgetJson(budget);
  return {
    scenario,
    projection,
    unmitigated,
    budget,
    result: {
      ...projectionJson(projection),
      expenditure_gbp: b.expenditure_gbp,
      in_year_balance_gbp: b.in_year_balance_gbp,
      cumulative_balance_gbp: b.cumulative_balance_gbp,
    },
  };
}

/**
 * The deterministic result of a variant (`--draws 0` semantics).
 * @example computeVariant(payload, payload.scenario).result.cumulative_balance_gbp['2027-28'].p50
 */
export function computeVariant(p: ExplorerPayload, scenario: Scenario): VariantOutcome {
  const projection = projectDeterministic({ ...p.input, scenario });
  const unmitigated =
    scenario.mitigations.some((m) => m.kind !== 'unit_cost_change') ? projectDeterministic({ ...p.input, scenario: { ...scenario, mitigations: [] } }) : undefined;
  return outcome(p, scenario, { ...projection, seed: p.seed }, unmitigated);
}

/**
 * The Monte Carlo range of a variant: `draws` draws with the run's seed, in chunks so `onProgress(done, draws)`
 * can report. Draw d uses its own random stream, so the result is the CLI's `run --draws N --seed S`.
 */
export function rangeOfVariant(p: ExplorerPayload, scenario: Scenario, draws: number, seed: number, onProgress?: (done: number, total: number) => void): VariantOutcome {
  const plan = planMonteCarlo({ ...p.input, scenario }, { seed });
  const stride = plan.prep.years.length * N_PLACEMENTS;
  const totals = new Float64Array(draws * stride);
  const chunk = Math.max(10, Math.ceil(draws / 40));
  for (let start = 0; start < draws; start += chunk) {
    const end = Math.min(draws, start + chunk);
    totals.set(runDrawRange(plan.job, start, end).totals, start * stride);
    onProgress?.(end, draws);
  }
  return outcome(p, scenario, monteCarloResult(plan, draws, seed, { totals, weighted: {} }));
}
