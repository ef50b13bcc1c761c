/**
 * Places and plans sheet (budget.md "Places follow plans"): funded places against plans per placement and
 * financial year, and what plans beyond places would cost met as top-ups, as ISS fees or as more places.
 */
import { financialYearLabel, Placement } from '../../../domain/index.ts';
import type { RunReport } from '../../run-report.ts';
import type { Cell, Sheet } from '../model.ts';
import { col, count, money } from '../table-helpers.ts';

/** The sheet, or undefined when no placement has funded places. */
export function placesPlansSheet(r: RunReport): Sheet | undefined {
  const rows = r.budget?.placesVsPlans ?? [];
  if (rows.length === 0) return undefined;
  const body: Cell[][] = rows.map((g) => [
    `${Placement[g.placement].label} (${g.placement})`,
    financialYearLabel(g.fy),
    count(g.places),
    count(g.plans),
    count(g.gap),
    money(g.costAsTopUps),
    money(g.costAsIssFees),
    money(g.costAsPlaces),
  ]);
  const worst = rows.reduce((a, b) => (b.gap > a.gap ? b : a));
  return {
    name: 'Places and plans',
    title: 'Funded places against plans',
    intro: [
      'Funded places: the places table (the last year carried forward) plus the scenario’s new places from the financial year of their January census (in that first year for the months from the change month, 7/12 from September: funded places are each year’s average). Plans: financial-year converted (5/12 and 7/12 of the two censuses).',
      'Where plans exceed places, the excess costs: as top-ups (the central budget already pays these, with no place funding); as ISS fees (placed in independent special schools instead); or as more places (place funding plus top-up).',
      worst.gap > 0
        ? `Largest gap: ${Placement[worst.placement].label}, ${Math.round(worst.gap).toLocaleString('en-GB')} plans beyond ${Math.round(worst.places).toLocaleString('en-GB')} places in ${financialYearLabel(worst.fy)}.`
        : 'Plans stay within funded places in every placement and year.',
    ],
    tables: [
      {
        name: 'Places_vs_plans',
        title: 'Places, plans and the cost of the gap',
        columns: [
          col('Placement', 'text'),
          col('Financial year', 'text'),
          col('Funded places', 'count'),
          col('Plans', 'count'),
          col('Plans beyond places', 'count'),
          col('Gap as top-ups (£)', 'money'),
          col('Gap as ISS fees (£)', 'money'),
          col('Gap as more places (£)', 'money'),
        ],
        rows: body,
        // plans are places plus plans beyond them where there are more: a reader subtracts along the row (the report's
        // table hides the same cells: report/suppress.ts placesHidden)
        sums: rows.flatMap((g, row) => (g.gap > 0 ? [{ total: { row, col: 3 }, parts: [2, 4].map((col) => ({ row, col })) }] : [])),
      },
    ],
    charts: [],
    freezeColumns: 2,
  };
}
