import { describe, expect, it } from 'vitest';
import { capitalCost, placeFunding } from '../../src/budget/place-funding.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import type { PlacesRow } from '../../src/budget/tables.ts';
import { projection, scenario, tables } from './fixtures.ts';

const places: PlacesRow[] = [
  { placement: 'SSA', fy: 2025, places: 392, placeRateGbp: 10_000 },
  { placement: 'SSM', fy: 2025, places: 433, placeRateGbp: 10_000 },
];

describe('place funding from places and capacity changes', () => {
  it('100 special academy places from January 2027 at £10,000 add £583,333 in 2026-27 and £1,000,000 a year after', () => {
    const change = [{ placement: 'SSA' as const, year: 2027, places: 100 }];
    const before = (fy: number) => placeFunding(places, fy).total;
    const after = (fy: number) => placeFunding(places, fy, change).total;
    expect(after(2025) - before(2025)).toBe(0);
    // the places counted at the January 2027 census open in September 2026: 2026-27 funds them for September to March,
    // 7/12 × £1,000,000 = £583,333.33 (it funded the whole year, £416,667 more, from April, before they opened)
    expect(after(2026) - before(2026)).toBeCloseTo(583_333.33, 2);
    expect(after(2027) - before(2027)).toBe(1_000_000);
    expect(after(2030) - before(2030)).toBe(1_000_000);
    expect(placeFunding(places, 2026, change).places.SSA).toBeCloseTo(392 + 58.33, 2);
    expect(placeFunding(places, 2027, change).places.SSA).toBe(492);
    // a change month of January (3/12 of the year) or April (the whole year) moves the share with it
    expect(placeFunding(places, 2026, change, 1).total - before(2026)).toBeCloseTo(250_000, 6);
    expect(placeFunding(places, 2026, change, 4).total - before(2026)).toBeCloseTo(1_000_000, 6);
  });

  it('takes the change’s own rate, else the table’s, else the national rate; closing never goes below 0', () => {
    expect(placeFunding(places, 2026, [{ placement: 'SSA', year: 2026, places: 10, place_rate_gbp: 12_000 }]).byPlacement.SSA).toBe(3_920_000 + 120_000);
    // RP has no rows: the national £6,000
    expect(placeFunding(places, 2026, [{ placement: 'RP', year: 2026, places: 20 }]).byPlacement.RP).toBe(120_000);
    expect(placeFunding(places, 2026, [{ placement: 'SSM', year: 2026, places: -500 }]).byPlacement.SSM).toBe(0);
  });

  it('charges a capital cost once, in the year the places are first funded', () => {
    const change = [{ placement: 'SSA' as const, year: 2027, places: 100, capital_cost_gbp: 5_000_000 }];
    expect([2025, 2026, 2027].map((fy) => capitalCost(change, fy))).toEqual([0, 5_000_000, 0]);
  });

  it('in a run: place funding rises by the new places; the capital cost stays outside the block', () => {
    const proj = projection({ years: [2025, 2026, 2027, 2028], cells: [0, 1, 2, 3].map(() => [{ placement: 'SSA' as const, age: 12, plans: 500 }]) });
    const t = tables({ places, unitCosts: [{ placement: 'SSA', annualCostGbp: 20_000, priceYear: 2025 }] });
    const base = runBudget({ scenario: scenario({ costs: { inflation: 0 } }), tables: t, projection: proj });
    const cap = runBudget({
      scenario: scenario({ costs: { inflation: 0 }, capacity: { changes: [{ placement: 'SSA', year: 2027, places: 100, capital_cost_gbp: 5e6 }] } }),
      tables: t,
      projection: proj,
    });
    // 2026-27: 7/12 of the year (the places open in September 2026), then the whole year
    const add = [0, 7_000_000 / 12, 1_000_000];
    cap.lines.forEach((l, i) => {
      expect(l.placeFunding - base.lines[i]!.placeFunding).toBeCloseTo(add[i]!, 6);
      expect(l.expenditure - base.lines[i]!.expenditure).toBeCloseTo(add[i]!, 6);
    });
    expect(cap.generalFund!.years.map((y) => y.capitalCost)).toEqual([0, 5e6, 0]);
    // the Assumptions sheet says so (it said 'place funding from 2026-27')
    expect(cap.assumptions.find((a) => a.key === 'capacity.SSA.2027')!.value).toMatch(/place funding from 2026-27 \(7\/12 of that year, open from September; in full after\)/);
  });

  it('leaves a capital cost the scenario does not give unknown, with a warning, never £0', () => {
    const change = [{ placement: 'SSA' as const, year: 2027, places: 100 }];
    expect([2025, 2026, 2027].map((fy) => capitalCost(change, fy))).toEqual([0, undefined, 0]);
    // closing places costs no capital: nothing is unknown
    expect(capitalCost([{ placement: 'SSA' as const, year: 2027, places: -50 }], 2026)).toBe(0);
    const proj = projection({ years: [2025, 2026, 2027, 2028], cells: [0, 1, 2, 3].map(() => [{ placement: 'SSA' as const, age: 12, plans: 500 }]) });
    const t = tables({ places, unitCosts: [{ placement: 'SSA', annualCostGbp: 20_000, priceYear: 2025 }] });
    const cap = runBudget({ scenario: scenario({ costs: { inflation: 0 }, capacity: { changes: change } }), tables: t, projection: proj });
    expect(cap.generalFund!.years.map((y) => y.capitalCost)).toEqual([0, undefined, 0]);
    expect(cap.warnings.join('\n')).toMatch(/100 new SSA places from January 2027 have no capital_cost_gbp/);
  });
});

describe('places against plans', () => {
  it('shows the gap and what it costs as top-ups, ISS fees or more places', () => {
    // SSA: 392 places all years; plans 500 at every census → 108 plans beyond places.
    // Top-up £20,000, ISS fee £60,000, place rate £10,000: 108 × 20,000 = 2,160,000; × 60,000 = 6,480,000;
    // × 30,000 = 3,240,000.
    const proj = projection({
      years: [2025, 2026],
      cells: [0, 1].map(() => [
        { placement: 'SSA' as const, age: 12, plans: 500 },
        { placement: 'ISS' as const, age: 12, plans: 10 },
      ]),
    });
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 } }),
      tables: tables({
        places,
        unitCosts: [
          { placement: 'SSA', annualCostGbp: 20_000, priceYear: 2025 },
          { placement: 'ISS', annualCostGbp: 60_000, priceYear: 2025 },
        ],
      }),
      projection: proj,
    });
    const ssa = r.placesVsPlans!.find((x) => x.placement === 'SSA' && x.fy === 2025)!;
    expect(ssa).toMatchObject({ places: 392, plans: 500, gap: 108 });
    expect(ssa.costAsTopUps).toBeCloseTo(2_160_000, 6);
    expect(ssa.costAsIssFees).toBeCloseTo(6_480_000, 6);
    expect(ssa.costAsPlaces).toBeCloseTo(3_240_000, 6);
    // SSM has places but no plans: no gap
    expect(r.placesVsPlans!.find((x) => x.placement === 'SSM')!.gap).toBe(0);
  });
});

describe('placements paid a full fee have no place funding', () => {
  it('ISS and NMSS places (table or capacity change) add nothing to a fee that already pays the place, and say so', () => {
    // 10 SSA plans at £20,000 and 5 ISS plans at £60,000 at both censuses, no inflation: top-ups 200,000 + 300,000.
    // Places: SSA 10 × £10,000 = £100,000 (place funding); ISS 5 × £10,000 and a new NMSS school of 8 places from
    // January 2025 at £10,000 would have added £50,000 and £80,000 on top of the fees; 4 more NMSS places at no rate
    // of their own took the national £10,000 (£40,000), and now have none.
    // Expenditure 2025-26 = 100,000 + 200,000 + 300,000 = £600,000 (was £770,000).
    const proj = projection({
      years: [2025, 2026],
      cells: [0, 1].map(() => [
        { placement: 'SSA' as const, age: 12, plans: 10 },
        { placement: 'ISS' as const, age: 12, plans: 5 },
      ]),
    });
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 }, capacity: {
          changes: [
            { placement: 'NMSS', year: 2025, places: 8, place_rate_gbp: 10_000, capital_cost_gbp: 0 },
            { placement: 'NMSS', year: 2025, places: 4, capital_cost_gbp: 0 },
          ],
        },
      }),
      tables: tables({
        places: [
          { placement: 'SSA', fy: 2025, places: 10, placeRateGbp: 10_000 },
          { placement: 'ISS', fy: 2025, places: 5, placeRateGbp: 10_000 },
        ],
        unitCosts: [
          { placement: 'SSA', annualCostGbp: 20_000, priceYear: 2025 },
          { placement: 'ISS', annualCostGbp: 60_000, priceYear: 2025 },
        ],
      }),
      projection: proj,
    });
    const l = r.lines[0]!;
    expect(l.placeFunding).toBe(100_000);
    expect(l.placeFundingByPlacement).toEqual({ SSA: 100_000 });
    expect(l.expenditure).toBe(600_000);
    // still the placements' places (capacity, the Places and plans sheet), at a rate of £0
    const iss = r.placesVsPlans!.find((x) => x.placement === 'ISS' && x.fy === 2025)!;
    expect(iss).toMatchObject({ places: 5, plans: 5, gap: 0 });
    expect(r.placesVsPlans!.find((x) => x.placement === 'NMSS' && x.fy === 2025)!.places).toBe(12);
    const notes = r.fallbacks!.join('\n');
    expect(notes).toMatch(/ISS is paid a full fee per plan .* 5 places in 2025-26 add no place funding; places × place rate \(£50,000 that year\)/);
    expect(notes).toMatch(/NMSS is paid a full fee per plan .* 12 places in 2025-26 .*\(£80,000 that year\)/);
  });
});

describe('places at a place rate of £0', () => {
  it('are used as given and said, naming the placement and years; a full-fee placement’s rate-less places are not', () => {
    // SSM 400 places at £0 in 2025-26 and 2026-27 (a blank typed as 0): place funding £0, as given, where the national
    // rate would give £4,000,000 a year. It said nothing. ISS places at £0 are capacity only (no place funding anyway).
    const proj = projection({ years: [2025, 2026], cells: [0, 1].map(() => [{ placement: 'SSM' as const, age: 9, plans: 10 }]) });
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 } }),
      tables: tables({
        places: [
          { placement: 'SSM', fy: 2025, places: 400, placeRateGbp: 0 },
          { placement: 'SSM', fy: 2026, places: 400, placeRateGbp: 0 },
          { placement: 'ISS', fy: 2025, places: 20, placeRateGbp: 0 },
          { placement: 'RP', fy: 2025, places: 0, placeRateGbp: 0 },
        ],
        unitCosts: [{ placement: 'SSM', annualCostGbp: 20_000, priceYear: 2025 }],
      }),
      projection: proj,
    });
    expect(r.lines[0]!.placeFunding).toBe(0);
    const notes = r.fallbacks!.filter((w) => /place rate of £0/.test(w));
    expect(notes).toEqual([expect.stringMatching(/^Place funding: SSM has 400 places at a place rate of £0 in 2025-26, 2026-27, .*\(£10,000 a place for SSM nationally\)/)]);
  });
});
