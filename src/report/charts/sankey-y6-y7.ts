/** Sankey of the placement moves of plans at the Y6→Y7 transition in the first projected year. */
import { groupOf, isPlacement, Placement, type Placement as PlacementCode } from '../../domain/index.ts';
import { fmtCount, fmtPercent } from '../format.ts';
import { countText } from '../suppress.ts';
import { GovUk, seriesColour } from '../palette.ts';
import type { RunReport } from '../run-report.ts';
import { PLACEMENT_GROUPS, PLACEMENTS } from '../../domain/index.ts';
import type { ChartSpec } from './chart-spec.ts';

const TRANSITION = 'Y6-Y7';

function colourOf(p: PlacementCode): string {
  return seriesColour(PLACEMENT_GROUPS.indexOf(groupOf(p)));
}

export function sankeyY6Y7Chart(r: RunReport, suppress?: number): ChartSpec {
  const year = r.baseYear + 1;
  const t = r.projection.transitions.find((x) => x.transition === TRANSITION && x.year === year) ?? r.projection.transitions.find((x) => x.transition === TRANSITION);
  const threshold = suppress && suppress > 1 ? suppress : 1;
  // its words give a small count as [c], and no share of one (a share and the total give it back)
  const count = (x: number): string => countText(x, suppress, fmtCount);
  const all = t?.moves ?? [];
  const arriving = all.reduce((s, m) => s + m.count, 0);
  /** Flows under 0.5% of the cohort are too thin to see; they are left out of the drawing (not the tables). */
  const visible = Math.max(threshold, arriving * 0.005);
  const moves = all.filter((m) => m.count >= visible);
  const dropped = all.length - moves.length;
  const droppedPlans = all.filter((m) => m.count < visible).reduce((s, m) => s + m.count, 0);
  const priority: Record<string, number> = {};
  PLACEMENTS.forEach((p, i) => {
    priority[`Y6 ${p}`] = i;
    priority[`Y7 ${p}`] = i;
  });
  const labels: Record<string, string> = {};
  const nodeColours: Record<string, string> = {};
  const data = moves.map((m) => {
    const from = `Y6 ${m.from}`;
    const to = `Y7 ${m.to}`;
    labels[from] = `${Placement[m.from].label} (${m.from})`;
    labels[to] = `${Placement[m.to].label} (${m.to})`;
    nodeColours[from] = colourOf(m.from);
    nodeColours[to] = colourOf(m.to);
    return { from, to, flow: Math.round(m.count * 10) / 10 };
  });
  // the alt text counts every child, as the report's text does, not only the flows wide enough to draw
  const total = arriving;
  const into = (code: string) => all.filter((m) => m.to === code).reduce((s, m) => s + m.count, 0);
  const special = ['SSM', 'SSA', 'ISS', 'NMSS'].filter(isPlacement).reduce((s, c) => s + into(c), 0);
  const title = `Where plans go from Year 6 to Year 7 (${t ? `January ${t.year - 1} to January ${t.year}` : 'no transition data'})`;
  const footnote =
    (dropped > 0 ? `${dropped} small flows (${count(droppedPlans)} plans${threshold > 1 ? `; each under ${fmtCount(visible)}, some suppressed` : ''}) not drawn. ` : '') +
    'Left: placement in Year 6; right: placement in Year 7. Band width = plans.';
  return {
    id: 'sankey-y6-y7',
    title,
    alt: t
      ? `Sankey diagram of ${count(total)} plans moving from Year 6 to Year 7 in the step to January ${t.year}. ` +
        `${count(special)}${count(special) === fmtCount(special) && count(total) === fmtCount(total) ? ` (${fmtPercent(total ? special / total : 0, 0)})` : ''} go to special schools in Year 7, ${count(into('MS'))} to state mainstream schools.`
      : 'No transition data in this run.',
    config: {
      type: 'sankey',
      data: {
        datasets: [
          {
            label: `Y6 to Y7 moves`,
            data: data.length ? data : [{ from: 'No data', to: 'No moves', flow: 1 }],
            labels,
            colorMode: 'gradient',
            alpha: 0.55,
            borderWidth: 0,
            nodeWidth: 18,
            size: 'max',
            color: GovUk.black,
            priority,
            nodeLabels: { backgroundColor: 'rgba(255,255,255,0.75)', padding: 2, borderRadius: 2 },
          },
        ],
      },
      options: {
        plugins: {
          title: { display: true, text: title, align: 'start' },
          legend: { display: false },
          subtitle: { display: true, text: footnote, position: 'top', align: 'start' },
          hn: { nodeColours },
        },

      },
    },
  };
}
