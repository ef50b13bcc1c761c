/** Fan chart of total EHC plans: history solid, the P50 path dashed after the base year, the P10–P90 band. */
import { countDirection, fmtCount } from '../format.ts';
import { countText } from '../suppress.ts';
import { GovUk, withAlpha } from '../palette.ts';
import type { RunReport } from '../run-report.ts';
import { basePlans, historyYears } from '../series.ts';
import type { ChartSpec } from './chart-spec.ts';
import { cartesianOptions, round1 } from './common.ts';

export function fanTotalPlansChart(r: RunReport, suppressBelow?: number): ChartSpec {
  // its words, for publication with suppression, give a small count as [c] (the workbook's rule)
  const count = (x: number): string => countText(x, suppressBelow, fmtCount);
  // past Januaries: unbroken up to the base year, none from a small total back with suppression (its height gave it back)
  const hist = historyYears(r, suppressBelow);
  const p = r.projection;
  const labels = [...hist, ...p.years].map(String);
  const nh = hist.length;
  const pad = (vals: Array<number | null>) => [...Array<null>(nh).fill(null), ...vals];
  const actual = [...hist.map((y) => round1(r.dataset.stockTotal[y])), round1(basePlans(r)), ...Array<null>(p.years.length - 1).fill(null)];
  const last = p.totalQuantiles[p.totalQuantiles.length - 1]!;
  const lastYear = p.years[p.years.length - 1]!;
  const title = `EHC plans in ${r.la.name}: actual to January ${r.baseYear}, projected to January ${lastYear}`;
  // with no draws (--draws 0) there is one path and no band: neither drawn nor named in the legend or the footnote
  const ranged = p.draws > 0;
  return {
    id: 'fan-total-plans',
    title,
    alt:
      `Line chart of total EHC plans. ${actualWords(hist.length ? { year: hist[0]!, plans: r.dataset.stockTotal[hist[0]!]! } : undefined, r.baseYear, basePlans(r), count)}; ` +
      `the central projection reaches ${count(last.p50)} by January ${lastYear}` +
      (ranged ? `, with an 80% range of ${count(last.p10)} to ${count(last.p90)}.` : ' (one path, no range: the run drew no futures).'),
    config: {
      type: 'line',
      data: {
        labels,
        datasets: [
          ...(ranged
            ? [
                {
                  label: 'P10 to P90 range',
                  data: pad(p.totalQuantiles.map((q) => round1(q.p90))),
                  borderColor: withAlpha(GovUk.blue, 0.35),
                  backgroundColor: withAlpha(GovUk.blue, 0.18),
                  borderWidth: 1,
                  pointRadius: 0,
                  fill: '+1',
                },
                {
                  label: 'P10',
                  data: pad(p.totalQuantiles.map((q) => round1(q.p10))),
                  borderColor: withAlpha(GovUk.blue, 0.35),
                  borderWidth: 1,
                  pointRadius: 0,
                  fill: false,
                },
              ]
            : []),
          {
            label: 'Projected (central, P50)',
            data: pad(p.totalQuantiles.map((q) => round1(q.p50))),
            borderColor: GovUk.blue,
            borderWidth: 3,
            borderDash: [8, 5],
            pointRadius: 0,
            fill: false,
          },
          {
            label: 'Actual',
            data: actual,
            borderColor: GovUk.black,
            backgroundColor: GovUk.black,
            borderWidth: 3,
            pointRadius: 3,
            fill: false,
          },
        ],
      },
      options: cartesianOptions(
        title,
        { title: 'January census', unit: 'none' },
        { title: 'EHC plans (number)', unit: 'count', beginAtZero: true },
        {
          shadeFrom: { at: String(r.baseYear), label: 'Projection' },
          legendHide: ['P10'],
          ...(ranged ? { footnote: 'Shaded band: P10 to P90 — 8 in 10 outcomes fall inside it.' } : {}),
        },
        { elements: { line: { tension: 0 } } },
      ),
    },
  };
}

/** The alt text's history: how actual plans moved from the first year shown to the base year. */
function actualWords(start: { year: number; plans: number } | undefined, baseYear: number, base: number, count: (x: number) => string): string {
  if (!start) return `Actual plans were ${count(base)} in January ${baseYear}`;
  const verb = { up: 'rose from', down: 'fell from', same: 'were' }[countDirection(start.plans, base)];
  return `Actual plans ${verb} ${count(start.plans)} in January ${start.year} to ${count(base)} in January ${baseYear}`;
}
