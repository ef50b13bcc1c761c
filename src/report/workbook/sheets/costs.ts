/** Costs sheet: per financial year, place funding, top-ups and fees by placement, other spend, total. */
import { financialYearLabel, Placement, PlacementGroup, PLACEMENT_GROUPS, PLACEMENTS } from '../../../domain/index.ts';
import type { BudgetedReport } from '../../run-report.ts';
import type { Cell, Sheet } from '../model.ts';
import { col, money } from '../table-helpers.ts';

export function costsSheet(r: BudgetedReport): Sheet {
  const L = r.budget.lines;
  const fyCols = L.map((l) => col(`${financialYearLabel(l.fy)} (£)`, 'money'));
  const rows: Cell[][] = [];
  const placePlacements = PLACEMENTS.filter((p) => L.some((l) => (l.placeFundingByPlacement[p] ?? 0) !== 0));
  for (const p of placePlacements) rows.push(['Place funding', `${Placement[p].label} (${p})`, ...L.map((l) => money(l.placeFundingByPlacement[p] ?? 0))]);
  rows.push(['Place funding', 'Total place funding', ...L.map((l) => money(l.placeFunding))]);
  for (const p of PLACEMENTS) rows.push(['Top-ups and fees', `${Placement[p].label} (${p})`, ...L.map((l) => money(l.byPlacement[p] ?? 0))]);
  rows.push(['Top-ups and fees', 'Total top-ups and fees', ...L.map((l) => money(PLACEMENTS.reduce((s, p) => s + (l.byPlacement[p] ?? 0), 0)))]);
  const otherLines = [...new Set(L.flatMap((l) => Object.keys(l.otherSpendByLine)))];
  for (const o of otherLines) rows.push(['Other spend', o, ...L.map((l) => money(l.otherSpendByLine[o] ?? 0))]);
  rows.push(['Other spend', 'Total other spend', ...L.map((l) => money(l.otherSpend))]);
  rows.push(['Total', 'Total High Needs expenditure', ...L.map((l) => money(l.expenditure))]);
  const groups: Cell[][] = PLACEMENT_GROUPS.map((g) => [PlacementGroup[g].label, ...L.map((l) => money(l.byGroup[g] ?? 0))]);
  return {
    name: 'Costs',
    title: 'High Needs expenditure by financial year',
    intro: [
      'A financial year costs 5/12 of the plans at the January census it starts in and 7/12 of those at the next one (placements change in September).',
      'Top-ups and fees include complexity drift and inflation from the scenario; place funding is places × place rate.',
    ],
    tables: [
      { name: 'Costs_lines', title: 'Expenditure lines', columns: [col('Section', 'text'), col('Line', 'text'), ...fyCols], rows },
      { name: 'Costs_by_dsg_category', title: 'Top-ups and fees by DSG management plan category', columns: [col('DSG category', 'text'), ...fyCols], rows: groups },
    ],
    charts: ['expenditure-by-group'],
    freezeColumns: 2,
  };
}
