/**
 * Each placement's base-year cost per plan against the published figure for that kind of placement (docs/budget.md
 * "Cost per plan against published figures"): what a finance officer checks first when a budget looks too good. A
 * unit-cost table per term rather than per year (the sample's ÷3, no Section 251 outturn) priced the sample's spend at
 * £36m against £69m and gave a surplus of £43m at March 2028 in place of a deficit of £71m, exit 0, no word: the
 * funding block against spend (income.ts BLOCK_TO_SPEND) catches thousands and millions, not thirds.
 *
 * Cost per plan = the placement's place rate in the base year (places table; none for a full-fee placement) + the
 * plan-weighted mean of its unit costs over the base census's plans (the table's own figures, before any Section 251
 * scaling, inflation and levers: withOutturnScale says the scaling beside them). The bands are wide, so that no council's annual figures fall outside
 * them: far above is five times the published figure (a digit too many); far below is held only where the whole cost
 * is a fee (independent and non-maintained special schools), since a top-up over place funding runs low in councils
 * with banded top-ups, and there it is 40% of the national average, above a per-term fee (a third of it).
 */
import { FULL_FEE_PLACEMENTS, N_PLACEMENTS, PLACEMENTS, UNPAID_PLACEMENTS, type Placement } from '../domain/index.ts';
import { SECTION_251_LINES, isSection251Code } from './section-251.ts';
import type { ReconciliationLine } from './types.ts';
import { placeRateRow } from './place-funding.ts';
import type { PlacesRow, UnitCostRow } from './tables.ts';
import type { CellUnitCosts } from './unit-costs.ts';

/** A published figure for one kind of placement's cost per plan-year to the High Needs block (place funding included). */
export interface CostReference {
  /** The figure, in pounds a plan-year. */
  gbp: number;
  /** What the figure is and where it is from, in words. */
  source: string;
  /** Below this share of `gbp` a placement's cost per plan is named (none: not held from below). */
  below?: number;
  /** Above this multiple of `gbp` it is named. */
  above: number;
  /**
   * Held from above only when the base census has at least this many plans in the placement: a package commissioned
   * for one child (EOTAS, a specialist post-16 placement) can cost several hundred thousand pounds, a mean over this
   * many cannot (PACKAGE_PLANS).
   */
  aboveFromPlans?: number;
}

/**
 * Plans from which an EOTAS or specialist post-16 placement's mean cost is held from above. Such a placement is a
 * package for one child, and the costliest single packages councils report are £220,000 a year in an independent
 * special school and £424,000 for a residential placement with its care (2024-25): one of £350,000 is dear, not a
 * digit too many, and a council with one or two such plans priced each at its own cost was asked 'Has a figure a digit
 * too many?'. A mean over five plans above five times the independent fee (£320,000) would make them five of the
 * costliest placements in England at once, so from five it is a figure in the wrong units, as for every other placement.
 */
export const PACKAGE_PLANS = 5;

const FEE: CostReference = {
  gbp: 64_000,
  source: 'the national average cost of an independent or non-maintained special school placement, £64,000 in 2024-25 (£54,000 in 2020-21; £57,000 in-area and £66,000 out of area in a 2025-26 survey of 51 councils)',
  below: 0.4,
  above: 5,
};
const SPECIAL: CostReference = {
  gbp: 24_000,
  source: 'about £24,000 a plan in a state special school (2025-26 survey of 51 councils: £10,000 of place funding and the top-up; one council’s mean special top-up in 2022-23 was £17,313)',
  above: 5,
};
const MAINSTREAM: CostReference = {
  gbp: 8_662,
  source: 'one council’s mean mainstream top-up of £8,662 in 2022-23 (the first £6,000 of support is met by the school’s own budget)',
  above: 5,
};
const UNIT: CostReference = {
  gbp: 6_000 + 8_662,
  source: 'place funding of £6,000 (resourced provision, further education) and a mainstream top-up such as one council’s mean of £8,662 in 2022-23',
  above: 5,
};

/** The published figures of a top-up over place funding (or a mainstream top-up), not a fee or a package. */
const TOP_UP_REFERENCES: ReadonlySet<CostReference> = new Set([MAINSTREAM, UNIT, SPECIAL]);

/** The published figure each placement is held to (NEET and NONE, paid nothing, are not). */
export const COST_REFERENCE: Readonly<Partial<Record<Placement, CostReference>>> = {
  EY: MAINSTREAM,
  MS: MAINSTREAM,
  RP: UNIT,
  FE: UNIT,
  SSM: SPECIAL,
  SSA: SPECIAL,
  AP: SPECIAL,
  ISS: FEE,
  NMSS: FEE,
  // full fees or packages with no published average of their own: a digit too many only, against the independent fee;
  // a package for one child (EOTAS, SPI) only where the mean is over enough plans to be no single package
  IMS: { ...FEE, below: undefined },
  SPI: { ...FEE, below: undefined, aboveFromPlans: PACKAGE_PLANS },
  WBL: { ...FEE, below: undefined },
  EOTAS: { ...FEE, below: undefined, aboveFromPlans: PACKAGE_PLANS },
};

/** A placement whose base-year cost per plan is far from its published figure. */
export interface CostPerPlanOff {
  placement: Placement;
  /** Place rate + mean unit cost. */
  costPerPlan: number;
  placeRate: number;
  /** Plans at the base census. */
  plans: number;
  /** The unit-cost rows that price its plans (the table as given). */
  rows: UnitCostRow[];
  /** The places-table row whose rate is counted, if any. */
  placesRow?: PlacesRow;
  reference: CostReference;
  side: 'below' | 'above';
  /** The factor the Section 251 reconciliation scales the placement's unit costs by for the run, when it does. */
  scaledBy?: number;
}

/** A placement's cost per plan at the base census: its place rate of the base year and mean unit cost over its plans. */
export interface PlacementCost {
  placement: Placement;
  /** Plans at the base census. */
  plans: number;
  /** Place rate + mean unit cost. */
  costPerPlan: number;
  placeRate: number;
  /** The places-table row whose rate is counted, if any. */
  placesRow?: PlacesRow;
  reference: CostReference;
}

/**
 * The cost per plan at the base census (`census`, the data's own cube) of each placement held to a published figure
 * that has plans there: the place rate of the base year (none for a full-fee placement) + the plan-weighted mean of
 * its unit costs.
 */
export function placementCosts(unit: CellUnitCosts, census: Float64Array, places: readonly PlacesRow[], baseFy: number): PlacementCost[] {
  const plans = new Float64Array(N_PLACEMENTS);
  const cost = new Float64Array(N_PLACEMENTS);
  for (let c = 0; c < census.length; c++) {
    const p = c % N_PLACEMENTS;
    if (!unit.matched[c] || !(census[c]! > 0)) continue;
    plans[p]! += census[c]!;
    cost[p]! += census[c]! * unit.cost[c]!;
  }
  return PLACEMENTS.flatMap((placement, p) => {
    const reference = COST_REFERENCE[placement];
    if (!reference || UNPAID_PLACEMENTS.includes(placement) || !(plans[p]! > 0)) return [];
    const placesRow = FULL_FEE_PLACEMENTS.includes(placement) ? undefined : placeRateRow(places.filter((r) => r.placement === placement), baseFy);
    const placeRate = placesRow?.placeRateGbp ?? 0;
    return [{ placement, plans: plans[p]!, costPerPlan: placeRate + cost[p]! / plans[p]!, placeRate, ...(placesRow ? { placesRow } : {}), reference }];
  });
}

/**
 * The placements whose cost per plan at the base census (`census`, the data's own cube) is outside their published
 * band, each once.
 * @example costPerPlanOffReference(unit, census, [], 2025, rows) // ISS priced at £21,333 a plan: [{ placement: 'ISS', side: 'below', … }]
 */
export function costPerPlanOffReference(
  unit: CellUnitCosts,
  census: Float64Array,
  places: readonly PlacesRow[],
  baseFy: number,
  rows: readonly UnitCostRow[],
): CostPerPlanOff[] {
  return placementCosts(unit, census, places, baseFy).flatMap((c) => {
    const { reference, costPerPlan } = c;
    const heldAbove = c.plans >= (reference.aboveFromPlans ?? 0);
    const side = reference.below !== undefined && costPerPlan < reference.below * reference.gbp ? 'below' : heldAbove && costPerPlan > reference.above * reference.gbp ? 'above' : undefined;
    return side ? [{ ...c, rows: rows.filter((r) => r.placement === c.placement), side }] : [];
  });
}

/**
 * `off` with the factor the base-year reconciliation scales each placement's unit costs by (section-251.ts), where it
 * does: the table is held as given (a table per term is one whatever the outturn), and the note says the run's spend
 * is the outturn's scaling of it (the sample's table ÷3 beside its outturn is scaled ×2.7 to ×3.1).
 * @example withOutturnScale(off, [{ line: 'top_up_independent', scale: 3.12, … }]) // ISS and NMSS with scaledBy 3.12
 */
export function withOutturnScale(off: readonly CostPerPlanOff[], reconciliation: readonly ReconciliationLine[] | undefined): CostPerPlanOff[] {
  return off.map((o) => {
    const line = reconciliation?.find((l) => l.scale !== undefined && isSection251Code(l.line) && (SECTION_251_LINES[l.line] as { placements?: readonly Placement[] }).placements?.includes(o.placement));
    return line ? { ...o, scaledBy: line.scale } : o;
  });
}

/**
 * The placements COST_REFERENCE holds to a top-up's figure (a top-up over place funding, or a mainstream top-up).
 * @example topUpPlacements() // ['EY', 'MS', 'RP', 'FE', 'SSM', 'SSA', 'AP']
 */
export function topUpPlacements(): Placement[] {
  return PLACEMENTS.filter((p) => TOP_UP_REFERENCES.has(COST_REFERENCE[p]!));
}
