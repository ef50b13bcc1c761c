/**
 * Counts of plans on a chart's axis are whole plans. City of London's age profile (19 plans, at most 5 at an age;
 * 2022 and 2025 releases with ONS population) labelled its axis 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5: Chart.js chose steps
 * of 0.5 and each label was rounded to a whole plan. A count axis now steps by whole numbers.
 */
import { describe, expect, it } from 'vitest';
import { ageProfileChart } from '../../src/report/charts/age-profile.ts';
import { fanTotalPlansChart } from '../../src/report/charts/fan-total-plans.ts';
import type { ChartSpec } from '../../src/report/charts/chart-spec.ts';
import { draw, fontsAvailable } from '../../src/report/charts/render.ts';
import { buildRunReport } from './fixtures/run-report.ts';

/** The chart with every value scaled so that the largest is `top`. */
function scaledTo(spec: ChartSpec, top: number): ChartSpec {
  const nums = (d: unknown): number[] => (Array.isArray(d) ? d.flatMap((v) => (typeof v === 'number' ? [v] : v && typeof v === 'object' && 'y' in v ? [Number((v as { y: number }).y)] : [])) : []);
  const max = Math.max(...spec.config.data.datasets.flatMap((d) => nums(d.data)));
  const k = top / max;
  const scale = (v: unknown): unknown => (typeof v === 'number' ? v * k : v && typeof v === 'object' && 'y' in v ? { ...v, y: Number((v as { y: number }).y) * k } : v);
  return { ...spec, config: { ...spec.config, data: { ...spec.config.data, datasets: spec.config.data.datasets.map((d) => ({ ...d, data: Array.isArray(d.data) ? d.data.map(scale) : d.data })) } } };
}

describe.skipIf(!fontsAvailable())('a count axis of a small LA', () => {
  it('labels each tick with a different whole number', () => {
    const r = buildRunReport({ mitigated: false });
    for (const [spec, top] of [ageProfileChart(r), fanTotalPlansChart(r)].flatMap((s) => [4.9, 2.6].map((t) => [s, t] as const))) {
      const { chart } = draw(scaledTo(spec, top), 1600, 900);
      try {
        const labels = chart.scales.y!.ticks.map((t) => String(t.label));
        expect(labels.length).toBeGreaterThan(2);
        expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
      } finally {
        chart.destroy();
      }
    }
  });
});
