/**
 * Reconciliation built into loading (inputs.md identity checks, issue "real data, right or refused"): published
 * figures checked against each other before any model sees them. Pure: datasets in (one per area, before
 * reorganised LAs are joined, so every figure is a published one), findings out. A finding is a warning, never a
 * refusal: real releases have a few (an LA that returned totals only, a year revised in a later release), and the
 * model still uses the total; the finding says where the figures disagree so a reader can judge.
 *
 *   ages of an area and year ──Σ──► vs its "All EHC plans" row;  its placements ──Σ──► vs the same row
 *   LAs of a region ──Σ──► vs the region's row;  regions ──Σ──► vs England's row
 *   plans(Y) + new(Y) − ceased(Y) ──► vs plans(Y+1)   (outliers among all LAs of that year named)
 */
import type { LaDataset } from '../model/dataset.ts';
import * as msg from '../messages/reconcile.ts';
import { tilings } from '../model/age-tiling.ts';

export type FindingKind = 'age-sum' | 'placement-sum' | 'area-sum' | 'continuity';

export interface Finding {
  kind: FindingKind;
  /** The LA's old code when the finding is about one LA (it also goes to that LA's Data quality notes). */
  la?: string;
  /** The region's code, or 'national' for England, when the finding is about an area's sum. */
  area?: string;
  year: number;
  message: string;
  /** The finding in a few words, for summaries (continuity outliers; the message otherwise). */
  brief?: string;
}

export interface ReconcileInput {
  datasets: readonly LaDataset[];
  national?: LaDataset;
  regions: readonly LaDataset[];
  /**
   * Per area, the Januaries at which a placement of all ages is in the files with no figure (`x`, `c`): a shortfall
   * of its placements against the total is then what was not published, not a finding.
   */
  unpublishedPlacements?: ReadonlyMap<LaDataset, ReadonlySet<number>>;
}

/** Largest difference taken as rounding or suppression: 5 plans or 0.5% of the total, whichever is larger. */
export const SUM_TOLERANCE = { plans: 5, share: 0.005 };
/**
 * A stock-continuity outlier: an LA-year whose unexplained change (plans at Y+1 − plans at Y − new + ceased, as a
 * share of plans at Y) lies further than this many robust standard deviations (1.4826 × MAD) from the median of
 * all LAs that year, and at least `minShare` of its plans and `minPlans` plans away (so the smallest LAs' noise is
 * not named).
 */
export const CONTINUITY = { robustSds: 5, minShare: 0.1, minPlans: 25, minLas: 10 };

const tolerance = (total: number): number => Math.max(SUM_TOLERANCE.plans, SUM_TOLERANCE.share * Math.abs(total));
/**
 * Largest difference of an area's placements from its total that is no finding: 5 plans or 2%. Plans are placed by the
 * placements' shares, so a smaller gap moves few plans; the 2022 release's placements of 2016 differ from the totals
 * by 0.6–1.7% for seven LAs (Gateshead 995 against 982), as published.
 */
export const PLACEMENT_TOLERANCE = { plans: 5, share: 0.02 };

/**
 * Every finding for a batch of published datasets, sorted by kind, year and area.
 * @example reconcile({ datasets, national, regions }).filter((f) => f.la === '886')
 */
export function reconcile(input: ReconcileInput): Finding[] {
  const areas = [...input.datasets, ...input.regions, ...(input.national ? [input.national] : [])];
  // a January whose England placements fall short of England's total is published so (the 2022 release's 2018 leaves
  // out 7,193 plans): its areas' shortfalls say nothing of their files, England's own finding says it once
  const nat = input.national;
  const gaps = (a: LaDataset): ReadonlySet<number> | undefined => input.unpublishedPlacements?.get(a);
  const short = new Set(nat ? placementSums(nat).filter((p) => p.total - p.sum > p.limit && !gaps(nat)?.has(p.year)).map((p) => p.year) : []);
  const placements = [...input.datasets, ...input.regions].flatMap((a) => placementSumFindings(a, gaps(a), short));
  const national = nat ? placementSumFindings(nat, gaps(nat), new Set()).map((f) => ({ ...f, area: 'national' })) : [];
  const out = [...areas.flatMap(ageSumFindings), ...placements, ...national, ...areaSumFindings(input), ...continuityFindings(input.datasets)];
  const order: FindingKind[] = ['age-sum', 'placement-sum', 'area-sum', 'continuity'];
  return out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.year - b.year || a.message.localeCompare(b.message));
}

/** One note per kind for the run's log: how many, and the first few named. */
export function summariseFindings(findings: readonly Finding[], shown = 5): string[] {
  const kinds = new Map<FindingKind, Finding[]>();
  for (const f of findings) kinds.set(f.kind, [...(kinds.get(f.kind) ?? []), f]);
  // the latest first: they matter most to a forecast from the latest year
  return [...kinds].map(([kind, fs]) => msg.reconcileSummary(kind, fs.length, [...fs].reverse().slice(0, shown).map((f) => f.brief ?? f.message)));
}

/**
 * The age rows of one area and year that tile ages 0–25 exactly (a release's bands, or its single ages), checked
 * against the area's total. Years whose ages do not tile 0–25 (suppressed or missing rows) are not checked.
 */
function ageSumFindings(ds: LaDataset): Finding[] {
  const byYear = new Map<number, Array<{ from: number; to: number; count: number }>>();
  for (const r of ds.stockByAge) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  const out: Finding[] = [];
  for (const [year, rows] of byYear) {
    const total = ds.stockTotal[year];
    if (total === undefined) continue;
    for (const tiling of tilings(rows)) {
      const sum = tiling.reduce((a, r) => a + r.count, 0);
      if (Math.abs(sum - total) > tolerance(total)) {
        out.push({ kind: 'age-sum', la: laCode(ds), year, message: msg.agesDoNotSum(ds.la.name, year, tiling.length, sum, total) });
        break;
      }
    }
  }
  return out;
}

/** An area's plans by placement summed, per January with a total, and the gap allowed there (PLACEMENT_TOLERANCE). */
function placementSums(ds: LaDataset): Array<{ year: number; sum: number; total: number; limit: number }> {
  return Object.entries(ds.stockByPlacement).flatMap(([y, row]) => {
    const total = ds.stockTotal[Number(y)];
    if (total === undefined) return [];
    const sum = Object.values(row).reduce((a: number, v) => a + (v ?? 0), 0);
    return [{ year: Number(y), sum, total, limit: Math.max(PLACEMENT_TOLERANCE.plans, PLACEMENT_TOLERANCE.share * Math.abs(total)) }];
  });
}

/**
 * The plans of an area and January by placement against its "All EHC plans" total: the model places plans by the
 * placements' shares, so a placement row lost from an edited file (Kent's 1,338 plans at independent special schools
 * in January 2022) put its plans at the other placements, costed at their prices, with no word of it. More than the
 * total is always a finding; less, only where no placement of that January is in the files with no figure and
 * England's placements add up that January (`publishedShort`: the years they do not).
 */
function placementSumFindings(ds: LaDataset, unpublished: ReadonlySet<number> | undefined, publishedShort: ReadonlySet<number>): Finding[] {
  return placementSums(ds)
    .filter(({ year, sum, total, limit }) => sum - total > limit || (total - sum > limit && !unpublished?.has(year) && !publishedShort.has(year)))
    .map(({ year, sum, total }) => ({
      kind: 'placement-sum' as const,
      la: laCode(ds),
      year,
      message: msg.placementsDoNotSum(ds.la.name, year, sum, total),
      brief: msg.placementsBrief(ds.la.name, year, sum, total),
    }));
}

/**
 * LAs against their region, regions against England, for every census year they publish. LAs adding up to more
 * than their region is always a finding (an LA counted twice); to less only when the data hold every LA of England
 * that year (their sum matches England's row): a folder pre-filled with one LA and the regions is not a finding.
 */
function areaSumFindings(input: ReconcileInput): Finding[] {
  const out: Finding[] = [];
  const nat = input.national;
  const laSum = (year: number, las: readonly LaDataset[]): number => las.reduce((a, d) => a + (d.stockTotal[year] ?? 0), 0);
  const complete = (year: number): boolean => {
    const total = nat?.stockTotal[year];
    return total !== undefined && Math.abs(laSum(year, input.datasets) - total) <= tolerance(total);
  };
  for (const region of input.regions) {
    const code = region.regionCode ?? region.la.newCode;
    const las = input.datasets.filter((d) => d.regionCode === code);
    if (las.length === 0) continue;
    for (const [y, total] of Object.entries(region.stockTotal)) {
      const year = Number(y);
      const sum = laSum(year, las);
      const over = sum - total > tolerance(total);
      const under = total - sum > tolerance(total) && complete(year);
      if (over || under) out.push({ kind: 'area-sum', area: code, year, message: msg.lasDoNotSum(region.la.name, year, sum, total) });
    }
  }
  if (nat && input.regions.length > 0) {
    for (const [y, total] of Object.entries(nat.stockTotal)) {
      const year = Number(y);
      if (!input.regions.every((r) => r.stockTotal[year] !== undefined)) continue;
      const sum = input.regions.reduce((a, r) => a + r.stockTotal[year]!, 0);
      if (Math.abs(sum - total) > tolerance(total)) out.push({ kind: 'area-sum', area: 'national', year, message: msg.regionsDoNotSum(year, sum, total) });
    }
  }
  return out;
}

/**
 * The regions whose own row of a January is the one figure out of line: every LA of England is in the data (their sum
 * is England's row), the regions do not add up to England's row, and this region's row is off its LAs' sum by what
 * the regions are off England's (within the sum tolerance). The row is then not its LAs' plans (a region's row edited
 * or from another year), and its LAs' sum stands in for it as the series each LA's trend is pooled towards
 * (ees-datasets.ts reconciled). An LA filed under another region leaves the regions adding up to England: not taken.
 */
export function contradictedRegionRows(input: ReconcileInput): Array<{ region: LaDataset; year: number; row: number; sum: number }> {
  const nat = input.national;
  if (!nat) return [];
  const out: Array<{ region: LaDataset; year: number; row: number; sum: number }> = [];
  for (const [y, england] of Object.entries(nat.stockTotal)) {
    const year = Number(y);
    const las = input.datasets.reduce((a, d) => a + (d.stockTotal[year] ?? 0), 0);
    if (Math.abs(las - england) > tolerance(england) || !input.regions.every((r) => r.stockTotal[year] !== undefined)) continue;
    const excess = input.regions.reduce((a, r) => a + r.stockTotal[year]!, 0) - england;
    if (Math.abs(excess) <= tolerance(england)) continue;
    for (const region of input.regions) {
      const code = region.regionCode ?? region.la.newCode;
      const sum = input.datasets.filter((d) => d.regionCode === code).reduce((a, d) => a + (d.stockTotal[year] ?? 0), 0);
      const row = region.stockTotal[year]!;
      if (sum > 0 && Math.abs(row - sum - excess) <= tolerance(row)) out.push({ region, year, row, sum });
    }
  }
  return out;
}

/**
 * Stock continuity: plans(Y+1) − plans(Y) − new(Y) + ceased(Y) is what migration and late records explain. Real
 * LAs differ in it (ceased plans are published only from the 2025 layout; without them the unexplained change
 * holds every exit), so an LA-year is named only when it stands out from all LAs of that year.
 */
function continuityFindings(datasets: readonly LaDataset[]): Finding[] {
  const points: Array<{ ds: LaDataset; year: number; share: number; next: number; base: number; added: number; ceased?: number }> = [];
  for (const ds of datasets) {
    const ceasedByYear = new Map<number, number>();
    for (const c of ds.ceased) if (c.from === 0 && c.to === 25) ceasedByYear.set(c.year, (ceasedByYear.get(c.year) ?? 0) + c.count);
    for (const [y, base] of Object.entries(ds.stockTotal)) {
      const year = Number(y);
      const next = ds.stockTotal[year + 1];
      const added = ds.newPlansTotal[year];
      if (next === undefined || added === undefined || !(base > 0)) continue;
      const ceased = ceasedByYear.get(year);
      points.push({ ds, year, base, next, added, ceased, share: (next - base - added + (ceased ?? 0)) / base });
    }
  }
  const out: Finding[] = [];
  const years = new Set(points.map((p) => p.year));
  for (const year of years) {
    for (const withCeased of [true, false]) {
      const group = points.filter((p) => p.year === year && (p.ceased !== undefined) === withCeased);
      if (group.length < CONTINUITY.minLas) continue;
      const shares = group.map((p) => p.share).sort((a, b) => a - b);
      const median = middle(shares);
      const mad = 1.4826 * middle(shares.map((s) => Math.abs(s - median)).sort((a, b) => a - b));
      const limit = Math.max(CONTINUITY.robustSds * mad, CONTINUITY.minShare);
      for (const p of group) {
        if (Math.abs(p.share - median) <= limit || Math.abs(p.share - median) * p.base < CONTINUITY.minPlans) continue;
        out.push({
          kind: 'continuity',
          la: laCode(p.ds),
          year,
          message: msg.continuityOutlier(p.ds.la.name, year, p.base, p.added, p.ceased, p.next, p.share, median),
          brief: msg.continuityBrief(p.ds.la.name, year, p.share, median),
        });
      }
    }
  }
  return out;
}

const middle = (sorted: readonly number[]): number => {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
};

const laCode = (ds: LaDataset): string | undefined => (ds.la.oldCode && /^\d{3}$/.test(ds.la.oldCode) ? ds.la.oldCode : undefined);
