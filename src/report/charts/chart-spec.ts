/**
 * A chart as pure data: an id, a title, alt text and a Chart.js configuration with no functions in it (the
 * renderer turns the `hn*` options into callbacks), so configurations can be compared as golden JSON.
 */

export const ChartId = {
  'fan-total-plans': { file: '01-fan-total-plans.png' },
  'plans-by-placement': { file: '02-plans-by-placement.png' },
  'age-profile': { file: '03-age-profile.png' },
  'dsg-balance': { file: '04-dsg-balance.png' },
  'expenditure-by-group': { file: '05-expenditure-by-group.png' },
  'sankey-y6-y7': { file: '06-sankey-y6-y7.png' },
  'tornado-deficit': { file: '07-tornado-deficit.png' },
  'waterfall-mitigation': { file: '08-waterfall-mitigation.png' },
  'compare-balance': { file: 'compare-balance.png' },
  'compare-plans': { file: 'compare-plans.png' },
} as const;
export type ChartId = keyof typeof ChartId;

/** Axis value styles the renderer turns into tick callbacks. */
export type AxisUnit = 'count' | 'money' | 'moneyM' | 'percent' | 'none';

export interface ChartSpec {
  id: ChartId;
  title: string;
  /** One or two sentences a screen reader reads instead of the image. */
  alt: string;
  /** A Chart.js configuration (JSON-safe). */
  config: ChartConfigData;
}

/** The JSON-safe subset of a Chart.js configuration the charts use. */
export interface ChartConfigData {
  type: 'line' | 'bar' | 'sankey';
  data: { labels?: Array<string | number | string[]>; datasets: Array<Record<string, unknown>> };
  options: Record<string, unknown> & {
    plugins?: Record<string, unknown> & { hn?: HnPluginOptions };
  };
}

/** Options of the project's own Chart.js plugin (renderer.ts). */
export interface HnPluginOptions {
  /** Tick and tooltip formats per scale id. */
  units?: Record<string, AxisUnit>;
  /** Vertical marker lines at category labels. */
  markers?: Array<{ at: string | number; label: string; dashed?: boolean; labelAt?: 'top' | 'bottom' | 'above' }>;
  /** A shaded region from a category label to the end (projection). */
  shadeFrom?: { at: string | number; label: string };
  /** Small print under the chart (source, suppression, a key); several strings are several lines. */
  footnote?: string | string[];
  /** Sankey node colours by node key. */
  nodeColours?: Record<string, string>;
  /**
   * The value label of each bar, written by the chart from the figure itself (format.ts fmtMoneyLabel), as the
   * report's tables write it: worked out from the bar's two ends, rounded for drawing (£m to £10k), a label was up to
   * £10k out (a step of -£38k labelled -£30k); formatted by the renderer, '-£571m' where the report said '-£571.2m'.
   */
  barLabels?: string[];
  /** A solid line at zero on the y axis. */
  zeroLine?: boolean;
  /** Legend entries to hide (by dataset label). */
  legendHide?: string[];
}

export function chartFile(id: ChartId): string {
  return ChartId[id].file;
}
