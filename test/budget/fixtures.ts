/**
 * Hand-built inputs for the budget tests: tiny projections (a few cells filled), parsed scenarios and tables.
 */
import { NEEDS, N_PLACEMENTS, PLACEMENTS } from '../../src/domain/index.ts';
import type { Need, Placement } from '../../src/domain/index.ts';
import { N_CELLS, cellIndex, cubeByPlacement, cubeTotal } from '../../src/model/cube.ts';
import type { ProjectionResult, YearFlows } from '../../src/model/result.ts';
import { ScenarioSchema } from '../../src/scenario/schema.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import type { BudgetScenario } from '../../src/budget/params.ts';
import type { BudgetTables } from '../../src/budget/tables.ts';

/** Plans in one cell: placement, age, need (default ASD). */
export interface Cell {
  placement: Placement;
  age: number;
  need?: Need;
  plans: number;
}

export function cube(cells: readonly Cell[]): Float64Array {
  const c = new Float64Array(N_CELLS);
  for (const x of cells) c[cellIndex(x.age, NEEDS.indexOf(x.need ?? 'ASD'), PLACEMENTS.indexOf(x.placement))]! += x.plans;
  return c;
}

export interface ProjectionSpec {
  years: number[];
  /** One list of cells per census year. */
  cells: Cell[][];
  /** Per draw, per census year, plans by placement (only the listed placements; others 0). */
  draws?: Array<Array<Partial<Record<Placement, number>>>>;
  /** Plans avoided per step into a census year, by lever name. */
  avoided?: Record<number, Record<string, number>>;
}

function flows(years: number[], avoided: Record<number, Record<string, number>>): YearFlows[] {
  return years.slice(1).map((year) => ({
    year,
    newPlans: 0,
    ceasedByReason: {},
    ceased: 0,
    agedOut: 0,
    netMigration: 0,
    overflow: {},
    surgeNewPlans: 0,
    avoidedByMitigation: avoided[year] ?? {},
  }));
}

export function projection(spec: ProjectionSpec): ProjectionResult {
  const central = spec.cells.map(cube);
  const draws = spec.draws ?? [];
  const totals = new Float64Array(draws.length * spec.years.length * N_PLACEMENTS);
  draws.forEach((perYear, d) =>
    perYear.forEach((byPlacement, y) => {
      for (const [p, v] of Object.entries(byPlacement)) totals[(d * spec.years.length + y) * N_PLACEMENTS + PLACEMENTS.indexOf(p as Placement)] = v;
    }),
  );
  const q = (v: number) => ({ p10: v, p50: v, p90: v });
  return {
    baseYear: spec.years[0]!,
    years: spec.years,
    central,
    totalQuantiles: central.map((c) => q(cubeTotal(c))),
    placementQuantiles: central.map((c) => {
      const by = cubeByPlacement(c);
      return Object.fromEntries(PLACEMENTS.map((p, i) => [p, q(by[i]!)])) as Record<Placement, ReturnType<typeof q>>;
    }),
    flows: flows(spec.years, spec.avoided ?? {}),
    transitions: [],
    draws: draws.length,
    seed: 1,
    drawPlacementTotals: totals,
    weighted: {},
    assumptions: [],
    notes: [],
  };
}

/** A parsed scenario (schema defaults filled in). */
export function scenario(input: ScenarioInput = {}): BudgetScenario {
  return ScenarioSchema.parse(input) as BudgetScenario;
}

export function tables(t: Partial<BudgetTables> = {}): BudgetTables {
  return { unitCosts: [], places: [], funding: [], otherSpend: [], openingBalances: [], ...t };
}
