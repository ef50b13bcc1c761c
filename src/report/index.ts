/**
 * The report stage: workbook, charts, recovery-plan report and CSVs from a RunReport (see write-run-outputs.ts for
 * the picture of the pipeline).
 */
export { writeRunOutputs, writeComparison, type ComparisonOutputs, type RunOutputOptions, type RunOutputs } from './write-run-outputs.ts';
export { buildWorkbookModel } from './workbook/build-workbook.ts';
export { buildComparisonModel } from './workbook/build-comparison.ts';
export { runCharts } from './charts/chart-set.ts';
export { renderChart } from './charts/render.ts';
export { buildReportHtml } from './html/report-html.ts';
export { buildComparisonHtml } from './html/comparison-html.ts';
export { workbookCsvs } from './csv.ts';
export { SUPPRESSED } from './suppress.ts';
export type { RunReport } from './run-report.ts';
