/**
 * DSG placement categories an LA held no plan in at any recent January but into which its central path projects
 * plans. An LA's placement mix for new plans and transition moves is pooled towards its region's (else England's)
 * by its number of plans (model/estimate/aggregate-mix.ts), so a category it has not used fills from other LAs'
 * placements: Isles of Scilly (16 plans, none in a state special school from January 2019 to 2022) read 7 plans
 * there by January 2032, 13% of its plans, shown beside its own history as if a finding. Pure: RunReport → rows.
 */
import { PlacementGroup, PLACEMENT_GROUPS } from '../domain/index.ts';
import { reportMsg } from '../messages/index.ts';
import { isPlacementMixPooled } from '../messages/model-pooling.ts';
import type { RunReport } from './run-report.ts';
import { byGroup, plansByPlacement } from './series.ts';

/** What the rule reads of a run: its LA, base year, data and central projection (a goal-seek has no RunReport). */
export type UnheldInput = Pick<RunReport, 'la' | 'baseYear' | 'dataset' | 'projection'>;

/** Januaries looked back over: the base year and the three before it (the rates' window of three flow years). */
export const UNHELD_JANUARIES = 4;

/** Projected plans at or above which a category counts as filled: what shows as 1 or more where plans are whole. */
export const UNHELD_MIN_PLANS = 0.5;

export interface UnheldGroup {
  group: PlacementGroup;
  /** The first and last January looked at, each with placements in the data and none in the category. */
  from: number;
  to: number;
  /** The projection's last census year, the plans the central path puts in the category then. */
  year: number;
  plans: number;
  /** All plans of the central path at `year`. */
  total: number;
}

/**
 * Categories with no plan at any of the LA's last UNHELD_JANUARIES Januaries with placements (to the base year) and
 * at least UNHELD_MIN_PLANS by the projection's last January, in a run whose placement mix was pooled; none otherwise.
 * @example unheldPlacementGroups(scilly) // [{ group: 'STATE_SPECIAL', from: 2019, to: 2022, year: 2032, plans: 6.6, total: 49 }, …]
 */
export function unheldPlacementGroups(r: UnheldInput): UnheldGroup[] {
  if (!r.projection.assumptions.some((a) => isPlacementMixPooled(a.value))) return [];
  const seen: Array<{ year: number; groups: Record<PlacementGroup, number> }> = [];
  for (let y = r.baseYear - UNHELD_JANUARIES + 1; y <= r.baseYear; y++) {
    const p = plansByPlacement(r, y);
    if (p) seen.push({ year: y, groups: byGroup(p) });
  }
  const year = r.projection.years[r.projection.years.length - 1]!;
  const last = plansByPlacement(r, year);
  if (!seen.length || !last || year <= r.baseYear) return [];
  const at = byGroup(last);
  const total = PLACEMENT_GROUPS.reduce((s, g) => s + at[g], 0);
  return PLACEMENT_GROUPS.filter((g) => seen.every((s) => s.groups[g] === 0) && at[g] >= UNHELD_MIN_PLANS).map((g) => ({
    group: g,
    from: seen[0]!.year,
    to: seen[seen.length - 1]!.year,
    year,
    plans: at[g],
    total,
  }));
}

/** A sentence for each category unheldPlacementGroups finds, for the report and the Plans by placement sheet. */
export function unheldPlacementWords(r: UnheldInput): string[] {
  return unheldPlacementGroups(r).map((u) =>
    reportMsg.placementGroupUnheld(r.la.name, PlacementGroup[u.group].label, u.from, u.to, u.year, u.plans, u.total),
  );
}
