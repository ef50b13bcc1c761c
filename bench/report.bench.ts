/**
 * Report speed: a 10-year run of the test fixture (about 3,000 plans growing 8% a year, three levers) — chart
 * rendering, the workbook (with embedded charts), the HTML report, and the whole writeRunOutputs with CSVs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCharts } from '../src/report/charts/chart-set.ts';
import { renderCharts } from '../src/report/charts/render.ts';
import { buildReportHtml } from '../src/report/html/report-html.ts';
import { writeRunOutputs } from '../src/report/index.ts';
import { buildWorkbookModel } from '../src/report/workbook/build-workbook.ts';
import { workbookBytes } from '../src/report/workbook/write-xlsx.ts';
import { buildRunReport } from '../test/report/fixtures/run-report.ts';
import type { Figure } from './figure.ts';

async function time<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await f();
  return [(performance.now() - t0) / 1000, v];
}

export async function bench(): Promise<Figure[]> {
  const report = buildRunReport({ horizon: 10 });
  const dir = await mkdtemp(join(tmpdir(), 'hn-report-bench-'));
  try {
    await writeRunOutputs(report, join(dir, 'warm-up'), {}); // module and font loading, JIT
    const specs = runCharts(report);
    const [tCharts, pngs] = await time(() => renderCharts(specs));
    const rendered = specs.map((spec, i) => ({ spec, png: pngs[i]! }));
    const images = new Map(rendered.map((c) => [c.spec.id, { png: c.png, title: c.spec.title, alt: c.spec.alt }]));
    const [tWorkbook] = await time(() => workbookBytes(buildWorkbookModel(report), images));
    const [tHtml] = await time(() => buildReportHtml(report, rendered));
    const [tAll] = await time(() => writeRunOutputs(report, join(dir, 'run'), { csv: true }));
    return [
      { name: 'report: render 8 charts (1600×900 PNG)', value: tCharts, unit: 's' },
      { name: 'report: workbook (14 sheets, charts embedded)', value: tWorkbook, unit: 's' },
      { name: 'report: HTML recovery-plan report', value: tHtml, unit: 's' },
      { name: 'report: writeRunOutputs, 10-year run (workbook + charts + report + CSV)', value: tAll, unit: 's', target: '< 3 s', ok: tAll < 3 },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
