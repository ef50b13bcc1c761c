/**
 * Plans the unit-cost table does not price: plans in a placement the block pays for (not NEET or awaiting provision,
 * UNPAID_PLACEMENTS) in a cell (age × need) no row matches. A budget would cost them at £0 and leave them out of every
 * spend total (the sample without its ISS row: 181 plans and £11.6m a year gone from 2025-26's spend, a deficit
 * shown £11.6m smaller, exit 0), so `run` and `goal-seek` refuse (gates.ts checkUnitCostCoverage). A row of £0 is a
 * price, not a gap: it is taken as given (and said, path.ts).
 */
import { N_AGES, N_NEEDS, N_PLACEMENTS, NEEDS, PHASES, PLACEMENTS, UNPAID_PLACEMENTS, phaseOfAge } from '../domain/index.ts';
import type { Need, Phase, Placement } from '../domain/index.ts';
import { cellIndex } from '../model/cube.ts';
import type { ProjectionResult } from '../model/result.ts';
import type { CellUnitCosts } from './unit-costs.ts';

/** One placement with plans the unit-cost table does not price. */
export interface UncostedPlacement {
  placement: Placement;
  /** Whether the table has any row for the placement (then only some phases or needs lack one). */
  hasRows: boolean;
  /** The first census year with such plans, and how many there are then. */
  firstYear: number;
  firstPlans: number;
  /** The census year with the most, and how many. */
  peakYear: number;
  peakPlans: number;
  /** The phases and needs of the cells without a row (`needs` undefined: no row prices any need of the phase). */
  missing: Array<{ phase: Phase; needs?: Need[] }>;
}

/**
 * The placements with plans no unit-cost row prices, on any of `projections` (the central path and the others a
 * budget values: unmitigated, single levers) and, for a placement with no row at all, on any of their draws.
 * @example uncostedPlacements([projection], resolveUnitCosts(rows.filter((r) => r.placement !== 'ISS')))
 *          // [{ placement: 'ISS', hasRows: false, firstYear: 2025, firstPlans: 181, … }]
 */
export function uncostedPlacements(projections: readonly ProjectionResult[], unit: CellUnitCosts): UncostedPlacement[] {
  const out: UncostedPlacement[] = [];
  PLACEMENTS.forEach((placement, p) => {
    if (UNPAID_PLACEMENTS.includes(placement)) return;
    const byYear = new Map<number, number>();
    const cells = new Set<number>();
    let hasRows = false;
    for (let a = 0; a < N_AGES; a++) for (let n = 0; n < N_NEEDS; n++) if (unit.matched[cellIndex(a, n, p)]) hasRows = true;
    for (const proj of projections) {
      proj.central.forEach((cube, yi) => {
        let sum = 0;
        for (let a = 0; a < N_AGES; a++)
          for (let n = 0; n < N_NEEDS; n++) {
            const c = cellIndex(a, n, p);
            if (unit.matched[c] || !(cube[c]! > 0)) continue;
            sum += cube[c]!;
            cells.add(c);
          }
        if (sum > 0) byYear.set(proj.years[yi]!, Math.max(byYear.get(proj.years[yi]!) ?? 0, sum));
      });
      // the draws give plans by placement only: one with no row at all is uncosted in any draw that has some
      if (!hasRows) {
        const Y = proj.years.length;
        for (let d = 0; d < proj.draws; d++)
          for (let yi = 0; yi < Y; yi++) {
            const v = proj.drawPlacementTotals[(d * Y + yi) * N_PLACEMENTS + p] ?? 0;
            if (v > 0) byYear.set(proj.years[yi]!, Math.max(byYear.get(proj.years[yi]!) ?? 0, v));
          }
      }
    }
    if (byYear.size === 0) return;
    const years = [...byYear.keys()].sort((x, y) => x - y);
    let peakYear = years[0]!;
    for (const y of years) if (byYear.get(y)! > byYear.get(peakYear)!) peakYear = y;
    out.push({
      placement,
      hasRows,
      firstYear: years[0]!,
      firstPlans: byYear.get(years[0]!)!,
      peakYear,
      peakPlans: byYear.get(peakYear)!,
      missing: hasRows ? missingCells(cells, p, unit.matched) : [],
    });
  });
  return out;
}

/**
 * The phases and needs of `cells` (of placement `p`) without a row: a phase no row of the placement prices at all is
 * named alone, otherwise the needs with plans there.
 */
function missingCells(cells: ReadonlySet<number>, p: number, matched: Uint8Array): Array<{ phase: Phase; needs?: Need[] }> {
  const byPhase = new Map<Phase, Set<Need>>();
  const pricedPhase = new Set<Phase>();
  for (let a = 0; a < N_AGES; a++) {
    const phase = phaseOfAge(a);
    for (let n = 0; n < N_NEEDS; n++) {
      const c = cellIndex(a, n, p);
      if (matched[c]) pricedPhase.add(phase);
      if (!cells.has(c)) continue;
      if (!byPhase.has(phase)) byPhase.set(phase, new Set());
      byPhase.get(phase)!.add(NEEDS[n]!);
    }
  }
  return PHASES.filter((ph) => byPhase.has(ph)).map((phase) =>
    pricedPhase.has(phase) ? { phase, needs: NEEDS.filter((n) => byPhase.get(phase)!.has(n)) } : { phase },
  );
}
