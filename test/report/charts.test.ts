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
});
