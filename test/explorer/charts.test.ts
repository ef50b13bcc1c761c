/**
 * The explorer's charts (src/explorer/page/charts.ts) drawn in Node on @napi-rs/canvas canvases, as the report's
 * charts are: what their axes show.
 */
import { createCanvas } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { Charts, type ChartsModel } from '../../src/explorer/page/charts.ts';

function model(): ChartsModel {
  const years = [2021, 2022, 2023, 2024, 2025, 2026, 2027];
  return {
    years,
    history: [2800, 2900, 3000, 3050, 3100, null, null],
    central: [null, null, null, null, 3100, 3300, 3500],
    band: { p10: [null, null, null, null, 3100, 3200, 3300], p90: [null, null, null, null, 3100, 3400, 3700] },
    plansVariants: [],
    baseYear: 2025,
    projYears: [2025, 2026, 2027],
    groups: [{ label: 'Mainstream', values: [3100, 3300, 3500] }],
    fyLabels: ['2025-26', '2026-27'],
    stacks: [{ label: 'Top-ups', values: [5e7, 6e7] }],
    income: [4e7, 4.1e7],
    inYear: [-1e7, -1.9e7],
    cumulative: [-1e7, -2.9e7],
    cumVariants: [],
  };
}

describe('explorer charts', () => {
  it('draws total plans on an axis from 0, as the report does, so growth is not magnified', () => {
    const canvases = { plans: createCanvas(600, 400), groups: createCanvas(600, 400), spend: createCanvas(600, 400), balance: createCanvas(600, 400) };
    const charts = new Charts(canvases as unknown as ConstructorParameters<typeof Charts>[0]);
    charts.update(model());
    const plans = Chart.getChart(canvases.plans as unknown as HTMLCanvasElement)!;
    // from 2,800 to 3,700 plans: an axis from 2,800 would show 32% growth as eight times the starting height
    expect(plans.scales.y!.min).toBe(0);
    expect(plans.scales.y!.max).toBeGreaterThanOrEqual(3700);
  });

  it('steps a small LA\'s axis of plans by whole plans (it printed 0, 1, 1, 2, 2 … for steps of 0.5)', () => {
    const canvases = { plans: createCanvas(1200, 800), groups: createCanvas(1200, 800), spend: createCanvas(600, 400), balance: createCanvas(600, 400) };
    const charts = new Charts(canvases as unknown as ConstructorParameters<typeof Charts>[0]);
    const small = (v: number | null): number | null => (v === null ? null : v / 700);
    const m = model();
    charts.update({ ...m, history: m.history.map(small), central: m.central.map(small), band: { p10: m.band!.p10.map(small), p90: m.band!.p90.map(small) }, groups: [{ label: 'Mainstream', values: [4.4, 4.7, 5] }] });
    for (const id of ['plans', 'groups'] as const) {
      const labels = Chart.getChart(canvases[id] as unknown as HTMLCanvasElement)!.scales.y!.ticks.map((t) => String(t.label));
      expect(labels.length).toBeGreaterThan(2);
      expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
    }
  });
});
