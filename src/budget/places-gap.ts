/**
 * Places against plans (spec budget.md "Places follow plans"): for every placement with funded places and every
 * financial year, the plans placed there (financial-year converted) against its funded places, and — where plans
 * exceed places — what the excess costs met in each of three ways:
 * - as top-ups only: the excess stays where it is, paid its top-up without place funding (what the central budget
 *   already counts for plans beyond places);
 * - as ISS fees: the excess placed in independent special schools at their fee instead;
 * - as more places: the excess commissioned as places (place rate) and paid its top-up.
 * Costs per plan are the path's own: the placement's top-ups ÷ its plans that year (FY prices, levers applied), and
 * the same for ISS; where a placement has no plans, the mean of its costed cells.
 */
import { PLACEMENTS, placementIndex } from '../domain/index.ts';
import type { Placement } from '../domain/index.ts';
import type { BudgetParams } from './params.ts';
import type { BudgetPath } from './path.ts';
import { meanCellCost } from './path.ts';
import type { PlacesGapRow } from './types.ts';
import type { CellUnitCosts } from './unit-costs.ts';

/** Cost of one plan-year in a placement on the path in FY index i. */
function perPlan(path: BudgetPath, unit: CellUnitCosts, params: BudgetParams, i: number, p: Placement): number {
  const l = path.lines[i]!;
  const plans = l.plansByPlacement[p];
  return plans > 0 ? l.byPlacement[p] / plans : meanCellCost(unit, params, l.fy, placementIndex(p));
}

/**
 * Places against plans for every placement with funded places, by financial year.
 * @example 120 plans, 100 places, top-up £20,000, ISS £60,000, rate £10,000 → gap 20: £400k as top-ups,
 *          £1.2m as ISS fees, £600k as more places
 */
export function placesVsPlans(path: BudgetPath, unit: CellUnitCosts, params: BudgetParams): PlacesGapRow[] {
  const rows: PlacesGapRow[] = [];
  for (const p of PLACEMENTS) {
    if (!path.places.some((pf) => pf.places[p] !== undefined)) continue;
    path.fys.forEach((fy, i) => {
      const pf = path.places[i]!;
      const places = pf.places[p] ?? 0;
      const plans = path.lines[i]!.plansByPlacement[p];
      const gap = Math.max(0, plans - places);
      const topUp = perPlan(path, unit, params, i, p);
      const iss = perPlan(path, unit, params, i, 'ISS');
      const rate = pf.rate[p] ?? 0;
      rows.push({
        placement: p,
        fy,
        places,
        plans,
        gap,
        costAsTopUps: gap * topUp,
        costAsIssFees: gap * iss,
        costAsPlaces: gap * (rate + topUp),
      });
    });
  }
  return rows;
}
