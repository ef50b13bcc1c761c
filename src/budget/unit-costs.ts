/**
 * Unit cost of every cube cell (age × need × placement) from the unit-cost table: the most specific row wins —
 * placement + phase + need, then placement + phase, then placement + need, then placement alone. A cell with no
 * matching row costs 0 and is reported.
 */
import { NEEDS, N_AGES, N_NEEDS, PLACEMENTS, phaseOfAge } from '../domain/index.ts';
import type { Need, Phase, Placement } from '../domain/index.ts';
import { N_CELLS, cellIndex } from '../model/cube.ts';
import { duplicateUnitCost } from '../messages/budget.ts';
import type { UnitCostRow } from './tables.ts';

/** Unit costs resolved onto the cube layout, each at its own row's prices. */
export interface CellUnitCosts {
  /** Cost of one plan-year in each cell at the prices of `priceYear[cell]`. */
  cost: Float64Array;
  /** Financial year (start) whose prices each cell's cost is at. */
  priceYear: Int32Array;
  /** Whether a row matched the cell. */
  matched: Uint8Array;
  warnings: string[];
}

/** Specificity of a row: 3 = phase and need, 2 = phase, 1 = need, 0 = placement only. */
export function specificity(row: UnitCostRow): number {
  return (row.phase ? 2 : 0) + (row.need ? 1 : 0);
}

/**
 * The row that prices one plan in `placement` at `phase` with primary `need`, or undefined.
 * @example mostSpecificRow(rows, 'ISS', 'SECONDARY', 'ASD') // the ISS/SECONDARY/ASD row if any, else ISS/SECONDARY, …
 */
export function mostSpecificRow(rows: readonly UnitCostRow[], placement: Placement, phase: Phase, need: Need): UnitCostRow | undefined {
  let best: UnitCostRow | undefined;
  for (const r of rows) {
    if (r.placement !== placement) continue;
    if (r.phase !== undefined && r.phase !== phase) continue;
    if (r.need !== undefined && r.need !== need) continue;
    // Later rows replace earlier ones of the same specificity (duplicates are reported by resolveUnitCosts).
    if (!best || specificity(r) >= specificity(best)) best = r;
  }
  return best;
}

/** Resolves the table onto every cell. Cells with no matching row cost 0 (`matched` = 0); the caller reports those holding plans. */
export function resolveUnitCosts(rows: readonly UnitCostRow[]): CellUnitCosts {
  const cost = new Float64Array(N_CELLS);
  const priceYear = new Int32Array(N_CELLS);
  const matched = new Uint8Array(N_CELLS);
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.placement}|${r.phase ?? ''}|${r.need ?? ''}`;
    if (seen.has(key)) warnings.push(duplicateUnitCost(r.placement, r.phase, r.need));
    seen.add(key);
  }
  PLACEMENTS.forEach((placement, p) => {
    const own = rows.filter((r) => r.placement === placement);
    if (own.length === 0) return;
    for (let a = 0; a < N_AGES; a++) {
      const phase = phaseOfAge(a);
      for (let n = 0; n < N_NEEDS; n++) {
        const row = mostSpecificRow(own, placement, phase, NEEDS[n]!);
        const c = cellIndex(a, n, p);
        if (!row) continue;
        cost[c] = row.annualCostGbp;
        priceYear[c] = row.priceYear;
        matched[c] = 1;
      }
    }
  });
  return { cost, priceYear, matched, warnings };
}
