/**
 * Age rows a release does not publish (`c`, `x`, `low` …) beside ones it does: an LA's plans at those ages are the
 * part of its total that its published ages leave, and are put there (shared by the width of each run of missing
 * ages), with a note naming the LA, the year, the ages and the file. Without them the ages that are published were
 * scaled up to the total and the missing ages held no plans: Westminster's 2025 `age 24` and `age 25` read `c`,
 * and its 1,785 plans were projected as if no one were 24 or 25, with no word of it. A year with no published age
 * row (an LA that returned totals only) is left to the age fallbacks (aggregate.ts), which say so.
 */
import type { AgeCount, LaDataset } from '../model/dataset.ts';
import { SUCCESSIONS } from '../domain/index.ts';
import { absentAgesFilled, latestTotalUnpublished, seriesEndsEarly, suppressedAgesFilled } from '../messages/releases.ts';

/** One age row of an LA and year whose count is not published. */
export interface MissingAge {
  year: number;
  from: number;
  to: number;
  /** Why (the warehouse's `missing`: suppressed, unavailable, low, …). */
  missing: string;
  file?: string;
  line?: number;
}

/** Whether a warehouse row is an LA's total of `measure` (all ages, needs, placements, reasons) with no count. */
function isMissingLaTotal(r: Record<string, unknown>, measure: 'plans' | 'new_plans'): boolean {
  return (
    r.count === null &&
    r.geographic_level === 'Local authority' &&
    r.measure === measure &&
    r.need === 'ALL' &&
    r.placement === 'ALL' &&
    (r.reason === undefined || r.reason === 'ALL') &&
    Number(r.age_from) === 0 &&
    Number(r.age_to) === 25
  );
}

/** Whether a warehouse row is an LA's total of all plans at a January (all ages, needs, placements) with no count. */
export function isMissingTotalRow(r: Record<string, unknown>): boolean {
  return isMissingLaTotal(r, 'plans');
}

/** Whether a warehouse row is an LA's total of new plans of a year (all ages, needs, placements) with no count. */
export function isMissingNewPlansTotalRow(r: Record<string, unknown>): boolean {
  return isMissingLaTotal(r, 'new_plans');
}

/**
 * Records the years whose new-plans total a file gives as a marker (`c`, `x`) and no file gives as a figure
 * (LaDataset.unpublishedNewPlans): a forecast and a run without that year's new plans say so, with the file and line
 * (messages/model.ts newPlansUnpublished, newPlansBorrowedForTotal). Kent's 2021 total as `c` in the 2025 layout's
 * newplans.csv moved its January 2025 forecast from 25,987 to 25,553 plans without a word.
 */
export function noteUnpublishedNewPlans(ds: LaDataset, missing: readonly MissingAge[]): void {
  for (const m of missing) if (ds.newPlansTotal[m.year] === undefined) (ds.unpublishedNewPlans ??= {})[m.year] ??= { reason: m.missing, file: m.file, line: m.line };
}

/**
 * A note when an LA's total plans at its latest January in the files are not published (`c`, `x`): its latest
 * published January is then earlier, and a run (whose base year is the LA's latest January with a total) starts
 * there. Before, Isles of Scilly on a release whose January 2025 total read `c` was run from January 2024 without a
 * word, its 2025 projected as if the release had not reached it.
 */
export function noteUnpublishedLatestTotal(ds: LaDataset, missing: readonly MissingAge[]): void {
  for (const m of missing) if (ds.stockTotal[m.year] === undefined) (ds.unpublishedTotals ??= {})[m.year] ??= { reason: m.missing, file: m.file, line: m.line };
  const published = Object.keys(ds.stockTotal).map(Number);
  const last = published.length > 0 ? Math.max(...published) : undefined;
  const later = missing.filter((m) => last === undefined || m.year > last).sort((a, b) => b.year - a.year);
  const m = later[0];
  if (!m) return;
  ds.notes.push(latestTotalUnpublished({ la: ds.la.name, year: m.year, reason: m.missing, file: m.file, line: m.line, lastPublished: last }));
}

/**
 * A note on each LA whose plans end at an earlier January than the files reach for other LAs, with no row of the later
 * ones (a cut or an edited copy that left them out): a run, whose base year is the LA's latest January with a total,
 * started a year early without a word (Kent without its January 2022 rows: from January 2021, 16,900 plans projected for
 * a January the release gives). An LA that had ceased by then (a reorganisation, a code change) ends where it should,
 * and one whose later total is a marker has its note already (noteUnpublishedLatestTotal).
 */
export function noteSeriesEndsEarly(datasets: readonly LaDataset[]): void {
  const lasts = datasets.map(lastTotalYear);
  const year = Math.max(...lasts.filter((y): y is number => y !== undefined));
  const reach = { year, las: lasts.filter((y) => y === year).length };
  for (const ds of datasets) noteEndsEarly(ds, reach);
}

/** The same note for one LA, given the latest January the files give any LA's total at and how many LAs they give it for. */
export function noteEndsEarly(ds: LaDataset, reach: { year: number; las: number }): void {
  const last = lastTotalYear(ds);
  if (last === undefined || !(last < reach.year)) return;
  if (Object.keys(ds.unpublishedTotals ?? {}).some((y) => Number(y) > last)) return;
  if (SUCCESSIONS.some((s) => s.from.includes(ds.la.oldCode) && s.fromCensusYear <= reach.year)) return;
  ds.notes.push(seriesEndsEarly(ds.la.name, last, reach.year, reach.las));
}

function lastTotalYear(ds: LaDataset): number | undefined {
  const years = Object.keys(ds.stockTotal).map(Number);
  return years.length > 0 ? Math.max(...years) : undefined;
}

/** The reason of a January whose breakdowns are given with no "All EHC plans" row at all. */
export const NO_TOTAL_ROW = 'no "All EHC plans" row, though the files give its plans by age, placement or need';

/**
 * The Januaries at which an LA's files give its plans by age, placement or need but no total row at all (a row left
 * out of a cut or an edited copy, a needs file of a later release beside an earlier caseload): its total there is not
 * published, as a marker in that row would say. Before, the January was passed over without a word (a run started
 * from the January before, forecast said only 'no stock of plans').
 */
export function totalsWithoutRow(ds: LaDataset): MissingAge[] {
  const years = new Set([...ds.stockByAge.map((r) => r.year), ...Object.keys(ds.stockByPlacement).map(Number), ...Object.keys(ds.stockByNeed).map(Number)]);
  return [...years].filter((y) => ds.stockTotal[y] === undefined).map((year) => ({ year, from: 0, to: 25, missing: NO_TOTAL_ROW }));
}

/** Whether a warehouse row is an LA's age row of all plans (or all new plans) with no published count. */
export function isMissingAgeRow(r: Record<string, unknown>): boolean {
  const from = Number(r.age_from);
  const to = Number(r.age_to);
  return (
    r.count === null &&
    r.geographic_level === 'Local authority' &&
    r.need === 'ALL' &&
    r.placement === 'ALL' &&
    (r.reason === undefined || r.reason === 'ALL') &&
    !(from === 0 && to === 25) &&
    from >= 0 &&
    to <= 25 &&
    to >= from
  );
}

/**
 * Puts the plans of `missing` age rows (one LA, one kind: stock or new plans) at their ages: per year with at least
 * one published age row and a total, total − published ages, shared by width, and a note. A missing row whose
 * ages a published row covers (another release gives them) is passed over.
 */
export function fillMissingAges(ds: LaDataset, kind: 'stock' | 'new plans', missing: readonly MissingAge[]): void {
  const rows = kind === 'stock' ? ds.stockByAge : ds.newPlansByAge;
  const totals = kind === 'stock' ? ds.stockTotal : ds.newPlansTotal;
  const byYear = new Map<number, MissingAge[]>();
  for (const m of missing) byYear.set(m.year, [...(byYear.get(m.year) ?? []), m]);
  for (const [year, ms] of byYear) {
    const total = totals[year];
    const published = rows.filter((r) => r.year === year);
    if (total === undefined || published.length === 0) continue;
    const covered = new Uint8Array(26);
    let known = 0;
    for (const r of [...published].sort((a, b) => a.to - a.from - (b.to - b.from))) {
      let clash = false;
      for (let a = r.from; a <= r.to; a++) if (covered[a]) clash = true;
      if (clash) continue;
      for (let a = r.from; a <= r.to; a++) covered[a] = 1;
      known += r.count;
    }
    const gaps: MissingAge[] = [];
    for (const m of [...ms].sort((a, b) => a.from - b.from)) {
      let clash = false;
      for (let a = m.from; a <= m.to; a++) if (covered[a]) clash = true;
      if (clash) continue;
      for (let a = m.from; a <= m.to; a++) covered[a] = 1;
      gaps.push(m);
    }
    if (gaps.length === 0) continue;
    const gap = Math.max(0, total - known);
    const width = gaps.reduce((s, m) => s + m.to - m.from + 1, 0);
    const added: AgeCount[] = gaps.map((m) => ({ year, from: m.from, to: m.to, count: (gap * (m.to - m.from + 1)) / width }));
    rows.push(...added);
    rows.sort((a, b) => a.year - b.year || a.from - b.from || a.to - b.to);
    const first = gaps.find((m) => m.file !== undefined);
    ds.notes.push(
      suppressedAgesFilled({
        la: ds.la.name,
        kind,
        year,
        ages: gaps.map((m) => [m.from, m.to] as [number, number]),
        reasons: [...new Set(gaps.map((m) => m.missing))],
        gap,
        total,
        file: first?.file,
        line: first?.line,
      }),
    );
  }
}

/**
 * Ages that no age row of a year covers at all, beside rows that cover others (a row whose age label no reader
 * knows, so it was not stored, or a row the file leaves out): the plans the total leaves are put there, shared by
 * width, with a note. Before, such ages held no plans: a newplans.csv whose 'Under age 5' rows were not recognised
 * gave Kent no new plans under 5 and its early years plans fell to 0 in four years, with nothing on stderr. Runs
 * after fillMissingAges (ages published as markers are filled first); nothing is added when the published ages
 * already reach the total.
 */
export function fillAbsentAges(ds: LaDataset, kind: 'stock' | 'new plans'): void {
  const rows = kind === 'stock' ? ds.stockByAge : ds.newPlansByAge;
  const totals = kind === 'stock' ? ds.stockTotal : ds.newPlansTotal;
  for (const year of [...new Set(rows.map((r) => r.year))]) {
    const total = totals[year];
    if (total === undefined) continue;
    const covered = new Uint8Array(26);
    let known = 0;
    for (const r of rows.filter((x) => x.year === year).sort((a, b) => a.to - a.from - (b.to - b.from))) {
      let clash = false;
      for (let a = r.from; a <= r.to; a++) if (covered[a]) clash = true;
      if (clash) continue;
      for (let a = r.from; a <= r.to; a++) covered[a] = 1;
      known += r.count;
    }
    const gaps: Array<[number, number]> = [];
    for (let a = 0; a <= 25; a++) {
      if (covered[a]) continue;
      const last = gaps[gaps.length - 1];
      if (last && last[1] === a - 1) last[1] = a;
      else gaps.push([a, a]);
    }
    const gap = total - known;
    if (gaps.length === 0 || gap < 0.5) continue;
    const width = gaps.reduce((n, [a, b]) => n + b - a + 1, 0);
    rows.push(...gaps.map(([from, to]) => ({ year, from, to, count: (gap * (to - from + 1)) / width })));
    rows.sort((a, b) => a.year - b.year || a.from - b.from || a.to - b.to);
    ds.notes.push(absentAgesFilled({ la: ds.la.name, kind, year, ages: gaps, gap, total }));
  }
}
