/** Plans by need sheet: primary need × census year. */
import { Need, NEEDS } from '../../../domain/index.ts';
import { reportMsg } from '../../../messages/index.ts';
import type { RunReport } from '../../run-report.ts';
import { baseObserved, censusHeader, needYears, needsRecorded, plansByNeed, totalPlans } from '../../series.ts';
import type { Sheet } from '../model.ts';
import { col, columnSums, count } from '../table-helpers.ts';

export function plansByNeedSheet(r: RunReport): Sheet {
  const years = needYears(r);
  const data = years.map((y) => plansByNeed(r, y)!);
  // with no need recorded every plan would read "need not recorded": only the total is shown, and why
  const recorded = needsRecorded(r);
  const needs = recorded ? NEEDS : [];
  return {
    name: 'Plans by need',
    title: 'EHC plans by primary need at each January census',
    intro: recorded
      ? ['Need is carried with the plan; new plans take the recent mix of needs at each age.', ...(baseObserved(r, 'need') ? [] : [reportMsg.baseBreakdownEstimated('primary need', r.baseYear)])]
      : [reportMsg.needsNotRecorded()],
    tables: [
      {
        name: 'Plans_by_need',
        title: 'By primary need',
        columns: [col('Need code', 'text'), col('Primary need', 'text'), ...years.map((y) => col(`${censusHeader(r, y, !recorded || baseObserved(r, 'need'))} (plans)`, 'count'))],
        rows: [
          ...needs.map((n) => [n, Need[n].label, ...data.map((d) => count(d[n]))]),
          // with no need recorded the one row is the total: the data's at the base year, as every sheet shows it
          ['ALL', 'All needs', ...data.map((d, i) => count(recorded ? NEEDS.reduce((s, n) => s + d[n], 0) : totalPlans(r, years[i]!)))],
        ],
        sums: columnSums(needs.length, needs.map((_, k) => k), years.map((_, i) => 2 + i)),
      },
    ],
    charts: [],
    freezeColumns: 2,
  };
}
