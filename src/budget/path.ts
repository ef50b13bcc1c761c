/**
 * One budget path: the central projection priced, funded and balanced, financial year by financial year.
 *
 *   census cubes ──► plans × unit cost (prices of FY Y) at census Y and Y+1 ──► financialYearValue ──► top-ups
 *   places table ──► place funding          other-spend table ──► other spend (+ lever delivery costs)
 *   funding table ──► income ──► in-year balance = income − expenditure ──► cumulative from the opening balance
 */
import {
  N_PLACEMENTS,
  PLACEMENTS,
  PLACEMENT_GROUPS,
  financialYearLabel,
  financialYearValue,
  financialYearsForCensusRange,
  groupOf,
  UNPAID_PLACEMENTS,
} from '../domain/index.ts';
import type { Placement, PlacementGroup } from '../domain/index.ts';
import { N_CELLS, cubeByPlacement } from '../model/cube.ts';
import type { ProjectionResult } from '../model/result.ts';
import { capitalCostNotGiven, deliveryLineName, uncostedPlans, zeroUnitCost } from '../messages/budget.ts';
import { incomeFor } from './income.ts';
import type { Income } from './income.ts';
import { leverCells, leverReductions } from './levers.ts';
import type { BudgetParams } from './params.ts';
import { capitalCost, changesWithoutCapitalCost, placeFunding } from './place-funding.ts';
import type { PlaceFunding } from './place-funding.ts';
import { driftFactor, inflationFactor } from './prices.ts';
import { otherSpend } from './other-spend.ts';
import type { OtherSpend } from './other-spend.ts';
import type { BudgetTables } from './tables.ts';
import type { FinancialYearLines } from './types.ts';
import type { CellUnitCosts } from './unit-costs.ts';

/** A line as runBudget builds it: every optional field filled. */
export type PathLine = Required<FinancialYearLines>;

export interface BudgetPath {
  fys: number[];
  lines: PathLine[];
  /** [FY index][placement index]: annual top-up cost of the stock at census Y (= the FY's start), FY Y prices. */
  costAtY: Float64Array[];
  /** [FY index][placement index]: the same for census Y + 1, still at FY Y prices. */
  costAtY1: Float64Array[];
  /** [census index][placement index]: plans on the path. */
  plans: Float64Array[];
  /** [lever][FY index]: spend each unit-cost lever removes (plans × unit cost × its reduction). */
  costLeverSavings: number[][];
  /** [lever][FY index]: cost of delivering each lever with a delivery cost. */
  deliveryCosts: number[][];
  /** [FY index]: funded places, their rate and place funding by placement. */
  places: PlaceFunding[];
  /** [FY index]: one-off capital cost of the capacity changes first funded that year (outside the block); undefined when one gives none. */
  capital: Array<number | undefined>;
  warnings: string[];
  /** The warnings that say a figure stands in for a missing one (£0 for uncosted plans, a deflated block): a run
   *  summarises them on stderr. Also in `warnings`. */
  fallbacks: string[];
}

/** The domain's sizes as locals: hot loops read locals, not module-namespace bindings (as model/engine.ts). */
const NP = N_PLACEMENTS;

/** Financial years a projection covers: from the base year's to the last with both of its censuses. */
export function financialYearsOf(projection: Pick<ProjectionResult, 'years'>): number[] {
  const ys = projection.years;
  return ys.length < 2 ? [] : financialYearsForCensusRange(ys[0]!, ys[ys.length - 1]!);
}

/** Unit cost of every cell at the prices of financial year `fy`, before unit-cost levers. */
export function cellCostsAt(unit: CellUnitCosts, params: BudgetParams, fy: number): Float64Array {
  const out = new Float64Array(N_CELLS);
  const { cost, priceYear } = unit;
  // price factors by price year, per placement (NaN until needed): a table rather than a map lookup per cell
  const byYear = new Map<number, Float64Array>();
  let year = NaN;
  let factors: Float64Array = new Float64Array(0);
  // cells run placement fastest (cube.ts): rows of N_PLACEMENTS, without a modulo per cell
  for (let row = 0; row < N_CELLS; row += NP)
    for (let p = 0; p < NP; p++) {
      const c = row + p;
      const base = cost[c]!;
      if (base === 0) continue;
      const py = priceYear[c]!;
      if (py !== year) {
        year = py;
        factors = byYear.get(py) ?? new Float64Array(NP).fill(NaN);
        byYear.set(py, factors);
      }
      let f = factors[p]!;
      if (Number.isNaN(f)) {
        const pl = PLACEMENTS[p]!;
        f = inflationFactor(params.inflation, pl, py, fy) * driftFactor((params.drift[pl] ?? 0) + params.driftShift, py, fy) * params.unitCostScale;
        factors[p] = f;
      }
      out[c] = base * f;
    }
  return out;
}

/** Mean unit cost of a placement's costed cells at the prices of `fy`: where a path has no plans to divide by. */
export function meanCellCost(unit: CellUnitCosts, params: BudgetParams, fy: number, p: number): number {
  const costs = cellCostsAt(unit, params, fy);
  let s = 0;
  let n = 0;
  for (let c = p; c < costs.length; c += N_PLACEMENTS) if (costs[c]! > 0) [s, n] = [s + costs[c]!, n + 1];
  return n === 0 ? 0 : s / n;
}

/** Delivery cost of a lever in `fy`: its yearly cost from its start year, at base-FY prices inflated at the general rate. */
export function deliveryCost(cost: number, startYear: number, params: BudgetParams, baseFy: number, fy: number): number {
  return fy < startYear ? 0 : cost * inflationFactor(params.inflation, undefined, baseFy, fy);
}

function byPlacementRecord(v: Float64Array): Record<Placement, number> {
  return Object.fromEntries(PLACEMENTS.map((p, i) => [p, v[i]!])) as Record<Placement, number>;
}

/** Annual cost by placement of one cube at the given cell costs. */
function annualCost(cube: Float64Array, costs: Float64Array): Float64Array {
  const out = new Float64Array(N_PLACEMENTS);
  // cells run placement fastest (cube.ts): each placement's sum is taken in cell order, without a modulo per cell
  for (let row = 0; row < N_CELLS; row += N_PLACEMENTS) for (let p = 0; p < N_PLACEMENTS; p++) out[p]! += cube[row + p]! * costs[row + p]!;
  return out;
}

/**
 * Plans the unit-cost table prices at £0 in a placement the block pays for (not NEET or awaiting provision,
 * UNPAID_PLACEMENTS), by placement (the most at any census): those with no matching row, and those whose row says £0.
 * Both put a placement's plans in the budget at no cost; a £0 row is taken as given, but said, since it is as often
 * a blank typed as 0 as a real nil cost.
 */
function uncostedWarnings(projection: ProjectionResult, unit: CellUnitCosts): string[] {
  const { matched, cost } = unit;
  const unpaid = new Uint8Array(N_PLACEMENTS);
  for (const p of UNPAID_PLACEMENTS) unpaid[PLACEMENTS.indexOf(p)] = 1;
  const worst = { none: new Float64Array(N_PLACEMENTS), zero: new Float64Array(N_PLACEMENTS) };
  const worstYear = { none: new Int32Array(N_PLACEMENTS), zero: new Int32Array(N_PLACEMENTS) };
  projection.central.forEach((cube, yi) => {
    const none = new Float64Array(N_PLACEMENTS);
    const zero = new Float64Array(N_PLACEMENTS);
    for (let row = 0; row < N_CELLS; row += NP)
      for (let p = 0; p < NP; p++) {
        const c = row + p;
        if (!(cube[c]! > 0)) continue;
        if (!matched[c]) none[p]! += cube[c]!;
        else if (cost[c] === 0 && !unpaid[p]) zero[p]! += cube[c]!;
      }
    for (let p = 0; p < N_PLACEMENTS; p++) {
      if (none[p]! > worst.none[p]!) [worst.none[p], worstYear.none[p]] = [none[p]!, projection.years[yi]!];
      if (zero[p]! > worst.zero[p]!) [worst.zero[p], worstYear.zero[p]] = [zero[p]!, projection.years[yi]!];
    }
  });
  const out: string[] = [];
  PLACEMENTS.forEach((pl, p) => {
    // NEET and awaiting provision have no setting for the block to pay: no row is £0 as it should be, nothing to add
    if (worst.none[p]! > 0 && !unpaid[p]) out.push(uncostedPlans(pl, worst.none[p]!, worstYear.none[p]!, unit.cost.some((v, c) => v > 0 && c % N_PLACEMENTS === p)));
    if (worst.zero[p]! > 0) out.push(zeroUnitCost(pl, worst.zero[p]!, worstYear.zero[p]!));
  });
  return out;
}

/**
 * What a financial year costs apart from its plans: the cells priced after the unit-cost levers, and every line that
 * does not depend on the number of plans. budgetPath and cumulativeBalances both price from it.
 */
export interface YearPrices {
  fy: number;
  /** Unit cost of every cell at the FY's prices, before unit-cost levers. */
  base: Float64Array;
  /** [cost lever]: share of each cell's unit cost the lever removes in this FY. */
  reductions: Float64Array[];
  /** Unit cost of every cell after the unit-cost levers (never below 0); `base` itself where that is the same. */
  priced: Float64Array;
  places: PlaceFunding;
  otherSpend: OtherSpend;
  /** [delivery lever]: its delivery cost in this FY. */
  delivery: number[];
  /** Σ delivery, in lever order. */
  deliveryTotal: number;
  income: Income;
  warnings: string[];
  fallbacks: string[];
}

function hasNegative(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i]! < 0) return true;
  return false;
}

/** The prices of each financial year in `fys` (baseFy: the year lever delivery costs are priced at). */
export function pathPrices(fys: readonly number[], tables: BudgetTables, params: BudgetParams, unit: CellUnitCosts, baseFy: number): YearPrices[] {
  const leverCellSets = params.costLevers.map(leverCells);
  return fys.map((fy) => {
    const base = cellCostsAt(unit, params, fy);
    const reductions = leverReductions(params.costLevers, leverCellSets, fy);
    // with no unit-cost lever and no negative cost, the cells' prices are their base costs: the same array (both are
    // read, never written), not a copy per financial year
    let priced = base;
    if (reductions.length > 0 || hasNegative(base)) {
      priced = new Float64Array(base);
      for (const r of reductions) for (let c = 0; c < N_CELLS; c++) priced[c]! -= base[c]! * r[c]!;
      for (let c = 0; c < N_CELLS; c++) if (priced[c]! < 0) priced[c] = 0;
    }
    const delivery = params.deliveryLevers.map((m) => deliveryCost(m.cost_gbp_per_year, m.start_year, params, baseFy, fy));
    let deliveryTotal = 0;
    for (const d of delivery) deliveryTotal += d;
    const { income, warnings, fallbacks } = incomeFor(tables.funding, fy, params);
    const places = placeFunding(tables.places, fy, params.placesChanges, params.changeMonth);
    return { fy, base, reductions, priced, places, otherSpend: otherSpend(tables.otherSpend, fy, params.inflation), delivery, deliveryTotal, income, warnings, fallbacks };
  });
}

/**
 * `prices` with each year's income made again under `params`: the prices of a path whose parameters differ from
 * theirs in funding alone (the tornado's funding-growth row), without pricing the cells again.
 */
export function withIncome(prices: readonly YearPrices[], tables: BudgetTables, params: BudgetParams): YearPrices[] {
  return prices.map((yp) => ({ ...yp, ...incomeFor(tables.funding, yp.fy, params) }));
}

/** Top-ups of a financial year: the stock at its two censuses at its prices, by placement, valued across the change month. */
export function yearTopUps(cubeY: Float64Array, cubeY1: Float64Array, prices: YearPrices, changeMonth: number): { atY: Float64Array; atY1: Float64Array; byPlacement: Float64Array; total: number } {
  const atY = annualCost(cubeY, prices.priced);
  const atY1 = annualCost(cubeY1, prices.priced);
  const byPlacement = new Float64Array(N_PLACEMENTS);
  for (let p = 0; p < N_PLACEMENTS; p++) byPlacement[p] = financialYearValue(atY[p]!, atY1[p]!, changeMonth);
  return { atY, atY1, byPlacement, total: byPlacement.reduce((a, b) => a + b, 0) };
}

/** A financial year's expenditure (place funding + top-ups + other spend + lever delivery) and in-year balance. */
export function yearBalance(prices: YearPrices, topUps: number): { expenditure: number; inYearBalance: number } {
  const expenditure = prices.places.total + topUps + prices.otherSpend.total + prices.deliveryTotal;
  return { expenditure, inYearBalance: prices.income.income - expenditure };
}

/**
 * The cumulative DSG balance at the end of each financial year of `prices`, bit for bit budgetPath's
 * `cumulativeBalance` for the same cubes and prices, without the rest of its lines (the tornado reads only these).
 * @param central census cubes from the first FY's census on (one more than `prices`)
 * @example cumulativeBalances(projection.central, pathPrices(fys, tables, params, unit, baseFy), params.changeMonth, opening)
 */
export function cumulativeBalances(central: readonly Float64Array[], prices: readonly YearPrices[], changeMonth: number, opening: number): number[] {
  let cumulative = opening;
  return prices.map((yp, i) => {
    cumulative += yearBalance(yp, yearTopUps(central[i]!, central[i + 1]!, yp, changeMonth).total).inYearBalance;
    return cumulative;
  });
}

/**
 * Prices, funds and balances one projection path.
 * @param opening cumulative DSG balance at 31 March before the first financial year
 */
export function budgetPath(
  projection: ProjectionResult,
  tables: BudgetTables,
  params: BudgetParams,
  unit: CellUnitCosts,
  opening: number,
): BudgetPath {
  const fys = financialYearsOf(projection);
  const fallbacks = uncostedWarnings(projection, unit);
  const warnings = [...fallbacks];
  for (const c of changesWithoutCapitalCost(params.placesChanges)) warnings.push(capitalCostNotGiven(c.places, c.placement, c.year));
  const plans = projection.central.map(cubeByPlacement);
  const costLeverSavings = params.costLevers.map(() => [] as number[]);
  const deliveryCosts = params.deliveryLevers.map(() => [] as number[]);
  const prices = pathPrices(fys, tables, params, unit, projection.years[0] ?? 0);
  const lines: PathLine[] = [];
  const costAtY: Float64Array[] = [];
  const costAtY1: Float64Array[] = [];
  const places: PlaceFunding[] = [];
  const capital: Array<number | undefined> = [];
  let cumulative = opening;
  fys.forEach((fy, i) => {
    const yp = prices[i]!;
    const cubeY = projection.central[i]!;
    const cubeY1 = projection.central[i + 1]!;
    yp.reductions.forEach((r, j) => {
      const removed = new Float64Array(N_CELLS);
      for (let c = 0; c < N_CELLS; c++) removed[c] = yp.base[c]! * r[c]!;
      const sum = (cube: Float64Array) => annualCost(cube, removed).reduce((a, b) => a + b, 0);
      costLeverSavings[j]!.push(financialYearValue(sum(cubeY), sum(cubeY1), params.changeMonth));
    });
    const topUp = yearTopUps(cubeY, cubeY1, yp, params.changeMonth);
    costAtY.push(topUp.atY);
    costAtY1.push(topUp.atY1);
    const fyPlans = new Float64Array(N_PLACEMENTS);
    for (let p = 0; p < N_PLACEMENTS; p++) fyPlans[p] = financialYearValue(plans[i]![p]!, plans[i + 1]![p]!, params.changeMonth);
    const byGroup = Object.fromEntries(PLACEMENT_GROUPS.map((g) => [g, 0])) as Record<PlacementGroup, number>;
    PLACEMENTS.forEach((pl, p) => (byGroup[groupOf(pl)] += topUp.byPlacement[p]!));

    const pf = yp.places;
    places.push(pf);
    capital.push(capitalCost(params.placesChanges, fy));
    const os = yp.otherSpend;
    const otherSpendByLine = { ...os.byLine };
    params.deliveryLevers.forEach((m, j) => {
      const d = yp.delivery[j]!;
      deliveryCosts[j]!.push(d);
      if (d !== 0) otherSpendByLine[deliveryLineName(m.name)] = (otherSpendByLine[deliveryLineName(m.name)] ?? 0) + d;
    });
    const income = yp.income;
    warnings.push(...yp.warnings);
    fallbacks.push(...yp.fallbacks);
    const { expenditure, inYearBalance } = yearBalance(yp, topUp.total);
    cumulative += inYearBalance;
    lines.push({
      fy,
      label: financialYearLabel(fy),
      placeFunding: pf.total,
      placeFundingByPlacement: pf.byPlacement,
      byPlacement: byPlacementRecord(topUp.byPlacement),
      byGroup,
      topUps: topUp.total,
      plansByPlacement: byPlacementRecord(fyPlans),
      otherSpend: os.total + yp.deliveryTotal,
      otherSpendByLine,
      mitigationDelivery: yp.deliveryTotal,
      expenditure,
      hnBlock: income.hnBlock,
      schoolsBlockTransfer: income.schoolsBlockTransfer,
      importExport: income.importExport,
      otherIncome: income.otherIncome,
      income: income.income,
      inYearBalance,
      cumulativeBalance: cumulative,
    });
  });
  return { fys, lines, costAtY, costAtY1, plans, costLeverSavings, deliveryCosts, places, capital, warnings: [...new Set(warnings)], fallbacks: [...new Set(fallbacks)] };
}
