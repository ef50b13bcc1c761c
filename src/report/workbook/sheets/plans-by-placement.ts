/** Plans by placement sheet: placement × census year, and the DSG management plan groups. */
import { Placement, PlacementGroup, PLACEMENT_GROUPS, PLACEMENTS, groupOf } from '../../../domain/index.ts';
import { reportMsg } from '../../../messages/index.ts';
import type { RunReport } from '../../run-report.ts';
import { baseObserved, byGroup, censusHeader, observedBase, placementChartYears, placementYears, plansByPlacement } from '../../series.ts';
import type { Sheet } from '../model.ts';
import { bandBesideTables, SUPPRESSED, suppressWorkbook, type PlacementsShown } from '../../suppress.ts';
import { col, columnSums, count } from '../table-helpers.ts';
import { unheldPlacementWords } from '../../unheld-placements.ts';

/**
 * The sheet; with small counts suppressed at `threshold`, its lines include the placement chart's grey band (its
 * members' sum in each year the chart shows, bandBesideTables), so that the tables and the chart agree.
 */
export function plansByPlacementSheet(r: RunReport, threshold?: number): Sheet {
  if (threshold === undefined || threshold <= 1) return sheetWithBand(r, []);
  const drawn = bandBesideTables(groupSeries(r, threshold), threshold, hiddenGroupsBeside(r, threshold));
  return sheetWithBand(r, drawn.flatMap((s) => ('members' in s ? s.members : [])), threshold);
}

/** The placement groups over the years the placement chart shows (charts/plans-by-placement.ts draws these). */
function groupSeries(r: RunReport, threshold: number): Array<{ label: string; values: number[] }> {
  const years = placementChartYears(r, threshold);
  const groups = years.map((y) => byGroup(plansByPlacement(r, y)!));
  return PLACEMENT_GROUPS.map((g) => ({ label: PlacementGroup[g].label, values: groups.map((d) => d[g]) }));
}

/**
 * The placement groups the sheet's DSG category table hides (small, or secondary) in a year the placement chart
 * shows, when the chart's grey band holds `members`: what report/suppress.ts bandBesideTables takes into the band.
 */
export function hiddenGroupsBeside(r: RunReport, threshold: number): (members: readonly string[]) => Set<string> {
  const years = placementYears(r);
  const shown = placementChartYears(r, threshold).map((y) => 1 + years.indexOf(y));
  return (members) => {
    const groups = suppressAlone(sheetWithBand(r, members, threshold), threshold).tables[1]!;
    return new Set(PLACEMENT_GROUPS.flatMap((g, k) => (shown.some((j) => groups.rows[k]![j] === SUPPRESSED) ? [PlacementGroup[g].label] : [])));
  };
}

/**
 * What the sheet and the placement chart show of the base year's placements with small counts suppressed at
 * `threshold`: the data's counts, the groups of the chart's grey band, the placements the sheet hides (the explorer
 * page pools its starting plans so, explorer/suppress-input.ts placementPools).
 */
export function placementsShown(r: RunReport, threshold: number): PlacementsShown {
  const base = plansByPlacement(r, r.baseYear)!;
  const drawn = bandBesideTables(groupSeries(r, threshold), threshold, hiddenGroupsBeside(r, threshold));
  const members = drawn.flatMap((s) => ('members' in s ? s.members : []));
  const hidden = hiddenPlacements(r, threshold);
  return {
    counts: PLACEMENTS.map((p) => base[p]),
    band: PLACEMENT_GROUPS.filter((g) => members.includes(PlacementGroup[g].label)),
    hidden: PLACEMENTS.flatMap((p, q) => (hidden(r.baseYear, p) ? [q] : [])),
  };
}

/** A sheet suppressed on its own (its lines reach no other sheet). */
function suppressAlone(sheet: Sheet, threshold: number): Sheet {
  return suppressWorkbook({ title: '', subject: '', creator: '', keywords: '', description: '', created: '', subtitle: '', sheets: [sheet] }, threshold).sheets[0]!;
}

function sheetWithBand(r: RunReport, band: readonly string[], threshold?: number): Sheet {
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
    // the chart's grey band, whose height in a year it draws is its members' sum (a cell of no table: never hidden)
    ...(band.length > 1 && threshold !== undefined
      ? placementChartYears(r, threshold).map((y) => ({
          total: { table: 'placement chart band', row: 0, col: years.indexOf(y) },
          parts: PLACEMENT_GROUPS.flatMap((g, k) => (band.includes(PlacementGroup[g].label) ? [{ table: 'Plans_by_dsg_category', row: k, col: 1 + years.indexOf(y) }] : [])),
        }))
      : []),
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
  const [table] = suppressAlone(plansByPlacementSheet(r, threshold), threshold).tables;
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
