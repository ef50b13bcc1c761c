/**
 * Several RunReports → the comparison WorkbookModel: scenarios side by side per year, with differences against
 * the first. Pure. Columns and chart legends are headed by scenario *names* (the Scenarios sheet gives each one's
 * description, id and file); money sheets only when every run modelled the budget.
 */
import { financialYearLabel, STATUTORY_OVERRIDE_END_FY } from '../../domain/index.ts';
import { hasBudget, type BudgetedReport, type RunReport } from '../run-report.ts';
import { baseYearsLabel, comparisonReach } from '../comparison-reach.ts';
import { balanceAt, horizonFy, totalPlans } from '../series.ts';
import type { Cell, Column, Sheet, WorkbookModel } from './model.ts';
import { col, count, money } from './table-helpers.ts';

/**
 * Unique labels for the scenarios: their names, with the id added where two names are the same.
 * @example scenarioLabels([baseline, mitigated]) // ['Baseline', 'Mitigated (recovery plan)']
 */
export function scenarioLabels(reports: RunReport[]): string[] {
  const names = reports.map((r) => r.scenario.name.trim() || r.scenario.id);
  const first = names.map((n, i) => (names.indexOf(n) !== i || names.lastIndexOf(n) !== i ? `${n} (${reports[i]!.scenario.id})` : n));
  const seen = new Map<string, number>();
  return first.map((l) => {
    const k = (seen.get(l) ?? 0) + 1;
    seen.set(l, k);
    return k === 1 ? l : `${l} #${k}`;
  });
}

/** Whether every run of a comparison modelled the budget (a demand-only run has no money to compare). */
export function allBudgeted(reports: RunReport[]): reports is BudgetedReport[] {
  return reports.every(hasBudget);
}

function sideBySide<R extends RunReport>(
  name: string,
  title: string,
  keyHeader: string,
  keys: Array<{ key: number; label: string | number }>,
  reports: R[],
  value: (r: R, key: number) => number | undefined,
  kind: 'count' | 'money',
  unit: string,
  note?: string,
): Sheet {
  const labels = scenarioLabels(reports);
  const cell = kind === 'count' ? count : money;
  const columns: Column[] = [
    col(keyHeader, 'text'),
    ...labels.map((l) => col(`${l} ${unit}`, kind)),
    ...labels.slice(1).map((l) => col(`${l} minus ${labels[0]} ${unit}`, kind === 'count' ? 'number' : 'money')),
  ];
  const rows: Cell[][] = keys.map(({ key, label }) => {
    const vals = reports.map((r) => value(r, key));
    const base = vals[0];
    return [String(label), ...vals.map((v) => cell(v)), ...vals.slice(1).map((v) => (v === undefined || base === undefined ? null : cell(v - base)))];
  });
  return {
    name,
    title,
    intro: [`Each scenario side by side (central figures); the last columns are differences against ${labels[0]}. Negative money is a deficit.`, ...(note ? [note] : [])],
    tables: [{ name: `Compare_${name.replace(/\W+/g, '_')}`, title, columns, rows }],
    charts: [],
    freezeColumns: 1,
  };
}

/** Plans (P50; the data at the base year) of a run at a census year it projects, else undefined (no figure). */
function plansIn(r: RunReport, year: number): number | undefined {
  return r.projection.years.includes(year) ? totalPlans(r, year) : undefined;
}

/**
 * Builds the comparison workbook model.
 * @example buildComparisonModel([baseline, mitigated]).sheets.map((s) => s.name)
 */
export function buildComparisonModel(reports: RunReport[]): WorkbookModel {
  const first = reports[0]!;
  const labels = scenarioLabels(reports);
  const budgeted = allBudgeted(reports) ? reports : undefined;
  const years = [...new Set(reports.flatMap((r) => r.projection.years))].sort((a, b) => a - b);
  // the plans column is at the latest January every scenario reaches (comparison-reach.ts), or blank where none is
  const reach = comparisonReach(reports, labels);
  const lastYear = reach.years[reach.years.length - 1] ?? years[years.length - 1]!;
  const scenarios: Sheet = {
    name: 'Scenarios',
    title: 'Scenarios compared',
    intro: [
      'Central figures (the central path of each run; see its Summary sheet). Negative balances are deficits.',
      ...(budgeted ? [] : ['Demand only: at least one run had no budget (--demand-only), so no money is compared.']),
      ...(reach.note ? [reach.note] : []),
    ],
    tables: [
      {
        name: 'Compare_scenarios',
        title: 'Scenarios',
        columns: [
          col('Scenario', 'text'),
          col('Description', 'text'),
          col(`Plans at January ${lastYear} (P50)`, 'count'),
          ...(budgeted ? [col('Balance at 31 March 2028 (£)', 'money'), col('Balance at horizon (£)', 'money'), col('Horizon (end of financial year)', 'text')] : []),
          col('Scenario id', 'text'),
          col('Scenario file', 'text'),
        ],
        rows: reports.map((r, i) => [
          labels[i]!,
          r.scenario.description?.trim() || '(no description in the scenario file)',
          count(plansIn(r, lastYear)),
          ...(budgeted
            ? [money(balanceAt(budgeted[i]!, STATUTORY_OVERRIDE_END_FY)), money(budgeted[i]!.budget.lines[budgeted[i]!.budget.lines.length - 1]?.cumulativeBalance), `31 March ${horizonFy(budgeted[i]!) + 1}`]
            : []),
          r.scenario.id,
          r.scenario.file,
        ]),
      },
    ],
    charts: budgeted ? ['compare-balance', 'compare-plans'] : ['compare-plans'],
    freezeColumns: 1,
  };
  const yk = years.map((y) => ({ key: y, label: y }));
  const sheets: Sheet[] = [
    scenarios,
    sideBySide('Plans', 'Total EHC plans (P50) at each January census', 'Census year', yk, reports, plansIn, 'count', '(plans)', reach.note),
  ];
  if (budgeted) {
    const fys = [...new Set(budgeted.flatMap((r) => r.budget.financialYears))].sort((a, b) => a - b);
    const fk = fys.map((f) => ({ key: f, label: financialYearLabel(f) }));
    const line = (r: BudgetedReport, fy: number) => r.budget.lines.find((l) => l.fy === fy);
    sheets.push(
      sideBySide('Expenditure', 'High Needs expenditure by financial year', 'Financial year', fk, budgeted, (r, f) => line(r, f)?.expenditure, 'money', '(£)', reach.note),
      sideBySide('In-year balance', 'In-year balance by financial year', 'Financial year', fk, budgeted, (r, f) => line(r, f)?.inYearBalance, 'money', '(£)', reach.note),
      sideBySide('Cumulative balance', 'Cumulative DSG balance at the end of each financial year', 'Financial year', fk, budgeted, (r, f) => line(r, f)?.cumulativeBalance, 'money', '(£)', reach.note),
    );
  }
  return {
    title: `High Needs scenarios compared — ${first.la.name}`,
    subject: 'Comparison of EHC plan and High Needs block scenarios',
    creator: `${first.tool.name} ${first.tool.version}`,
    keywords: 'EHCP; High Needs; DSG; scenarios',
    description: `Scenarios: ${labels.join('; ')}.`,
    created: first.runDate,
    subtitle: `${first.la.name} · ${reports.length} scenarios · ${baseYearsLabel(reports)} · run ${first.runDate.slice(0, 10)}`,
    sheets,
  };
}
