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
import { betaPosteriorMean } from './smooth.ts';

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

/**
 * Strength of the pooled progression (the region's, else England's), in plans observed at an age over the window
 * (plan-years). An LA with fewer plans at an age than this has a ceasing rate there that is more its region's than its
 * own. Measured on the 2022 release (every LA, the ratios of the steps to 2018, 2020 and 2019, each predicting the
 * LA's own ratios of the next steps): LAs with at most 60 plan-years at an age reach their least error at 300 and
 * change little above it, LAs with 500 or more at 1,000–3,000; 300 is the least that serves the small LAs, so no
 * larger LA's own shape is pooled harder than its next years' ratios support. See docs/model.md.
 */
export const PROGRESSION_STRENGTH = 300;

/** An LA's progression pooled towards a prior one, and how much of it is its own. */
export interface PooledProgression {
  prog: Progression;
  /** Weight of the LA's own ratios, averaged over its plans: Σ n[a]·w[a] / Σ n[a], w[a] = n[a] / (n[a] + K). */
  ownWeight: number;
  /** Plans observed at each age a year, on average over the ages and years with any (the LA's cohort size). */
  perAge: number;
}

/**
 * Progression ratios shrunk towards `prior`'s age by age, with the plans observed at each age as evidence (model.md:
 * small cells smoothed towards national shapes, beta priors with counts as evidence):
 *   ratio[a] = (n[a]·own[a] + K·prior[a]) / (n[a] + K)
 * An age with no plans of its own takes the prior's ratio; without a prior (or K = 0) the LA's own ratios.
 * @example pooledProgression(own, region).prog.ratio // a 19-plan LA's ratios ≈ its region's
 */
export function pooledProgression(own: Progression, prior: Progression | undefined, strength = PROGRESSION_STRENGTH): PooledProgression {
  let plans = 0;
  let weighted = 0;
  let cells = 0;
  for (let a = 0; a < N_AGES - 1; a++) {
    const n = own.evidence[a]!;
    plans += n;
    if (n > 0) cells++;
    weighted += strength > 0 && prior ? (n * n) / (n + strength) : n;
  }
  const perAge = cells > 0 && own.years.length > 0 ? plans / cells / own.years.length : 0;
  if (!prior || !(strength > 0)) return { prog: own, ownWeight: 1, perAge };
  const ratio = new Float64Array(N_AGES);
  for (let a = 0; a < N_AGES - 1; a++) {
    const n = own.evidence[a]!;
    ratio[a] = betaPosteriorMean(n * own.ratio[a]!, n, prior.ratio[a]!, strength);
  }
  ratio[N_AGES - 1] = 0;
  return { prog: { ratio, evidence: own.evidence, years: own.years }, ownWeight: plans > 0 ? weighted / plans : 0, perAge };
}
