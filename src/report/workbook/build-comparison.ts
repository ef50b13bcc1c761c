/**
 * Several RunReports → the comparison WorkbookModel: scenarios side by side per year, with differences against
 * the first. Pure. Columns are headed by scenario id (ids are plain: letters, digits, `_ . -`); the Scenarios sheet
 * gives each id's name.
 */
import { financialYearLabel, STATUTORY_OVERRIDE_END_FY } from '../../domain/index.ts';
import type { RunReport } from '../run-report.ts';
import { balanceAt, horizonFy } from '../series.ts';
import type { Cell, Column, Sheet, WorkbookModel } from './model.ts';
import { col, count, money } from './table-helpers.ts';

/** Unique column labels for the scenarios (id, or id #n when ids repeat). */
export function scenarioLabels(reports: RunReport[]): string[] {
  const seen = new Map<string, number>();
  return reports.map((r) => {
    const n = (seen.get(r.scenario.id) ?? 0) + 1;
    seen.set(r.scenario.id, n);
    return n === 1 ? r.scenario.id : `${r.scenario.id} #${n}`;
  });
}

function sideBySide(
  name: string,
  title: string,
  keyHeader: string,
  keys: Array<{ key: number; label: string | number }>,
  reports: RunReport[],
  value: (r: RunReport, key: number) => number | undefined,
  kind: 'count' | 'money',
  unit: string,
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
    return [
      String(label),
      ...vals.map((v) => cell(v)),
      ...vals.slice(1).map((v) => (v === undefined || base === undefined ? null : kind === 'count' ? Math.round((v - base) * 10) / 10 : Math.round(v - base))),
    ];
  });
  return { name, title, intro: [`Each scenario side by side; the last columns are differences against ${labels[0]}.`], tables: [{ name: name.replace(/\W+/g, '_'), title, columns, rows }], charts: [], freezeColumns: 1 };
}

/**
 * Builds the comparison workbook model.
 * @example buildComparisonModel([baseline, mitigated]).sheets.map((s) => s.name)
 */
export function buildComparisonModel(reports: RunReport[]): WorkbookModel {
  const first = reports[0]!;
  const labels = scenarioLabels(reports);
  const years = [...new Set(reports.flatMap((r) => r.projection.years))].sort((a, b) => a - b);
  const fys = [...new Set(reports.flatMap((r) => r.budget.financialYears))].sort((a, b) => a - b);
  const scenarios: Sheet = {
    name: 'Scenarios',
    title: 'Scenarios compared',
    intro: ['Central (P50) figures. Negative balances are deficits.'],
    tables: [
      {
        name: 'Compare_scenarios',
        title: 'Scenarios',
        columns: [
          col('Column label', 'text'),
          col('Scenario name', 'text'),
          col('Description', 'text'),
          col('Scenario file', 'text'),
          col('Balance at 31 March 2028 (£)', 'money'),
          col('Balance at horizon (£)', 'money'),
          col('Horizon (end of financial year)', 'text'),
          col('Plans at horizon', 'count'),
        ],
        rows: reports.map((r, i) => [
          labels[i]!,
          r.scenario.name,
          r.scenario.description ?? '',
          r.scenario.file,
          money(balanceAt(r, STATUTORY_OVERRIDE_END_FY)),
          money(r.budget.lines[r.budget.lines.length - 1]?.cumulativeBalance),
          `31 March ${horizonFy(r) + 1}`,
          count(r.projection.totalQuantiles[r.projection.totalQuantiles.length - 1]?.p50),
        ]),
      },
    ],
    charts: ['compare-balance', 'compare-plans'],
    freezeColumns: 1,
  };
  const yk = years.map((y) => ({ key: y, label: y }));
  const fk = fys.map((f) => ({ key: f, label: financialYearLabel(f) }));
  const line = (r: RunReport, fy: number) => r.budget.lines.find((l) => l.fy === fy);
  return {
    title: `High Needs scenarios compared — ${first.la.name}`,
    subject: 'Comparison of EHC plan and High Needs block scenarios',
    creator: `${first.tool.name} ${first.tool.version}`,
    keywords: 'EHCP; High Needs; DSG; scenarios',
    description: `Scenarios: ${labels.join(', ')}.`,
    created: first.runDate,
    subtitle: `${first.la.name} · ${reports.length} scenarios · base year ${first.baseYear} · run ${first.runDate.slice(0, 10)}`,
    sheets: [
      scenarios,
      sideBySide('Plans', 'Total EHC plans (P50) at each January census', 'Census year', yk, reports, (r, y) => r.projection.totalQuantiles[r.projection.years.indexOf(y)]?.p50, 'count', '(plans)'),
      sideBySide('Expenditure', 'High Needs expenditure by financial year', 'Financial year', fk, reports, (r, f) => line(r, f)?.expenditure, 'money', '(£)'),
      sideBySide('In-year balance', 'In-year balance by financial year', 'Financial year', fk, reports, (r, f) => line(r, f)?.inYearBalance, 'money', '(£)'),
      sideBySide('Cumulative balance', 'Cumulative DSG balance at the end of each financial year', 'Financial year', fk, reports, (r, f) => line(r, f)?.cumulativeBalance, 'money', '(£)'),
    ],
  };
}
