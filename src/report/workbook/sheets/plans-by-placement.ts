/** Plans by placement sheet: placement × census year, and the DSG management plan groups. */
import { Placement, PlacementGroup, PLACEMENT_GROUPS, PLACEMENTS, groupOf } from '../../../domain/index.ts';
import { reportMsg } from '../../../messages/index.ts';
import type { RunReport } from '../../run-report.ts';
import { baseObserved, byGroup, censusHeader, observedBase, placementYears, plansByPlacement } from '../../series.ts';
import type { Sheet } from '../model.ts';
import { SUPPRESSED, suppressWorkbook } from '../../suppress.ts';
import { col, columnSums, count } from '../table-helpers.ts';
import { unheldPlacementWords } from '../../unheld-placements.ts';

export function plansByPlacementSheet(r: RunReport): Sheet {
  const years = placementYears(r);
  const data = years.map((y) => plansByPlacement(r, y)!);
  const groups = data.map((d) => byGroup(d));
  // the base year is the data's placements; with none for that January, the model's estimate, headed so
  const yearCols = years.map((y) => col(`${censusHeader(r, y, baseObserved(r, 'placement'))} (plans)`, 'count'));
  // the lines a reader can subtract along: placements to the total, to their group, and the groups to the total
  const cols = years.map((_, i) => 3 + i);
  const groupCols = years.map((_, i) => 1 + i);
  const all = PLACEMENTS.length;
  const sums = [
    ...columnSums(all, PLACEMENTS.map((_, k) => k), cols),
    ...columnSums(all, PLACEMENT_GROUPS.map((_, k) => k), cols, { table: 'Plans_by_dsg_category', partCols: groupCols }),
    ...PLACEMENT_GROUPS.flatMap((g, k) => columnSums(k, PLACEMENTS.flatMap((p, j) => (groupOf(p) === g ? [j] : [])), groupCols, { totalTable: 'Plans_by_dsg_category', partCols: cols })),
  ];
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
        sums,
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

/**
 * Which counts of the sheet's By placement table read `[c]` with small counts suppressed at `threshold`, small or
 * secondary (report/suppress.ts suppressWorkbook): a placement's (or 'ALL', the total's) in a January. `run --json`
 * hides what the sheet hides, cell for cell. (The sheet's lines reach no other sheet, so it is suppressed alone.)
 * @example hiddenPlacements(report, 10)(2020, 'ISS') // true for Isles of Scilly's 1 plan beside MS 10 and ALL 11
 */
export function hiddenPlacements(r: RunReport, threshold: number): (year: number, placement: Placement | 'ALL') => boolean {
  const sheet = plansByPlacementSheet(r);
  const [table] = suppressWorkbook({ title: '', subject: '', creator: '', keywords: '', description: '', created: '', subtitle: '', sheets: [sheet] }, threshold).sheets[0]!.tables;
  const years = placementYears(r);
  return (year, placement) => {
    const j = years.indexOf(year);
    const row = placement === 'ALL' ? PLACEMENTS.length : PLACEMENTS.indexOf(placement);
    return j >= 0 && table!.rows[row]?.[3 + j] === SUPPRESSED;
  };
}

/** A note when the data's base-year placements and total disagree by a plan or more (each is shown as given). */
function apartFromTotal(r: RunReport): string[] {
  const o = observedBase(r);
  if (!o.byPlacement || o.total === undefined) return [];
  const placed = PLACEMENTS.reduce((s, p) => s + o.byPlacement![p], 0);
  return Math.round(placed) !== Math.round(o.total) ? [reportMsg.placementsApartFromTotal(r.baseYear, placed, o.total)] : [];
}
