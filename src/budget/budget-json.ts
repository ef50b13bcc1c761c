/**
 * The budget fields of the `run --json` document (spec cli.md), keyed by financial-year labels (`2025-26`).
 * `expenditure_by_line_gbp` holds the central path (the deterministic values, or the draw-wise mean path when draws
 * ran), with `place_funding`, every placement code and `other_spend` (which includes mitigation delivery costs), so
 * its lines add up to the central expenditure.
 */
import { PLACEMENTS, financialYearLabel } from '../domain/index.ts';
import type { Quantiles } from '../model/result.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { BudgetResult } from './types.ts';

export interface BudgetJson {
  expenditure_gbp: Record<string, Quantiles>;
  expenditure_by_line_gbp: Record<string, Record<string, number>>;
  income_gbp: Record<string, number>;
  in_year_balance_gbp: Record<string, Quantiles>;
  cumulative_balance_gbp: Record<string, Quantiles>;
  /** Cumulative DSG balance at 31 March before the first financial year. */
  opening_balance_gbp: number;
  /** Central cumulative balance at 31 March 2028 (end of the statutory override), or null outside the run. */
  balance_at_31_march_2028_gbp: number | null;
}

/**
 * @example budgetJson(result).expenditure_gbp['2025-26'] // { p10: …, p50: …, p90: … }
 */
export function budgetJson(result: BudgetResult, _scenario?: Pick<Scenario, 'id'>): BudgetJson {
  const out: BudgetJson = {
    expenditure_gbp: {},
    expenditure_by_line_gbp: {},
    income_gbp: {},
    in_year_balance_gbp: {},
    cumulative_balance_gbp: {},
    opening_balance_gbp: result.openingBalance,
    balance_at_31_march_2028_gbp: result.balanceAtMarch2028 ?? null,
  };
  result.lines.forEach((l, i) => {
    const k = financialYearLabel(l.fy);
    out.expenditure_gbp[k] = { ...result.expenditureQuantiles[i]! };
    const byLine: Record<string, number> = { place_funding: l.placeFunding };
    for (const p of PLACEMENTS) byLine[p] = l.byPlacement[p];
    byLine.other_spend = l.otherSpend;
    out.expenditure_by_line_gbp[k] = byLine;
    out.income_gbp[k] = l.income;
    out.in_year_balance_gbp[k] = { ...result.inYearQuantiles[i]! };
    out.cumulative_balance_gbp[k] = { ...result.cumulativeQuantiles[i]! };
  });
  return out;
}
