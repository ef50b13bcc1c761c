/**
 * Each placement's base-year cost per plan against the published figure for its kind of placement
 * (budget/cost-per-plan.ts; docs/budget.md "Cost per plan against published figures").
 */
import { describe, expect, it } from 'vitest';
import { PLACEMENTS, placementIndex, type Placement } from '../../src/domain/index.ts';
import { cellIndex, newCube } from '../../src/model/cube.ts';
import { costPerPlanOffReference } from '../../src/budget/cost-per-plan.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import { projection, scenario, tables } from './fixtures.ts';
import { resolveUnitCosts } from '../../src/budget/unit-costs.ts';
import type { PlacesRow, UnitCostRow } from '../../src/budget/tables.ts';

/** The sample's unit costs (data-samples/unit_costs.csv, placement rows), at 2024-25 prices. */
const SAMPLE: Partial<Record<Placement, number>> = { EY: 6000, MS: 8700, RP: 12000, IMS: 14500, SSM: 19500, SSA: 21000, ISS: 64000, NMSS: 60000, AP: 15000, FE: 7000, SPI: 45000, WBL: 4000, EOTAS: 12000, NEET: 0, NONE: 0 };
/** real-smoke's tables for a Kent-sized council. */
const KENT: Partial<Record<Placement, number>> = { EY: 6000, MS: 9000, RP: 16000, IMS: 20000, SSM: 25000, SSA: 26000, ISS: 62000, NMSS: 58000, AP: 19000, FE: 9500, SPI: 48000, WBL: 4000, EOTAS: 13000 };
const PLACES: PlacesRow[] = [
  { placement: 'RP', fy: 2025, places: 128, placeRateGbp: 6000 },
  { placement: 'SSM', fy: 2025, places: 428, placeRateGbp: 10000, source: { file: 'places.csv', line: 5 } },
  { placement: 'SSA', fy: 2025, places: 376, placeRateGbp: 10000 },
  { placement: 'AP', fy: 2025, places: 23, placeRateGbp: 10000 },
  { placement: 'FE', fy: 2025, places: 327, placeRateGbp: 6000 },
];

function rowsOf(costs: Partial<Record<Placement, number>>, times = 1): UnitCostRow[] {
  return Object.entries(costs).map(([placement, c], i) => ({ placement: placement as Placement, annualCostGbp: Math.round(c * times), priceYear: 2024, source: { file: 'unit_costs.csv', line: i + 2 } }));
}

/** 100 plans in every placement at age 10, need index 0 (a placement's own plans: `only`). */
function census(only?: readonly Placement[]): Float64Array {
  const c = newCube();
  for (const p of only ?? PLACEMENTS) c[cellIndex(10, 0, placementIndex(p))] = 100;
  return c;
}

const off = (rows: UnitCostRow[], cube = census(), places = PLACES) => costPerPlanOffReference(resolveUnitCosts(rows), cube, places, 2025, rows);

describe('cost per plan against published figures', () => {
  it("names nothing in the sample's figures or real-smoke's", () => {
    expect(off(rowsOf(SAMPLE))).toEqual([]);
    expect(off(rowsOf(KENT))).toEqual([]);
  });

  it('names independent and non-maintained special school fees per term (a third of a year), with their rows; not the top-ups over place funding', () => {
    const found = off(rowsOf(SAMPLE, 1 / 3));
    expect(found.map((o) => [o.placement, o.side, Math.round(o.costPerPlan)])).toEqual([
      ['ISS', 'below', 21333],
      ['NMSS', 'below', 20000],
    ]);
    expect(found[0]!.rows).toEqual([{ placement: 'ISS', annualCostGbp: 21333, priceYear: 2024, source: { file: 'unit_costs.csv', line: 8 } }]);
    expect(found[0]!.reference.gbp).toBe(64_000);
  });

  it('holds a fee at 40% of the national average: £25,600 is not named, £25,599 is', () => {
    expect(off([{ placement: 'ISS', annualCostGbp: 25_600, priceYear: 2024 }])).toEqual([]);
    expect(off([{ placement: 'ISS', annualCostGbp: 25_599, priceYear: 2024 }]).map((o) => o.placement)).toEqual(['ISS']);
  });

  it('names figures with a digit too many (×10), counting the place rate of the base year', () => {
    const found = off(rowsOf(SAMPLE, 10));
    expect(found.every((o) => o.side === 'above')).toBe(true);
    expect(found.map((o) => o.placement)).toEqual(['EY', 'MS', 'RP', 'SSM', 'SSA', 'ISS', 'NMSS', 'AP', 'FE', 'SPI']);
    const ssm = found.find((o) => o.placement === 'SSM')!;
    expect(ssm.costPerPlan).toBe(195_000 + 10_000);
    expect(ssm.placesRow?.source).toEqual({ file: 'places.csv', line: 5 });
  });

  it('takes one dear EOTAS or specialist post-16 package as given: under five plans a mean over £320,000 is not named, from five it is', () => {
    const rows: UnitCostRow[] = [
      { placement: 'EOTAS', annualCostGbp: 350_000, priceYear: 2024 },
      { placement: 'SPI', annualCostGbp: 420_000, priceYear: 2024 },
      { placement: 'ISS', annualCostGbp: 350_000, priceYear: 2024 },
    ];
    const plans = (n: number): Float64Array => {
      const c = newCube();
      for (const p of ['EOTAS', 'SPI', 'ISS'] as const) c[cellIndex(17, 0, placementIndex(p))] = n;
      return c;
    };
    // an independent special school's fee is a fee, not a package: one plan at £350,000 is still named
    expect(off(rows, plans(1)).map((o) => o.placement)).toEqual(['ISS']);
    expect(off(rows, plans(4.9)).map((o) => o.placement)).toEqual(['ISS']);
    expect(off(rows, plans(5)).map((o) => [o.placement, o.side])).toEqual([
      ['ISS', 'above'],
      ['SPI', 'above'],
      ['EOTAS', 'above'],
    ]);
  });

  it('weights a placement by its plans and leaves out a placement with none', () => {
    const c = census(['ISS']);
    // 90 plans at £60,000 (age 10) and 10 at £6,000 (age 17, post-16): £54,600 a plan, not the £33,000 of the two rows
    c[cellIndex(17, 0, placementIndex('ISS'))] = 10;
    c[cellIndex(10, 0, placementIndex('ISS'))] = 90;
    const rows: UnitCostRow[] = [
      { placement: 'ISS', annualCostGbp: 60_000, priceYear: 2024 },
      { placement: 'ISS', phase: 'POST16', annualCostGbp: 6_000, priceYear: 2024 },
      { placement: 'NMSS', annualCostGbp: 6_000, priceYear: 2024 },
    ];
    expect(off(rows, c)).toEqual([]);
  });
});

describe('cost per plan in a run with a Section 251 outturn', () => {
  // 100 ISS plans, 100 NMSS plans, 100 SSM plans at both censuses; the outturn of each top-up line is the plans at the
  // sample's annual figures
  const proj = () =>
    projection({
      years: [2025, 2026],
      cells: [0, 1].map(() => [
        { placement: 'ISS' as const, age: 12, plans: 100 },
        { placement: 'NMSS' as const, age: 12, plans: 100 },
        { placement: 'SSM' as const, age: 9, plans: 100 },
      ]),
    });
  const outturn = [
    { line: 'top_up_independent', fy: 2025, outturnGbp: 100 * 64_000 + 100 * 60_000 },
    { line: 'top_up_maintained', fy: 2025, outturnGbp: 100 * 19_500 },
  ];
  const run = (iss: number, nmss: number) =>
    runBudget({
      scenario: scenario({ costs: { inflation: 0 } }),
      tables: tables({
        unitCosts: [
          { placement: 'ISS', annualCostGbp: iss, priceYear: 2025, source: { file: 'unit_costs.csv', line: 8 } },
          { placement: 'NMSS', annualCostGbp: nmss, priceYear: 2025 },
          { placement: 'SSM', annualCostGbp: 19_500, priceYear: 2025 },
        ],
        outturn,
      }),
      projection: proj(),
    });
  const note = (r: ReturnType<typeof run>) => r.warnings.find((w) => w.startsWith('Unit costs: a plan'));

  it('holds the table as given, not as the outturn scales it: ISS ×10 is named, the NMSS fee it scales down is not', () => {
    const r = run(640_000, 60_000);
    // the independent line is scaled ×0.18 (£12.4m of outturn against £70m modelled): NMSS priced at £10,629 for the run
    expect(r.lines[0]!.byPlacement.NMSS / 100).toBeLessThan(25_600);
    expect(note(r)).toContain('ISS (independent special school) at £640,000 a plan-year, from the unit-cost table\'s ISS £640,000 at 2025-26 prices (unit_costs.csv line 8) (the Section 251 outturn scales its unit costs ×0.18 for the run)');
    expect(note(r)).not.toContain('NMSS');
    expect(note(r)).toContain('Has a figure a digit too many');
    expect(note(r)).toContain('the run uses the table as the outturn scales it');
    expect(r.suspect).toContain(note(r));
    expect(r.spendNotes).toContain(note(r));
  });

  it('names fees per term that the outturn scales back, with the factor and the per-term question', () => {
    const r = run(21_333, 20_000);
    expect(note(r)).toContain('ISS (independent special school) at £21,333 a plan-year');
    expect(note(r)).toContain('(the Section 251 outturn scales its unit costs ×3.00 for the run), and NMSS (non-maintained special school) at £20,000 a plan-year');
    expect(note(r)).toContain('Is the table per term rather than per year, or in £ thousands? A fee per term is a third of the fee per year.');
    // an NMSS top-up entered without its place funding is under the floor too: the note asks that as well
    expect(note(r)).toContain('Or is it the top-up alone? For these placements the table gives the whole cost to the block, place funding (£10,000 a place in a non-maintained special school) and top-up together');
  });

  it('names nothing at the annual figures', () => {
    expect(note(run(64_000, 60_000))).toBeUndefined();
  });
});
