/**
 * DSG management plan sheet: the projection in the DfE template's categories — placement groups × age groups
 * (Under 5, 5–10, 11–15, 16–19, 20–25), plans by primary need, and top-ups by group per financial year.
 */
import {
  AGE_BANDS,
  AgeBand,
  financialYearLabel,
  N_PLACEMENTS,
  NEEDS,
  Need,
  PlacementGroup,
  PLACEMENT_GROUPS,
  PLACEMENTS,
  groupOf,
} from '../../../domain/index.ts';
import type { RunReport } from '../../run-report.ts';
import { cellIndex } from '../../../model/cube.ts';
import { censusStatus, needsRecorded, placementYears, plansByNeed } from '../../series.ts';
import { reportMsg } from '../../../messages/index.ts';
import type { BudgetResult } from '../../../budget/types.ts';
import type { Cell, Sheet, Table } from '../model.ts';
import { col, count, money, rowSums } from '../table-helpers.ts';
import { section251Tables } from './dsg-plan-s251.ts';
import { N_NEEDS } from '../../../domain/index.ts';

/** Plans by DSG group × age band from a cube. */
function groupByBand(cube: Float64Array): Record<string, number[]> {
  const out: Record<string, number[]> = Object.fromEntries(PLACEMENT_GROUPS.map((g) => [g, AGE_BANDS.map(() => 0)]));
  AGE_BANDS.forEach((b, k) => {
    for (let a = AgeBand[b].from; a <= AgeBand[b].to; a++)
      for (let n = 0; n < N_NEEDS; n++)
        for (let p = 0; p < N_PLACEMENTS; p++) out[groupOf(PLACEMENTS[p]!)]![k]! += cube[cellIndex(a, n, p)]!;
  });
  return out;
}

/** Expenditure by placement category per financial year (not in a demand-only run). */
function spendByCategory(b: BudgetResult): Table {
  const L = b.lines;
  const spend: Cell[][] = PLACEMENT_GROUPS.map((g) => [PlacementGroup[g].label, ...L.map((l) => money(l.byGroup[g] ?? 0))]);
  spend.push(['Place funding', ...L.map((l) => money(l.placeFunding))]);
  spend.push(['Other spend', ...L.map((l) => money(l.otherSpend))]);
  spend.push(['Total expenditure', ...L.map((l) => money(l.expenditure))]);
  return {
    name: 'DSG_spend_by_category',
    title: 'Expenditure by placement category',
    columns: [col('Line', 'text'), ...L.map((l) => col(`${financialYearLabel(l.fy)} (£)`, 'money'))],
    rows: spend,
  };
}

export function dsgPlanSheet(r: RunReport): Sheet {
  const p = r.projection;
  const bandRows: Cell[][] = [];
  // placement category by age group is the data's only where a SEN2 return gives the base year's plans one by one;
  // from published tables (ages and placements apart) it is the model's starting estimate, and says so
  const baseCube = r.dataset.stockCube[r.baseYear];
  p.years.forEach((y, i) => {
    const observed = y === r.baseYear && baseCube !== undefined;
    const g = groupByBand(observed ? baseCube : p.central[i]!);
    for (const grp of PLACEMENT_GROUPS) {
      const v = g[grp]!;
      bandRows.push([y, censusStatus(r, y, observed), PlacementGroup[grp].label, ...v.map((x) => count(x)), count(v.reduce((s, x) => s + x, 0))]);
    }
  });
  const needRows: Cell[][] = p.years.map((y) => {
    const d = plansByNeed(r, y)!;
    return [y, ...NEEDS.map((n) => count(d[n])), count(NEEDS.reduce((s, n) => s + d[n], 0))];
  });
  const spendTable = r.budget ? spendByCategory(r.budget) : undefined;
  return {
    name: 'DSG management plan',
    title: 'Projections in the DSG management plan categories',
    intro: [
      'Laid out as the DfE DSG management plan template asks, ready to copy in. Plans at each January census; spend by financial year.',
      ...(baseCube ? [] : [reportMsg.baseBreakdownEstimated('placement category and age group', r.baseYear, `its rows with the status "estimated" are`)]),
    ],
    tables: [
      {
        name: 'DSG_plans_by_category_age',
        title: 'EHC plans by placement category and age group',
        columns: [
          col('Census year', 'year'),
          col('Status', 'text'),
          col('Placement category', 'text'),
          ...AGE_BANDS.map((b) => col(`${AgeBand[b].label.replace(/^Age /, '')} (plans)`, 'count')),
          col('All ages (plans)', 'count'),
        ],
        rows: bandRows,
        sums: [
          ...rowSums(bandRows.map((_, k) => k), 3 + AGE_BANDS.length, AGE_BANDS.map((_, k) => 3 + k)),
          // a projected year's category of all ages is the Plans by placement sheet's category, the same figure
          ...bandRows.flatMap((row, k) => {
            const y = row[0] as number;
            const j = placementYears(r).indexOf(y);
            return y > r.baseYear && j >= 0 ? [{ total: { row: k, col: 3 + AGE_BANDS.length }, parts: [{ table: 'Plans_by_dsg_category', row: k % PLACEMENT_GROUPS.length, col: 1 + j }] }] : [];
          }),
        ],
      },
      // no needs table when the data record none (every plan would read "need not recorded")
      ...(needsRecorded(r)
        ? [
            {
              name: 'DSG_plans_by_need',
              title: 'EHC plans by primary need',
              columns: [col('Census year', 'year'), ...NEEDS.map((n) => col(`${Need[n].label} (plans)`, 'count')), col('All needs (plans)', 'count')],
              rows: needRows,
              sums: rowSums(needRows.map((_, k) => k), 1 + NEEDS.length, NEEDS.map((_, k) => 1 + k)),
            },
          ]
        : []),
      ...(spendTable ? [spendTable] : []),
      ...section251Tables(r),
    ],
    charts: [],
    freezeColumns: 1,
  };
}
