/**
 * Unit costs per term among placements paid a top-up only (docs/budget.md "Cost per plan against published figures"):
 * the one slip in the unit-cost table that no single figure shows. A top-up over place funding is not held from below
 * on its own (councils' bands vary widely), and with the independent fees given per year the fees are not named; the
 * block then sits between the spend and 125% of it, where the block note is silent. The sample's top-ups per term
 * (÷3; fees per year, no Section 251 outturn) priced 2025-26 at £46.8m against £69.3m, a block of 122% of it, and a
 * surplus of £6.5m at 31 March 2028 in place of a deficit of £71.2m, with exit 0 and no word.
 *
 * The signal is the two together, which a table per term gives and a council's own figures seldom do: every placement
 * paid a top-up priced under its published figure and, plan-weighted, under TOP_UPS_LOW of them (per term: 58% for the
 * sample, 63% for real-smoke's Kent-sized tables; per year 115% and 130%), and a first-year block that meets all of
 * the spend the run models (England's in-year overspend is about a tenth of the block). Not held when a Section 251
 * outturn reconciles the base year: the accounts then price it, and a table per term is scaled about ×3 and named.
 */
import { placementCosts, topUpPlacements, type PlacementCost } from './cost-per-plan.ts';
import type { CellUnitCosts } from './unit-costs.ts';
import type { FundingRow, PlacesRow } from './tables.ts';
import { BLOCK_WELL_ABOVE_SPEND } from './income.ts';

/** Plan-weighted share of their published figures under which top-up placements' costs are low together. */
export const TOP_UPS_LOW = 0.75;
/** At or above this share of the first year's modelled spend the block meets it all. */
export const BLOCK_MEETS_SPEND = 1;

/** The placements paid a top-up over place funding (or a mainstream top-up), held to a figure of their own. */
const TOP_UP_PLACEMENTS = topUpPlacements();

/** What the note says: the placements, their costs against their figures, and the first year's block against spend. */
export interface TopUpsLow {
  costs: PlacementCost[];
  /** Σ plans × cost per plan ÷ Σ plans × published figure. */
  together: number;
  fy: number;
  hnBlock: number;
  expenditure: number;
  source?: FundingRow['source'];
}

/**
 * The top-up placements' costs when all are under their published figures and together under TOP_UPS_LOW of them,
 * while the funding table's first year of the run has a block from BLOCK_MEETS_SPEND up to BLOCK_WELL_ABOVE_SPEND of
 * its modelled spend (above it the block's own note asks the same); else undefined.
 * @example topUpsLowTogether(unit, census, places, 2025, funding, lines) // { together: 0.58, … } for the sample ÷3
 */
export function topUpsLowTogether(
  unit: CellUnitCosts,
  census: Float64Array,
  places: readonly PlacesRow[],
  baseFy: number,
  funding: readonly FundingRow[],
  lines: ReadonlyArray<{ fy: number; hnBlock: number; expenditure: number }>,
): TopUpsLow | undefined {
  const l = lines.find((x) => funding.some((r) => r.fy === x.fy));
  if (!l || !(l.expenditure > 0)) return undefined;
  const ratio = l.hnBlock / l.expenditure;
  if (ratio < BLOCK_MEETS_SPEND || ratio > BLOCK_WELL_ABOVE_SPEND) return undefined;
  const costs = placementCosts(unit, census, places, baseFy).filter((c) => TOP_UP_PLACEMENTS.includes(c.placement));
  if (costs.length === 0 || costs.some((c) => c.costPerPlan >= c.reference.gbp)) return undefined;
  const together = costs.reduce((s, c) => s + c.plans * c.costPerPlan, 0) / costs.reduce((s, c) => s + c.plans * c.reference.gbp, 0);
  if (!(together < TOP_UPS_LOW)) return undefined;
  const source = funding.find((r) => r.fy === l.fy)?.source;
  return { costs, together, fy: l.fy, hnBlock: l.hnBlock, expenditure: l.expenditure, ...(source ? { source } : {}) };
}
