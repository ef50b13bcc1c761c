/** Shared pieces of the chart configurations: titles, axes, legend, and the projection shading. */
import type { AxisUnit, HnPluginOptions } from './chart-spec.ts';

export interface AxisSpec {
  title: string;
  unit: AxisUnit;
  stacked?: boolean;
  beginAtZero?: boolean;
  /** Extra room beyond the data ('8%'). */
  grace?: string;
  /** Show every tick label, unrotated (for few, long category labels). */
  allTicks?: boolean;
  /** Keep tick labels horizontal (skipping some if they do not fit). */
  noRotation?: boolean;
}

/**
 * Options common to every cartesian chart. Font sizes are left to the renderer, which scales them with the image.
 */
export function cartesianOptions(title: string, x: AxisSpec, y: AxisSpec, hn: HnPluginOptions = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    plugins: {
      title: { display: true, text: title, align: 'start' },
      legend: { display: true, position: 'bottom', align: 'start' },
      ...(hn.footnote ? { subtitle: { display: true, text: hn.footnote, position: 'bottom', align: 'end' } } : {}),
      hn: { ...hn, units: { x: x.unit, y: y.unit, ...(hn.units ?? {}) } },
    },
    scales: {
      x: { title: { display: x.title !== '', text: x.title }, stacked: x.stacked ?? false, grid: { display: false }, ...(x.allTicks ? { ticks: { autoSkip: false, maxRotation: 0 } } : x.noRotation ? { ticks: { maxRotation: 0 } } : {}), ...(x.beginAtZero !== undefined ? { beginAtZero: x.beginAtZero } : {}) },
      y: { title: { display: y.title !== '', text: y.title }, stacked: y.stacked ?? false, beginAtZero: y.beginAtZero ?? false, ...(y.grace ? { grace: y.grace } : {}) },
    },
    ...extra,
  };
}

/** Millions, rounded to 0.01, for £m axes. */
export function toMillions(n: number | undefined | null): number | null {
  return n === undefined || n === null || !Number.isFinite(n) ? null : Math.round(n / 10_000) / 100;
}

/** A count rounded to one decimal, or null. */
export function round1(n: number | undefined | null): number | null {
  return n === undefined || n === null || !Number.isFinite(n) ? null : Math.round(n * 10) / 10;
}
