/**
 * What the budget model returns (consumed by the reports and the run --json document). Pure data.
 * Financial years are keyed by their starting calendar year (2025 = 2025-26).
 */
import type { Placement, PlacementGroup } from '../domain/index.ts';
import type { Quantiles } from '../model/result.ts';

export interface FinancialYearLines {
  fy: number;
  /** Place funding: places × place rate, summed over placements. */
  placeFunding: number;
  placeFundingByPlacement: Partial<Record<Placement, number>>;
  /** Top-ups and fees by placement (plans × unit cost, financial-year converted, inflated). */
  byPlacement: Record<Placement, number>;
  byGroup: Record<PlacementGroup, number>;
  otherSpend: number;
  otherSpendByLine: Record<string, number>;
  expenditure: number;
  /** Income lines. */
  hnBlock: number;
  schoolsBlockTransfer: number;
  importExport: number;
  otherIncome: number;
  income: number;
  inYearBalance: number;
  cumulativeBalance: number;
}

export interface MitigationYear {
  name: string;
  fy: number;
  plansAvoided: number;
  spendAvoided: number;
  deliveryCost: number;
  netSaving: number;
}

export interface SensitivityRow {
  assumption: string;
  /** The move applied, in words: "+2 pp yearly growth". */
  change: string;
  lowBalanceAtHorizon: number;
  highBalanceAtHorizon: number;
  lowBalanceAtMarch2028: number;
  highBalanceAtMarch2028: number;
}

export interface BudgetResult {
  financialYears: number[];
  lines: FinancialYearLines[];
  expenditureQuantiles: Quantiles[];
  inYearQuantiles: Quantiles[];
  cumulativeQuantiles: Quantiles[];
  openingBalance: number;
  openingBalanceFy: number;
  /** Cumulative balance at 31 March 2028 (central), or undefined if outside the run. */
  balanceAtMarch2028?: number;
  /** Unmitigated path when the scenario has mitigations (same shape, central). */
  unmitigated?: FinancialYearLines[];
  mitigations: MitigationYear[];
  sensitivity: SensitivityRow[];
  warnings: string[];
  assumptions: Array<{ key: string; value: string; unit?: string; source: 'scenario' | 'data' | 'default' }>;
}
