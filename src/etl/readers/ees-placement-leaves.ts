/**
 * The wide placement columns of the 2025/2026 caseload and new-plans files: leaf columns summed per placement
 * (subtotals and `_pc` never summed), and the identity check "leaves sum to the total column" as a warning.
 */
import { EES_PLACEMENT_LEAVES, EES_PLACEMENT_TOTALS, type Placement } from '../../domain/index.ts';
import * as msg from '../../messages/releases.ts';
import type { EesRow } from './ees-common.ts';

/** Whether a column is a placement leaf, subtotal or percentage of the wide layout. */
export function isPlacementColumn(name: string): boolean {
  return name in EES_PLACEMENT_LEAVES || (EES_PLACEMENT_TOTALS as readonly string[]).includes(name) || /_pc$/.test(name);
}

/** Whether the header carries the 2026 split of special academies and free schools. */
export function is2026Layout(fields: ReadonlySet<string>): boolean {
  return fields.has('special_academy') || fields.has('special_free_school');
}

/**
 * Reads the placement leaves of a row: per-placement sums (NULL with a reason when every leaf is missing) and
 * a warning naming both figures when the known leaves do not sum to `totalColumn`. Leaves not published (`x`,
 * `c`, …) can explain a shortfall but not an excess: the 2025 release's newplans.csv publishes "educated elsewhere"
 * as a subtotal while most of its leaves read `x`, so the known leaves fall short of `new_ehc_plans` on 303 of its
 * 483 rows although every row adds up with its subtotals. Only a gap the missing leaves cannot explain is warned.
 */
export function readPlacementLeaves(
  r: EesRow,
  totalColumn: string,
  total: number | null,
): Map<Placement, { value: number | null; missing?: string }> {
  const out = new Map<Placement, { value: number | null; missing?: string }>();
  let sum = 0;
  let missingLeaves = false;
  for (const name of r.row.names) {
    if (!isPlacementColumn(name)) continue;
    const v = r.num(name);
    const p = EES_PLACEMENT_LEAVES[name];
    if (!v || !p) continue;
    const cur = out.get(p);
    if (v.value !== null) {
      sum += v.value;
      out.set(p, { value: (cur?.value ?? 0) + v.value });
    } else {
      missingLeaves = true;
      if (!cur) out.set(p, { value: null, missing: v.missing });
    }
  }
  if (total !== null && out.size > 0 && (sum > total + 0.5 || (sum < total - 0.5 && !missingLeaves))) {
    r.warn(msg.leavesDoNotSum(totalColumn, total, sum, rowArea(r)), totalColumn);
  }
  return out;
}

/** The row's area and year as a reader says them: "Kent, January 2025" (census files), "Kent, 2024" (calendar years). */
export function rowArea(r: EesRow): string {
  return `${r.geo.name}, ${r.academic ? `January ${r.year}` : r.year}`;
}
