/**
 * Cohort progression from aggregate stocks: for consecutive censuses Y → Y+1 and each age range R of Y+1,
 * progression = (stock in R at Y+1 − new plans into R during flow year Y) / (stock at Y aged one year younger than
 * R). Summed over a window of years, this is the share of plans carried forward into R: continuation net of
 * ceasing and migration. Single ages inside bands come from aggregate-apportion.ts.
 */
import { N_AGES } from '../../domain/index.ts';
import type { LaDataset } from '../dataset.ts';
import { singleAges } from './aggregate-apportion.ts';

export interface Progression {
  /** Progression ratio into age a+1 for a plan at age a (length N_AGES; last = 0: every plan ends at 25). */
  ratio: Float64Array;
  /** Plans observed at age a over the window (evidence). */
  evidence: Float64Array;
  /** Years Y (Y → Y+1 steps) used. */
  years: number[];
}

/** Band of each age at census `year` in the dataset's stock rows: [from, to] pairs per age. */
function bandsOf(ds: LaDataset, year: number): Array<[number, number]> {
  const out: Array<[number, number]> = Array.from({ length: N_AGES }, (_, a) => [a, a] as [number, number]);
  for (const r of ds.stockByAge) {
    if (r.year !== year || r.to <= r.from || (r.from === 0 && r.to === N_AGES - 1)) continue;
    for (let a = r.from; a <= r.to && a < N_AGES; a++) out[a] = [r.from, r.to];
  }
  return out;
}

/**
 * Progression ratios over the steps Y → Y+1 with Y+1 ≤ lastCensus and Y ≥ lastCensus − window, pooled over the
 * window (ratio of sums). Ranges without evidence get `fallback`.
 */
export function cohortProgression(ds: LaDataset, lastCensus: number, window: number, fallback = 1): Progression {
  const num = new Float64Array(N_AGES);
  const den = new Float64Array(N_AGES);
  const years: number[] = [];
  // each census but the first and last is the end of one step and the start of the next: apportioned once (read only)
  const stock = new Map<number, Float64Array | undefined>();
  const stockAt = (y: number): Float64Array | undefined => {
    if (!stock.has(y)) stock.set(y, singleAges(ds.stockByAge, y));
    return stock.get(y);
  };
  for (let y = lastCensus - window; y < lastCensus; y++) {
    const s0 = stockAt(y);
    const s1 = stockAt(y + 1);
    if (!s0 || !s1) continue;
    const nw = singleAges(ds.newPlansByAge, y) ?? new Float64Array(N_AGES);
    years.push(y);
    const bands = bandsOf(ds, y + 1);
    const seen = new Set<string>();
    for (const [from, to] of bands) {
      const key = `${from}-${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let observed = 0;
      let expected = 0;
      for (let a = Math.max(from, 1); a <= to; a++) {
        observed += s1[a]! - nw[a]!;
        expected += s0[a - 1]!;
      }
      if (from === 0) observed += s1[0]! - nw[0]!;
      // Attribute the range's ratio to every age feeding it (a − 1 for a in the range).
      for (let a = Math.max(from, 1); a <= to; a++) {
        num[a - 1]! += expected > 0 ? (observed / expected) * s0[a - 1]! : 0;
        den[a - 1]! += s0[a - 1]!;
      }
    }
  }
  const ratio = new Float64Array(N_AGES);
  for (let a = 0; a < N_AGES - 1; a++) ratio[a] = den[a]! > 0 ? Math.max(0, num[a]! / den[a]!) : fallback;
  ratio[N_AGES - 1] = 0;
  return { ratio, evidence: den, years };
}
