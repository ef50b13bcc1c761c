/**
 * `run` on the one model (model.md "One model, honest on real data"): the age × need × placement projection is
 * constrained to the calibrated total-plans forecast (forecast/totals.ts) instead of being a rival total.
 *
 *   1. solveTrendPath: the engine's new-plan trend factors T₁ … T_H are solved year by year so that the lever-free
 *      deterministic projection totals exactly the forecast's central path (new plans enter linearly, so two
 *      projections per year give the factor). Levers then act on those rates, so a scenario moves the total from
 *      the forecast by what its levers do.
 *   2. constrainedMonteCarlo: every draw is the deterministic path scaled by one year-level shock exp(z · sd[h]),
 *      z stratified over the standard normal (seeded order), sd[h] the forecast's calibrated log-scale sd; so the
 *      run's P10 / P50 / P90 of total plans are the forecast's, whose 80% intervals held about 80% of outcomes in
 *      rolling-origin backtests.
 * Pure: no I/O; randomness only from the seeded generator.
 */
import { probit } from 'simple-statistics';
import { N_PLACEMENTS } from '../domain/index.ts';
import { cubeByPlacement, cubeTotal } from './cube.ts';
import { deterministicStepper } from './stepper.ts';
import type { EngineInput } from './engine-input.ts';
import { summariseDraws } from './montecarlo/summarise.ts';
import type { ProjectionResult, Quantiles } from './result.ts';
import type { TrendEstimate } from './rates.ts';
import { Rng } from '../util/rng.ts';
import { quantileSorted } from '../util/quantiles.ts';

/** The total-plans path a run is held to: central[h] and log-scale sd[h] for h = 1 … H. */
export interface TotalsConstraint {
  central: number[];
  sd: number[];
  /** How the total was formed (Assumptions sheet). */
  description: string;
  /**
   * The pooled trend behind the total (simple rates), which the solved path carries. A scenario that sets its own
   * trend (growth, damping, long-run rate) moves the path by the difference its growth curve makes to this trend's
   * (levers/trend.ts movedPath).
   */
  trend?: TrendEstimate;
}

/**
 * Trend factors T₀ … T_H (T₀ = 1) for which the lever-free deterministic projection of `input` totals `central`
 * (index h − 1 = census base + h). A year whose continuing plans alone exceed the target gets T = 0 and the miss
 * is returned in `shortfall` (plans above the target). A year in which new plans add nothing whatever T is (the
 * data hold no new plans, so incidence is zero) cannot reach a target above its continuing plans: that miss is
 * returned in `unreached` (plans below the target), for the run's gate to refuse rather than fall short of the
 * forecast in silence.
 * @example solveTrendPath(input, [105, 110]).path // [1, T1, T2]
 */
export function solveTrendPath(input: EngineInput, central: readonly number[]): { path: number[]; shortfall: number[]; unreached: number[]; firstNewPlans?: FirstNewPlans } {
  const H = Math.min(input.horizon, central.length);
  const path = [1];
  const shortfall: number[] = [];
  const unreached: number[] = [];
  let firstNewPlans: FirstNewPlans | undefined;
  // one stepper carries the solved path: year k tries T = 0 and T = 1 from the stock of years 1 … k − 1 (exactly
  // the projections [1, T₁ … T_{k−1}, 0 | 1] of horizon k would give), then steps on with the solved factor
  const stepper = deterministicStepper({ ...input, scenario: undefined, capacity: undefined, horizon: Math.max(H, 1) });
  for (let k = 1; k <= H; k++) {
    const t0 = cubeTotal(stepper.trial(0));
    const t1 = cubeTotal(stepper.trial(1));
    const target = central[k - 1]!;
    if (k === 1) firstNewPlans = { atRates: t1 - t0, needed: target - t0 };
    let t = t1 > t0 ? (target - t0) / (t1 - t0) : (path[k - 1] ?? 1);
    if (!Number.isFinite(t)) t = path[k - 1] ?? 1;
    shortfall.push(t < 0 ? t0 - target : 0);
    unreached.push(t1 > t0 ? 0 : Math.max(0, target - t0));
    path.push(Math.max(0, t));
    if (k < H) stepper.advance(path[k]!);
  }
  for (let k = H + 1; k <= input.horizon; k++) path.push(path[k - 1]!);
  return { path, shortfall, unreached, ...(firstNewPlans ? { firstNewPlans } : {}) };
}

/** New plans of the first projected year: as the rates give them (trend factor 1), and as the forecast's total needs. */
export interface FirstNewPlans {
  atRates: number;
  needed: number;
}

/** A first solved factor outside this range is said (messages newPlanFactorFar): the rates and the forecast disagree. */
export const NEW_PLAN_FACTOR_SAID_OUTSIDE = [0.5, 2] as const;

/** `input` with its trend path solved to follow `constraint` (the scenario's levers are kept). */
export function constrainInput(input: EngineInput, constraint: TotalsConstraint): { input: EngineInput; shortfall: number[]; unreached: number[]; firstNewPlans?: FirstNewPlans } {
  const { path, shortfall, unreached, firstNewPlans } = solveTrendPath(input, constraint.central);
  const rates = { ...input.rates, trend: { ...(constraint.trend ?? input.rates.trend), path }, notes: [...input.rates.notes] };
  return { input: { ...input, rates }, shortfall, unreached, ...(firstNewPlans ? { firstNewPlans } : {}) };
}

/**
 * Standard-normal shocks for `draws` draws: the (i + ½)/n quantiles in a seeded random order, so their quantiles
 * match the normal's at any n and the same seed gives the same order.
 * @example stratifiedNormals(3, 1) // a permutation of [-0.967, 0, 0.967]
 */
export function stratifiedNormals(draws: number, seed: number): Float64Array {
  const z = stratifiedGrid(draws);
  const rng = new Rng(seed, 0x5eed);
  for (let i = draws - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const t = z[i]!;
    z[i] = z[j]!;
    z[j] = t;
  }
  return z;
}

/**
 * The (i + ½)/n quantiles of the standard normal, ascending: the shocks a constrained run draws, before their seeded
 * order (stratifiedNormals), so the quantiles of its total plans are the same for any seed.
 * @example stratifiedGrid(3) // [-0.967, 0, 0.967]
 */
export function stratifiedGrid(draws: number): Float64Array {
  const z = new Float64Array(draws);
  for (let i = 0; i < draws; i++) z[i] = probit((i + 0.5) / draws);
  return z;
}

/**
 * P10, P50, P90 of total plans that a run held to a forecast gives with `draws` draws (constrainedMonteCarlo): the
 * central total scaled by exp(z · sd) at each shock of the grid, type-7 quantiles, as the run's draws give them for
 * any seed. `forecast` writes these, so its ranges are the run's with the same draws: the calibrated
 * central × exp(±1.2816 sd) drawn at 1,000 quantiles of the normal differs from it by about 0.01%, which put Kent's
 * 2023 P10 (real 2022 release, from January 2022) at 19,496 in `forecast` and 19,497.66 in `run`.
 */
export function drawnQuantiles(central: number, sd: number, grid: Float64Array, quantiles: readonly [number, number, number] = [0.1, 0.5, 0.9]): Quantiles {
  const v = new Float64Array(grid.length);
  for (let i = 0; i < grid.length; i++) v[i] = central * Math.exp(grid[i]! * sd);
  return { p10: quantileSorted(v, quantiles[0]), p50: quantileSorted(v, quantiles[1]), p90: quantileSorted(v, quantiles[2]) };
}

/**
 * Monte Carlo of a constrained run: each draw is the deterministic projection `det` scaled at census base + h by
 * exp(z_d · sd[h]) (one shock per draw carried through the years: the forecast errors of successive years are
 * those of one trend). Returns `det` with the draw quantiles and per-draw placement totals.
 */
export function constrainedMonteCarlo(det: ProjectionResult, sd: readonly number[], draws: number, seed: number, quantiles: readonly [number, number, number] = [0.1, 0.5, 0.9]): ProjectionResult {
  if (draws === 0) return { ...det, seed };
  const nYears = det.years.length;
  const byPlacement = det.central.map(cubeByPlacement);
  const z = stratifiedNormals(draws, seed);
  const totals = new Float64Array(draws * nYears * N_PLACEMENTS);
  for (let d = 0; d < draws; d++)
    for (let y = 0; y < nYears; y++) {
      const s = y === 0 ? 0 : (sd[Math.min(y, sd.length) - 1] ?? 0);
      const f = Math.exp(z[d]! * s);
      const off = (d * nYears + y) * N_PLACEMENTS;
      for (let p = 0; p < N_PLACEMENTS; p++) totals[off + p] = byPlacement[y]![p]! * f;
    }
  const { totalQuantiles, placementQuantiles } = summariseDraws(totals, draws, nYears, quantiles);
  return {
    ...det,
    totalQuantiles,
    placementQuantiles,
    draws,
    seed,
    drawPlacementTotals: totals,
    weighted: {},
    notes: [...det.notes, `Monte Carlo: ${draws} draws, seed ${seed}: the central path scaled by the calibrated forecast's year-level shocks.`],
  };
}
