/**
 * The project's own input tables for Anyshire (inputs.md §5): unit costs, places, funding, other spend and the
 * opening DSG balance. Places and funding are sized from the simulated January 2025 stock so that the LA runs
 * a deficit, as most LAs with a Safety Valve or DBV agreement do.
 */
import { lineOfOtherSpend, lineOfPlacement, SECTION_251_CODES, type Section251Code } from '../budget/section-251.ts';
import { PLACEMENTS, financialYearLabel, type Placement } from '../domain/index.ts';
import { N, P, PH } from './codes.ts';
import { csvText } from './format.ts';
import { stockAt } from './summary.ts';
import type { Simulation } from './types.ts';

export const PRICE_YEAR = '2024-25';

/** Annual cost of one plan-year (top-up; the full fee for ISS, NMSS and SPI) at 2024-25 prices. */
export const UNIT_COST: Record<Placement, number> = {
  EY: 6_000, MS: 8_700, RP: 12_000, IMS: 14_500, SSM: 19_500, SSA: 21_000, ISS: 64_000, NMSS: 60_000, AP: 15_000,
  FE: 7_000, SPI: 45_000, WBL: 4_000, EOTAS: 12_000, NEET: 0, NONE: 0,
};

/** Rows more specific than the placement alone, to show "the most specific row wins". */
const SPECIFIC_ROWS: Array<[Placement, string, string, number]> = [
  [P.MS, PH.SECONDARY, '', 9_400],
  [P.SSM, '', N.PMLD, 24_000],
  [P.SSA, PH.POST16, N.ASD, 23_500],
];

/** Place funding rates: special and AP £10,000, resourced provision and FE £6,000. */
const PLACE_RATE: Partial<Record<Placement, number>> = { SSM: 10_000, SSA: 10_000, RP: 6_000, AP: 10_000, FE: 6_000 };

const FUNDING_YEARS = [2025, 2026];
const PLACES_YEARS = [2025, 2026, 2027];

export const OTHER_SPEND: Array<[string, number]> = [
  ['SEN support services', 3_150_000],
  ['Hospital education', 620_000],
  ['Therapies', 1_380_000],
  ['Direct payments', 540_000],
  ['Alternative provision without a plan', 2_260_000],
];

function countsAt2025(sim: Simulation): Record<Placement, number> {
  const c = Object.fromEntries(PLACEMENTS.map((p) => [p, 0])) as Record<Placement, number>;
  for (const r of stockAt(sim, 2025)) c[r.placement]++;
  return c;
}

export function unitCostsCsv(): string {
  const rows: Array<Array<string | number>> = PLACEMENTS.map((p) => [p, '', '', UNIT_COST[p], PRICE_YEAR]);
  for (const [p, phase, need, cost] of SPECIFIC_ROWS) rows.push([p, phase, need, cost, PRICE_YEAR]);
  return csvText(['placement', 'phase', 'need', 'annual_cost_gbp', 'price_year'], rows);
}

/** Commissioned places: the January 2025 headcount plus a little headroom, growing 3% a year. */
export function placesCsv(sim: Simulation): string {
  const c = countsAt2025(sim);
  const rows: Array<Array<string | number>> = [];
  for (const p of PLACEMENTS) {
    const rate = PLACE_RATE[p];
    if (rate === undefined) continue;
    PLACES_YEARS.forEach((fy, i) => rows.push([p, financialYearLabel(fy), Math.round(c[p] * 1.02 * 1.03 ** i), rate]));
  }
  return csvText(['placement', 'financial_year', 'places', 'place_rate_gbp'], rows);
}

/** What the January 2025 stock costs the block in a year, at 2024-25 prices (for sizing the funding table). */
export function estimatedSpend(sim: Simulation): number {
  const c = countsAt2025(sim);
  let spend = OTHER_SPEND.reduce((s, [, v]) => s + v, 0);
  for (const p of PLACEMENTS) spend += c[p] * (UNIT_COST[p] + (PLACE_RATE[p] ?? 0) * 1.02);
  return spend;
}

/** HN block about 88% of the estimated spend, rounded to £10k, so that the LA runs an in-year deficit. */
export function fundingCsv(sim: Simulation): string {
  const block = Math.round((estimatedSpend(sim) * 0.88) / 10_000) * 10_000;
  const rows = FUNDING_YEARS.map((fy, i) => [
    financialYearLabel(fy), Math.round((block * 1.035 ** i) / 10_000) * 10_000, 1_250_000, 420_000, -640_000,
  ]);
  return csvText(['financial_year', 'hn_block_gbp', 'schools_block_transfer_gbp', 'other_income_gbp', 'import_export_adjustment_gbp'], rows);
}

export function otherSpendCsv(): string {
  const rows: Array<Array<string | number>> = [];
  for (const [line, amount] of OTHER_SPEND) {
    FUNDING_YEARS.forEach((fy, i) => rows.push([line, financialYearLabel(fy), Math.round((amount * 1.03 ** i) / 1000) * 1000]));
  }
  return csvText(['line', 'financial_year', 'amount_gbp'], rows);
}

export const OPENING_BALANCE = -18_400_000;

export function openingBalanceCsv(): string {
  return csvText(['financial_year', 'dsg_cumulative_balance_gbp'], [[financialYearLabel(2024), OPENING_BALANCE]]);
}

/** Usable reserves of the council at 31 March 2025 and 2026 (falling, as most councils' are). */
export const USABLE_RESERVES: Array<[number, number]> = [
  [2024, 64_000_000],
  [2025, 61_000_000],
];

export function reservesCsv(): string {
  return csvText(['financial_year', 'usable_reserves_gbp'], USABLE_RESERVES.map(([fy, v]) => [financialYearLabel(fy), v]));
}

/**
 * How far the council's 2025-26 outturn is from what the unit-cost table says, per top-up line: the sample's
 * independent placements cost more than the table's average fee and its academies a little less, as a real
 * reconciliation usually finds. The base-year reconciliation scales unit costs by about these factors.
 */
export const OUTTURN_FACTOR: Partial<Record<Section251Code, number>> = {
  top_up_maintained: 1.03,
  top_up_academies: 0.96,
  top_up_independent: 1.07,
};

/** Growth of plans from January 2025 to the 2025-26 financial year (5/12 Jan 2025 + 7/12 Jan 2026), roughly. */
const IN_YEAR_GROWTH = 1.035;
/** Inflation from 2024-25 prices to 2025-26 (the scenarios' 3%). */
const ONE_YEAR_INFLATION = 1.03;

/** The 2025-26 Section 251 High Needs outturn by line, rounded to £1,000. */
export function section251OutturnCsv(sim: Simulation): string {
  const c = countsAt2025(sim);
  const byLine = Object.fromEntries(SECTION_251_CODES.map((k) => [k, 0])) as Record<Section251Code, number>;
  for (const p of PLACEMENTS) {
    byLine[lineOfPlacement(p)] += c[p] * UNIT_COST[p] * IN_YEAR_GROWTH * ONE_YEAR_INFLATION * (OUTTURN_FACTOR[lineOfPlacement(p)] ?? 1);
    byLine.place_funding += Math.round(c[p] * 1.02) * (PLACE_RATE[p] ?? 0);
  }
  for (const [line, amount] of OTHER_SPEND) byLine[lineOfOtherSpend(line)] += amount;
  const rows = SECTION_251_CODES.filter((k) => byLine[k] > 0).map((k) => [k, financialYearLabel(2025), Math.round(byLine[k] / 1000) * 1000]);
  return csvText(['section_251_line', 'financial_year', 'outturn_gbp'], rows);
}
