/**
 * P10/P50/P90 of expenditure, in-year and cumulative balance from the engine's Monte Carlo draws.
 *
 * The engine returns plans per draw, census year and placement (not the full cube), so each placement's cost in a
 * draw is priced at an effective unit cost: the central path's cost of that placement divided by its central
 * plans, at the same census and prices — the central path's age and need mix weights the unit costs. Per draw:
 *   top-ups(FY Y) = Σ_p financialYearValue(draw plans_p(Y) × e_p(Y), draw plans_p(Y+1) × e_p(Y+1))
 *   expenditure = top-ups + place funding + other spend (these do not vary by draw); income does not vary.
 * Cumulative quantiles come from each draw's own cumulative path (not from adding quantiles).
 * With no draws, P10 = P50 = P90 = the central path.
 *
 * Price risk (price-draws.ts) is independent of demand risk. Its quantiles are combined with the demand quantiles
 * as independent errors are: the median moves by the price draws' median shift, and each side's distance from the
 * median is √(demand distance² + price distance²). So a wider price spread never narrows a range, and a spread of
 * 0 leaves the demand ranges as they were.
 */
import { N_PLACEMENTS, financialYearValue } from '../domain/index.ts';
import type { ProjectionResult, Quantiles } from '../model/result.ts';
import { drawShapeMismatch } from '../messages/budget.ts';
import type { BudgetParams } from './params.ts';
import type { BudgetPath } from './path.ts';
import { budgetPath, meanCellCost } from './path.ts';
import { hasPriceRisk, priceQuantile, priceShocks, shockedParams } from './price-draws.ts';
import type { BudgetTables } from './tables.ts';
import { pointQuantiles, quantilesOf } from '../util/quantiles.ts';
import type { CellUnitCosts } from './unit-costs.ts';

export interface BudgetQuantiles {
  expenditure: Quantiles[];
  inYear: Quantiles[];
  cumulative: Quantiles[];
  warnings: string[];
  /** Per draw (demand only, central prices): [FY index][draw]. Empty without draws. */
  demandDraws?: { inYear: Float64Array[]; cumulative: Float64Array[] };
}

/**
 * Effective unit costs per FY: [FY index] → { atY, atY1 } by placement index.
 * @example effective cost = central cost at census Y / central plans at census Y
 */
export function effectiveUnitCosts(path: BudgetPath, unit: CellUnitCosts, params: BudgetParams): Array<{ atY: Float64Array; atY1: Float64Array }> {
  return path.fys.map((fy, i) => {
    const atY = new Float64Array(N_PLACEMENTS);
    const atY1 = new Float64Array(N_PLACEMENTS);
    for (let p = 0; p < N_PLACEMENTS; p++) {
      const nY = path.plans[i]![p]!;
      const nY1 = path.plans[i + 1]![p]!;
      const eY = nY > 0 ? path.costAtY[i]![p]! / nY : undefined;
      const eY1 = nY1 > 0 ? path.costAtY1[i]![p]! / nY1 : undefined;
      const fallback = eY ?? eY1 ?? meanCellCost(unit, params, fy, p);
      atY[p] = eY ?? fallback;
      atY1[p] = eY1 ?? fallback;
    }
    return { atY, atY1 };
  });
}

/** Quantiles of the budget across the projection's draws (point quantiles of the central path when there are none). */
export function budgetQuantiles(
  path: BudgetPath,
  projection: ProjectionResult,
  tables: BudgetTables,
  unit: CellUnitCosts,
  params: BudgetParams,
  opening: number,
  levels: readonly [number, number, number] = [0.1, 0.5, 0.9],
): BudgetQuantiles {
  const central = (): BudgetQuantiles => ({
    expenditure: path.lines.map((l) => pointQuantiles(l.expenditure)),
    inYear: path.lines.map((l) => pointQuantiles(l.inYearBalance)),
    cumulative: path.lines.map((l) => pointQuantiles(l.cumulativeBalance)),
    warnings: [],
  });
  const D = projection.draws;
  const Y = projection.years.length;
  const totals = projection.drawPlacementTotals;
  if (D <= 0 || path.fys.length === 0) return central();
  if (totals.length !== D * Y * N_PLACEMENTS) {
    return { ...central(), warnings: [drawShapeMismatch(totals.length, D, Y, N_PLACEMENTS)] };
  }
  const eff = effectiveUnitCosts(path, unit, params);
  const F = path.fys.length;
  const exp = path.fys.map(() => new Float64Array(D));
  const inYear = path.fys.map(() => new Float64Array(D));
  const cum = path.fys.map(() => new Float64Array(D));
  for (let d = 0; d < D; d++) {
    let running = opening;
    for (let i = 0; i < F; i++) {
      const line = path.lines[i]!;
      const offY = (d * Y + i) * N_PLACEMENTS;
      const offY1 = (d * Y + i + 1) * N_PLACEMENTS;
      let topUps = 0;
      for (let p = 0; p < N_PLACEMENTS; p++) {
        topUps += financialYearValue(totals[offY + p]! * eff[i]!.atY[p]!, totals[offY1 + p]! * eff[i]!.atY1[p]!, params.changeMonth);
      }
      const e = line.expenditure - line.topUps + topUps;
      exp[i]![d] = e;
      inYear[i]![d] = line.income - e;
      running += line.income - e;
      cum[i]![d] = running;
    }
  }
  const demand: BudgetQuantiles = {
    expenditure: exp.map((v) => quantilesOf(v, levels)),
    inYear: inYear.map((v) => quantilesOf(v, levels)),
    cumulative: cum.map((v) => quantilesOf(v, levels)),
    warnings: [],
    demandDraws: { inYear, cumulative: cum },
  };
  if (!hasPriceRisk(params)) return demand;
  return withPriceRisk(demand, path, { projection, tables, unit, params, opening }, D, levels);
}

interface PriceContext {
  projection: ProjectionResult;
  tables: BudgetTables;
  unit: CellUnitCosts;
  params: BudgetParams;
  opening: number;
}

/** A path priced at price shock `z`, cached by z. */
export function shockedPaths(path: BudgetPath, ctx: PriceContext): (z: number) => BudgetPath {
  const cache = new Map<number, BudgetPath>([[0, path]]);
  return (z) => {
    let p = cache.get(z);
    if (!p) {
      p = budgetPath(ctx.projection, ctx.tables, shockedParams(ctx.params, z), ctx.unit, ctx.opening);
      cache.set(z, p);
    }
    return p;
  };
}

/** Combines one quantity's demand quantiles with its price quantiles (independent errors). */
export function combineQuantiles(demand: Quantiles, price: Quantiles, central: number): Quantiles {
  const mid = demand.p50 + (price.p50 - central);
  return {
    p10: mid - Math.hypot(demand.p50 - demand.p10, price.p50 - price.p10),
    p50: mid,
    p90: mid + Math.hypot(demand.p90 - demand.p50, price.p90 - price.p50),
  };
}

function withPriceRisk(
  demand: BudgetQuantiles,
  path: BudgetPath,
  ctx: PriceContext,
  draws: number,
  levels: readonly [number, number, number],
): BudgetQuantiles {
  const shocks = priceShocks(draws, ctx.projection.seed);
  const at = shockedPaths(path, ctx);
  const quantity = (i: number, increasing: boolean, pick: (l: BudgetPath['lines'][number]) => number): Quantiles => {
    const v = (z: number): number => pick(at(z).lines[i]!);
    const [a, b, c] = levels.map((q) => priceQuantile(shocks, q, increasing, v)) as [number, number, number];
    return { p10: a, p50: b, p90: c };
  };
  return {
    ...demand,
    expenditure: demand.expenditure.map((d, i) => combineQuantiles(d, quantity(i, true, (l) => l.expenditure), path.lines[i]!.expenditure)),
    inYear: demand.inYear.map((d, i) => combineQuantiles(d, quantity(i, false, (l) => l.inYearBalance), path.lines[i]!.inYearBalance)),
    cumulative: demand.cumulative.map((d, i) => combineQuantiles(d, quantity(i, false, (l) => l.cumulativeBalance), path.lines[i]!.cumulativeBalance)),
  };
}
