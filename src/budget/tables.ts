/**
 * The project's own budget input tables (spec inputs.md §5), typed. The lead fills them from the warehouse; the
 * budget model only reads them. Financial years are keyed by their starting calendar year (2025 = 2025-26).
 * Money is GBP.
 */
import type { Need, Phase, Placement } from '../domain/index.ts';

/**
 * One row of the unit-cost table: what one plan-year in a placement costs the High Needs block (the top-up, or
 * the full fee for ISS, NMSS and SPI), at the prices of financial year `priceYear`. Blank phase or need = all;
 * the most specific row wins (see unit-costs.ts).
 */
export interface UnitCostRow {
  placement: Placement;
  phase?: Phase;
  need?: Need;
  annualCostGbp: number;
  /** Financial year whose prices the cost is at (its starting calendar year: 2024 = 2024-25). */
  priceYear: number;
  /** The file (its name) and line the row was read from, for messages; not carried into the explorer page. */
  source?: RowSource;
}

/** Where a table's row was read: the file's name (no folder) and its line. */
export interface RowSource {
  file: string;
  line: number;
}

/** Commissioned places in a placement in a financial year, paid as place funding (places × rate). */
export interface PlacesRow {
  placement: Placement;
  fy: number;
  places: number;
  placeRateGbp: number;
  /** The file (its name) and line the row was read from, for messages; not carried into the explorer page. */
  source?: RowSource;
}

/** Income to the High Needs block in a financial year. */
export interface FundingRow {
  fy: number;
  hnBlockGbp: number;
  /** Transfer from the schools block into the High Needs block (+ = in). */
  schoolsBlockTransferGbp?: number;
  otherIncomeGbp?: number;
  /** Import/export adjustments (+ = net income to the block). */
  importExportAdjustmentGbp?: number;
  /** The schools block itself, to check the transfer against the 0.5% limit. */
  schoolsBlockGbp?: number;
  /** The file (its name) and line the row was read from, for messages; not carried into the explorer page. */
  source?: RowSource;
}

/** High Needs spend that is not per plan (SEN support services, hospital education, therapies, …). */
export interface OtherSpendRow {
  line: string;
  fy: number;
  amountGbp: number;
}

/**
 * Cumulative DSG balance at 31 March at the end of financial year `fy` (negative = deficit). The model starts
 * from the row for the financial year before the first projected one.
 */
export interface OpeningBalance {
  fy: number;
  balanceGbp: number;
  /** The file (its name) and line the row was read from, for messages; not carried into the explorer page. */
  source?: RowSource;
}

/** The council's usable reserves (general fund) at 31 March at the end of financial year `fy`. */
export interface ReservesRow {
  fy: number;
  usableReservesGbp: number;
}

/** One line of the council's Section 251 outturn (what the High Needs block actually spent) in financial year `fy`. */
export interface OutturnRow {
  /** A Section 251 line code (section-251.ts), e.g. `top_up_independent`. */
  line: string;
  fy: number;
  outturnGbp: number;
}

/** Every budget input table of one LA. The last two are optional tables. */
export interface BudgetTables {
  unitCosts: UnitCostRow[];
  places: PlacesRow[];
  funding: FundingRow[];
  otherSpend: OtherSpendRow[];
  openingBalances: OpeningBalance[];
  reserves?: ReservesRow[];
  outturn?: OutturnRow[];
}

/** Tables with no rows (a budget of zeros, with warnings saying what is missing). */
export function emptyBudgetTables(): BudgetTables {
  return { unitCosts: [], places: [], funding: [], otherSpend: [], openingBalances: [], reserves: [], outturn: [] };
}
