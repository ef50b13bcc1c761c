/**
 * Sensitivity (tornado) data: the cumulative DSG balance at the horizon and at 31 March 2028 with one assumption
 * moved down ("low") and up ("high") by the scenario's `sensitivity` steps.
 *
 * Assumptions the budget prices itself are re-priced directly: inflation (every rate ± pp), unit costs (all × 1 ±),
 * High Needs block growth (± pp). Assumptions that change the number of plans need the engine: the caller passes
 * `reproject(variant)`, which re-runs the projection with a SensitivityVariant; without it those rows are left out
 * (with a warning).
 */
import type { ProjectionResult } from '../model/result.ts';
import { STATUTORY_OVERRIDE_END_FY } from '../domain/index.ts';
import { sensitivityChange, sensitivityLabel, sensitivityNeedsEngine } from '../messages/budget.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { BudgetParams } from './params.ts';
import { cumulativeBalances, financialYearsOf, pathPrices, withIncome } from './path.ts';
import type { YearPrices } from './path.ts';
import type { BudgetTables } from './tables.ts';
import type { SensitivityRow } from './types.ts';
import type { CellUnitCosts } from './unit-costs.ts';

/**
 * A change to the projection's assumptions, for the lead to map onto the engine. Every field is optional and
 * 0/absent means "as in the scenario".
 */
export interface SensitivityVariant {
  /** Added to the yearly incidence growth of new plans: 0.02 = +2 percentage points a year. */
  incidenceGrowthDelta?: number;
  /** Relative change of the share of placements (new plans and moves) into independent special schools: 0.1 = × 1.1. */
  issShareDelta?: number;
  /** Relative change of ceasing rates at ages 16–19: 0.1 = × 1.1. */
  ceasing1619Delta?: number;
}

/** The census cubes of the projection re-run with a variant (its years are the scenario's). */
export type Reproject = (variant: SensitivityVariant) => Pick<ProjectionResult, 'central'>;

/** The keys of the tornado rows, in the order they are computed. */
export const SENSITIVITY_KEYS = ['incidence_growth', 'iss_share', 'ceasing_16_19', 'inflation', 'unit_costs', 'funding_growth'] as const;
export type SensitivityKey = (typeof SENSITIVITY_KEYS)[number];

export interface SensitivityContext {
  projection: ProjectionResult;
  tables: BudgetTables;
  params: BudgetParams;
  unit: CellUnitCosts;
  opening: number;
  steps: Scenario['sensitivity'];
}

interface Outcome {
  horizon: number;
  march2028: number;
}

/** The balances of one variant: its cubes priced at its prices (only the balances, not budgetPath's lines). */
function outcome(central: readonly Float64Array[], prices: readonly YearPrices[], ctx: SensitivityContext, fys: readonly number[]): Outcome {
  const balances = cumulativeBalances(central, prices, ctx.params.changeMonth, ctx.opening);
  const m = fys.indexOf(STATUTORY_OVERRIDE_END_FY);
  return { horizon: balances[balances.length - 1] ?? ctx.opening, march2028: m >= 0 ? balances[m]! : NaN };
}

function row(key: SensitivityKey, step: number, low: Outcome, high: Outcome): SensitivityRow {
  return {
    key,
    assumption: sensitivityLabel(key),
    change: sensitivityChange(key, step),
    lowBalanceAtHorizon: low.horizon,
    highBalanceAtHorizon: high.horizon,
    lowBalanceAtMarch2028: low.march2028,
    highBalanceAtMarch2028: high.march2028,
  };
}

/**
 * Tornado rows, largest swing of the horizon balance first, and the central outcome they move from.
 * @example sensitivity(ctx, (v) => engine.run({ ...scenario, ...mapVariant(v) }))
 */
export function sensitivity(ctx: SensitivityContext, reproject?: Reproject): { rows: SensitivityRow[]; base: Outcome; warnings: string[] } {
  const s = ctx.steps;
  const p = ctx.params;
  const fys = financialYearsOf(ctx.projection);
  const priced = (params: BudgetParams) => pathPrices(fys, ctx.tables, params, ctx.unit, ctx.projection.years[0] ?? 0);
  // the engine rows move plans only: they are priced at the central prices, made once
  const prices = priced(p);
  const base = outcome(ctx.projection.central, prices, ctx, fys);
  const rows: SensitivityRow[] = [];
  const warnings: string[] = [];
  const engineRows: Array<[SensitivityKey, number, (d: number) => SensitivityVariant]> = [
    ['incidence_growth', s.growth, (d) => ({ incidenceGrowthDelta: d })],
    ['iss_share', s.iss_share, (d) => ({ issShareDelta: d })],
    ['ceasing_16_19', s.ceasing_16_19, (d) => ({ ceasing1619Delta: d })],
  ];
  if (reproject) {
    for (const [key, step, variant] of engineRows) {
      const at = (d: number) => outcome(reproject(variant(d)).central, prices, ctx, fys);
      rows.push(row(key, step, at(-step), at(step)));
    }
  } else {
    warnings.push(sensitivityNeedsEngine());
  }
  const direct: Array<[SensitivityKey, number, (d: number) => YearPrices[]]> = [
    ['inflation', s.inflation, (d) => priced({ ...p, inflation: { ...p.inflation, shift: p.inflation.shift + d } })],
    ['unit_costs', s.unit_costs, (d) => priced({ ...p, unitCostScale: p.unitCostScale * (1 + d) })],
    // funding growth moves income alone: the cells and the other lines keep the central prices
    ['funding_growth', s.funding_growth, (d) => withIncome(prices, ctx.tables, { ...p, fundingGrowth: p.fundingGrowth + d })],
  ];
  for (const [key, step, movedPrices] of direct) {
    const at = (d: number) => outcome(ctx.projection.central, movedPrices(d), ctx, fys);
    rows.push(row(key, step, at(-step), at(step)));
  }
  rows.sort((a, b) => Math.abs(b.highBalanceAtHorizon - b.lowBalanceAtHorizon) - Math.abs(a.highBalanceAtHorizon - a.lowBalanceAtHorizon));
  return { rows, base, warnings };
}
