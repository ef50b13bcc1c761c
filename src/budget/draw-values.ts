/**
 * One money figure per Monte Carlo draw (for the chance that a goal is met): each demand draw priced as the
 * budget's quantiles price it (monte-carlo.ts), with its own price shock (price-draws.ts) added as the change it
 * makes to the central path. The shock of draw d is the d-th of the run's antithetic shocks; the engine's draws
 * are in no particular order, so demand and price stay independent. The price change at a shock is interpolated
 * between budget paths priced on a grid of shocks (−4 to 4 in steps of 0.25): exact at the grid points, and
 * within a pound or two between them for yearly spreads of a few per cent.
 */
import type { GoalTarget } from './goal-seek.ts';
import { TARGET_KINDS } from './goal-seek.ts';
import { budgetQuantiles, shockedPaths } from './monte-carlo.ts';
import { hasPriceRisk, priceShocks } from './price-draws.ts';
import { prepareBudget, type BudgetInputs } from './run-budget.ts';

const GRID_STEP = 0.25;
const GRID_MAX = 4;

/**
 * The target's figure in every draw, or undefined when the projection has no draws or the year is not in the run.
 * @example budgetDraws(inputs, parseTarget('in-year-balance=0@2028-29')!)!.filter((v) => v >= 0).length / draws
 */
export function budgetDraws(inputs: BudgetInputs, target: GoalTarget): Float64Array | undefined {
  const prep = prepareBudget(inputs);
  const i = prep.path.fys.indexOf(target.fy);
  const D = inputs.projection.draws;
  if (i < 0 || D <= 0) return undefined;
  const q = budgetQuantiles(prep.path, inputs.projection, prep.tables, prep.unit, { ...prep.params, priceSd: { inflation: 0, drift: 0 } }, prep.opening.balance, [0.1, 0.5, 0.9]);
  const kind = TARGET_KINDS[target.kind];
  const demand = kind === 'inYearBalance' ? q.demandDraws?.inYear[i] : q.demandDraws?.cumulative[i];
  if (!demand) return undefined;
  const out = Float64Array.from(demand);
  if (!hasPriceRisk(prep.params)) return out;
  const at = shockedPaths(prep.path, { projection: inputs.projection, tables: prep.tables, unit: prep.unit, params: prep.params, opening: prep.opening.balance });
  const central = prep.path.lines[i]![kind];
  const change = (z: number): number => at(z).lines[i]![kind] - central;
  const shocks = priceShocks(D, inputs.projection.seed);
  for (let d = 0; d < D; d++) {
    const z = Math.max(-GRID_MAX, Math.min(GRID_MAX, shocks[d]!));
    const lo = Math.floor(z / GRID_STEP) * GRID_STEP;
    const w = (z - lo) / GRID_STEP;
    const a = change(lo);
    out[d]! += w === 0 ? a : a + w * (change(lo + GRID_STEP) - a);
  }
  return out;
}
