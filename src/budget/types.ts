/**
 * What the budget model returns (consumed by the reports and the run --json document). Pure data.
 * Financial years are keyed by their starting calendar year (2025 = 2025-26). Money is GBP, unrounded.
 */
import type { Placement, PlacementGroup } from '../domain/index.ts';
import type { Quantiles } from '../model/result.ts';
import type { RowSource } from './tables.ts';

export interface FinancialYearLines {
  fy: number;
  /** `2025-26`. */
  label: string;
  /** Place funding: places × place rate, summed over placements. */
  placeFunding: number;
  placeFundingByPlacement: Partial<Record<Placement, number>>;
  /** Top-ups and fees by placement (plans × unit cost, financial-year converted, inflated). */
  byPlacement: Record<Placement, number>;
  byGroup: Record<PlacementGroup, number>;
  /** Σ byPlacement. */
  topUps: number;
  /** Plans by placement in the financial year (5/12 × census Y + 7/12 × census Y+1 with the default change month). */
  plansByPlacement: Record<Placement, number>;
  /** Other spend, including the cost of delivering mitigations (`mitigationDelivery`). */
  otherSpend: number;
  /** Other spend by line; each lever's delivery cost is a line `Mitigation delivery: <name>`. */
  otherSpendByLine: Record<string, number>;
  /** Cost of delivering the scenario's mitigations (part of otherSpend). */
  mitigationDelivery: number;
  /** placeFunding + topUps + otherSpend. */
  expenditure: number;
  /** Income lines. */
  hnBlock: number;
  schoolsBlockTransfer: number;
  importExport: number;
  otherIncome: number;
  income: number;
  /** income − expenditure. */
  inYearBalance: number;
  /** Cumulative DSG balance at 31 March at the end of the year (negative = deficit). */
  cumulativeBalance: number;
}

/**
 * One lever in one financial year. Spend avoided is the fall in expenditure the lever brings (before its delivery
 * cost); net saving = spend avoided − delivery cost. The line named INTERACTION_LINE (mitigations.ts) holds what
 * the levers do together beyond the sum of their parts, so the net savings of all rows add up exactly to
 * unmitigated − mitigated expenditure.
 */
export interface MitigationYear {
  name: string;
  kind?: string;
  fy: number;
  /** Plans avoided, as a stock (financial-year converted); 0 for placement shifts and unit-cost levers. */
  plansAvoided: number;
  spendAvoided: number;
  deliveryCost: number;
  netSaving: number;
}

/** The bridge from the unmitigated to the mitigated cumulative balance at one financial year's end. */
export interface MitigationBridge {
  fy: number;
  unmitigatedCumulative: number;
  /** Cumulative net saving per lever up to and including `fy` (the interaction line included). */
  steps: Array<{ name: string; amount: number }>;
  mitigatedCumulative: number;
}

export interface SensitivityRow {
  /** Key: `incidence_growth`, `iss_share`, `ceasing_16_19`, `inflation`, `unit_costs`, `funding_growth`. */
  key?: string;
  assumption: string;
  /** The move applied, in words: "±2 pp yearly growth". */
  change: string;
  /** "low" = the assumption moved down, "high" = moved up (not the lower and higher balance). */
  lowBalanceAtHorizon: number;
  highBalanceAtHorizon: number;
  lowBalanceAtMarch2028: number;
  highBalanceAtMarch2028: number;
}

/** Funded places against plans in one placement and financial year, and the cost of the excess (places-gap.ts). */
export interface PlacesGapRow {
  placement: Placement;
  fy: number;
  /** Funded places (table, carried forward, plus capacity changes in force). */
  places: number;
  /** Plans in the placement (financial-year converted). */
  plans: number;
  /** Plans beyond places (0 when places suffice). */
  gap: number;
  /** The excess paid as top-ups without place funding (already in the budget). */
  costAsTopUps: number;
  /** The excess placed in independent special schools instead, at their fee. */
  costAsIssFees: number;
  /** The excess commissioned as places: place rate plus top-up. */
  costAsPlaces: number;
}

/** What the DSG balance means for the council's general fund in one financial year (general-fund.ts). */
export interface GeneralFundYear {
  fy: number;
  /** Cumulative DSG balance at 31 March (central; negative = deficit). */
  dsgBalance: number;
  /** Interest on the negative balance this year, charged to the general fund (not the block). */
  interest: number;
  /** Interest from the first financial year to this one. */
  cumulativeInterest: number;
  /** One-off capital cost of new places first funded this year (not charged to the block); undefined when a capacity change gives none. */
  capitalCost: number | undefined;
  /** Usable reserves at 31 March (undefined without a reserves table). */
  usableReserves?: number;
  /** Deficit as a share of usable reserves (undefined without reserves or without a deficit). */
  deficitShareOfReserves?: number;
  /** Whether the deficit exceeds the usable reserves. */
  exceedsReserves: boolean;
}

export interface GeneralFund {
  interestRate: number;
  years: GeneralFundYear[];
  /** First financial year whose deficit exceeds the usable reserves, if any (undefined also without reserves). */
  firstYearDeficitExceedsReserves?: number;
  reservesGiven: boolean;
}

/** Base-year reconciliation of one Section 251 line (section-251.ts). */
export interface ReconciliationLine {
  line: string;
  label: string;
  fy: number;
  outturn: number;
  /** The model's figure for the line in that year before scaling. */
  modelled: number;
  /** Factor applied to the unit costs of the line's placements (undefined when the line is not scaled). */
  scale?: number;
  /** Why the line was not scaled, when it was not. */
  note?: string;
}

/** The Section 251 view of one path: expenditure by line and financial year (section-251.ts). */
export interface Section251Year {
  fy: number;
  byLine: Record<string, number>;
}

export interface BudgetResult {
  financialYears: number[];
  lines: FinancialYearLines[];
  expenditureQuantiles: Quantiles[];
  inYearQuantiles: Quantiles[];
  cumulativeQuantiles: Quantiles[];
  openingBalance: number;
  /** The opening balance is the cumulative balance at 31 March at the end of this year (the one before the first projected). */
  openingBalanceFy: number;
  /** The opening-balance table's year whose balance stands in for it, when the table has no row for openingBalanceFy. */
  openingBalanceFromFy?: number;
  /** openingBalance is worked back from the table's figure at the end of openingBalanceFromFy, a projected year. */
  openingBalanceAnchored?: true;
  /**
   * The first year openingBalance is worked back over whose High Needs block is out of scale with its modelled spend
   * (BLOCK_TO_SPEND): the worked-back balance is then that mismatch, not a finding (`run` refuses it).
   */
  openingBalanceOutOfScale?: { fy: number; hnBlock: number; expenditure: number };
  /**
   * The first funding-table year whose block is beyond BLOCK_TO_SPEND_POSSIBLE of its modelled spend (income.ts): a
   * table in other units (£ thousands), which `run` refuses.
   */
  blockBeyondUnits?: { fy: number; hnBlock: number; expenditure: number; source?: RowSource };
  /** Cumulative balance at 31 March 2028 (central), or undefined if outside the run. */
  balanceAtMarch2028?: number;
  /** Unmitigated path when the scenario has mitigations (same shape, central). */
  unmitigated?: FinancialYearLines[];
  mitigations: MitigationYear[];
  /** Bridges at the horizon and at March 2028 (when the scenario has mitigations). */
  bridges?: MitigationBridge[];
  /** Tornado rows, largest swing at the horizon first. */
  sensitivity: SensitivityRow[];
  /** Central cumulative balance at the horizon and March 2028 the sensitivity rows move from. */
  sensitivityBase?: { balanceAtHorizon: number; balanceAtMarch2028?: number };
  /** Funded places against plans per placement with places, by financial year. */
  placesVsPlans?: PlacesGapRow[];
  /** Interest, capital and reserves: what the deficit means beyond the High Needs block. */
  generalFund?: GeneralFund;
  /** Base-year reconciliation to the Section 251 outturn, when the table was given. */
  reconciliation?: ReconciliationLine[];
  /** The DSG management plan's Section 251 lines: mitigated path, and unmitigated when there are mitigations. */
  section251?: { mitigated: Section251Year[]; unmitigated?: Section251Year[] };
  /** What `goal-seek` sought, when the scenario was written by it. */
  goalSeek?: { lever: string; target: string; effect: number; achievedGbp: number; probabilityMet?: number; draws?: number; fromScenario?: string };
  warnings: string[];
  /** Of `warnings`, those that say a figure stands in for a missing one (£0 for an uncosted placement, a missing
   *  opening balance or places table; a deflated block), and unit costs scaled to the Section 251 outturn by a
   *  factor outside 0.5–2: they change what the figures mean, so a run also puts them on stderr (cli.md). */
  fallbacks?: string[];
  /** Of `fallbacks`, those that say an input figure is probably wrong (in the wrong units or out of scale against the
   *  run's spend, plans or block, a price year or outturn scale far off, a lever that changes nothing): said before
   *  the others on stderr and the Data quality sheet (pipeline/notes.ts). */
  suspect?: string[];
  /** Of `suspect`, those that say the spend or the block is probably in other units or per another period (a
   *  placement's cost per plan far from the published figure, the block well above or out of scale with spend, other
   *  spend in £ thousands, places far from plans): the report says them beside the budget table. */
  spendNotes?: string[];
  assumptions: Array<{ key: string; value: string; unit?: string; source: 'scenario' | 'data' | 'default' }>;
}
