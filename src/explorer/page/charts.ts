/**
 * The explorer's four charts (Chart.js on canvas, no animation so a lever move redraws at once): total plans with
 * the P10–P90 range, plans by placement group, expenditure by line with income, and in-year and cumulative DSG
 * balance with the 31 March 2028 line. Kept variants are drawn beside the current one.
 */
import { BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration, type LegendItem, type Plugin } from 'chart.js';
import { fmtCount, fmtMoney } from '../../report/format.ts';
import { countText } from '../../report/suppress.ts';
import { PLACEMENT_GROUPS, type PlacementGroup } from '../../domain/index.ts';
import { GovUk, seriesColour, withAlpha } from '../../report/palette.ts';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

export interface VariantLine {
  label: string;
  colour: string;
  values: number[];
}

export interface ChartsModel {
  /** Census years: history then base … horizon. */
  years: number[];
  history: Array<number | null>;
  central: Array<number | null>;
  band?: { p10: Array<number | null>; p90: Array<number | null> };
  plansVariants: VariantLine[];
  baseYear: number;
  /** Census years base … horizon. */
  projYears: number[];
  /** Plans by placement group (`group` its key in PLACEMENT_GROUPS, which gives its colour). */
  groups: Array<{ group?: PlacementGroup; label: string; values: number[]; members?: string[] }>;
  fyLabels: string[];
  /** Expenditure stacks: `key` a placement group, 'place_funding' or 'other_spend'; `legend` the legend's words (else `label`). */
  stacks: Array<{ key?: string; label: string; legend?: string; values: number[] }>;
  income: number[];
  inYear: number[];
  cumulative: number[];
  cumBand?: { p10: number[]; p90: number[] };
  cumVariants: VariantLine[];
  /** The FY label whose closing balance is 31 March 2028, if in the run. */
  marchLabel?: string;
}

interface Marker {
  at: string;
  text: string;
  bottom?: boolean;
}

/**
 * Each chart's vertical marker lines, kept beside the chart rather than in its options: Chart.js resolves every
 * read of an option through its scope proxies (an array of markers, element by element, on every draw).
 */
const markerLists = new WeakMap<Chart, Marker[]>();

/** Vertical marker lines at category labels (markerLists). */
const markers: Plugin = {
  id: 'hnMarkers',
  afterDatasetsDraw(chart) {
    const list = markerLists.get(chart);
    if (!list?.length) return;
    const x = chart.scales.x;
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    for (const m of list) {
      const labels = chart.data.labels as string[];
      const i = labels.indexOf(m.at);
      if (i < 0 || !x) continue;
      const px = x.getPixelForValue(i);
      ctx.save();
      ctx.strokeStyle = GovUk.black;
      ctx.setLineDash([5, 4]);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = GovUk.black;
      ctx.font = '12px Arial, sans-serif';
      ctx.textAlign = px > (chart.chartArea.left + chart.chartArea.right) / 2 ? 'right' : 'left';
      ctx.fillText(m.text, px + (ctx.textAlign === 'right' ? -4 : 4), m.bottom ? bottom - 6 : top + 12);
      ctx.restore();
    }
  },
};
Chart.register(markers);

/** What each chart was last drawn from (Charts.set). */
const drawnFrom = new WeakMap<Chart, string>();

/**
 * A series' colour, as the report's charts give it: a placement group by its place in PLACEMENT_GROUPS (whichever groups
 * a chart holds, so Mainstream is one colour in both charts and in the report's), place funding and other spend in greys;
 * anything else by its position.
 */
function stackColour(key: string | undefined, i: number): string {
  if (key === 'place_funding') return GovUk.midGrey;
  if (key === 'other_spend') return GovUk.darkGrey;
  const k = PLACEMENT_GROUPS.indexOf(key as PlacementGroup);
  return seriesColour(k >= 0 ? k : i);
}

/** A placement group's colour; the band of small groups (report/suppress.ts smallGroupsBanded) grey, as in the report. */
const groupColour = (g: ChartsModel['groups'][number], i: number): string => (g.members ? GovUk.midGrey : stackColour(g.group, i));

/** Chart.js's own legend items (generateLabels of the legend plugin's defaults). */
const chartJsLegendItems = Chart.defaults.plugins.legend.labels.generateLabels;

/** Each chart's last legend items and what they were made from (legendItems). */
const legendMade = new WeakMap<Chart, { key: string; items: LegendItem[] }>();

/**
 * The legend items Chart.js makes, made again only when what they are made from changed: each dataset's options
 * (every field but its data), its order and whether it is shown. Chart.js resolves every dataset's full style
 * through its option proxies for the legend on every update (about a fifth of a lever move's chart time), where a
 * move changes only the data. The chart's own options do not change after it is made.
 */
function legendItems(chart: Chart): LegendItem[] {
  const key = JSON.stringify(chart.data.datasets.map((d, i) => [chart.getDatasetMeta(i).visible, d]), (k, v: unknown) => (k === 'data' ? undefined : v));
  let made = legendMade.get(chart);
  if (made?.key !== key) legendMade.set(chart, (made = { key, items: chartJsLegendItems(chart) }));
  // copies: the legend's click handler writes `hidden` into the item it was given
  return made.items.map((item) => ({ ...item }));
}

const moneyTick = (v: number | string): string => fmtMoney(Number(v));
const countTick = (v: number | string): string => fmtCount(Number(v));

/** A chart's options; with `suppressBelow`, a tooltip's count from 1 to `suppressBelow` − 1 reads [c] (the page's tables read so). */
function base(yTitle: string, money: boolean, stacked = false, suppressBelow?: number): ChartConfiguration['options'] {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      // the legend in the order the series are given, whatever order they are drawn in (the income line is drawn last)
      legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 }, generateLabels: legendItems, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
      tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${money ? fmtMoney(Number(c.parsed.y)) : countText(Number(c.parsed.y), suppressBelow, fmtCount)}` } },
    },
    scales: {
      x: { stacked, ticks: { font: { size: 11 } }, grid: { display: false } },
      y: { stacked, title: { display: true, text: yTitle, font: { size: 11 } }, ticks: { callback: money ? moneyTick : countTick, font: { size: 11 }, ...(money ? {} : { precision: 0 }) } }, // whole plans (steps of 0.5 printed 1, 1, 2, 2)
    },
  };
}

type AnyChart = Chart<'line' | 'bar', Array<number | null>, string>;

export class Charts {
  private plans: AnyChart;
  private groups: AnyChart;
  private spend: AnyChart;
  private balance: AnyChart;

  constructor(canvases: { plans: HTMLCanvasElement; groups: HTMLCanvasElement; spend: HTMLCanvasElement; balance: HTMLCanvasElement }, suppressBelow?: number) {
    this.plans = new Chart(canvases.plans, { type: 'line', data: { labels: [], datasets: [] }, options: base('EHC plans (number)', false, false, suppressBelow) }) as AnyChart;
    this.groups = new Chart(canvases.groups, { type: 'line', data: { labels: [], datasets: [] }, options: base('EHC plans (number)', false, true, suppressBelow) }) as AnyChart;
    // counts of plans from 0, as the report's charts draw them: an axis from the first year's count showed a third
    // more plans as several times as many
    for (const c of [this.plans, this.groups]) (c.options.scales!.y as { beginAtZero?: boolean }).beginAtZero = true;
    this.spend = new Chart(canvases.spend, { type: 'bar', data: { labels: [], datasets: [] }, options: base('£ per financial year', true, true) }) as AnyChart;
    this.balance = new Chart(canvases.balance, { type: 'bar', data: { labels: [], datasets: [] }, options: base('£', true) }) as AnyChart;
  }

  update(m: ChartsModel): void {
    const years = m.years.map(String);
    const plans: AnyChart['data']['datasets'] = [];
    if (m.band)
      plans.push(
        { label: 'P10 to P90 range', data: m.band.p90, borderColor: withAlpha(GovUk.blue, 0.3), backgroundColor: withAlpha(GovUk.blue, 0.18), borderWidth: 1, pointRadius: 0, fill: '+1' } as never,
        { label: 'P10', data: m.band.p10, borderColor: withAlpha(GovUk.blue, 0.3), borderWidth: 1, pointRadius: 0, fill: false } as never,
      );
    plans.push({ label: 'This variant (central)', data: m.central, borderColor: GovUk.blue, borderWidth: 3, borderDash: [7, 4], pointRadius: 0, fill: false } as never);
    for (const v of m.plansVariants) plans.push({ label: v.label, data: [...Array<null>(years.length - v.values.length).fill(null), ...v.values], borderColor: v.colour, borderWidth: 2, pointRadius: 0, fill: false } as never);
    plans.push({ label: 'Actual', data: m.history, borderColor: GovUk.black, backgroundColor: GovUk.black, borderWidth: 3, pointRadius: 2, fill: false } as never);
    this.set(this.plans, years, plans, { legendHide: ['P10'], markers: [{ at: String(m.baseYear), text: 'projection →' }] });

    const gl = m.projYears.map(String);
    this.set(
      this.groups,
      gl,
      m.groups.map((g, i) => ({ label: g.label, data: g.values, borderColor: groupColour(g, i), backgroundColor: withAlpha(groupColour(g, i), 0.55), borderWidth: 1, pointRadius: 0, fill: i === 0 ? 'origin' : '-1' }) as never),
    );

    const spend: AnyChart['data']['datasets'] = m.stacks.map((s, i) => ({ type: 'bar', label: s.legend ?? s.label, data: s.values, backgroundColor: stackColour(s.key, i), stack: 'spend' }) as never);
    // drawn over the bars (Chart.js draws the lowest order last): drawn first, behind them, the line went out of sight in
    // the years spend passes income, the ones it is there to show (Kent on the real 2022 release from 2023-24 on)
    spend.push({ type: 'line', label: 'Income', data: m.income, borderColor: GovUk.black, borderWidth: 2, pointRadius: 2, fill: false, order: -1 } as never);
    this.set(this.spend, m.fyLabels, spend);

    const bal: AnyChart['data']['datasets'] = [];
    if (m.cumBand)
      bal.push(
        { type: 'line', label: 'Cumulative: P10 to P90 range', data: m.cumBand.p90, borderColor: withAlpha(GovUk.red, 0.3), backgroundColor: withAlpha(GovUk.red, 0.15), borderWidth: 1, pointRadius: 0, fill: '+1' } as never,
        { type: 'line', label: 'P10 cumulative', data: m.cumBand.p10, borderColor: withAlpha(GovUk.red, 0.3), borderWidth: 1, pointRadius: 0, fill: false } as never,
      );
    bal.push({ type: 'line', label: 'Cumulative DSG balance (31 March)', data: m.cumulative, borderColor: GovUk.red, borderWidth: 3, pointRadius: 3, backgroundColor: GovUk.red, fill: false } as never);
    for (const v of m.cumVariants) bal.push({ type: 'line', label: `${v.label}: cumulative`, data: v.values, borderColor: v.colour, borderWidth: 2, borderDash: [6, 3], pointRadius: 2, fill: false } as never);
    bal.push({ type: 'bar', label: 'In-year balance', data: m.inYear, backgroundColor: m.inYear.map((v) => (v < 0 ? withAlpha(GovUk.orange, 0.85) : withAlpha(GovUk.green, 0.85))) } as never);
    this.set(this.balance, m.fyLabels, bal, { legendHide: ['P10 cumulative'], markers: m.marchLabel ? [{ at: m.marchLabel, text: '31 March 2028: override ends', bottom: true }] : [] });
  }

  private set(chart: AnyChart, labels: string[], datasets: AnyChart['data']['datasets'], o: { legendHide?: string[]; markers?: Marker[] } = {}): void {
    // A chart whose series, labels and markers are those it shows is left as it is: a price lever, for one, leaves
    // the plans charts alone. Chart.js draws again on its own what it changes itself (a legend click, a resize).
    const key = JSON.stringify([labels, datasets, o.markers ?? [], o.legendHide ?? []], (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    if (drawnFrom.get(chart as unknown as Chart) === key) return;
    drawnFrom.set(chart as unknown as Chart, key);
    chart.data.labels = labels;
    // The same dataset objects, their fields replaced: Chart.js keeps a dataset's controller and elements only while
    // the object is the one it saw (new objects on every move rebuilt them all). An object is kept for the series of
    // its own label only, wherever it now stands: a controller keeps the point style it first resolved (its shared
    // options are not resolved again on an update without animation), so the P10 line drawn with the object "Actual"
    // had before showed as black points of actuals in the projected years. A series hidden from the legend stays
    // hidden while a series of its label is drawn: its hidden state goes with its label (as the dataset's own
    // `hidden`), not with its place, which changes when the range or a kept variant comes or goes.
    const was = chart.data.datasets as unknown as Array<Record<string, unknown>>;
    const hidden = new Set(was.flatMap((d, i) => (chart.isDatasetVisible(i) ? [] : [d.label])));
    chart.data.datasets = datasets.map((d) => {
      const next = d as unknown as Record<string, unknown>;
      if (hidden.has(next.label)) next.hidden = true;
      const at = was.findIndex((w) => w.label === next.label);
      const same = was[at];
      if (!same || same.type !== next.type) return d;
      for (const k of Object.keys(same)) if (!(k in next)) delete same[k];
      chart.getDatasetMeta(at).hidden = null as unknown as boolean;
      return Object.assign(same, next) as unknown as typeof d;
    });
    const plugins = chart.options.plugins as Record<string, unknown> & { legend: { labels: { filter?: unknown } } };
    markerLists.set(chart as unknown as Chart, o.markers ?? []);
    const hide = o.legendHide ?? [];
    plugins.legend.labels.filter = (item: { text: string }) => !hide.includes(item.text);
    chart.update('none');
  }

  resize(): void {
    for (const c of [this.plans, this.groups, this.spend, this.balance]) c.resize();
  }
}
