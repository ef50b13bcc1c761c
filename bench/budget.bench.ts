/**
 * Budget model speed: one LA, every cell of the cube filled, 10 financial years, 1,000 Monte Carlo draws, with the
 * six sensitivity rows (the engine rows fed the same projection, so only the budget's own work is timed).
 */
import { runBudget } from '../src/budget/run-budget.ts';
import type { BudgetTables } from '../src/budget/tables.ts';
import { N_PLACEMENTS, PLACEMENTS, PLACEMENT_AGES } from '../src/domain/index.ts';
import { N_CELLS } from '../src/model/cube.ts';
import type { ProjectionResult } from '../src/model/result.ts';
import { ScenarioSchema } from '../src/scenario/schema.ts';
import type { BudgetScenario } from '../src/budget/params.ts';
import type { Figure } from './figure.ts';

export async function bench(): Promise<Figure[]> {
  const years = Array.from({ length: 11 }, (_, i) => 2025 + i);
  const draws = 1000;
  const projection: ProjectionResult = {
    baseYear: 2025,
    years,
    central: years.map((_, y) => Float64Array.from({ length: N_CELLS }, (_, c) => ((c * 7 + y) % 11) * 0.5)),
    totalQuantiles: [],
    placementQuantiles: [],
    flows: [],
    transitions: [],
    draws,
    seed: 1,
    drawPlacementTotals: Float64Array.from({ length: draws * years.length * N_PLACEMENTS }, (_, i) => 200 + (i % 37)),
    weighted: {},
    assumptions: [],
    notes: [],
  };
  const tables: BudgetTables = {
    unitCosts: PLACEMENTS.map((p, i) => ({ placement: p, annualCostGbp: 5000 + 1000 * i + PLACEMENT_AGES[p].from, priceYear: 2024 })),
    places: [{ placement: 'SSM', fy: 2025, places: 500, placeRateGbp: 10_000 }],
    funding: [{ fy: 2025, hnBlockGbp: 80e6 }],
    otherSpend: [{ line: 'Services', fy: 2025, amountGbp: 5e6 }],
    openingBalances: [{ fy: 2024, balanceGbp: -20e6 }],
  };
  const scenario = ScenarioSchema.parse({}) as BudgetScenario;
  runBudget({ scenario, tables, projection }); // warm-up
  const t0 = performance.now();
  runBudget({ scenario, tables, projection, reproject: () => projection });
  const ms = performance.now() - t0;
  return [{ name: 'runBudget (10 FYs, 1,000 draws, 12 sensitivity paths)', value: ms, unit: 'ms', target: '< 1000 ms', ok: ms < 1000 }];
}
