/**
 * Placement cells a release publishes as a marker that hides a small count (`c` suppressed, `low`) beside placements
 * it publishes: an LA's plans there are the part of its total that its published placements leave, shared evenly
 * among those cells, with a note naming the LA, the January, the placements and the file. Without them the cells
 * read as none: Isles of Scilly's January 2022 with its four placements of 1 or 2 plans as `c` (16 plans, 11 in
 * state mainstream schools) was shown with 0 plans in independent special schools as actual, and its projection put
 * the 5 hidden plans in mainstream schools, at a mainstream school's cost. A marker for a figure not collected (`x`,
 * `z`, `:`) is no count and is left alone, as is a year with no total or no published placement.
 */
import { isPlacement, Placement } from '../domain/index.ts';
import type { LaDataset } from '../model/dataset.ts';
import { suppressedPlacementsFilled } from '../messages/releases.ts';

/** The `missing` reasons (csv/values.ts) of a marker that stands for a count of at least one. */
export const HIDDEN_COUNT: readonly string[] = ['suppressed', 'low'];

/** One placement cell of an LA at a January (all ages, all needs) with no published count. */
export interface MissingPlacement {
  year: number;
  placement: string;
  /** Why (the warehouse's `missing`). */
  missing: string;
  file?: string;
  line?: number;
}

/**
 * Puts the plans an LA's total leaves beyond its published placements into the cells published as a hidden count,
 * shared evenly by cell, per January with a total and at least one published placement; a note for each January.
 * @example fillSuppressedPlacements(ds, [{ year: 2022, placement: 'ISS', missing: 'suppressed' }]) // ds.stockByPlacement[2022].ISS = total − published
 */
export function fillSuppressedPlacements(ds: LaDataset, missing: readonly MissingPlacement[]): void {
  const byYear = new Map<number, MissingPlacement[]>();
  for (const m of missing) if (HIDDEN_COUNT.includes(m.missing) && isPlacement(m.placement)) byYear.set(m.year, [...(byYear.get(m.year) ?? []), m]);
  for (const [year, cells] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const total = ds.stockTotal[year];
    const placed = ds.stockByPlacement[year];
    if (total === undefined || !placed || Object.keys(placed).length === 0) continue;
    const known = Object.values(placed).reduce((s, v) => s + (v ?? 0), 0);
    const gap = Math.max(0, total - known);
    for (const c of cells) placed[c.placement as Placement] = (placed[c.placement as Placement] ?? 0) + gap / cells.length;
    const first = cells.find((c) => c.file !== undefined);
    const names = [...new Set(cells.map((c) => `${Placement[c.placement as Placement].label} (${c.placement})`))];
    ds.notes.push(
      suppressedPlacementsFilled({ la: ds.la.name, year, placements: names, reasons: [...new Set(cells.map((c) => c.missing))], gap, total, file: first?.file, line: first?.line }),
    );
  }
}
