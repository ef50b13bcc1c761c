/**
 * Top-ups per term with fees per year (budget/top-ups-low.ts; docs/budget.md "Cost per plan against published
 * figures"): every top-up placement under its published figure, beside a block that meets the spend. The sample so
 * written (no Section 251 outturn) ran to a surplus of £6.5m at 31 March 2028 in place of a deficit of £71.2m, exit 0,
 * no word.
 */
import { describe, expect, it } from 'vitest';
import { placementIndex, type Placement } from '../../src/domain/index.ts';
import { cellIndex, newCube } from '../../src/model/cube.ts';
import { topUpsLowTogether } from '../../src/budget/top-ups-low.ts';
import { topUpsLowTogether as note } from '../../src/messages/money-reference.ts';
import { resolveUnitCosts } from '../../src/budget/unit-costs.ts';
import type { FundingRow, PlacesRow, UnitCostRow } from '../../src/budget/tables.ts';

/** The sample's plans at January 2025 in the placements paid a top-up, and two paid a fee. */
const PLANS: Partial<Record<Placement, number>> = { EY: 13, MS: 1146, RP: 129, SSM: 435, SSA: 378, AP: 23, FE: 321, ISS: 181, NMSS: 18 };
/** The sample's unit costs (placement rows), at 2024-25 prices; real-smoke's for a Kent-sized council. */
const SAMPLE: Partial<Record<Placement, number>> = { EY: 6000, MS: 8700, RP: 12000, SSM: 19500, SSA: 21000, AP: 15000, FE: 7000, ISS: 64000, NMSS: 60000 };
const KENT: Partial<Record<Placement, number>> = { EY: 6000, MS: 9000, RP: 16000, SSM: 25000, SSA: 26000, AP: 19000, FE: 9500, ISS: 62000, NMSS: 58000 };
const PLACES: PlacesRow[] = [
  { placement: 'RP', fy: 2025, places: 128, placeRateGbp: 6000 },
  { placement: 'SSM', fy: 2025, places: 428, placeRateGbp: 10000 },
  { placement: 'SSA', fy: 2025, places: 376, placeRateGbp: 10000 },
  { placement: 'AP', fy: 2025, places: 23, placeRateGbp: 10000 },
  { placement: 'FE', fy: 2025, places: 327, placeRateGbp: 6000 },
];
const FUNDING: FundingRow[] = [{ fy: 2025, hnBlockGbp: 57_170_000, source: { file: 'funding.csv', line: 2 } }];

/** `costs` with the top-ups (not the ISS and NMSS fees) divided by `by`. */
function rows(costs: Partial<Record<Placement, number>>, by = 1): UnitCostRow[] {
  return Object.entries(costs).map(([p, c]) => ({ placement: p as Placement, annualCostGbp: Math.round(p === 'ISS' || p === 'NMSS' ? c : c / by), priceYear: 2024 }));
}

function census(): Float64Array {
  const c = newCube();
  for (const [p, n] of Object.entries(PLANS)) c[cellIndex(10, 0, placementIndex(p as Placement))] = n;
  return c;
}

/** The first year's block against a spend of `spend`. */
const low = (r: UnitCostRow[], spend: number) => topUpsLowTogether(resolveUnitCosts(r), census(), PLACES, 2025, FUNDING, [{ fy: 2025, hnBlock: 57_170_000, expenditure: spend }]);

describe('top-ups per term beside a block that meets the spend', () => {
  it("names the sample's top-ups per term (58% of their figures together) beside its block at 122% of spend", () => {
    const found = low(rows(SAMPLE, 3), 46_839_741);
    expect(found?.together).toBeCloseTo(0.58, 2);
    expect(found?.costs.map((c) => c.placement)).toEqual(['EY', 'MS', 'RP', 'SSM', 'SSA', 'AP', 'FE']);
    expect(note(found!, 2025, 0.75)).toBe(
      'Unit costs: every placement paid a top-up is priced in 2025-26 under the published figure for its kind of placement, place funding included: ' +
        'EY £2,000 (23% of £8,662), MS £2,900 (33% of £8,662), RP £10,000 (68% of £14,662), SSM £16,500 (69% of £24,000), SSA £17,000 (71% of £24,000), AP £15,000 (63% of £24,000), FE £8,333 (57% of £14,662); ' +
        "58% of those figures together, under 75%. And the High Needs block of 2025-26 (funding.csv line 2) is 122% of the spend the run models for that year (£57,170,000 against £46,839,741), where councils' blocks meet most of their spend, not all of it. " +
        'A unit-cost table per term rather than per year gives both: top-ups a third of the year\'s, and a block above the spend. Are the top-ups per term? ' +
        'Write annual_cost_gbp as one plan\'s cost for a whole year; a Section 251 outturn for 2025-26 reconciles the unit costs to the accounts and settles it. ' +
        "Every year's spend and balance rest on these figures; the run uses the table as given.",
    );
    // real-smoke's tables per term: 63% together
    expect(low(rows(KENT, 3), 46_839_741)?.together).toBeCloseTo(0.63, 2);
  });

  it('names nothing at the annual figures, nor beside a block under the spend or over 125% of it (the block note asks then)', () => {
    expect(low(rows(SAMPLE), 57_000_000)).toBeUndefined();
    expect(low(rows(KENT), 57_000_000)).toBeUndefined();
    expect(low(rows(SAMPLE, 3), 57_170_001)).toBeUndefined();
    expect(low(rows(SAMPLE, 3), 57_170_000)).toBeDefined();
    expect(low(rows(SAMPLE, 3), 57_170_000 / 1.25)).toBeDefined();
    expect(low(rows(SAMPLE, 3), 57_170_000 / 1.2501)).toBeUndefined();
  });

  it('names nothing when one top-up placement is at its published figure, or together they are 75% of them or more', () => {
    // special schools per year (£29,500 a plan), the rest per term: one placement is not low
    expect(low([...rows({ ...SAMPLE, SSM: 0 }, 3).filter((r) => r.placement !== 'SSM'), { placement: 'SSM', annualCostGbp: 19_500, priceYear: 2024 }], 50e6)).toBeUndefined();
    // every top-up at 80% of its figure: low, but not together under 75%
    const at80: UnitCostRow[] = [
      { placement: 'EY', annualCostGbp: 0.8 * 8662, priceYear: 2024 },
      { placement: 'MS', annualCostGbp: 0.8 * 8662, priceYear: 2024 },
      { placement: 'RP', annualCostGbp: 0.8 * 14662 - 6000, priceYear: 2024 },
      { placement: 'FE', annualCostGbp: 0.8 * 14662 - 6000, priceYear: 2024 },
      { placement: 'SSM', annualCostGbp: 0.8 * 24000 - 10000, priceYear: 2024 },
      { placement: 'SSA', annualCostGbp: 0.8 * 24000 - 10000, priceYear: 2024 },
      { placement: 'AP', annualCostGbp: 0.8 * 24000 - 10000, priceYear: 2024 },
      { placement: 'ISS', annualCostGbp: 64000, priceYear: 2024 },
      { placement: 'NMSS', annualCostGbp: 60000, priceYear: 2024 },
    ];
    expect(low(at80, 50e6)).toBeUndefined();
  });
});
