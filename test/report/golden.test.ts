/** Golden files: a normalised dump of the workbook and every chart configuration (UPDATE_GOLDEN=1 regenerates). */
import { describe, it } from 'vitest';
import { runCharts } from '../../src/report/charts/chart-set.ts';
import { buildWorkbookModel } from '../../src/report/workbook/build-workbook.ts';
import { buildExcelWorkbook } from '../../src/report/workbook/write-xlsx.ts';
import { buildComparisonModel } from '../../src/report/workbook/build-comparison.ts';
import { buildRunReport } from './fixtures/run-report.ts';
import { expectGolden } from './golden.ts';
import { dumpWorkbook, jsonSafe } from './helpers.ts';

/** A short horizon keeps the golden files small; the layout rules are the same. */
const report = buildRunReport({ horizon: 3 });

describe('golden outputs', () => {
  it('run workbook dump', () => {
    const { wb } = buildExcelWorkbook(buildWorkbookModel(report), new Map());
    expectGolden('workbook-run', dumpWorkbook(wb));
  });
  it('comparison workbook dump', () => {
    const { wb } = buildExcelWorkbook(buildComparisonModel([buildRunReport({ horizon: 3, mitigated: false, id: 'baseline', name: 'Baseline' }), report]), new Map());
    expectGolden('workbook-compare', dumpWorkbook(wb));
  });
  it('demand-only workbook dump on published totals (no money sheets, no moves, only what the data support)', () => {
    const demand = { ...buildRunReport({ horizon: 3, personLevel: false }), budget: undefined };
    const { wb } = buildExcelWorkbook(buildWorkbookModel(demand), new Map());
    expectGolden('workbook-demand-only', dumpWorkbook(wb));
  });
  it('chart configurations', () => {
    expectGolden('charts-run', jsonSafe(runCharts(report)));
  });
});
