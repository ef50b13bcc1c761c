/** Plans by DSG placement category, stacked area over history and projection. */
import { PlacementGroup, PLACEMENT_GROUPS } from '../../domain/index.ts';
import { countDirection, fmtCount, fmtPercent } from '../format.ts';
import { countText, SUPPRESSED } from '../suppress.ts';
import { seriesColour, withAlpha } from '../palette.ts';
import type { RunReport } from '../run-report.ts';
import { byGroup, placementChartYears, plansByPlacement } from '../series.ts';
import type { ChartSpec } from './chart-spec.ts';
import { cartesianOptions, round1 } from './common.ts';

export function plansByPlacementChart(r: RunReport, suppressBelow?: number): ChartSpec {
  const years = placementChartYears(r, suppressBelow);
  const groups = years.map((y) => byGroup(plansByPlacement(r, y)!));
  const title = 'EHC plans by placement category (DSG management plan groups)';
  const i0 = years.indexOf(r.baseYear);
  const iz = years.length - 1;
  const tot = (i: number) => PLACEMENT_GROUPS.reduce((s, g) => s + groups[i]![g], 0);
  const ind = (i: number) => groups[i]!.INDEPENDENT_SPECIAL / tot(i);
  // with suppression a small count's share of the total gives it back from the total the report states (Isles of Scilly
  // at 10: '12.5% of plans in January 2022' of 16 is 2): it reads [c] plans, as the cells do
  const share = (i: number, noun: string) => (countText(groups[i]!.INDEPENDENT_SPECIAL, suppressBelow, fmtCount) === SUPPRESSED ? `${SUPPRESSED} plans` : `${fmtPercent(ind(i))}${noun}`);
  return {
    id: 'plans-by-placement',
    title,
    alt:
      `Stacked area chart of EHC plans by placement category from ${years[0]} to ${years[iz]}. ` +
      `Independent and non-maintained special schools hold ${share(i0, ' of plans')} in January ${r.baseYear} ` +
      `and ${share(iz, '')} by January ${years[iz]}; state special schools ${specialWords(groups[i0]!.STATE_SPECIAL, groups[iz]!.STATE_SPECIAL, (x) => countText(x, suppressBelow, fmtCount))}.`,
    config: {
      type: 'line',
      data: {
        labels: years.map(String),
        datasets: PLACEMENT_GROUPS.map((g, k) => ({
          label: PlacementGroup[g].label,
          data: groups.map((d) => round1(d[g])),
          borderColor: seriesColour(k),
          backgroundColor: withAlpha(seriesColour(k), 0.75),
          borderWidth: 1,
          pointRadius: 0,
          fill: k === 0 ? 'origin' : '-1',
        })),
      },
      options: cartesianOptions(
        title,
        { title: 'January census', unit: 'none' },
        { title: 'EHC plans (number)', unit: 'count', stacked: true, beginAtZero: true },
        { shadeFrom: { at: String(r.baseYear), label: 'Projection' }, markers: [{ at: String(r.baseYear), label: `Base year ${r.baseYear}`, dashed: true }] },
        { elements: { line: { tension: 0 } } },
      ),
    },
  };
}

/** How plans in state special schools moved over the chart, in words (a small count [c] with suppression). */
function specialWords(from: number, to: number, count: (x: number) => string): string {
  const d = countDirection(from, to);
  return d === 'same' ? `${count(to)} in both years` : `${count(from)} ${d === 'up' ? 'rising' : 'falling'} to ${count(to)}`;
}
