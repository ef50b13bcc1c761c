/**
 * Sensitivity variants of a set of rates (the tornado's assumptions that need the engine): incidence growth,
 * the share of placements into independent special schools, and ceasing at 16–19. Pure.
 */
import { N_AGES, N_NEEDS, N_PLACEMENTS, placementIndex } from '../domain/index.ts';
import { shiftGrowth } from './levers/trend.ts';
import { moveIndex, newMixIndex, type Rates } from './rates.ts';

export interface RatesVariant {
  /** Added to the yearly incidence growth: 0.02 = +2 percentage points. */
  incidenceGrowthDelta?: number;
  /** Relative change of the probability of moving (or starting) into ISS: 0.1 = × 1.1, the rest rescaled. */
  issShareDelta?: number;
  /** Relative change of ceasing at ages 16–19: 0.1 = × 1.1. */
  ceasing1619Delta?: number;
}

const CEASING_AGES = [16, 17, 18, 19];

/**
 * `rates` with the variant applied. Only what the variant changes is copied: the other arrays are `rates`' own
 * (read, never written, as every engine input's are), so levers/prepare.ts `preparer` can tell a variant that
 * leaves the new-plan mix alone and keep its new-plan shapes.
 */
export function applyRatesVariant(rates: Rates, v: RatesVariant): Rates {
  const out: Rates = {
    ...rates,
    continuation: v.ceasing1619Delta ? rates.continuation.slice() : rates.continuation,
    moves: v.issShareDelta ? rates.moves.slice() : rates.moves,
    newMix: v.issShareDelta ? rates.newMix.slice() : rates.newMix,
    trend: v.incidenceGrowthDelta ? { ...rates.trend } : rates.trend,
  };
  if (v.incidenceGrowthDelta) {
    // a run held to the total-plans forecast follows its solved path, not the growth curve: each year's growth on
    // that path moves by the same points (without this the variant would change nothing, a swing of exactly 0). The
    // trend behind the path stays as it is, so a scenario that sets its own trend moves the moved path by the same
    // difference as the path itself (levers/trend.ts movedPath): shifting the trend too cancelled the move there.
    if (rates.trend.path) out.trend.path = shiftGrowth(rates.trend.path, v.incidenceGrowthDelta);
    else {
      out.trend.growth += v.incidenceGrowthDelta;
      out.trend.longRun += v.incidenceGrowthDelta;
    }
  }
  if (v.ceasing1619Delta) {
    for (const a of CEASING_AGES) {
      const cease = 1 - out.continuation[a]!;
      out.continuation[a] = Math.min(1, Math.max(0, 1 - cease * (1 + v.ceasing1619Delta)));
    }
  }
  if (v.issShareDelta) {
    const iss = placementIndex('ISS');
    const f = 1 + v.issShareDelta;
    for (let a = 0; a < N_AGES; a++) {
      for (let from = 0; from < N_PLACEMENTS; from++) {
        rescaleRow(out.moves, (to) => moveIndex(a, from, to), N_PLACEMENTS, (to) => to === iss, f);
      }
      // new-plan mix: the ISS share at this age across needs
      rescaleRow(out.newMix, (k) => newMixIndex(a, Math.floor(k / N_PLACEMENTS), k % N_PLACEMENTS), N_NEEDS * N_PLACEMENTS, (k) => k % N_PLACEMENTS === iss, f);
    }
  }
  return out;
}

/**
 * Multiplies the entries of one probability row (entries 0..n−1, stored at `idx(k)`) that `isHit` picks by `f`
 * (capped at the row's sum) and rescales the others so the row keeps its sum.
 */
function rescaleRow(arr: Float64Array, idx: (k: number) => number, n: number, isHit: (k: number) => boolean, f: number): void {
  let sum = 0;
  let hit = 0;
  for (let k = 0; k < n; k++) {
    const x = arr[idx(k)]!;
    sum += x;
    if (isHit(k)) hit += x;
  }
  if (sum <= 0 || hit <= 0 || hit >= sum) return;
  const newHit = Math.min(sum, hit * f);
  const scaleOthers = (sum - newHit) / (sum - hit);
  for (let k = 0; k < n; k++) {
    const i = idx(k);
    arr[i] = isHit(k) ? (arr[i]! * newHit) / hit : arr[i]! * scaleOthers;
  }
}
