/** Plans by placement sheet: placement × census year, and the DSG management plan groups. */
import { Placement, PlacementGroup, PLACEMENT_GROUPS, PLACEMENTS, groupOf } from '../../../domain/index.ts';
import { reportMsg } from '../../../messages/index.ts';
import type { RunReport } from '../../run-report.ts';
import { baseObserved, byGroup, censusHeader, observedBase, placementYears, plansByPlacement } from '../../series.ts';
import type { Sheet } from '../model.ts';
import { col, count } from '../table-helpers.ts';
import { unheldPlacementWords } from '../../unheld-placements.ts';

export function plansByPlacementSheet(r: RunReport): Sheet {
  const years = placementYears(r);
  const data = years.map((y) => plansByPlacement(r, y)!);
  const groups = data.map((d) => byGroup(d));
  // the base year is the data's placements; with none for that January, the model's estimate, headed so
  const yearCols = years.map((y) => col(`${censusHeader(r, y, baseObserved(r, 'placement'))} (plans)`, 'count'));
  return {
    name: 'Plans by placement',
    title: 'EHC plans by placement at each January census',
    intro: [
      'Placement is the type of setting attended. The second table groups placements as the DfE DSG management plan does.',
      ...(baseObserved(r, 'placement') ? [] : [reportMsg.baseBreakdownEstimated('placement', r.baseYear)]),
      ...apartFromTotal(r),
      ...unheldPlacementWords(r),
    ],
    tables: [
      {
        name: 'Plans_by_placement',
        title: 'By placement',
        columns: [col('Placement code', 'text'), col('Placement', 'text'), col('DSG category', 'text'), ...yearCols],
        rows: [
          ...PLACEMENTS.map((p) => [p, Placement[p].label, PlacementGroup[groupOf(p)].label, ...data.map((d) => count(d[p]))]),
          ['ALL', 'All placements', '', ...data.map((d) => count(PLACEMENTS.reduce((s, p) => s + d[p], 0)))],
        ],
      },
      {
        name: 'Plans_by_dsg_category',
        title: 'By DSG management plan category',
        columns: [col('DSG category', 'text'), ...yearCols],
        rows: PLACEMENT_GROUPS.map((g) => [PlacementGroup[g].label, ...groups.map((d) => count(d[g]))]),
      },
    ],
    charts: ['plans-by-placement'],
    freezeColumns: 2,
  };
}

/** A note when the data's base-year placements and total disagree by a plan or more (each is shown as given). */
function apartFromTotal(r: RunReport): string[] {
  const o = observedBase(r);
  if (!o.byPlacement || o.total === undefined) return [];
  const placed = PLACEMENTS.reduce((s, p) => s + o.byPlacement![p], 0);
  return Math.round(placed) !== Math.round(o.total) ? [reportMsg.placementsApartFromTotal(r.baseYear, placed, o.total)] : [];
}
