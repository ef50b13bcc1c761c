/**
 * The one chart renderer: a pure ChartSpec (Chart.js configuration without functions) → PNG bytes, drawn by
 * Chart.js on @napi-rs/canvas (no system libraries). It scales fonts and strokes with the image size, paints a
 * white background, and turns the project's `hn` plugin options into drawing and tick callbacks.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
import { Flow, SankeyController } from 'chartjs-chart-sankey';
import { fmtMoneyExact } from '../format.ts';
import { GovUk } from '../palette.ts';
import type { AxisUnit, ChartSpec, HnPluginOptions } from './chart-spec.ts';
import { barLabelFontPx, barLabelTop } from './bar-labels.ts';

/** Rendered size of the PNG files (16:9). */
export const CHART_WIDTH = 1600;
export const CHART_HEIGHT = 900;

/** DejaVu Sans ships in the `dejavu-fonts-ttf` npm package, so charts draw the same text on any machine. */
const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = [join(FONT_DIR, 'DejaVuSans.ttf'), join(FONT_DIR, 'DejaVuSans-Bold.ttf')];

/** The font family charts use: the bundled DejaVu Sans, registered once. */
function chooseFontFamily(): string {
  if (!GlobalFonts.families.some((f) => f.family === 'DejaVu Sans')) {
    for (const f of FONT_FILES) GlobalFonts.registerFromPath(f, 'DejaVu Sans');
  }
  return 'DejaVu Sans';
}

/** Whether any font is available to draw text (without one, charts have no words). */
export function fontsAvailable(): boolean {
  return GlobalFonts.families.length > 0;
}

/**
 * Formats a tick or label value in a unit.
 * @example formatUnit(-12.5, 'moneyM') // '-£12.5m'
 */
export function formatUnit(v: number, unit: AxisUnit): string {
  if (unit === 'count') return Math.round(v).toLocaleString('en-GB');
  if (unit === 'money') return fmtMoneyExact(v);
  if (unit === 'moneyM') {
    const a = Math.abs(v);
    return `${v < 0 ? '-' : ''}£${a >= 100 || Number.isInteger(a) ? Math.round(a).toLocaleString('en-GB') : a.toFixed(1)}m`;
  }
  if (unit === 'percent') return `${(v * 100).toFixed(0)}%`;
  return String(v);
}

/** The step between an axis's ticks (0 when it has fewer than two). */
function tickStep(ticks: ReadonlyArray<{ value: number }>): number {
  return ticks.length > 1 ? Math.abs(ticks[1]!.value - ticks[0]!.value) : 0;
}

/**
 * A £m tick with as many decimals as its axis's step needs (at least formatUnit's), so no two ticks read alike and
 * none that is not nil reads £0.0m: steps of £0.05m give '£0.05m', '£0.10m', '£0.15m' where they gave '£0.1m',
 * '£0.1m', '£0.2m'; steps of £0.5m or more read as formatUnit writes them.
 * @example formatMoneyTick(0.35, 0.05) // '£0.35m'
 * @example formatMoneyTick(-12.5, 2.5) // '-£12.5m'
 */
export function formatMoneyTick(v: number, step: number): string {
  const digits = step > 0 && step < 0.1 ? Math.min(3, Math.ceil(-Math.log10(step) - 1e-9)) : 0;
  if (digits === 0 || Math.abs(v) < 1e-9) return formatUnit(Math.abs(v) < 1e-9 ? 0 : v, 'moneyM');
  return `${v < 0 ? '-' : ''}£${Math.abs(v).toFixed(digits)}m`;
}

let scale = 1;

const background: Plugin = {
  id: 'hnBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = GovUk.white;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

function hnOptions(chart: Chart): HnPluginOptions {
  return ((chart.options.plugins as Record<string, unknown> | undefined)?.hn ?? {}) as HnPluginOptions;
}

/** x pixel of a category label or a value on the index scale. */
function xPixel(chart: Chart, at: string | number): number | undefined {
  const horizontal = (chart.options as { indexAxis?: string }).indexAxis === 'y';
  const sc = chart.scales.x;
  if (!sc) return undefined;
  if (horizontal || sc.type !== 'category') return typeof at === 'number' ? sc.getPixelForValue(at) : undefined;
  const i = (chart.data.labels ?? []).map(String).indexOf(String(at));
  return i < 0 ? undefined : sc.getPixelForValue(i);
}

const hnPlugin: Plugin = {
  id: 'hn',
  beforeDatasetsDraw(chart) {
    const o = hnOptions(chart);
    const { ctx, chartArea } = chart;
    if (o.shadeFrom) {
      const x = xPixel(chart, o.shadeFrom.at);
      if (x !== undefined) {
        ctx.save();
        ctx.fillStyle = GovUk.lightGrey;
        ctx.fillRect(x, chartArea.top, chartArea.right - x, chartArea.bottom - chartArea.top);
        ctx.fillStyle = GovUk.darkGrey;
        ctx.font = `italic ${Math.round(12 * scale)}px ${Chart.defaults.font.family}`;
        ctx.textBaseline = 'top';
        // after the shading's edge, or, when the shading is narrower than the label (a one-year horizon), ending at
        // the plot's right edge, where it was cut off
        const fits = x + 6 * scale + ctx.measureText(o.shadeFrom.label).width <= chartArea.right - 2 * scale;
        ctx.textAlign = fits ? 'left' : 'right';
        ctx.fillText(o.shadeFrom.label, fits ? x + 6 * scale : chartArea.right - 4 * scale, chartArea.top + 4 * scale);
        ctx.restore();
      }
    }
    if (o.zeroLine && chart.scales.y && chart.scales.y.type !== 'category') {
      const y = chart.scales.y.getPixelForValue(0);
      if (y >= chartArea.top && y <= chartArea.bottom) {
        ctx.save();
        ctx.strokeStyle = GovUk.black;
        ctx.lineWidth = 1.5 * scale;
        ctx.beginPath();
        ctx.moveTo(chartArea.left, y);
        ctx.lineTo(chartArea.right, y);
        ctx.stroke();
        ctx.restore();
      }
    }
  },
  afterDatasetsDraw(chart) {
    const o = hnOptions(chart);
    const { ctx, chartArea } = chart;
    for (const m of o.markers ?? []) {
      const x = xPixel(chart, m.at);
      if (x === undefined) continue;
      ctx.save();
      ctx.strokeStyle = GovUk.black;
      ctx.lineWidth = 2 * scale;
      if (m.dashed) ctx.setLineDash([6 * scale, 4 * scale]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = `bold ${Math.round(12 * scale)}px ${Chart.defaults.font.family}`;
      ctx.fillStyle = GovUk.black;
      ctx.textBaseline = 'top';
      const w = ctx.measureText(m.label).width;
      if (m.labelAt === 'above') {
        // above the plot area, centred on the line, so it never sits on a bar
        const cx = Math.min(Math.max(x, chartArea.left + w / 2), chartArea.right - w / 2);
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        ctx.fillText(m.label, cx, chartArea.top - 4 * scale);
        ctx.restore();
        continue;
      }
      const ly = m.labelAt === 'bottom' ? chartArea.bottom - 30 * scale : chartArea.top + 22 * scale;
      const right = x + 6 * scale + w < chartArea.right;
      ctx.textAlign = right ? 'left' : 'right';
      const tx = right ? x + 6 * scale : x - 6 * scale;
      ctx.fillStyle = 'rgba(255,255,255,0.85)';
      ctx.fillRect(right ? tx - 2 : tx - w - 2, ly, w + 4, 16 * scale);
      ctx.fillStyle = GovUk.black;
      ctx.fillText(m.label, tx, ly + scale);
      ctx.restore();
    }
    if (o.barLabels) {
      const meta = chart.getDatasetMeta(0);
      const data = chart.data.datasets[0]?.data ?? [];
      ctx.save();
      // written by the chart (format.ts fmtMoneyLabel), as the report's tables write each figure
      const texts = meta.data.map((_, i) => (Array.isArray(data[i]) ? (o.barLabels?.[i] ?? '') : ''));
      const font = (px: number) => `bold ${Math.round(px)}px ${Chart.defaults.font.family}`;
      ctx.font = font(12 * scale);
      const widest = Math.max(0, ...texts.map((t) => ctx.measureText(t).width));
      const px = barLabelFontPx(widest, (chart.chartArea.right - chart.chartArea.left) / Math.max(1, meta.data.length), 12 * scale, 9 * scale);
      ctx.font = font(px);
      ctx.fillStyle = GovUk.black;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      const zero = o.zeroLine ? chart.scales.y?.getPixelForValue(0) : undefined;
      meta.data.forEach((el, i) => {
        const d = data[i] as unknown;
        if (!Array.isArray(d)) return;
        const p = el.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        // a total below £0 is labelled under its bar, a step over it
        const below = (d[1] as number) < 0 && (d[0] as number) === 0;
        const top = barLabelTop({ barTop: Math.min(p.y, p.base), barBottom: Math.max(p.y, p.base), below, zero, height: px + 2 * scale, gap: 4 * scale });
        ctx.fillText(texts[i]!, p.x, top);
      });
      ctx.restore();
    }
  },
};

Chart.register(...registerables, SankeyController, Flow, background, hnPlugin);
const FONT_FAMILY = chooseFontFamily();

/** Multiplies the pixel sizes of datasets by the image scale. */
function scaleDataset(ds: Record<string, unknown>, s: number): Record<string, unknown> {
  const out = { ...ds };
  for (const k of ['borderWidth', 'pointRadius', 'nodeWidth', 'maxBarThickness']) if (typeof out[k] === 'number') out[k] = (out[k] as number) * s;
  if (Array.isArray(out.borderDash)) out.borderDash = (out.borderDash as number[]).map((d) => d * s);
  return out;
}

/** Turns a JSON-safe spec into a live Chart.js configuration (callbacks, scaled sizes). */
export function materialise(spec: ChartSpec, s: number): ChartConfiguration {
  const cfg = structuredClone(spec.config) as unknown as { type: string; data: { datasets: Array<Record<string, unknown>> }; options: Record<string, unknown> };
  const options = cfg.options;
  options.responsive = false;
  options.animation = false;
  options.devicePixelRatio = 1;
  options.layout = { padding: { top: 8 * s, right: 24 * s, bottom: (cfg.type === 'sankey' ? 16 : 8) * s, left: 12 * s } };
  const plugins = (options.plugins ?? {}) as Record<string, Record<string, unknown>>;
  const hn = (plugins.hn ?? {}) as HnPluginOptions;
  const hide = hn.legendHide ?? [];
  // legend entries in dataset order (Chart.js would sort them by draw `order`)
  const byIndex = (a: { datasetIndex?: number }, b: { datasetIndex?: number }) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0);
  if (plugins.legend) plugins.legend.labels = { ...(plugins.legend.labels as object), filter: (item: { text: string }) => !hide.includes(item.text), sort: byIndex, boxWidth: 28 * s, padding: 14 * s };
  if (plugins.legend && cfg.type === 'line') {
    // lines show in the legend as short lines with their dash pattern; filled bands and areas as boxes
    type Item = { datasetIndex?: number; pointStyle?: string; lineWidth?: number; lineDash?: number[] };
    const base = (Chart.defaults.plugins.legend.labels as unknown as { generateLabels: (c: Chart) => Item[] }).generateLabels;
    plugins.legend.labels = {
      ...(plugins.legend.labels as object),
      usePointStyle: true,
      pointStyleWidth: 28 * s,
      generateLabels: (chart: Chart) =>
        base(chart).map((item) => {
          const ds = chart.data.datasets[item.datasetIndex ?? -1] as { fill?: unknown; borderDash?: number[]; borderWidth?: number } | undefined;
          const filled = ds?.fill !== undefined && ds.fill !== false;
          // with point styles Chart.js takes the swatch's style from the points (solid): a line swatch takes the
          // line's own dash and width, so the legend matches the line it names
          return filled ? { ...item, pointStyle: 'rect' } : { ...item, pointStyle: 'line', lineDash: ds?.borderDash ?? [], lineWidth: ds?.borderWidth ?? item.lineWidth };
        }),
    };
  }
  if (plugins.title) plugins.title.font = { size: Math.round(17 * s), weight: 'bold' };
  // a marker label drawn above the plot area needs a line of room under the title
  const above = (hn.markers ?? []).some((m) => m.labelAt === 'above');
  if (plugins.title) plugins.title.padding = { top: 4 * s, bottom: (above ? 30 : 12) * s };
  if (plugins.subtitle) plugins.subtitle.font = { size: Math.round(11 * s), style: 'italic' };
  if (plugins.subtitle) plugins.subtitle.color = GovUk.darkGrey;
  const scales = (options.scales ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, sc] of Object.entries(scales)) {
    const unit = hn.units?.[id] ?? 'none';
    const ticks = { ...((sc.ticks as object) ?? {}) } as Record<string, unknown>;
    // £m ticks as fine as their step: a small council's steps of £0.05m read '£0.3m' three times and '£0.0m' for £50k
    if (unit === 'moneyM') ticks.callback = (v: number | string, _i: number, all: ReadonlyArray<{ value: number }>) => formatMoneyTick(Number(v), tickStep(all));
    else if (unit !== 'none') ticks.callback = (v: number | string) => formatUnit(Number(v), unit);
    // plans are whole: steps of 0.5 on a small LA's axis printed each whole number twice ('0, 1, 1, 2, 2 …')
    if (unit === 'count') ticks.precision ??= 0;
    // a value axis laid across the chart (a tornado's) takes up to 11 labels as wide as '-£2,800m': they run into
    // each other, so it gets fewer
    if (id === 'x' && (options as { indexAxis?: string }).indexAxis === 'y' && (unit === 'money' || unit === 'moneyM')) ticks.maxTicksLimit ??= 7;
    sc.ticks = ticks;
    if (sc.title) (sc.title as Record<string, unknown>).font = { size: Math.round(13 * s), weight: 'bold' };
  }
  cfg.data.datasets = cfg.data.datasets.map((d) => scaleDataset(d, s));
  if (cfg.type === 'sankey') {
    const colours = hn.nodeColours ?? {};
    for (const d of cfg.data.datasets) {
      d.colorFrom = (c: { dataIndex: number; dataset: { data: Array<{ from: string }> } }) => colours[c.dataset.data[c.dataIndex]!.from] ?? GovUk.midGrey;
      d.colorTo = (c: { dataIndex: number; dataset: { data: Array<{ to: string }> } }) => colours[c.dataset.data[c.dataIndex]!.to] ?? GovUk.midGrey;
      d.font = { size: Math.round(11 * s) };
      // room for a label between neighbouring thin nodes, so their labels do not overlap
      d.nodePadding = 16 * s;
    }
  }
  return cfg as unknown as ChartConfiguration;
}

/**
 * A canvas whose width and height setters do nothing when the size is unchanged. Chart.js sets both as a chart
 * starts (retinaScale), to the size the canvas already has; on @napi-rs/canvas each set makes a new surface, so
 * each chart made two more 5.8 MB surfaces, cleared, for nothing (about 2 ms each here). A set to the same size
 * would reset the context too, which is still fresh then (nothing is drawn before the chart starts).
 */
function sizedCanvas(width: number, height: number): Canvas {
  const canvas = createCanvas(width, height);
  for (const dim of ['width', 'height'] as const) {
    let proto: object | null = Object.getPrototypeOf(canvas);
    let own: PropertyDescriptor | undefined;
    while (proto && !(own = Object.getOwnPropertyDescriptor(proto, dim))) proto = Object.getPrototypeOf(proto);
    const { get, set } = own ?? {};
    if (!get || !set) continue;
    Object.defineProperty(canvas, dim, {
      configurable: true,
      enumerable: true,
      get(this: Canvas) {
        return get.call(this) as number;
      },
      set(this: Canvas, v: number) {
        if (v !== get.call(this)) set.call(this, v);
      },
    });
  }
  return canvas;
}

/** Lays a chart out on a canvas of that size (renderChart encodes it; tests read its scales). */
export function draw(spec: ChartSpec, width: number, height: number) {
  const canvas = sizedCanvas(width, height);
  const ctx = canvas.getContext('2d');
  scale = width / 800;
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.font.size = Math.round(12 * scale);
  Chart.defaults.color = GovUk.black;
  Chart.defaults.borderColor = 'rgba(0,0,0,0.12)';
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, materialise(spec, scale));
  return { canvas, chart };
}

/**
 * Draws a chart to PNG bytes.
 * @example writeFileSync('fan.png', renderChart(fanTotalPlansChart(report)))
 */
export function renderChart(spec: ChartSpec, width = CHART_WIDTH, height = CHART_HEIGHT): Buffer {
  const { canvas, chart } = draw(spec, width, height);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

/**
 * Draws charts and encodes them to PNG off the main thread (encoding runs in parallel on libuv's pool).
 * @example const pngs = await renderCharts(runCharts(report))
 */
export async function renderCharts(specs: ChartSpec[], width = CHART_WIDTH, height = CHART_HEIGHT): Promise<Buffer[]> {
  // Destroying a chart clears its canvas, so each chart is destroyed only after its PNG is encoded.
  return Promise.all(
    specs.map(async (s) => {
      const { canvas, chart } = draw(s, width, height);
      try {
        return await canvas.encode('png');
      } finally {
        chart.destroy();
      }
    }),
  );
}
