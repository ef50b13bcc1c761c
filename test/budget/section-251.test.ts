import { describe, expect, it } from 'vitest';
import { runBudget } from '../../src/budget/run-budget.ts';
import { lineOfOtherSpend, lineOfPlacement, SECTION_251_CODES } from '../../src/budget/section-251.ts';
import { PLACEMENTS } from '../../src/domain/index.ts';
import { projection, scenario, tables } from './fixtures.ts';

const proj = () =>
  projection({
    years: [2025, 2026, 2027],
    cells: [10, 10, 12].map((n) => [
      { placement: 'ISS' as const, age: 12, plans: n },
      { placement: 'SSM' as const, age: 9, plans: 20 },
    ]),
  });
const unitCosts = [
  { placement: 'ISS' as const, annualCostGbp: 50_000, priceYear: 2025 },
  { placement: 'SSM' as const, annualCostGbp: 20_000, priceYear: 2025 },
];

describe('Section 251 lines', () => {
  it('put every placement and other-spend line somewhere, and add up to total expenditure', () => {
    for (const p of PLACEMENTS) expect(SECTION_251_CODES).toContain(lineOfPlacement(p));
    expect(lineOfPlacement('ISS')).toBe('top_up_independent');
    expect(lineOfOtherSpend('Hospital education')).toBe('hospital_education');
    expect(lineOfOtherSpend('Mitigation delivery: early help')).toBe('other_high_needs');
    // 'ap' is alternative provision as a word of its own, not inside another: 'Closing the gap' was put there
    expect(['AP outreach', 'PRU/AP', 'Tuition (AP)', 'Alternative provision'].map(lineOfOtherSpend)).toEqual(Array(4).fill('alternative_provision'));
    expect(['Closing the gap', 'Wrap around care', 'Inclusion map '].map(lineOfOtherSpend)).toEqual(Array(3).fill('other_high_needs'));
    expect(['Physiotherapy', 'SEND support services', 'Hospital education'].map(lineOfOtherSpend)).toEqual(['therapies', 'sen_support_services', 'hospital_education']);
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0.03 } }),
      tables: tables({ unitCosts, otherSpend: [{ line: 'SEN support services', fy: 2025, amountGbp: 1e6 }], places: [{ placement: 'SSM', fy: 2025, places: 20, placeRateGbp: 10_000 }] }),
      projection: proj(),
    });
    r.section251!.mitigated.forEach((y, i) => {
      const sum = Object.values(y.byLine).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(r.lines[i]!.expenditure, 4);
    });
    expect(r.section251!.mitigated[0]!.byLine.sen_support_services).toBe(1e6);
    expect(r.section251!.mitigated[0]!.byLine.place_funding).toBe(200_000);
  });
});

describe('recovery-plan delivery costs on the Section 251 lines', () => {
  it('go to other high needs spend whatever the lever is called, not to the line its name mentions', () => {
    // SEN support services £1,000,000 a year (table); two unit-cost levers from 2026 with delivery costs of £250,000
    // ('Needs met at SEN support') and £100,000 ('Mental health in-reach'), no inflation. 2026-27: SEN support services
    // £1,000,000 (was £1,250,000), therapies and other health £0 (was £100,000), other high needs £350,000 (was £0).
    const lever = (name: string, cost: number) => ({ name, kind: 'unit_cost_change' as const, effect: 0, placements: ['ISS' as const], start_year: 2026, cost_gbp_per_year: cost });
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 }, mitigations: [lever('Needs met at SEN support', 250_000), lever('Mental health in-reach', 100_000)] }),
      tables: tables({ unitCosts, otherSpend: [2025, 2026].map((fy) => ({ line: 'SEN support services', fy, amountGbp: 1e6 })) }),
      projection: proj(),
    });
    const y = r.section251!.mitigated[1]!.byLine;
    expect(y.sen_support_services).toBe(1e6);
    expect(y.therapies).toBe(0);
    expect(y.other_high_needs).toBe(350_000);
    expect(Object.values(y).reduce((a, b) => a + b, 0)).toBeCloseTo(r.lines[1]!.expenditure, 6);
  });
});

describe('base-year reconciliation to the outturn', () => {
  it('scales the unit costs of a line so the base year matches, and reports the scaling', () => {
    // ISS: 10 plans at both censuses × £50,000 = £500,000 modelled in 2025-26; outturn £600,000 → × 1.2.
    // SSM: 20 × £20,000 = £400,000 modelled; outturn £380,000 → × 0.95.
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 } }),
      tables: tables({
        unitCosts,
        outturn: [
          { line: 'top_up_independent', fy: 2025, outturnGbp: 600_000 },
          { line: 'Top-up funding: maintained providers', fy: 2025, outturnGbp: 380_000 },
          { line: 'place_funding', fy: 2025, outturnGbp: 90_000 },
        ],
      }),
      projection: proj(),
    });
    const rec = Object.fromEntries(r.reconciliation!.map((l) => [l.line, l]));
    expect(rec.top_up_independent).toMatchObject({ outturn: 600_000, modelled: 500_000 });
    expect(rec.top_up_independent!.scale).toBeCloseTo(1.2, 12);
    expect(rec.top_up_maintained!.scale).toBeCloseTo(0.95, 12);
    expect(rec.place_funding!.scale).toBeUndefined();
    expect(r.lines[0]!.byPlacement.ISS).toBeCloseTo(600_000, 6);
    expect(r.lines[0]!.byPlacement.SSM).toBeCloseTo(380_000, 6);
    // later years carry the scaled unit cost: 2026-27 ISS = 60,000 × (5/12 × 10 + 7/12 × 12) = 670,000
    expect(r.lines[1]!.byPlacement.ISS).toBeCloseTo(670_000, 6);
  });

  it('is turned off by costs.reconcile_to_outturn: false, and warns about other years', () => {
    const outturn = [{ line: 'top_up_independent', fy: 2025, outturnGbp: 600_000 }, { line: 'top_up_independent', fy: 2023, outturnGbp: 1 }];
    const off = runBudget({ scenario: scenario({ costs: { inflation: 0, reconcile_to_outturn: false } }), tables: tables({ unitCosts, outturn }), projection: proj() });
    expect(off.lines[0]!.byPlacement.ISS).toBeCloseTo(500_000, 6);
    expect(off.reconciliation).toBeUndefined();
    const on = runBudget({ scenario: scenario({ costs: { inflation: 0 } }), tables: tables({ unitCosts, outturn }), projection: proj() });
    expect(on.warnings.join('\n')).toMatch(/rows for 2023-24 are not used/);
  });

  it('of other years only: nothing reconciled, and said on stderr (fallbacks) as well as the Data quality sheet, naming the years given', () => {
    // a table of 2023-24 beside a run from January 2025 left the sample's 2025-26 spend unreconciled (£70.8m, not the
    // outturn's £69.3m) with the note on the Data quality sheet only
    const outturn = [{ line: 'top_up_independent', fy: 2023, outturnGbp: 600_000 }, { line: 'top_up_maintained', fy: 2024, outturnGbp: 380_000 }];
    const r = runBudget({ scenario: scenario({ costs: { inflation: 0 } }), tables: tables({ unitCosts, outturn }), projection: proj() });
    expect(r.lines[0]!.byPlacement.ISS).toBeCloseTo(500_000, 6);
    const said = 'Section 251 outturn: the table has no rows for the base financial year 2025-26 (it gives 2023-24, 2024-25), so unit costs were not ' +
      "reconciled: the base year's spend is the unit costs' as given, not the accounts'. Give the outturn (or the latest forecast outturn) for 2025-26, " +
      'or set costs.reconcile_to_outturn: false in the scenario to run without it.';
    expect(r.fallbacks).toContain(said);
    expect(r.warnings.filter((w) => w.startsWith('Section 251 outturn:'))).toEqual([said]);
  });

  it("of another year near the base year: a top-up line ×2 or more (or ×0.5 or less) from the base year's modelled is named among the figures probably wrong", () => {
    // the sample's top-ups per term beside its outturn labelled 2024-25: said only as 'no rows for the base financial year'
    const outturn = [{ line: 'top_up_maintained', fy: 2024, outturnGbp: 1_200_000 }, { line: 'top_up_independent', fy: 2024, outturnGbp: 520_000 }];
    const r = runBudget({ scenario: scenario({ costs: { inflation: 0 } }), tables: tables({ unitCosts, outturn }), projection: proj() });
    const said = r.warnings.find((w) => w.startsWith('Section 251 outturn:'))!;
    expect(said).toContain(
      "Its 2024-25 figures are far from what the run models for 2025-26, beyond a year's change: 'Top-up funding: maintained providers' £1,200,000 against £400,000 modelled (×3.0). " +
        'Are the unit costs per term rather than per year, or in other units (or is the outturn another council\'s)? The run uses the unit costs as given.',
    );
    expect(said).not.toContain('non-maintained and independent providers');
    expect(r.fallbacks).toContain(said);
    expect(r.suspect).toContain(said);
    expect(r.spendNotes).toContain(said);
    expect((r.fallbacks ?? []).filter((f) => f === said)).toHaveLength(1);
    expect(r.lines[0]!.byPlacement.SSM).toBeCloseTo(400_000, 6);
    // three years away: not set against the base year
    const far = runBudget({ scenario: scenario({ costs: { inflation: 0 } }), tables: tables({ unitCosts, outturn: outturn.map((o) => ({ ...o, fy: 2022 })) }), projection: proj() });
    expect(far.warnings.find((w) => w.startsWith('Section 251 outturn:'))).not.toContain('far from');
    expect(far.suspect ?? []).not.toContain(far.warnings.find((w) => w.startsWith('Section 251 outturn:')));
  });
});
