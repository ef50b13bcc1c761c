/**
 * The budget fields of the `run --json` document (spec cli.md), keyed by financial-year labels (`2025-26`).
 * `expenditure_by_line_gbp` holds the central path (the deterministic values; when draws ran, the projection moved
 * onto the P50 of total plans, priced: docs/budget.md §8), with `place_funding`, every placement code and `other_spend` (which includes mitigation delivery costs), so
 * its lines add up to the central expenditure. P50s are that central path (the run publishes its P50s as the path,
 * central-path.ts); P10 and P90 are the budget's quantiles.
 *
 * Money is written to the penny, its identities exact in pennies (published-money.ts): the lines add up to the
 * expenditure, in-year balance = income − expenditure, each March balance = the one before + the in-year balance
 * (from the opening balance), and the balance at 31 March 2028 is that year's. One rule, here, for the run's
 * document and the explorer's result alike.
 */
import { PLACEMENTS, STATUTORY_OVERRIDE_END_FY, financialYearLabel } from '../domain/index.ts';
import type { Quantiles } from '../model/result.ts';
import type { Scenario } from '../scenario/schema.ts';
import { publishMoney } from './published-money.ts';
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
  const lines = (l: BudgetResult['lines'][number]): number[] => [l.placeFunding, ...PLACEMENTS.map((p) => l.byPlacement[p]), l.otherSpend];
  const money = publishMoney(
    result.openingBalance,
    result.lines.map((l, i) => ({
      income: l.income,
      expenditure: l.expenditure,
      lines: lines(l),
      cumulative: l.cumulativeBalance,
      expenditureRange: result.expenditureQuantiles[i]!,
      inYearRange: result.inYearQuantiles[i]!,
      cumulativeRange: result.cumulativeQuantiles[i]!,
    })),
  );
  const out: BudgetJson = {
    expenditure_gbp: {},
    expenditure_by_line_gbp: {},
    income_gbp: {},
    in_year_balance_gbp: {},
    cumulative_balance_gbp: {},
    opening_balance_gbp: money.opening,
    balance_at_31_march_2028_gbp: null,
  };
  const keys = ['place_funding', ...PLACEMENTS, 'other_spend'];
  result.lines.forEach((l, i) => {
    const k = financialYearLabel(l.fy);
    const y = money.years[i]!;
    out.expenditure_gbp[k] = y.expenditure;
    out.expenditure_by_line_gbp[k] = Object.fromEntries(keys.map((key, j) => [key, y.lines[j]!]));
    out.income_gbp[k] = y.income;
    out.in_year_balance_gbp[k] = y.inYear;
    out.cumulative_balance_gbp[k] = y.cumulative;
    if (l.fy === STATUTORY_OVERRIDE_END_FY) out.balance_at_31_march_2028_gbp = y.cumulative.p50;
  });
  return out;
}
