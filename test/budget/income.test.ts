import { describe, expect, it } from 'vitest';
import { tableYearWarnings } from '../../src/budget/table-years.ts';
import { BLOCK_TO_SPEND_POSSIBLE, blockAgainstSpend, blockBeyondUnits, incomeFor } from '../../src/budget/income.ts';
import { blockInOtherUnits } from '../../src/messages/budget.ts';
import { resolveOpening } from '../../src/budget/opening.ts';
import { otherSpend } from '../../src/budget/other-spend.ts';
import { placeFunding } from '../../src/budget/place-funding.ts';
import { resolveInflation } from '../../src/budget/prices.ts';
import type { FundingRow } from '../../src/budget/tables.ts';

const funding: FundingRow[] = [
  { fy: 2025, hnBlockGbp: 1_000_000, otherIncomeGbp: 5_000, importExportAdjustmentGbp: -20_000, schoolsBlockTransferGbp: 50_000 },
  { fy: 2026, hnBlockGbp: 1_100_000, otherIncomeGbp: 6_000, importExportAdjustmentGbp: -25_000 },
];

describe('High Needs block income', () => {
  it('uses the table, then grows the last year by funding.growth', () => {
    const g = { fundingGrowth: 0.04 };
    expect(incomeFor(funding, 2025, g).income.hnBlock).toBe(1_000_000);
    expect(incomeFor(funding, 2026, g).income.hnBlock).toBe(1_100_000);
    expect(incomeFor(funding, 2027, g).income.hnBlock).toBeCloseTo(1_144_000, 6); // × 1.04
    expect(incomeFor(funding, 2028, g).income.hnBlock).toBeCloseTo(1_189_760, 6); // × 1.04²
  });

  it('adds the transfer, import/export and other income; after the table only the block allocation goes on', () => {
    const a = incomeFor(funding, 2025, { fundingGrowth: 0 }).income;
    expect(a.income).toBe(1_000_000 + 50_000 - 20_000 + 5_000);
    const c = incomeFor(funding, 2027, { fundingGrowth: 0 }).income;
    expect(c).toMatchObject({ schoolsBlockTransfer: 0, importExport: 0, otherIncome: 0, income: 1_100_000 });
  });

  it('a one-year other-income line stops after its year', () => {
    // a £2m Safety Valve instalment in 2026-27 only; the block is £10m in 2025-26 and 2026-27, then grows 3%
    const rows: FundingRow[] = [
      { fy: 2025, hnBlockGbp: 10_000_000 },
      { fy: 2026, hnBlockGbp: 10_000_000, otherIncomeGbp: 2_000_000 },
      { fy: 2027, hnBlockGbp: 10_000_000 },
    ];
    const g = { fundingGrowth: 0.03 };
    expect(incomeFor(rows, 2025, g).income.otherIncome).toBe(0);
    expect(incomeFor(rows, 2026, g).income).toMatchObject({ otherIncome: 2_000_000, income: 12_000_000 });
    expect(incomeFor(rows, 2027, g).income).toMatchObject({ otherIncome: 0, income: 10_000_000 });
    // past the table: the block grows (10,000,000 × 1.03 = 10,300,000), the instalment does not come back
    expect(incomeFor(rows, 2028, g).income).toMatchObject({ otherIncome: 0, income: 10_300_000 });
  });

  it('carries a column forward only when the scenario says so', () => {
    const c = incomeFor(funding, 2027, { fundingGrowth: 0, carryForward: ['other_income_gbp'] }).income;
    expect(c).toMatchObject({ importExport: 0, otherIncome: 6_000, income: 1_106_000 });
  });

  it('takes the scenario transfer for every year and warns above 0.5% of the schools block', () => {
    const over = incomeFor(funding, 2027, { fundingGrowth: 0, schoolsBlockTransferGbp: 600_000, schoolsBlockGbp: 100_000_000 });
    expect(over.income.schoolsBlockTransfer).toBe(600_000);
    expect(over.warnings.join()).toMatch(/0\.6% of the schools block/);
    const at = incomeFor(funding, 2027, { fundingGrowth: 0, schoolsBlockTransferGbp: 500_000, schoolsBlockGbp: 100_000_000 });
    expect(at.warnings).toEqual([]);
  });

  it('warns when there is no funding table', () => {
    const r = incomeFor([], 2025, { fundingGrowth: 0.03 });
    expect(r.income.income).toBe(0);
    expect(r.warnings[0]).toMatch(/funding table is empty/);
  });
});

describe('place funding and other spend after the table', () => {
  it('carries places and rates forward without inflation', () => {
    const rows = [
      { placement: 'SSM' as const, fy: 2025, places: 100, placeRateGbp: 10_000 },
      { placement: 'SSM' as const, fy: 2026, places: 120, placeRateGbp: 10_000 },
      { placement: 'RP' as const, fy: 2025, places: 20, placeRateGbp: 6_000 },
    ];
    expect(placeFunding(rows, 2025).total).toBe(1_120_000);
    const later = placeFunding(rows, 2027);
    expect(later.total).toBe(1_320_000); // 120 × 10,000 + 20 × 6,000
    expect(later.carried).toEqual(['SSM', 'RP']);
  });

  it('takes the years before the table back from its first row; a placement or line starting later opens then', () => {
    // hand-worked: the table starts in 2025-26 (SSM 100 × £10,000, RP 20 × £6,000); AP's first row is 2027-28, a
    // unit opening then. 2023-24 and 2024-25 are not in the table: SSM and RP as in 2025-26 (£1,120,000), AP £0.
    // Before, both years had £0 place funding: the sample from January 2022 showed 2024-25 in surplus by £10.4m.
    const rows = [
      { placement: 'SSM' as const, fy: 2025, places: 100, placeRateGbp: 10_000 },
      { placement: 'RP' as const, fy: 2025, places: 20, placeRateGbp: 6_000 },
      { placement: 'AP' as const, fy: 2027, places: 10, placeRateGbp: 10_000 },
    ];
    for (const fy of [2023, 2024]) {
      expect(placeFunding(rows, fy).total).toBe(1_120_000);
      expect(placeFunding(rows, fy).carried).toEqual(['SSM', 'RP']);
    }
    expect(placeFunding(rows, 2026).byPlacement.AP).toBeUndefined();
    expect(placeFunding(rows, 2027).total).toBe(1_220_000);
    // other spend: Therapies £1,000,000 in 2025-26 at 10% general inflation is £909,090.91 in 2024-25 and
    // £826,446.28 in 2023-24 (÷ 1.1, ÷ 1.1²); Hospital education starting in 2026-27 is £0 before it
    const { rates } = resolveInflation({ default: 0.1, ISS: 0.5 });
    const spend = [
      { line: 'Therapies', fy: 2025, amountGbp: 1_000_000 },
      { line: 'Hospital education', fy: 2026, amountGbp: 500_000 },
    ];
    expect(otherSpend(spend, 2024, rates).total).toBeCloseTo(909_090.909, 2);
    expect(otherSpend(spend, 2023, rates).byLine).toEqual({ Therapies: expect.closeTo(826_446.281, 2) });
    expect(otherSpend(spend, 2025, rates).total).toBe(1_000_000);
    expect(otherSpend(spend, 2026, rates).total).toBeCloseTo(1_600_000, 6);
  });

  it('carries other spend forward, inflated at the general rate', () => {
    const { rates } = resolveInflation({ default: 0.1, ISS: 0.5 });
    const rows = [{ line: 'Hospital education', fy: 2025, amountGbp: 50_000 }];
    expect(otherSpend(rows, 2025, rates).total).toBe(50_000);
    expect(otherSpend(rows, 2027, rates).total).toBeCloseTo(60_500, 6); // × 1.1²
  });

  it('takes a line written in another case in a later year as the same line, not a second one carried beside it', () => {
    // SEN support services £3,000,000 in 2025-26, then 'SEN Support Services' £3,100,000 in 2026-27 (the reader keys
    // the two as one line), no inflation: 2026-27 and 2027-28 spend £3,100,000 on it. Two lines, the first carried
    // forward beside the second, made them £6,100,000.
    const { rates } = resolveInflation(0);
    const rows = [
      { line: 'SEN support services', fy: 2025, amountGbp: 3_000_000 },
      { line: 'SEN Support Services ', fy: 2026, amountGbp: 3_100_000 },
    ];
    expect([2025, 2026, 2027].map((fy) => otherSpend(rows, fy, rates).total)).toEqual([3_000_000, 3_100_000, 3_100_000]);
    expect(otherSpend(rows, 2027, rates).byLine).toEqual({ 'SEN support services': 3_100_000 });
    // the years-filled note names one series, not one ending in 2025-26 beside one starting in 2026-27
    const notes = tableYearWarnings({ funding: [], places: [], otherSpend: rows }, [2025, 2026, 2027], { fundingGrowth: 0 });
    expect(notes).toEqual([]);
  });
});

describe('opening balance', () => {
  it('uses the row for the year before the first projected one', () => {
    expect(resolveOpening([{ fy: 2023, balanceGbp: -1 }, { fy: 2024, balanceGbp: -2 }], 2025)).toEqual({ balance: -2, fy: 2024, warnings: [] });
  });
  it('uses another year anyway, with a warning', () => {
    const r = resolveOpening([{ fy: 2022, balanceGbp: -7 }], 2025);
    expect(r.balance).toBe(-7);
    expect(r.warnings[0]).toMatch(/expected the balance at the end of 2024-25 but the table has 2022-23; it is used as the opening balance anyway, so the in-year balances of the 2 years between are not in the cumulative balance\. Add a row for 2024-25\.$/);
    // dated where the run uses it, with the row that stands in for it
    expect(r).toMatchObject({ fy: 2024, fromFy: 2022 });
  });
  it('dates a row from after the run starts at the run\'s opening, leaving its warning to the budget (anchorOpening)', () => {
    const r = resolveOpening([{ fy: 2026, balanceGbp: -9 }], 2025);
    expect(r).toMatchObject({ balance: -9, fy: 2024, fromFy: 2026, warnings: [] });
    expect(resolveOpening([{ fy: 2025, balanceGbp: -9 }], 2025)).toMatchObject({ fromFy: 2025, warnings: [] });
  });
  it('starts from 0 with a warning when there is none', () => {
    expect(resolveOpening([], 2025).balance).toBe(0);
    expect(resolveOpening([], 2025).warnings).toHaveLength(1);
  });
});

describe('a High Needs block out of scale with the modelled spend', () => {
  it('is warned about for a table row a fifth of the spend or five times it, not for years it is grown into', () => {
    // £57,170: the sample's block typed in thousands; the spend is about £69m
    const w = blockAgainstSpend([{ fy: 2025, hnBlockGbp: 57_170 }], [
      { fy: 2025, hnBlock: 57_170, expenditure: 69e6 },
      { fy: 2026, hnBlock: 58_885, expenditure: 72e6 },
    ]);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^Funding 2025-26: the High Needs block of £57,170 is 0\.083% of the High Needs spend .* \(£69,000,000\), outside 20%–500%/);
    expect(blockAgainstSpend([{ fy: 2025, hnBlockGbp: 57e6 }], [{ fy: 2025, hnBlock: 57e6, expenditure: 69e6 }])).toEqual([]);
    expect(blockAgainstSpend([{ fy: 2025, hnBlockGbp: 57e9 }], [{ fy: 2025, hnBlock: 57e9, expenditure: 69e6 }])).toHaveLength(1);
  });
});

describe('a High Needs block refused as in other units', () => {
  it('says £ millions, with the block so read, for a funding table in £ millions (it said nothing of the units, and £57 for 57.17)', () => {
    const said = blockInOtherUnits('Anyshire (999)', { fy: '2025-26', hnBlock: 57.17, expenditure: 69_272_000, source: { file: 'funding.csv', line: 2 } }, ['/d/funding.csv'], BLOCK_TO_SPEND_POSSIBLE);
    expect(said).toContain('in the funding table (/d/funding.csv line 2) is £57.17, ');
    expect(said).toContain('Written in pounds it would be about a million times as much (£57,170,000): the funding table is most likely in £ millions; write it in pounds.');
    expect(blockInOtherUnits('Anyshire (999)', { fy: '2025-26', hnBlock: 57_170, expenditure: 69_272_000 }, [], BLOCK_TO_SPEND_POSSIBLE)).toContain('most likely in £ thousands');
  });
});

describe('a High Needs block well above the modelled spend', () => {
  it('is named over 125% of spend in the table\'s first year of the run, with the per-term question; the sample (83%), a surplus year and a recovery plan\'s later years are not', () => {
    const rows = [{ fy: 2025, hnBlockGbp: 57_170_000 }, { fy: 2026, hnBlockGbp: 59_170_000 }];
    // the sample's unit costs per term: spend £36.2m against the block of £57.2m (158%) — before, nothing said
    const w = blockAgainstSpend(rows, [
      { fy: 2025, hnBlock: 57_170_000, expenditure: 36_235_053 },
      { fy: 2026, hnBlock: 59_170_000, expenditure: 37_900_000 },
    ]);
    expect(w).toEqual([
      'Funding 2025-26: the High Needs block of £57,170,000 is 158% of the High Needs spend the run models for that year (£36,235,053), over 125%: ' +
        "councils' blocks meet most of their spend, not more than all of it (England's in-year overspend is about a tenth of the block), so the spend is probably too low. " +
        'Are the unit costs per term rather than per year, or in £ thousands, or is a cost table (places, other spend) left out? ' +
        'Check annual_cost_gbp in the unit-cost table and hn_block_gbp in the funding table; the run uses them as given, and its balance is a surplus the tables make, not a finding.',
    ]);
    expect(blockAgainstSpend(rows, [{ fy: 2025, hnBlock: 57_170_000, expenditure: 69_272_000 }])).toEqual([]);
    // the row's file and line where the reader kept them, as the notes on unit costs and places name theirs
    const sourced = [{ ...rows[0]!, source: { file: 'funding.csv', line: 2 } }, rows[1]!];
    expect(blockAgainstSpend(sourced, [{ fy: 2025, hnBlock: 57_170_000, expenditure: 36_235_053 }])[0]).toMatch(/^Funding 2025-26 \(funding\.csv line 2\): the High Needs block of £57,170,000 is 158%/);
    expect(blockAgainstSpend(sourced, [{ fy: 2025, hnBlock: 57_170_000, expenditure: 1e6 }])[0]).toMatch(/^Funding 2025-26 \(funding\.csv line 2\): the High Needs block of £57,170,000 is 5700% .* outside 20%–500%/);
    expect(blockBeyondUnits(sourced, [{ fy: 2025, hnBlock: 57_170_000, expenditure: 1e5 }])).toEqual({ fy: 2025, hnBlock: 57_170_000, expenditure: 1e5, source: { file: 'funding.csv', line: 2 } });
    // the percentage as the figures beside it give it (two significant figures read 158% as 160%, 125.1% as 130%)
    expect(blockAgainstSpend(rows, [{ fy: 2025, hnBlock: 57_170_000, expenditure: 57_170_000 / 1.251 }])[0]).toContain(' is 125.1% of the High Needs spend');
    expect(blockAgainstSpend(rows, [{ fy: 2025, hnBlock: 57_170_000, expenditure: 57_170_000 / 1.256 }])[0]).toContain(' is 126% of the High Needs spend');
    // a surplus of a fifth of spend (block 120% of it) is a council's, if a rare one
    expect(blockAgainstSpend(rows, [{ fy: 2025, hnBlock: 57_170_000, expenditure: 57_170_000 / 1.2 }])).toEqual([]);
    // a recovery plan's levers bringing spend well under a growing block in a later table year: its aim, no note
    const recovery = [...rows, { fy: 2027, hnBlockGbp: 61_000_000 }, { fy: 2028, hnBlockGbp: 63_000_000 }];
    expect(blockAgainstSpend(recovery, [
      { fy: 2025, hnBlock: 57_170_000, expenditure: 60_000_000 },
      { fy: 2026, hnBlock: 59_170_000, expenditure: 55_000_000 },
      { fy: 2027, hnBlock: 61_000_000, expenditure: 47_000_000 },
      { fy: 2028, hnBlock: 63_000_000, expenditure: 45_000_000 },
    ])).toEqual([]);
    // beyond 500% the out-of-scale warning alone
    expect(blockAgainstSpend(rows, [{ fy: 2025, hnBlock: 57_170_000, expenditure: 10e6 }])[0]).toMatch(/outside 20%–500%/);
  });
});

describe('years before the funding table', () => {
  it('are said once, not once a year (a table starting in 2045-46 gave ten notes on a run from 2022)', () => {
    const rows = [{ fy: 2045, hnBlockGbp: 90e6 }];
    const notes = [2022, 2023, 2031].map((fy) => incomeFor(rows, fy, { fundingGrowth: 0.03 }).fallbacks);
    expect(new Set(notes.flat()).size).toBe(1);
    expect(notes[0]![0]).toBe('Funding: the funding table starts in 2045-46; the High Needs block of each year of the run before it is the 2045-46 figure taken back at the funding growth rate (3% a year). Add rows for those years.');
  });
});
