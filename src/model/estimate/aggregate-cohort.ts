/**
 * Cohort progression from aggregate stocks: for consecutive censuses Y → Y+1 and each single age a of Y+1,
 * progression = (stock at a at Y+1 − new plans into a during flow year Y) / (stock at a − 1 at Y). Summed over a
 * window of years, this is the share of plans carried forward into a: continuation net of ceasing and migration.
 * Single ages inside bands come from aggregate-bands.ts (stocks and new plans apportioned alike, so a projected
 * year keeps the shape the bands were apportioned with and moves each age with its band).
 */
import { N_AGES } from '../../domain/index.ts';
import type { LaDataset } from '../dataset.ts';
import { bandedAges } from './aggregate-bands.ts';

export interface Progression {
  /** Progression ratio into age a+1 for a plan at age a (length N_AGES; last = 0: every plan ends at 25). */
  ratio: Float64Array;
  /** Plans observed at age a over the window (evidence). */
  evidence: Float64Array;
  /** Years Y (Y → Y+1 steps) used. */
  years: number[];
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
  const ages = bandedAges(ds, lastCensus);
  const stockAt = ages.stock;
  for (let y = lastCensus - window; y < lastCensus; y++) {
    const s0 = stockAt(y);
    const s1 = stockAt(y + 1);
    if (!s0 || !s1) continue;
    const nw = ages.newPlans(y) ?? new Float64Array(N_AGES);
    years.push(y);
    // Age by age (a band's single ages included): one ratio for a whole band moved its apportioned shape up an age
    // each year (ages 19–20 of a declining 16–19 / 20–25 profile rose 27% and 12% in a year their bands rose 8%).
    for (let a = 1; a < N_AGES; a++) {
      num[a - 1]! += s1[a]! - nw[a]!;
      den[a - 1]! += s0[a - 1]!;
    }
  }
  const ratio = new Float64Array(N_AGES);
  for (let a = 0; a < N_AGES - 1; a++) ratio[a] = den[a]! > 0 ? Math.max(0, num[a]! / den[a]!) : fallback;
  ratio[N_AGES - 1] = 0;
  return { ratio, evidence: den, years };
}
