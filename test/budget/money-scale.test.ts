/**
 * Money tables in £ thousands where pounds belong, that no reader can refuse row by row (a line of other spend may
 * well be small) but that the run can set against the spend it models. The sample's other-spend table written in £
 * thousands (7,950 for its £7,950,000 a year) took £7.9m a year out of spend with exit 0 and no word; its usable
 * reserves so written (64,000 for £64,000,000) put the deficit above them from the first year, at thousands of percent;
 * its SSM places typed as 4 for 428 took £4.2m a year out of place funding (4,280 would add £38.5m).
 */
import { describe, expect, it } from 'vitest';
import { RESERVES_MIN_SHARE, reservesAgainstBlock } from '../../src/budget/general-fund.ts';
import { OTHER_SPEND_MIN_SHARE, otherSpendAgainstSpend } from '../../src/budget/other-spend.ts';
import { placesAgainstPlans } from '../../src/budget/places-gap.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import { projection, scenario, tables } from './fixtures.ts';

describe('other spend out of scale with the modelled spend', () => {
  it('is named once, at the first year whose rows add up to less than a thousandth of that year\'s spend', () => {
    const inThousands = [
      { line: 'SEN support services', fy: 2025, amountGbp: 3_150 },
      { line: 'Therapies', fy: 2025, amountGbp: 1_380 },
      { line: 'SEN support services', fy: 2026, amountGbp: 3_245 },
    ];
    const w = otherSpendAgainstSpend(inThousands, [
      { fy: 2025, expenditure: 63.7e6 },
      { fy: 2026, expenditure: 68e6 },
      { fy: 2027, expenditure: 72e6 }, // no row of its own: carried forward, says nothing new
    ]);
    expect(w).toEqual([
      "Other spend 2025-26: the other-spend table's lines add up to £4,530, 0.0071% of the High Needs spend the run models for that year (£63,700,000), under 0.1% (and in 1 more year of the table): " +
        "a council's other High Needs spend (SEN support services, hospital education, therapies) runs to millions, so the table is probably in £ thousands (read as such, £4,530,000 that year), and every year's spend and balance are short by about as much. Write amount_gbp in pounds; the run uses the figures as given.",
    ]);
  });

  it('says £ millions, with the figure in pounds so read, where a thousand times the rows is still under the floor', () => {
    // the sample's £7,950,000 a year written 7.95 (£ millions) was named as '£8 … in £ thousands (read as such, £7,950 that year)'
    const inMillions = [
      { line: 'SEN support services', fy: 2025, amountGbp: 3.15 },
      { line: 'Therapies', fy: 2025, amountGbp: 4.8 },
    ];
    const [w] = otherSpendAgainstSpend(inMillions, [{ fy: 2025, expenditure: 61.3e6 }]);
    expect(w).toContain("the other-spend table's lines add up to £7.95, ");
    expect(w).toContain('so the table is probably in £ millions (read as such, £7,950,000 that year)');
  });

  it('says nothing of other spend in pounds, however small a line, nor of a year of £0', () => {
    const lines = [{ fy: 2025, expenditure: 63.7e6 }];
    expect(otherSpendAgainstSpend([{ line: 'SEN support services', fy: 2025, amountGbp: 3_150_000 }, { line: 'Sensory kit', fy: 2025, amountGbp: 500 }], lines)).toEqual([]);
    expect(otherSpendAgainstSpend([{ line: 'Therapies', fy: 2025, amountGbp: OTHER_SPEND_MIN_SHARE * 63.7e6 }], lines)).toEqual([]);
    expect(otherSpendAgainstSpend([{ line: 'Therapies', fy: 2025, amountGbp: 0 }], lines)).toEqual([]);
    expect(otherSpendAgainstSpend([], lines)).toEqual([]);
  });

  it('reaches the run\'s notes (stderr and the Data quality sheet) and leaves the figures as given', () => {
    const budget = (amountGbp: number) =>
      runBudget({
        scenario: scenario({ costs: { inflation: 0 } }),
        tables: tables({
          unitCosts: [{ placement: 'SSM', annualCostGbp: 20_000, priceYear: 2025 }],
          funding: [{ fy: 2025, hnBlockGbp: 2_000_000 }],
          otherSpend: [{ line: 'Therapies', fy: 2025, amountGbp }],
        }),
        projection: projection({ years: [2025, 2026], cells: [[{ placement: 'SSM', age: 8, plans: 100 }], [{ placement: 'SSM', age: 8, plans: 100 }]] }),
      });
    const thousands = budget(1_380);
    expect(thousands.lines[0]!.expenditure).toBe(2_001_380);
    expect(thousands.warnings.filter((w) => w.startsWith('Other spend 2025-26:'))).toHaveLength(1);
    expect(thousands.fallbacks?.filter((w) => w.startsWith('Other spend 2025-26:'))).toHaveLength(1);
    expect(budget(1_380_000).warnings.filter((w) => w.startsWith('Other spend 2025-26:'))).toEqual([]);
  });
});

describe('usable reserves out of scale with the High Needs block', () => {
  const lines = [
    { fy: 2025, hnBlock: 57e6 },
    { fy: 2026, hnBlock: 59e6 },
  ];

  it('are named once, at the first row the run uses that is below a hundredth of its year\'s block', () => {
    // the 2023-24 row is not used (2024-25 stands for the run's first year); the 2030-31 row is after the run
    const rows = [
      { fy: 2023, usableReservesGbp: 10 },
      { fy: 2024, usableReservesGbp: 64_000 },
      { fy: 2026, usableReservesGbp: 61_000 },
      { fy: 2030, usableReservesGbp: 1 },
    ];
    expect(reservesAgainstBlock(rows, lines)).toEqual([
      'Reserves 2024-25: usable reserves of £64,000 are 0.11% of the High Needs block of 2025-26 (£57,000,000), under 1% (and 1 more row of the table): ' +
        "a council responsible for SEND holds usable reserves of tens of millions of pounds, so the reserves table is probably in £ thousands (read as such, £64,000,000), and the deficit's share of reserves and the year it exceeds them rest on it. " +
        'Write usable_reserves_gbp in pounds; the run uses the figures as given.',
    ]);
    // in £ millions (64): said as such, with the figure so read (it said £ thousands, which leaves it 1,000 times short)
    const [m] = reservesAgainstBlock([{ fy: 2024, usableReservesGbp: 64 }], lines);
    expect(m).toContain('probably in £ millions (read as such, £64,000,000)');
  });

  it('says nothing of reserves in pounds, however small against the deficit, nor without a table', () => {
    expect(reservesAgainstBlock([{ fy: 2024, usableReservesGbp: 64e6 }], lines)).toEqual([]);
    expect(reservesAgainstBlock([{ fy: 2025, usableReservesGbp: RESERVES_MIN_SHARE * 57e6 }], lines)).toEqual([]);
    expect(reservesAgainstBlock([], lines)).toEqual([]);
  });

  it('reach the run\'s notes (stderr and the Data quality sheet)', () => {
    const budget = (usableReservesGbp: number) =>
      runBudget({
        scenario: scenario({ costs: { inflation: 0 } }),
        tables: tables({
          unitCosts: [{ placement: 'SSM', annualCostGbp: 20_000, priceYear: 2025 }],
          funding: [{ fy: 2025, hnBlockGbp: 2_000_000 }],
          reserves: [{ fy: 2024, usableReservesGbp }],
        }),
        projection: projection({ years: [2025, 2026], cells: [[{ placement: 'SSM', age: 8, plans: 100 }], [{ placement: 'SSM', age: 8, plans: 100 }]] }),
      });
    expect(budget(6_400).fallbacks?.filter((w) => w.startsWith('Reserves 2024-25:'))).toHaveLength(1);
    expect(budget(6_400_000).warnings.filter((w) => w.startsWith('Reserves 2024-25:'))).toEqual([]);
  });
});

describe('places far from the plans placed there', () => {
  const plans = (placement: 'SSM' | 'SSA' | 'AP' | 'ISS' | 'RP', fy: number, n: number) => ({ placement, fy, plans: n });

  it('names each placement at its first year under a fifth or over five times its plans, with the place funding it gives', () => {
    const table = [
      { placement: 'SSM' as const, fy: 2025, places: 428, placeRateGbp: 10_000 },
      { placement: 'SSM' as const, fy: 2026, places: 4, placeRateGbp: 10_000 },
      { placement: 'SSM' as const, fy: 2027, places: 5, placeRateGbp: 10_000 },
      { placement: 'SSA' as const, fy: 2025, places: 3_760, placeRateGbp: 10_000 },
      { placement: 'RP' as const, fy: 2025, places: 131, placeRateGbp: 6_000 },
    ];
    const rows = [plans('SSM', 2025, 500), plans('SSM', 2026, 510), plans('SSM', 2027, 520), plans('SSA', 2025, 440), plans('RP', 2025, 166)];
    expect(placesAgainstPlans(table, rows)).toEqual([
      "Places: the places table is far from the plans placed there on the data's own path (without the scenario's levers or surges), under ×0.2 or over ×5: SSM 4 places in 2026-27 against 510 plans (£40,000 of place funding, against £5,100,000 for as many places as plans); " +
        'SSA 3,760 places in 2025-26 against 440 plans (£37,600,000 of place funding, against £4,400,000 for as many places as plans). ' +
        "Places are filled by plans, so one of the two is probably off (a figure with a digit too many or too few, or another placement's places), and place funding is places × place rate, in every year's spend and balance. " +
        'Check the places table; the run uses it as given.',
    ]);
  });

  it('says nothing of places near their plans, of small numbers, of alternative provision\'s many places, or of a full-fee placement', () => {
    expect(placesAgainstPlans([{ placement: 'SSM', fy: 2025, places: 428, placeRateGbp: 10_000 }], [plans('SSM', 2025, 514)])).toEqual([]);
    expect(placesAgainstPlans([{ placement: 'RP', fy: 2025, places: 12, placeRateGbp: 6_000 }], [plans('RP', 2025, 1)])).toEqual([]);
    // most alternative provision places are for pupils without a plan
    expect(placesAgainstPlans([{ placement: 'AP', fy: 2025, places: 200, placeRateGbp: 10_000 }], [plans('AP', 2025, 22)])).toEqual([]);
    expect(placesAgainstPlans([{ placement: 'AP', fy: 2025, places: 2, placeRateGbp: 10_000 }], [plans('AP', 2025, 40)])).toHaveLength(1);
    expect(placesAgainstPlans([{ placement: 'ISS', fy: 2025, places: 500, placeRateGbp: 0 }], [plans('ISS', 2025, 50)])).toEqual([]);
    // a year the run does not price
    expect(placesAgainstPlans([{ placement: 'SSM', fy: 2040, places: 4, placeRateGbp: 10_000 }], [plans('SSM', 2025, 514)])).toEqual([]);
  });
});

describe('places against the plans of the data\'s own path', () => {
  it('are judged on the reference path, not on a scenario whose levers take the plans away', () => {
    const ssm = (n: number[]) => projection({ years: [2025, 2026], cells: n.map((x) => [{ placement: 'SSM' as const, age: 8, plans: x }]) });
    const budget = (reference: number[]) =>
      runBudget({
        scenario: scenario({ costs: { inflation: 0 } }),
        tables: tables({
          unitCosts: [{ placement: 'SSM', annualCostGbp: 20_000, priceYear: 2025 }],
          funding: [{ fy: 2025, hnBlockGbp: 5_000_000 }],
          places: [{ placement: 'SSM', fy: 2025, places: 300, placeRateGbp: 10_000 }],
        }),
        // the scenario leaves 30 plans of 300: its levers, not the places table
        projection: ssm([30, 30]),
        referenceProjection: ssm(reference),
      });
    expect(budget([300, 300]).fallbacks?.filter((w) => w.startsWith('Places:'))).toEqual([]);
    expect(budget([30, 30]).fallbacks?.filter((w) => w.startsWith('Places:'))).toHaveLength(1);
  });
});
