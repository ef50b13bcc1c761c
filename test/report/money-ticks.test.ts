/**
 * A £m axis of a small council labels each tick with as many decimals as its step needs: Isles of Scilly's DSG
 * balance over one year (-£98k to -£156k; the sample's money tables scaled to 16 plans) read '-£0.1m' on six ticks,
 * its expenditure '£0.3m' on three and its waterfall '£0.0m' above '£0m'. Now '-£0.10m', '-£0.11m' …; an axis of
 * millions reads as before.
 */
import { describe, expect, it } from 'vitest';
import { dsgBalanceChart } from '../../src/report/charts/dsg-balance.ts';
import { expenditureByGroupChart } from '../../src/report/charts/expenditure-by-group.ts';
import type { ChartSpec } from '../../src/report/charts/chart-spec.ts';
import { draw, fontsAvailable, formatMoneyTick } from '../../src/report/charts/render.ts';
import type { BudgetedReport } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

/** The chart with every value multiplied by `k`. */
function scaled(spec: ChartSpec, k: number): ChartSpec {
  const scale = (v: unknown): unknown => (typeof v === 'number' ? v * k : Array.isArray(v) ? v.map(scale) : v);
  return { ...spec, config: { ...spec.config, data: { ...spec.config.data, datasets: spec.config.data.datasets.map((d) => ({ ...d, data: Array.isArray(d.data) ? d.data.map(scale) : d.data })) } } };
}

/** The y axis's tick labels of a chart drawn at 1600×900. */
function yLabels(spec: ChartSpec): string[] {
  const { chart } = draw(spec, 1600, 900);
  try {
    return chart.scales.y!.ticks.map((t) => String(t.label));
  } finally {
    chart.destroy();
  }
}

describe('ticks of a £m axis', () => {
  it('take the decimals their step needs', () => {
    expect([0, 0.05, 0.1, 0.35].map((v) => formatMoneyTick(v, 0.05))).toEqual(['£0m', '£0.05m', '£0.10m', '£0.35m']);
    expect([-0.1, -0.11].map((v) => formatMoneyTick(v, 0.01))).toEqual(['-£0.10m', '-£0.11m']);
    expect([-12.5, 0.5, 100].map((v) => formatMoneyTick(v, 0.5))).toEqual(['-£12.5m', '£0.5m', '£100m']);
  });

  it.skipIf(!fontsAvailable())('no two read alike, and none that is not nil reads £0.0m, on a small council’s charts', () => {
    const r = buildRunReport({ mitigated: false }) as BudgetedReport;
    for (const spec of [dsgBalanceChart(r), expenditureByGroupChart(r)]) {
      for (const k of [1, 0.002, 0.0004]) {
        const labels = yLabels(scaled(spec, k));
        expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
        expect(labels.filter((l) => /^-?£0\.0+m$/.test(l)), labels.join(' ')).toEqual([]);
      }
    }
  });
});
