/** Summary sheet: the headline figures, the budget by financial year, the largest drivers and the key charts. */
import { financialYearLabel, horizonBalanceIsApart, STATUTORY_OVERRIDE_END_FY } from '../../../domain/index.ts';
import { reportMsg } from '../../../messages/index.ts';
import { hasBudget, type BudgetedReport, type RunReport } from '../../run-report.ts';
import { horizonFy, plansQuantilesAt, sensitivityBySwing, unmitigatedBalance } from '../../series.ts';
import type { Cell, Sheet, Table } from '../model.ts';
import { col, money, typed } from '../table-helpers.ts';

export function summarySheet(r: RunReport): Sheet {
  const p = r.projection;
  const first = plansQuantilesAt(r, 0);
  const last = p.totalQuantiles[p.totalQuantiles.length - 1]!;
  const lastYear = p.years[p.years.length - 1]!;
  const plans = [
    [`EHC plans at January ${r.baseYear} (actual)`, typed(first.p50, 'count'), typed(first.p10, 'count'), typed(first.p90, 'count')],
    [`EHC plans at January ${lastYear} (projected)`, typed(last.p50, 'count'), typed(last.p10, 'count'), typed(last.p90, 'count')],
  ];
  const money = hasBudget(r) ? moneyParts(r) : undefined;
  return {
    name: 'Summary',
    title: `High Needs forecast: ${r.la.name}`,
    intro: [
      reportMsg.centralPathNote(p.draws),
      money
        ? 'P10 and P90 bound the range that 8 in 10 outcomes fall within. Negative balances are deficits and show in red with a minus. Financial years run April to March.'
        : 'P10 and P90 bound the range that 8 in 10 outcomes fall within.',
      ...(money ? [] : [reportMsg.demandOnlyNote()]),
      ...goalSeekNote(r),
    ],
    tables: [
      {
        name: 'Summary_headline',
        title: 'Headline figures',
        columns: [col('Measure', 'text'), col('Central (P50)', 'number'), col('Low (P10)', 'number'), col('High (P90)', 'number')],
        rows: [...plans, ...(money?.headline ?? [])],
      },
      ...(money?.tables ?? []),
    ],
    charts: money ? ['fan-total-plans', 'dsg-balance'] : ['fan-total-plans'],
    freezeColumns: 1,
  };
}

/** The money rows of the headline, the budget by financial year and the drivers (not in a demand-only run). */
function moneyParts(r: BudgetedReport): { headline: Cell[][]; tables: Table[] } {
  const b = r.budget;
  const hzFy = horizonFy(r);
  const i28 = b.financialYears.indexOf(STATUTORY_OVERRIDE_END_FY);
  const iHz = b.financialYears.length - 1;
  const cq28 = i28 >= 0 ? b.cumulativeQuantiles[i28] : undefined;
  const cqHz = b.cumulativeQuantiles[iHz];
  const eq0 = b.expenditureQuantiles[0];
  const eqHz = b.expenditureQuantiles[iHz];

  const headline: Cell[][] = [
    [`High Needs expenditure ${financialYearLabel(b.financialYears[0]!)} (£)`, typed(eq0?.p50, 'money'), typed(eq0?.p10, 'money'), typed(eq0?.p90, 'money')],
    [`High Needs expenditure ${financialYearLabel(hzFy)} (£)`, typed(eqHz?.p50, 'money'), typed(eqHz?.p10, 'money'), typed(eqHz?.p90, 'money')],
    ...(cq28
      ? [[`Cumulative DSG balance at 31 March 2028, override ends (£)`, typed(b.balanceAtMarch2028 ?? cq28.p50, 'money'), typed(cq28.p10, 'money'), typed(cq28.p90, 'money')]]
      : []),
    ...(!cq28 || horizonBalanceIsApart(hzFy)
      ? [[`Cumulative DSG balance at 31 March ${hzFy + 1} (£)`, typed(b.lines[iHz]?.cumulativeBalance, 'money'), typed(cqHz?.p10, 'money'), typed(cqHz?.p90, 'money')]]
      : []),
  ];
  if (b.unmitigated) {
    const u28 = unmitigatedBalance(r, STATUTORY_OVERRIDE_END_FY);
    if (u28 !== undefined) headline.push([`Unmitigated cumulative DSG balance at 31 March 2028 (£)`, typed(u28, 'money'), null, null]);
  }

  const byFy = b.lines.map((l, i) => [
    financialYearLabel(l.fy),
    money(l.expenditure),
    money(l.income),
    money(l.inYearBalance),
    money(l.cumulativeBalance),
    money(b.cumulativeQuantiles[i]?.p10),
    money(b.cumulativeQuantiles[i]?.p90),
    ...(b.unmitigated ? [money(b.unmitigated[i]?.cumulativeBalance)] : []),
  ]);

  const drivers = sensitivityBySwing(r, 'horizon')
    .slice(0, 3)
    .map((s, k) => [k + 1, s.assumption, s.change, money(s.highBalanceAtMarch2028 - s.lowBalanceAtMarch2028), money(s.highBalanceAtHorizon - s.lowBalanceAtHorizon)]);

  return {
    headline,
    tables: [
      {
        name: 'Summary_by_year',
        title: 'Budget by financial year (central path; P10 and P90 from the draws)',
        columns: [
          col('Financial year', 'text'),
          col('Expenditure (£)', 'money'),
          col('Income (£)', 'money'),
          col('In-year balance (£)', 'money'),
          col('Cumulative balance (£)', 'money'),
          col('Cumulative balance P10 (£)', 'money'),
          col('Cumulative balance P90 (£)', 'money'),
          ...(b.unmitigated ? [col('Unmitigated cumulative balance (£)', 'money')] : []),
        ],
        rows: byFy,
      },
      {
        name: 'Summary_drivers',
        title: 'The three largest drivers of the balance',
        columns: [
          col('Rank', 'number'),
          col('Assumption', 'text'),
          col('Change tested', 'text'),
          col('Swing at 31 March 2028 (£)', 'money'),
          col(`Swing at 31 March ${hzFy + 1} (£)`, 'money'),
        ],
        rows: drivers,
        note: 'Swing = balance with the assumption moved up minus balance with it moved down (see the Uncertainty sheet).',
      },
    ],
  };
}

/** What a goal-seek scenario sought, for the intro (none for other scenarios). */
function goalSeekNote(r: RunReport): string[] {
  const g = r.budget?.goalSeek;
  if (!g) return [];
  return [
    `Goal-seek: lever ${g.lever} at effect ${(g.effect * 100).toFixed(2)}% meets ${g.target} on the central path (achieved £${Math.round(g.achievedGbp).toLocaleString('en-GB')})` +
      (g.probabilityMet !== undefined ? `; met in ${Math.round(g.probabilityMet * 100)}% of ${g.draws ?? 0} simulated futures.` : '.'),
  ];
}
