/**
 * The explorer page's "Expenditure and income" chart, 394 px wide at 1280: its ten legend labels ('Top-ups and fees:
 * independent and non-maintained special', …) took more than the half of the chart Chart.js gives a legend, which
 * then left out the last three, other, other spend and income, with nothing to say so (Kent on the real 2022 release:
 * grey and black stacks and a black line no key named). Its colours were by position (place funding first), so
 * Mainstream was blue on the plans chart beside it and orange here. The legend now gives each group's name, as the
 * report's chart does, in the group's colour on both charts, and the page puts two charts side by side only where
 * each is at least 330 px wide (at 1024 they were 266).
 */
import { createCanvas } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { PLACEMENT_GROUPS } from '../../src/domain/index.ts';
import { EXPLORER_CSS } from '../../src/explorer/page-css.ts';
import { Charts, type ChartsModel } from '../../src/explorer/page/charts.ts';
import type { VariantOutcome } from '../../src/explorer/compute.ts';
import { expenditureStacks } from '../../src/explorer/view-model.ts';
import { seriesColour } from '../../src/report/palette.ts';

const line = (k: number) => ({ placeFunding: 1e6 * k, otherSpend: 2e6 * k, byGroup: Object.fromEntries(PLACEMENT_GROUPS.map((g, i) => [g, (i + 1) * 1e6 * k])) });
const outcome = { budget: { lines: [line(1), line(1.1)] } } as unknown as VariantOutcome;

function model(): ChartsModel {
  return {
    years: [2025, 2026],
    history: [3000, null],
    central: [3000, 3200],
    plansVariants: [],
    baseYear: 2025,
    projYears: [2025, 2026],
    // a run without alternative provision: the groups after it keep their colours
    groups: PLACEMENT_GROUPS.filter((g) => g !== 'AP').map((g) => ({ group: g, label: g, values: [100, 110] })),
    fyLabels: ['2025-26', '2026-27'],
    stacks: expenditureStacks(outcome),
    income: [4e7, 4.1e7],
    inYear: [-1e7, -1.9e7],
    cumulative: [-1e7, -2.9e7],
    cumVariants: [],
  };
}

describe('explorer: the expenditure chart names every series', () => {
  it('draws every legend item inside the chart at the narrowest width the page gives a chart', () => {
    for (const width of [330, 394]) {
      const canvases = { plans: createCanvas(width, 270), groups: createCanvas(width, 270), spend: createCanvas(width, 270), balance: createCanvas(width, 270) };
      new Charts(canvases as unknown as ConstructorParameters<typeof Charts>[0]).update(model());
      for (const id of ['spend', 'groups'] as const) {
        const legend = Chart.getChart(canvases[id] as unknown as HTMLCanvasElement)!.legend as unknown as { legendItems: unknown[]; legendHitBoxes: Array<{ top: number; height: number }> };
        expect(legend.legendItems.length).toBe(id === 'spend' ? 10 : 6);
        const below = legend.legendHitBoxes.filter((b) => b.top + b.height > 270);
        expect(below, `${id} at ${width} px: ${below.length} legend items below the chart`).toEqual([]);
      }
    }
  });

  it('colours a placement group alike on both charts, as the report does', () => {
    const canvases = { plans: createCanvas(394, 270), groups: createCanvas(394, 270), spend: createCanvas(394, 270), balance: createCanvas(394, 270) };
    new Charts(canvases as unknown as ConstructorParameters<typeof Charts>[0]).update(model());
    const spend = Chart.getChart(canvases.spend as unknown as HTMLCanvasElement)!.data.datasets;
    const groups = Chart.getChart(canvases.groups as unknown as HTMLCanvasElement)!.data.datasets;
    PLACEMENT_GROUPS.forEach((g, k) => {
      const bar = spend.find((d) => d.label === expenditureStacks(outcome).find((s) => s.key === g)!.legend)!;
      expect(bar.backgroundColor, g).toBe(seriesColour(k));
      const area = groups.find((d) => d.label === g);
      if (area) expect(area.borderColor, g).toBe(seriesColour(k));
    });
    // the CSV keeps its columns' names
    expect(expenditureStacks(outcome).map((s) => s.label)).toContain('Top-ups and fees: mainstream');
  });

  it('draws the income line over the bars, and names it last', () => {
    const canvases = { plans: createCanvas(394, 270), groups: createCanvas(394, 270), spend: createCanvas(394, 270), balance: createCanvas(394, 270) };
    new Charts(canvases as unknown as ConstructorParameters<typeof Charts>[0]).update(model());
    const chart = Chart.getChart(canvases.spend as unknown as HTMLCanvasElement)!;
    // Chart.js draws the sorted datasets from the last to the first: the first is on top
    expect(chart.data.datasets[chart.getSortedVisibleDatasetMetas()[0]!.index]!.label).toBe('Income');
    const items = (chart.legend as unknown as { legendItems: Array<{ text: string }> }).legendItems;
    expect(items[items.length - 1]!.text).toBe('Income');
    expect(items[0]!.text).toBe('Place funding');
  });

  it('puts two charts side by side only where each is at least 330 px wide', () => {
    expect(EXPLORER_CSS).toMatch(/\.charts\{display:grid;grid-template-columns:repeat\(auto-fit,minmax\(330px,1fr\)\)/);
  });
});
