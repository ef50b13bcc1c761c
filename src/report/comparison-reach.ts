/**
 * The years a comparison of scenarios can set side by side. Scenarios of one run may start from different base years
 * and look different distances ahead, so a year (or financial year) one reaches another may not: the comparison's
 * headline figures are taken at the latest year every scenario reaches, and its year-by-year tables and charts leave a
 * scenario blank, with this note, for the years it does not reach. Pure.
 */
import { financialYearLabel } from '../domain/index.ts';
import { reportMsg } from '../messages/index.ts';
import { hasBudget, type RunReport } from './run-report.ts';

export interface ComparisonReach {
  /** Census years every scenario projects (from its base year to its horizon), ascending; empty when none. */
  years: number[];
  /** Financial years every scenario prices, ascending; empty when none does (or none has a budget). */
  fys: number[];
  /** What each scenario covers and what is compared, when the scenarios do not all cover the same years. */
  note?: string;
}

const shared = (lists: number[][]): number[] => lists.reduce((acc, l) => acc.filter((x) => l.includes(x)), lists[0] ?? []).sort((a, b) => a - b);
const sameList = (a: number[], b: number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The years and financial years every scenario reaches, and the note saying so when they differ.
 * @example comparisonReach([base2022horizon6, base2021horizon4], labels).years // [2022, 2023, 2024, 2025]
 */
export function comparisonReach(reports: RunReport[], labels: string[]): ComparisonReach {
  const years = shared(reports.map((r) => r.projection.years));
  const budgets = reports.map((r) => (hasBudget(r) ? r.budget.financialYears : []));
  const fys = reports.every(hasBudget) ? shared(budgets) : [];
  const first = reports[0];
  const differs = reports.some((r, i) => !first || !sameList(r.projection.years, first.projection.years) || !sameList(budgets[i]!, budgets[0]!));
  if (!differs) return { years, fys };
  const reaches = reports.map((r, i) => {
    const ys = r.projection.years;
    const f = budgets[i]!;
    const fy = f.length ? { first: financialYearLabel(f[0]!), last: financialYearLabel(f[f.length - 1]!) } : undefined;
    return reportMsg.scenarioReach(labels[i]!, ys[0]!, ys[ys.length - 1]!, fy);
  });
  const lastFy = fys.length ? financialYearLabel(fys[fys.length - 1]!) : undefined;
  return { years, fys, note: reportMsg.comparisonReach(reaches, years[years.length - 1], lastFy) };
}

/**
 * The base year of the compared runs, or each one when they differ.
 * @example baseYearsLabel([base2021, base2022]) // 'base years 2021 and 2022'
 */
export function baseYearsLabel(reports: RunReport[]): string {
  const ys = [...new Set(reports.map((r) => r.baseYear))].sort((a, b) => a - b);
  return ys.length === 1 ? `base year ${ys[0]}` : `base years ${ys.slice(0, -1).join(', ')} and ${ys[ys.length - 1]}`;
}
