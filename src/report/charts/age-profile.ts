/** Age profile now vs at the horizon: plans by single age, grouped bars. */
import { AGES, ncyLabel } from '../../domain/index.ts';
import { fmtCount } from '../format.ts';
import { countText } from '../suppress.ts';
import { GovUk } from '../palette.ts';
import type { RunReport } from '../run-report.ts';
import { baseObserved, censusStatus, plansByAge, sumAges } from '../series.ts';
import type { ChartSpec } from './chart-spec.ts';
import { cartesianOptions, round1 } from './common.ts';

export function ageProfileChart(r: RunReport, suppressBelow?: number): ChartSpec {
  const count = (x: number): string => countText(x, suppressBelow, fmtCount);
  const last = r.projection.years[r.projection.years.length - 1]!;
  const now = plansByAge(r, r.baseYear)!;
  const then = plansByAge(r, last)!;
  // single ages the data give in bands only are the model's apportionment: 'estimated', not 'actual'
  const status = censusStatus(r, r.baseYear, baseObserved(r, 'age'));
  const title = `EHC plans by age: January ${r.baseYear} (${status}) and January ${last} (projected)`;
  const post16Now = sumAges(now, 16, 25);
  const post16Then = sumAges(then, 16, 25);
  return {
    id: 'age-profile',
    title,
    alt:
      `Bar chart of EHC plans by single age 0 to 25, January ${r.baseYear} beside January ${last}. ` +
      `Plans for young people aged 16 to 25 go from ${count(post16Now)} to ${count(post16Then)}; ` +
      `plans at ages 4 to 15 go from ${count(sumAges(now, 4, 15))} to ${count(sumAges(then, 4, 15))}.`,
    config: {
      type: 'bar',
      data: {
        labels: AGES.map((a) => (a >= 2 && a <= 18 ? `${a} (${ncyLabel(a)})` : String(a))),
        datasets: [
          { label: `January ${r.baseYear} (${status})`, data: AGES.map((a) => round1(now[a])), backgroundColor: GovUk.darkGrey, borderWidth: 0 },
          { label: `January ${last} (projected)`, data: AGES.map((a) => round1(then[a])), backgroundColor: GovUk.blue, borderWidth: 0 },
        ],
      },
      options: cartesianOptions(title, { title: 'Age on 31 August (national curriculum year)', unit: 'none' }, { title: 'EHC plans (number)', unit: 'count', beginAtZero: true }, {
        footnote: 'Ages 4–10 primary (R–Y6), 11–15 secondary (Y7–Y11), 16–18 post-16, 19–25 post-19.',
      }),
    },
  };
}
