/**
 * The I/O shell of the report stage:
 *
 *   RunReport ─┬─ runCharts ──► ChartSpec[] ──► renderChart ──► PNG ─┬─► charts/*.png
 *              ├─ buildWorkbookModel ──► WorkbookModel ──► workbookBytes (+ PNGs, alt text) ──► .xlsx
 *              │                                      └──► workbookCsvs ──► csv/*.csv (opt-in)
 *              ├─ buildReportHtml (+ PNGs as data URIs) ──► recovery-plan .html
 *              └─ explorerHtml (payload + engine compiled for the browser) ──► explorer .html (when given a payload)
 *   RunReport[] ─ compare charts, buildComparisonModel, buildComparisonHtml ──► compare/ (.xlsx, .html, PNGs)
 *
 * Everything left of the arrows into files is pure; this file only renders and writes (atomically).
 */
import { usageError } from '../errors.ts';
import { explorerBundle } from '../explorer/bundle.ts';
import { explorerHtml } from '../explorer/page-html.ts';
import type { ExplorerPayload } from '../explorer/payload.ts';
import { payloadBlemishes } from '../explorer/payload-check.ts';
import { reportMsg } from '../messages/index.ts';
import type { ChartId, ChartSpec } from './charts/chart-spec.ts';
import { chartFile } from './charts/chart-spec.ts';
import { runCharts } from './charts/chart-set.ts';
import { comparePlansChart, compareBalanceChart } from './charts/compare.ts';
import type { ChartRenderer } from './charts/render-thread.ts';
import { workbookCsvs } from './csv.ts';
import { buildComparisonHtml } from './html/comparison-html.ts';
import { buildReportHtml } from './html/report-html.ts';
import type { RunReport } from './run-report.ts';
import { assertNoBlemishes, fileBlemishes, textBlemishes, valueBlemishes, type Blemish } from './output-guard.ts';
import { writeFilesAtomically, type HeldOutputs, type StagedFile } from './write-atomic.ts';
import { allBudgeted, buildComparisonModel } from './workbook/build-comparison.ts';
import { buildWorkbookModel } from './workbook/build-workbook.ts';
import { workbookBytes, type ChartImage } from './workbook/write-xlsx.ts';

export interface RunOutputOptions {
  /** Also write every workbook table as CSV under `csv/`. */
  csv?: boolean;
  /** Replace counts of plans from 1 to this − 1 with `[c]` in everything written (workbook, CSV, charts, report). */
  suppressSmallCounts?: number;
  /** The scenario explorer's data (already suppressed as the run asks): writes `explorer-<id>.html`. */
  explorer?: ExplorerPayload;
  /** Draws the charts (a chart thread, render-thread.ts); default: in this thread. */
  charts?: ChartRenderer;
  /** Holds the old outputs until the run's every folder is written (write-atomic.ts HeldOutputs). */
  held?: HeldOutputs;
}

export interface RunOutputs {
  workbook: string;
  charts: string[];
  report: string;
  csv: string[];
  explorer?: string;
}

function checkThreshold(t: number | undefined): void {
  if (t === undefined) return;
  if (!Number.isInteger(t) || t < 2) throw usageError(reportMsg.badSuppressionThreshold(t));
}

async function render(specs: ChartSpec[], charts?: ChartRenderer): Promise<Array<{ spec: ChartSpec; png: Buffer }>> {
  // Chart.js and the canvas load only when this thread draws (a chart thread loads its own)
  const pngs = await (charts ? charts.render(specs) : import('./charts/render.ts').then((m) => m.renderCharts(specs)));
  return specs.map((spec, i) => ({ spec, png: pngs[i]! }));
}

/** Titles, alt texts and data of rendered charts, checked before anything is written. */
function chartBlemishes(rendered: Array<{ spec: ChartSpec }>): Blemish[] {
  return rendered.flatMap((c) => valueBlemishes({ title: c.spec.title, alt: c.spec.alt }, `chart ${c.spec.id}`));
}

function imageMap(rendered: Array<{ spec: ChartSpec; png: Buffer }>): Map<ChartId, ChartImage> {
  return new Map(rendered.map((c) => [c.spec.id, { png: c.png, title: c.spec.title, alt: c.spec.alt }]));
}

/** The charts for the workbook while they are being drawn: it is written meanwhile and takes the PNGs at the end. */
function pendingImages(specs: ChartSpec[], drawing: Promise<Array<{ png: Buffer }>>): Map<ChartId, ChartImage> {
  return new Map(specs.map((s, i) => [s.id, { png: drawing.then((r) => r[i]!.png), title: s.title, alt: s.alt }]));
}

/**
 * Writes a run's workbook, chart PNGs, recovery-plan report and (optionally) CSVs into `outDir`.
 * @example await writeRunOutputs(report, 'reports/baseline', { csv: true })
 */
export async function writeRunOutputs(report: RunReport, outDir: string, opts: RunOutputOptions = {}): Promise<RunOutputs> {
  checkThreshold(opts.suppressSmallCounts);
  const id = report.scenario.id;
  const specs = runCharts(report, { suppressSmallCounts: opts.suppressSmallCounts });
  const drawing = render(specs, opts.charts);
  drawing.catch(() => undefined); // awaited below; a failure before that must not go unhandled
  // what needs no chart is made while they are drawn
  const model = buildWorkbookModel(report, { suppressSmallCounts: opts.suppressSmallCounts });
  const csvs = opts.csv ? workbookCsvs(model) : [];
  const explorer = opts.explorer ? explorerHtml(opts.explorer, await explorerBundle()) : undefined;
  const xlsx = await workbookBytes(model, pendingImages(specs, drawing));
  const rendered = await drawing;
  const html = buildReportHtml(report, rendered, { suppressSmallCounts: opts.suppressSmallCounts });
  const files: StagedFile[] = [
    { rel: `highneeds-${id}.xlsx`, data: xlsx },
    ...rendered.map((c) => ({ rel: `charts/${chartFile(c.spec.id)}`, data: c.png })),
    { rel: `recovery-plan-${id}.html`, data: html },
    ...csvs.map((c) => ({ rel: `csv/${c.file}`, data: c.text })),
    ...(explorer !== undefined ? [{ rel: `explorer-${id}.html`, data: explorer }] : []),
  ];
  // the explorer's file is compiled code plus data: its data is checked (payload-check.ts), not its code's text
  const texts = files.filter((f) => !f.rel.startsWith('explorer-'));
  const explorerData = opts.explorer ? payloadBlemishes(opts.explorer) : [];
  assertNoBlemishes([...valueBlemishes(model, 'workbook'), ...chartBlemishes(rendered), ...fileBlemishes(texts), ...explorerData]);
  const paths = await writeFilesAtomically(outDir, files, opts.held);
  const nCharts = rendered.length;
  return {
    workbook: paths[0]!,
    charts: paths.slice(1, 1 + nCharts),
    report: paths[1 + nCharts]!,
    csv: paths.slice(2 + nCharts, 2 + nCharts + csvs.length),
    ...(explorer !== undefined ? { explorer: paths[paths.length - 1]! } : {}),
  };
}

function comparisonCharts(reports: RunReport[]): ChartSpec[] {
  return allBudgeted(reports) ? [compareBalanceChart(reports), comparePlansChart(reports)] : [comparePlansChart(reports)];
}

/**
 * The comparison's workbook, report text and chart words checked as writeComparison checks them, without drawing or
 * writing anything: a run checks them before it writes the first scenario's outputs, so that a comparison refused
 * leaves no scenario written.
 * @example checkComparison([baseline, mitigated]) // throws (exit 70) on NaN, Infinity or 'undefined'
 */
export function checkComparison(reports: RunReport[]): void {
  const specs = comparisonCharts(reports);
  const html = buildComparisonHtml(reports, []);
  assertNoBlemishes([...valueBlemishes(buildComparisonModel(reports), 'comparison workbook'), ...chartBlemishes(specs.map((spec) => ({ spec }))), ...textBlemishes(html, 'scenario-comparison.html')]);
}

/** Paths of the comparison outputs. */
export interface ComparisonOutputs {
  workbook: string;
  report: string;
  charts: string[];
  /** The comparison workbook's tables as CSV (with `csv`), else none. */
  csv: string[];
}

/**
 * Writes the comparison: a report (what differs, headline figures side by side, the balance chart), a workbook
 * (scenarios side by side, differences against the first) and their charts, and with `csv` each of the workbook's
 * tables as CSV under `csv/`, as a scenario's are. The money chart and sheets only when every run modelled the budget.
 * @example await writeComparison([baseline, mitigated], 'reports/compare')
 */
export async function writeComparison(reports: RunReport[], outDir: string, charts?: ChartRenderer, opts: { csv?: boolean; held?: HeldOutputs } = {}): Promise<ComparisonOutputs> {
  if (reports.length === 0) throw usageError(reportMsg.noReports());
  const specs = comparisonCharts(reports);
  const rendered = await render(specs, charts);
  const model = buildComparisonModel(reports);
  const csvs = opts.csv ? workbookCsvs(model) : [];
  const html = buildComparisonHtml(reports, rendered);
  const files: StagedFile[] = [
    { rel: 'highneeds-comparison.xlsx', data: await workbookBytes(model, imageMap(rendered)) },
    { rel: 'scenario-comparison.html', data: html },
    ...rendered.map((c) => ({ rel: `charts/${chartFile(c.spec.id)}`, data: c.png })),
    ...csvs.map((c) => ({ rel: `csv/${c.file}`, data: c.text })),
  ];
  assertNoBlemishes([...valueBlemishes(model, 'comparison workbook'), ...chartBlemishes(rendered), ...fileBlemishes(files)]);
  const paths = await writeFilesAtomically(outDir, files, opts.held);
  return { workbook: paths[0]!, report: paths[1]!, charts: paths.slice(2, 2 + rendered.length), csv: paths.slice(2 + rendered.length) };
}
