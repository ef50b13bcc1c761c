/**
 * How much of a lever is in force in a financial year, and the unit-cost levers (`unit_cost_change`), which the
 * budget applies itself (the engine applies the demand levers).
 *
 * A lever starts in the financial year beginning in its `start_year` and ramps up linearly: with `ramp_years`
 * = R > 0 it is at 1/R of its effect in the first year, 2/R in the second, and full from year R on. The share
 * delivered scales the effect (`delivery`: 0.6 = only 60% of the planned effect arrives).
 */
import { N_AGES, N_NEEDS, NEEDS, PLACEMENTS, isPlacement, phaseOfAge } from '../domain/index.ts';
import { N_CELLS, cellIndex } from '../model/cube.ts';
import type { Mitigation } from '../scenario/schema.ts';

/**
 * Share of a lever's full planned effect in force in financial year `fy` (0 before it starts), before delivery.
 * @example rampShare({ start_year: 2026, ramp_years: 2 }, 2026) // 0.5
 */
export function rampShare(m: Pick<Mitigation, 'start_year' | 'ramp_years'>, fy: number): number {
  if (fy < m.start_year) return 0;
  if (m.ramp_years <= 0) return 1;
  return Math.min(1, (fy - m.start_year + 1) / m.ramp_years);
}

/** Effect in force in `fy` after ramp and delivery: 0.1 × 0.5 ramp × 0.8 delivery = 0.04. */
export function effectInForce(m: Pick<Mitigation, 'start_year' | 'ramp_years' | 'effect' | 'delivery'>, fy: number): number {
  return m.effect * m.delivery * rampShare(m, fy);
}

export function isUnitCostLever(m: Pick<Mitigation, 'kind'>): boolean {
  return m.kind === 'unit_cost_change';
}

/**
 * Cells a unit-cost lever applies to (1) or not (0): its `placements` (or `from`, or every placement when neither
 * is given) filtered by the target's ages, phases and needs. Other target filters (transitions, cohorts) do not
 * apply to costs and are ignored (see unitCostLeverIgnoredTarget in messages).
 */
export function leverCells(m: Mitigation): Uint8Array {
  const out = new Uint8Array(N_CELLS);
  const listed = m.placements ?? (m.from !== undefined ? [m.from] : undefined);
  const placements = listed ? listed.filter(isPlacement) : PLACEMENTS;
  const t = m.target;
  for (let a = 0; a < N_AGES; a++) {
    if (t.ages && !t.ages.includes(a)) continue;
    if (t.phases && !t.phases.includes(phaseOfAge(a))) continue;
    for (let n = 0; n < N_NEEDS; n++) {
      if (t.needs && !t.needs.includes(NEEDS[n]!)) continue;
      for (const pl of placements) out[cellIndex(a, n, PLACEMENTS.indexOf(pl))] = 1;
    }
  }
  return out;
}

/**
 * Cost reduction of each unit-cost lever per cell in `fy`: share of the unit cost removed. Reductions of several
 * levers on one cell add up (so each lever's saving is separable) and are capped at 100%.
 */
export function leverReductions(levers: readonly Mitigation[], cells: readonly Uint8Array[], fy: number): Float64Array[] {
  return levers.map((m, j) => {
    const share = effectInForce(m, fy);
    const r = new Float64Array(N_CELLS);
    const on = cells[j]!;
    for (let c = 0; c < N_CELLS; c++) if (on[c]) r[c] = share;
    return r;
  });
}

/**
 * The first financial year (of `fys`) in which unit-cost levers' reductions on some plans add up to more than the whole
 * unit cost, with the levers that do and their sum: the cost is capped at £0 (leverReductions), so the savings the
 * Mitigations sheet gives each of them add up to more than the spend they reduce, the interaction line taking the excess
 * back. Two levers of 80% and 70% on ISS made the sample's ISS plans free from 2026-27, with no word.
 */
export function leversPastWholeCost(levers: readonly Mitigation[], fys: readonly number[]): { fy: number; names: string[]; placements: string[]; total: number } | undefined {
  const costLevers = levers.filter(isUnitCostLever);
  if (costLevers.length < 2) return undefined;
  const cells = costLevers.map(leverCells);
  for (const fy of fys) {
    const r = leverReductions(costLevers, cells, fy);
    let worst = { total: 1 + 1e-9, cell: -1 };
    for (let c = 0; c < N_CELLS; c++) {
      let sum = 0;
      for (const x of r) sum += x[c]!;
      if (sum > worst.total) worst = { total: sum, cell: c };
    }
    if (worst.cell < 0) continue;
    const over = costLevers.filter((_, j) => r[j]![worst.cell]! > 0);
    const placements = PLACEMENTS.filter((pl) => over.every((m) => (m.placements ?? (m.from !== undefined ? [m.from] : PLACEMENTS)).includes(pl)));
    return { fy, names: over.map((m) => m.name), placements, total: worst.total };
  }
  return undefined;
}
