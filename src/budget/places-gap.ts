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
import { financialYearLabel, financialYearValue, FULL_FEE_PLACEMENTS, PLACEMENTS, placementIndex } from '../domain/index.ts';
import { cubeByPlacement } from '../model/cube.ts';
import type { ProjectionResult } from '../model/result.ts';
import { placesOutOfScale, type PlacesOffPlans } from '../messages/budget.ts';
import type { Placement } from '../domain/index.ts';
import type { BudgetParams } from './params.ts';
import type { BudgetPath } from './path.ts';
import { meanCellCost } from './path.ts';
import type { PlacesRow } from './tables.ts';
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

/**
 * How far a placement's places (the places table's own row) and the plans the run places there may be apart before
 * they are named: special schools and resourced units are filled by plans, so places a fifth of the plans or five
 * times them are a figure typed with a digit too many or too few, or another placement's places (SSM's 428 places
 * typed as 4 took £4.2m a year out of the sample's place funding, as 4,280 would add £38.5m, exit 0, no word).
 * Alternative provision is not held to the upper bound: most of its places are for pupils without a plan.
 */
export const PLACES_TO_PLANS: readonly [number, number] = [0.2, 5];
/** Neither places nor plans need be named below this many (a unit of 3 places and no plan is no error of units). */
const PLACES_NOTED_FROM = 20;

/**
 * One note naming each placement whose places-table row for a year of the run is outside PLACES_TO_PLANS of its plans
 * that year (its first such year), or none: `rows` are the plans of the data's own path (fyPlansByPlacement). Places of a full-fee placement, at £0 a place, are noted elsewhere.
 * @example placesAgainstPlans([{ placement: 'SSM', fy: 2025, places: 4, placeRateGbp: 10_000 }], [{ placement: 'SSM', fy: 2025, plans: 500 }]) // one note
 */
export function placesAgainstPlans(table: readonly PlacesRow[], rows: ReadonlyArray<Pick<PlacesGapRow, 'placement' | 'fy' | 'plans'>>): string[] {
  const off: PlacesOffPlans[] = [];
  for (const p of PLACEMENTS) {
    if (FULL_FEE_PLACEMENTS.includes(p)) continue;
    for (const r of table.filter((t) => t.placement === p).sort((a, b) => a.fy - b.fy)) {
      const plans = rows.find((g) => g.placement === p && g.fy === r.fy)?.plans;
      if (plans === undefined || Math.max(r.places, plans) < PLACES_NOTED_FROM) continue;
      const few = r.places < PLACES_TO_PLANS[0] * plans;
      const many = p !== 'AP' && r.places > PLACES_TO_PLANS[1] * plans;
      if (few || many) {
        off.push({ placement: p, fy: financialYearLabel(r.fy), places: r.places, plans, rate: r.placeRateGbp });
        break;
      }
    }
  }
  return off.length > 0 ? [placesOutOfScale(off, PLACES_TO_PLANS)] : [];
}

/**
 * Plans by placement per financial year of a projection's central path (financial-year converted), for
 * placesAgainstPlans: taken on the data's own path (the reference projection), so that a scenario's levers or surges
 * moving plans away from the places are not read as a places table in the wrong units.
 * @example fyPlansByPlacement(projection, 9) // [{ placement: 'SSM', fy: 2025, plans: … }, …]
 */
export function fyPlansByPlacement(projection: Pick<ProjectionResult, 'years' | 'central'>, changeMonth: number): Array<Pick<PlacesGapRow, 'placement' | 'fy' | 'plans'>> {
  const by = projection.central.map(cubeByPlacement);
  const out: Array<Pick<PlacesGapRow, 'placement' | 'fy' | 'plans'>> = [];
  for (let k = 0; k + 1 < projection.years.length; k++) {
    PLACEMENTS.forEach((placement, i) => out.push({ placement, fy: projection.years[k]!, plans: financialYearValue(by[k]![i]!, by[k + 1]![i]!, changeMonth) }));
  }
  return out;
}
