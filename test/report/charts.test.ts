/** Chart configurations are pure data, and every chart renders with ink at both sizes. */
import { describe, expect, it } from 'vitest';
import { runCharts } from '../../src/report/charts/chart-set.ts';
import { fontsAvailable, renderChart } from '../../src/report/charts/render.ts';
import { buildRunReport } from './fixtures/run-report.ts';
import { pngStats } from './helpers.ts';

const report = buildRunReport();

describe('charts', () => {
  const specs = runCharts(report);
  it('has the eight charts of outputs.md with titles and alt text', () => {
    expect(specs.map((s) => s.id)).toEqual([
      'fan-total-plans',
      'plans-by-placement',
      'age-profile',
      'dsg-balance',
      'expenditure-by-group',
      'sankey-y6-y7',
      'tornado-deficit',
      'waterfall-mitigation',
    ]);
    for (const s of specs) {
      expect(s.title.length).toBeGreaterThan(10);
      expect(s.alt.length).toBeGreaterThan(60);
    }
  });
  it('configurations contain no functions (so they can be golden JSON)', () => {
    const hasFn = (x: unknown): boolean => typeof x === 'function' || (x !== null && typeof x === 'object' && Object.values(x).some(hasFn));
    for (const s of specs) expect(hasFn(s.config), s.id).toBe(false);
  });
  it('a font is available for chart text', () => {
    expect(fontsAvailable()).toBe(true);
  });
  it('renders at 800×450 without blank output', async () => {
    for (const s of specs) {
      const st = await pngStats(renderChart(s, 800, 450));
      expect(st.width).toBe(800);
      expect(st.nonWhite, s.id).toBeGreaterThan(0.03);
    }
  });
  it('the March 2028 marker is on the balance chart', () => {
    const b = specs.find((s) => s.id === 'dsg-balance')!;
    expect(JSON.stringify(b.config)).toContain('31 March 2028');
  });
  it('without mitigations the waterfall shows how the balance builds, not one bar', () => {
    const plain = buildRunReport({ mitigated: false });
    const w = runCharts(plain).find((c) => c.id === 'waterfall-mitigation')!;
    const b = plain.budget!;
    const labels = (w.config.data.labels as string[][]).map((l) => l.join(' '));
    // the opening balance, every financial year, the balance at 31 March 2028 and at the horizon
    expect(labels.length).toBe(b.lines.length + 2 + (b.financialYears.includes(2028) ? 1 : 0));
    expect(labels[0]).toBe(`31 March ${b.openingBalanceFy + 1}`);
    expect(labels).toContain('31 March 2028');
    const bars = w.config.data.datasets[0]!.data as number[][];
    // each year's bar runs from the balance before it to the balance after it; the last bar is the closing balance
    expect(bars[bars.length - 1]![1]).toBeCloseTo(b.lines[b.lines.length - 1]!.cumulativeBalance / 1e6, 1);
    expect(w.alt).toMatch(/no mitigations/);
    expect(w.title).not.toMatch(/^No mitigations/);
  });
});

describe('the expenditure chart', () => {
  it('leaves out place funding that is £0 in every year, and says so under the chart', () => {
    const r = buildRunReport();
    const spec = (rep: typeof r) => runCharts(rep).find((c) => c.id === 'expenditure-by-group')!;
    const labels = (rep: typeof r) => spec(rep).config.data.datasets.map((d) => d.label);
    expect(labels(r)).toContain('Place funding');
    const b = r.budget!;
    const none = { ...r, budget: { ...b, lines: b.lines.map((l) => ({ ...l, placeFunding: 0 })) } };
    // a legend entry for a line of £0 read as part of the budget (a later release's council with no places table)
    expect(labels(none)).not.toContain('Place funding');
    expect(labels(none)).toContain('Other High Needs spend');
    expect(JSON.stringify(spec(none).config)).toContain('Place funding is £0 in every year');
    expect(JSON.stringify(spec(r).config)).not.toContain('£0 in every year');
  });
});
