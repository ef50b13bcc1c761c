/**
 * With --suppress-small-counts the placement chart's grey band and the tables beside it must agree: a group the
 * Plans by placement sheet hides as a second count (secondary suppression) was drawn whole on the chart, at its height,
 * and a band member hidden alone in a year was its height less the members the table showed. The band now takes in
 * every group the sheet hides in a year the chart shows, and the sheet's lines include the band's sum
 * (report/suppress.ts bandBesideTables; workbook/sheets/plans-by-placement.ts; the explorer's view-model.ts alike).
 */
import { describe, expect, it } from 'vitest';
import { PLACEMENT_GROUPS, PlacementGroup } from '../../src/domain/index.ts';
import { plansByPlacementChart } from '../../src/report/charts/plans-by-placement.ts';
import { placementChartYears, placementYears } from '../../src/report/series.ts';
import { bandBesideTables, smallGroupsBanded, SUPPRESSED } from '../../src/report/suppress.ts';
import { buildWorkbookModel } from '../../src/report/workbook/build-workbook.ts';
import type { VariantOutcome } from '../../src/explorer/compute.ts';
import { groupsDrawn, variantCsv } from '../../src/explorer/view-model.ts';
import { projectionJson } from '../../src/pipeline/run-json.ts';
import { buildRunReport } from './fixtures/run-report.ts';
import { explorerCsvTable } from './subtraction-attack.ts';

describe('the placement chart’s grey band beside the tables', () => {
  it('takes in the groups a table hides, until the band holds them all', () => {
    const s = [
      { label: 'A', values: [3, 40] },
      { label: 'B', values: [30, 30] },
      { label: 'C', values: [50, 50] },
      { label: 'D', values: [60, 60] },
    ];
    // the table hides A (small) and, beside it, C as its second count: the band holds A and C, not A and B (which the
    // band of small groups alone took in for A's year), and B is drawn whole
    expect(smallGroupsBanded(s, 10).map((x) => x.label)).toEqual(['C', 'D', 'Groups with fewer than 10 plans in a year']);
    const drawn = bandBesideTables(s, 10, () => new Set(['A', 'C']));
    expect(drawn.map((x) => x.label)).toEqual(['B', 'D', 'Groups with fewer than 10 plans in a year']);
    expect(drawn[2]).toMatchObject({ members: ['A', 'C'], values: [53, 90] });
  });

  for (const t of [20, 50, 100, 200, 400, 800])
    it(`the fixture's report at ${t}: no group drawn whole is [c] on the sheet, and no band member is hidden alone`, () => {
      const r = buildRunReport({ mitigated: false });
      const chart = plansByPlacementChart(r, t);
      const labels = chart.config.data.datasets.map((d) => String(d.label));
      const band = PLACEMENT_GROUPS.map((g) => PlacementGroup[g].label).filter((l) => !labels.includes(l));
      const sheet = buildWorkbookModel(r, { suppressSmallCounts: t }).sheets.find((x) => x.name === 'Plans by placement')!;
      const groups = sheet.tables[1]!;
      const years = placementYears(r);
      for (const y of placementChartYears(r, t)) {
        const j = 1 + years.indexOf(y);
        const hidden = PLACEMENT_GROUPS.map((g) => PlacementGroup[g].label).filter((_, k) => groups.rows[k]![j] === SUPPRESSED);
        expect(hidden.filter((l) => labels.includes(l)), `${y}: drawn whole, hidden on the sheet`).toEqual([]);
        if (band.length > 1) expect(hidden.filter((l) => band.includes(l)).length, `${y}: band members hidden`).not.toBe(1);
      }
    });

  for (const t of [10, 50, 200, 800])
    it(`the explorer's CSV download of the fixture's run at ${t}: no group its chart draws whole is [c], no band member hidden alone`, () => {
      const r = buildRunReport({ horizon: 10 });
      const o = { scenario: r.scenario, projection: r.projection, budget: r.budget, result: projectionJson(r.projection) } as unknown as VariantOutcome;
      const drawn = groupsDrawn(o, t);
      const band = drawn.find((g) => g.members)?.members ?? [];
      const { grid } = explorerCsvTable(variantCsv(o, { la: 'x', scenario: 'x', variant: 'x', tool: 'x', runDate: 'x', suppressBelow: t }));
      const col = (l: string) => grid[0]!.indexOf(`group: ${l}`);
      for (const row of grid.slice(1)) {
        for (const g of drawn.filter((x) => !x.members)) expect(row[col(g.label)], `${row[0]} ${g.label}`).not.toBe(SUPPRESSED);
        if (band.length > 1) expect(band.filter((l) => row[col(l)] === SUPPRESSED).length, `${row[0]}: band members hidden`).not.toBe(1);
      }
    });
});
