/**
 * Every figure the workbook, charts and reports label as the base year's actual is the dataset's, whatever the
 * projection's starting cube holds: here the start is the fixture's fitted cube (fractions of plans) and the data say
 * 2,999 plans where the start adds up to 3,000. Before, the placement tables and charts showed the fitted cube
 * (75.25 plans in early years settings for the data's 75) and the headline, ranges, comparison and fan chart the
 * projection's P50 at the base year.
 */
import { describe, expect, it } from 'vitest';
import { PLACEMENT_GROUPS, PLACEMENTS, PlacementGroup, groupOf, placementIndex } from '../../src/domain/index.ts';
import { cubeByPlacement, cubeTotal } from '../../src/model/cube.ts';
import { runCharts } from '../../src/report/charts/chart-set.ts';
import { comparePlansChart } from '../../src/report/charts/compare.ts';
import { buildReportHtml } from '../../src/report/html/report-html.ts';
import { buildComparisonModel } from '../../src/report/workbook/build-comparison.ts';
import { buildWorkbookModel } from '../../src/report/workbook/build-workbook.ts';
import { cellNumber, type Table } from '../../src/report/workbook/model.ts';
import { buildRunReport } from './fixtures/run-report.ts';

const BASE = 2025;

function report() {
  const r = buildRunReport({ horizon: 3 });
  r.dataset.stockTotal[BASE] = 2999;
  return r;
}

/** The numbers of a table's column headed `header`, by the row's first cell. */
function column(t: Table, header: string): Map<string, number | undefined> {
  const j = t.columns.findIndex((c) => c.header === header);
  expect(j, `${t.name}: ${header}`).toBeGreaterThan(0);
  return new Map(t.rows.map((row) => [String(row[0]), cellNumber(row[j]!)]));
}

describe("the base year's actual figures in the workbook, charts and reports", () => {
  const r = report();
  const observed = r.dataset.stockByPlacement[BASE]!;
  const fitted = r.projection.central[0]!;
  it('differ from the fixture start (the test would show nothing otherwise)', () => {
    expect(observed.EY).toBe(75);
    expect(cubeByPlacement(fitted)[placementIndex('EY')]).toBeCloseTo(75.25, 2);
    expect(cubeTotal(fitted)).toBeCloseTo(3000, 6);
  });

  it('are the data on the Plans by placement, Summary and Uncertainty sheets', () => {
    const tables = buildWorkbookModel(r).sheets.flatMap((s) => s.tables);
    const table = (name: string) => tables.find((t) => t.name === name)!;
    const byP = column(table('Plans_by_placement'), `Jan ${BASE} actual (plans)`);
    for (const p of PLACEMENTS) expect([p, byP.get(p)]).toEqual([p, observed[p] ?? 0]);
    const byG = column(table('Plans_by_dsg_category'), `Jan ${BASE} actual (plans)`);
    for (const g of PLACEMENT_GROUPS)
      expect([g, byG.get(PlacementGroup[g].label)]).toEqual([g, PLACEMENTS.filter((p) => groupOf(p) === g).reduce((s, p) => s + (observed[p] ?? 0), 0)]);
    const head = table('Summary_headline').rows.find((row) => row[0] === `EHC plans at January ${BASE} (actual)`)!;
    expect(head.slice(1).map((c) => cellNumber(c!))).toEqual([2999, 2999, 2999]);
    const range = table('Uncertainty_plans').rows.find((row) => row[0] === BASE)!;
    expect(range.slice(1).map((c) => cellNumber(c!))).toEqual([2999, 2999, 2999]);
    // the data's placements add up to 3,000 against their total of 2,999: both shown, and said
    const intro = buildWorkbookModel(r).sheets.find((s) => s.name === 'Plans by placement')!.intro.join(' ');
    expect(intro).toMatch(/placements for January 2025 add up to 3,000 plans, the data's total is 2,999/);
    expect(buildWorkbookModel(buildRunReport({ horizon: 3 })).sheets.find((s) => s.name === 'Plans by placement')!.intro.join(' ')).not.toMatch(/add up to/);
  });

  it('are the data in the fan and placement charts and the report', () => {
    const charts = runCharts(r);
    const fan = charts.find((c) => c.id === 'fan-total-plans')!;
    const labels = fan.config.data.labels as string[];
    const actual = (fan.config.data.datasets as Array<{ label: string; data: Array<number | null> }>).find((d) => /^Actual/i.test(d.label))!;
    expect(actual.data[labels.indexOf(String(BASE))]).toBe(2999);
    const place = charts.find((c) => c.id === 'plans-by-placement')!;
    const i = (place.config.data.labels as string[]).indexOf(String(BASE));
    for (const d of place.config.data.datasets as Array<{ label: string; data: number[] }>) {
      const g = PLACEMENT_GROUPS.find((x) => PlacementGroup[x].label === d.label)!;
      expect([d.label, d.data[i]]).toEqual([d.label, PLACEMENTS.filter((p) => groupOf(p) === g).reduce((s, p) => s + (observed[p] ?? 0), 0)]);
    }
    expect(buildReportHtml(r, [])).toMatch(/has 2,999 EHC plans \(January 2025\)/);
  });

  it('are the data in the comparison workbook and chart', () => {
    const other = { ...report(), scenario: { ...r.scenario, id: 'other', name: 'Other' } };
    const plans = buildComparisonModel([r, other]).sheets.find((s) => s.name === 'Plans')!.tables[0]!;
    const row = plans.rows.find((x) => x[0] === String(BASE) || x[0] === BASE)!;
    expect(row.slice(1, 3).map((c) => cellNumber(c!))).toEqual([2999, 2999]);
    const chart = comparePlansChart([r, other]);
    const at = (chart.config.data.labels as string[]).indexOf(String(BASE));
    for (const d of chart.config.data.datasets as Array<{ data: number[] }>) expect(d.data[at]).toBe(2999);
  });
});
