/**
 * Capacity (model.md "Capacity"): places per placement per census year from the places table passed in, plus
 * scenario `capacity.changes` from their census year. A placement with changes but no places-table row starts from
 * its base-year stock (assumption reported). Unconstrained placements have Infinity places.
 */
import { N_PLACEMENTS, PLACEMENTS, placementIndex, type Placement } from '../../domain/index.ts';
import type { Scenario } from '../../scenario/schema.ts';

export type PlacesTable = Partial<Record<Placement, Record<number, number>>>;

export const DEFAULT_OVERFLOW: Partial<Record<Placement, Placement>> = { SSM: 'ISS', SSA: 'ISS', RP: 'SSA' };

/** Places of `table` for `year`: the latest year ≤ `year`, else the earliest given. */
function tableAt(row: Record<number, number>, year: number): number | undefined {
  const ys = Object.keys(row).map(Number).sort((a, b) => a - b);
  if (ys.length === 0) return undefined;
  let v = row[ys[0]!]!;
  for (const y of ys) if (y <= year) v = row[y]!;
  return v;
}

export interface CapacityPlan {
  /** Places per placement per step k = 1 … horizon (index k − 1). */
  byStep: Float64Array[];
  overflowTo: Int32Array;
  /** Human notes on where each constrained placement's places came from. */
  notes: string[];
}

/** Places per placement for every projected census year. */
export function capacityPlan(
  table: PlacesTable | undefined,
  scenario: Scenario | undefined,
  baseStockByPlacement: Float64Array,
  baseYear: number,
  horizon: number,
): CapacityPlan {
  const overflow = scenario?.capacity?.overflow ?? DEFAULT_OVERFLOW;
  const overflowTo = new Int32Array(N_PLACEMENTS).fill(-1);
  for (const [from, to] of Object.entries(overflow)) overflowTo[placementIndex(from as Placement)] = placementIndex(to as Placement);
  const changes = scenario?.capacity?.changes ?? [];
  const notes: string[] = [];
  const byStep: Float64Array[] = [];
  for (let k = 1; k <= horizon; k++) {
    const year = baseYear + k;
    const caps = new Float64Array(N_PLACEMENTS).fill(Infinity);
    for (let q = 0; q < N_PLACEMENTS; q++) {
      const p = PLACEMENTS[q]!;
      const row = table?.[p];
      const fromTable = row ? tableAt(row, year) : undefined;
      const own = changes.filter((c) => c.placement === p);
      if (fromTable === undefined && own.length === 0) continue;
      let places = fromTable ?? baseStockByPlacement[q]!;
      for (const c of own) if (c.year <= year) places += c.places;
      caps[q] = Math.max(0, places);
      if (k === 1) notes.push(`${p}: ${fromTable !== undefined ? 'places table' : `base-year stock (${Math.round(baseStockByPlacement[q]!)})`}${own.length ? ` + ${own.map((c) => `${c.places} from ${c.year}`).join(', ')}` : ''}`);
    }
    byStep.push(caps);
  }
  return { byStep, overflowTo, notes };
}
