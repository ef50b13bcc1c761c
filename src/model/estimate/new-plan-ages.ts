/**
 * The age mix of an LA's new plans on the aggregate route (model.md "Estimation": small cells smoothed towards
 * national shapes with Dirichlet priors, counts as evidence):
 *
 *   own new plans by single age (n events) ─┐
 *   pooled profile (region / England) ──────┴─► shares (own[a] + K·π[a]) / (n + K) ─► × the LA's total new plans
 *
 * One LA's new plans of one year are few where the LA is small: City of London's single new plan of 2021 was at
 * 11–15, so every new plan it was projected to issue for ten years was too, and its plans at ages 0–9 fell to none by
 * 2032 although January 2022 had plans at every one of them. K pseudo-events of the pooled profile keep such a mix from
 * being read as a finding; an LA whose own new plans outnumber K keeps mostly its own mix. The LA's total is kept.
 */
import { N_AGES } from '../../domain/index.ts';
import { dirichletPosteriorMean } from './smooth.ts';

/**
 * Strength of the pooled profile, in new plans (pseudo-events). An LA with fewer new plans in the year than this has
 * a mix that is more its region's (or England's) than its own. Measured on the 2022 release's new plans by age band
 * (2019–2021, LAs with at least 150 new plans): the between-LA spread of the band shares, less what chance alone
 * gives, puts a Dirichlet precision of 33–44 on the under-5 band and 65–375 on the others; 30 sits below all of them,
 * so an LA's own mix is never pooled harder than the real spread between LAs supports.
 */
export const NEW_PLAN_AGE_STRENGTH = 30;

export interface PooledNewPlanAges {
  /** New plans by single age 0–25, summing to the LA's total (its published total, else the sum of its ages). */
  byAge: Float64Array;
  /** The LA's own new plans by age counted as evidence (events). */
  events: number;
  /** Weight of the LA's own mix in `byAge`: events / (events + strength). */
  ownWeight: number;
}

/**
 * New plans by single age: the LA's own mix shrunk towards `prior` (a profile: only its shape matters) by `strength`
 * pseudo-events, scaled to `total` (else the LA's own sum). Without a prior (or a prior of no plans) the LA's own mix.
 * Without own ages the prior's shape carries the whole total.
 * @example pooledNewPlanAges(Float64Array.of(0, 1), undefined, Float64Array.of(1, 1), 1).byAge // [0.25, 0.75] (26 ages)
 */
export function pooledNewPlanAges(
  own: ArrayLike<number> | undefined,
  total: number | undefined,
  prior: ArrayLike<number> | undefined,
  strength = NEW_PLAN_AGE_STRENGTH,
): PooledNewPlanAges {
  const counts = new Float64Array(N_AGES);
  for (let a = 0; a < N_AGES; a++) counts[a] = Math.max(0, own?.[a] ?? 0);
  let events = 0;
  let priorSum = 0;
  for (let a = 0; a < N_AGES; a++) {
    events += counts[a]!;
    priorSum += Math.max(0, prior?.[a] ?? 0);
  }
  const n = total ?? events;
  const byAge = new Float64Array(N_AGES);
  if (!(priorSum > 0) || !(strength > 0)) {
    if (events > 0) for (let a = 0; a < N_AGES; a++) byAge[a] = (counts[a]! * n) / events;
    return { byAge, events, ownWeight: 1 };
  }
  const pi = new Float64Array(N_AGES);
  for (let a = 0; a < N_AGES; a++) pi[a] = Math.max(0, prior![a]!);
  dirichletPosteriorMean(counts, pi, strength, byAge, 0, N_AGES);
  for (let a = 0; a < N_AGES; a++) byAge[a]! *= n;
  return { byAge, events, ownWeight: events / (events + strength) };
}
