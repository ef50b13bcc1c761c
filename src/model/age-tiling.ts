/**
 * An area's age rows of one January against its "All EHC plans" total. Reconciliation (etl/reconcile.ts) names any gap
 * beyond rounding; a gap far beyond it at the January a forecast starts from stops that forecast (forecast/select.ts
 * skipReason): one of the two figures of one file is not the LA's, and the model starts from the total.
 *
 *   age rows of a January ──tilings (0–25 exactly)──► Σ ──vs──► its "All EHC plans" row
 */
import type { AgeCount, LaDataset } from './dataset.ts';

type AgeRow = Pick<AgeCount, 'from' | 'to' | 'count'>;

/**
 * The largest gap between a January's age rows and its total a forecast starts from: 5% of the total and at least 10
 * plans. Every LA-year of the real 2022 release adds up exactly; a total edited by 10% (Kent's 17,733 written 19,506)
 * was forecast as if its ages were wrong, 21,826 plans a year ahead against 20,201.
 */
export const AGE_GAP_REFUSED = { plans: 10, share: 0.05 };

/** The tilings of ages 0–25 that the rows allow: all single-width-first, then widest-first (at most two). */
export function tilings<R extends AgeRow>(rows: readonly R[]): R[][] {
  const out: R[][] = [];
  for (const narrowFirst of [true, false]) {
    const byFrom = new Map<number, R>();
    for (const r of rows) {
      const cur = byFrom.get(r.from);
      if (!cur || (narrowFirst ? r.to < cur.to : r.to > cur.to)) byFrom.set(r.from, r);
    }
    const tiling: R[] = [];
    let age = 0;
    while (age <= 25) {
      const r = byFrom.get(age);
      if (!r || r.to < r.from) break;
      tiling.push(r);
      age = r.to + 1;
    }
    if (age === 26 && !out.some((t) => t.length === tiling.length && t.every((r, i) => r === tiling[i]))) out.push(tiling);
  }
  return out;
}

/**
 * The first tiling of an LA's age rows of `year` whose sum is further from its total than AGE_GAP_REFUSED, or
 * undefined (no total, no tiling of 0–25, or every tiling near enough).
 * @example ageGapRefused({ stockTotal: { 2022: 26600 }, stockByAge: [{ year: 2022, from: 0, to: 25, count: 17733 }] }, 2022) // { rows: 1, sum: 17733, total: 26600 }
 */
export function ageGapRefused(ds: Pick<LaDataset, 'stockTotal' | 'stockByAge'>, year: number): { rows: number; sum: number; total: number } | undefined {
  const total = ds.stockTotal[year];
  if (total === undefined) return undefined;
  const limit = Math.max(AGE_GAP_REFUSED.plans, AGE_GAP_REFUSED.share * Math.abs(total));
  for (const tiling of tilings(ds.stockByAge.filter((r) => r.year === year))) {
    const sum = tiling.reduce((a, r) => a + r.count, 0);
    if (Math.abs(sum - total) > limit) return { rows: tiling.length, sum, total };
  }
  return undefined;
}
