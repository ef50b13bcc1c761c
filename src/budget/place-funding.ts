/**
 * Place funding: commissioned places × place rate, per placement and financial year, from the places table.
 * A financial year after a placement's last row carries that row's places and rate forward unchanged: place rates
 * are set nationally (£10,000 / £6,000, unchanged for a decade), so they are not inflated, and capacity changes
 * must be entered in the table. Before a placement's first row there is no place funding for it.
 */
import type { Placement } from '../domain/index.ts';
import type { PlacesRow } from './tables.ts';

export interface PlaceFunding {
  total: number;
  byPlacement: Partial<Record<Placement, number>>;
  /** Placements whose places were carried forward from an earlier year. */
  carried: Placement[];
}

/** The last financial year in the table at or before `fy` for a placement's rows, if any. */
function yearToUse(rows: readonly PlacesRow[], fy: number): number | undefined {
  let best: number | undefined;
  for (const r of rows) if (r.fy <= fy && (best === undefined || r.fy > best)) best = r.fy;
  return best;
}

/**
 * Place funding in financial year `fy`.
 * @example placeFunding([{ placement: 'SSM', fy: 2025, places: 100, placeRateGbp: 10000 }], 2026).total // 1000000
 */
export function placeFunding(rows: readonly PlacesRow[], fy: number): PlaceFunding {
  const byPlacement: Partial<Record<Placement, number>> = {};
  const carried: Placement[] = [];
  const placements = [...new Set(rows.map((r) => r.placement))];
  let total = 0;
  for (const p of placements) {
    const own = rows.filter((r) => r.placement === p);
    const y = yearToUse(own, fy);
    if (y === undefined) continue;
    if (y < fy) carried.push(p);
    let s = 0;
    for (const r of own) if (r.fy === y) s += r.places * r.placeRateGbp;
    byPlacement[p] = s;
    total += s;
  }
  return { total, byPlacement, carried };
}
