/** Plans by DSG placement category, stacked area over history and projection. */
import { PlacementGroup, PLACEMENT_GROUPS } from '../../domain/index.ts';
import { countDirection, fmtCount, fmtPercent } from '../format.ts';
import { bandBesideTables, countText, SUPPRESSED } from '../suppress.ts';
import { hiddenGroupsBeside } from '../workbook/sheets/plans-by-placement.ts';
import { GovUk, seriesColour, withAlpha } from '../palette.ts';
import type { RunReport } from '../run-report.ts';
import { byGroup, placementChartYears, plansByPlacement } from '../series.ts';
import { smallBandWords } from '../../messages/report.ts';
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
  // with suppression, groups with a small count in a year shown are drawn together in one grey band (smallGroupsBanded)
  // (and the groups the Plans by placement sheet hides in a year shown: bandBesideTables, as the sheet's lines)
  const drawnGroups = PLACEMENT_GROUPS.map((g, k) => ({ label: PlacementGroup[g].label, values: groups.map((d) => d[g]), colour: seriesColour(k) }));
  const series = suppressBelow !== undefined && suppressBelow > 1 ? bandBesideTables(drawnGroups, suppressBelow, hiddenGroupsBeside(r, suppressBelow)) : drawnGroups;
  const band = series.find((s) => 'members' in s);
  const bandWords = band && 'members' in band ? smallBandWords(band.members, suppressBelow!, series.length === 1) : '';
  return {
    id: 'plans-by-placement',
    title,
    alt:
      `Stacked area chart of EHC plans by placement category from ${years[0]} to ${years[iz]}. ` +
      `Independent and non-maintained special schools hold ${share(i0, ' of plans')} in January ${r.baseYear} ` +
      `and ${share(iz, '')} by January ${years[iz]}; state special schools ${specialWords(groups[i0]!.STATE_SPECIAL, groups[iz]!.STATE_SPECIAL, (x) => countText(x, suppressBelow, fmtCount))}.` +
      (bandWords ? ` ${bandWords}` : ''),
    config: {
      type: 'line',
      data: {
        labels: years.map(String),
        datasets: series.map((s, k) => ({
          label: s.label,
          data: s.values.map(round1),
          borderColor: 'colour' in s ? s.colour : GovUk.midGrey,
          backgroundColor: withAlpha('colour' in s ? s.colour : GovUk.midGrey, 0.75),
          borderWidth: 1,
          pointRadius: 0,
          fill: k === 0 ? 'origin' : '-1',
        })),
      },
      options: cartesianOptions(
        title,
        { title: 'January census', unit: 'none' },
        { title: 'EHC plans (number)', unit: 'count', stacked: true, beginAtZero: true },
        {
          shadeFrom: { at: String(r.baseYear), label: 'Projection' },
          markers: [{ at: String(r.baseYear), label: `Base year ${r.baseYear}`, dashed: true }],
          ...(bandWords ? { footnote: bandWords } : {}),
        },
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
