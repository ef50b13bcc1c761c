/**
 * Surges: multipliers on incidence with a start, a peak and a decay (model.md "Scenarios"). Years are census years
 * in which the new plans first appear (plans issued in calendar year Y − 1 appear at census Y).
 */
import { N_AGES, N_NEEDS, type TransitionAges } from '../../domain/index.ts';
import type { Surge } from '../../scenario/schema.ts';
import { targetMask } from './target.ts';

/**
 * The year a surge peaks: its `peak_year`, or its `start_year` when the peak is given before the start (a surge
 * cannot peak before it starts; the explorer's sliders can leave them so). Every word about the peak uses it: the
 * report, the comparison and the Assumptions sheet said 'peaking in 2026' of a surge starting in 2027, which the
 * model peaks in 2027.
 * @example surgePeakYear({ start_year: 2027, peak_year: 2026 }) // 2027
 */
export function surgePeakYear(s: Pick<Surge, 'start_year' | 'peak_year'>): number {
  return Math.max(s.peak_year, s.start_year);
}

/**
 * Uplift of a surge on new plans issued in the year beginning `year`: 0 before `start_year`, a linear climb to
 * `peak_uplift` at `peak_year`, then halving every `half_life_years`.
 * @example surgeUplift({ peak_uplift: 0.2, start_year: 2024, peak_year: 2025, half_life_years: 2, … }, 2027) // 0.1
 */
export function surgeUplift(s: Pick<Surge, 'peak_uplift' | 'start_year' | 'peak_year' | 'half_life_years'>, year: number): number {
  if (year < s.start_year) return 0;
  const peak = surgePeakYear(s);
  if (year < peak) return (s.peak_uplift * (year - s.start_year + 1)) / (peak - s.start_year + 1);
  return s.peak_uplift * Math.pow(0.5, (year - peak) / s.half_life_years);
}

/**
 * Multiplier on new plans over N_AGES × N_NEEDS (destination ages) for the step into census `year` (plans issued in
 * the year beginning `year − 1`, the year every lever's `start_year` counts in): 1 + Σ uplifts, floored at 0. With
 * `baseYear`, relative to the uplift already in the data: the rates were estimated from new plans issued in the year
 * beginning `baseYear − 1`, so a surge under way then is divided out and not counted twice.
 */
export function surgeMultiplier(surges: readonly Surge[], transitionAges: TransitionAges, year: number, baseYear?: number): Float64Array {
  const mult = upliftAt(surges, transitionAges, year);
  if (baseYear !== undefined) {
    const seen = upliftAt(surges, transitionAges, baseYear);
    for (let i = 0; i < mult.length; i++) mult[i] = seen[i]! > 0 ? mult[i]! / seen[i]! : mult[i]!;
  }
  return mult;
}

function upliftAt(surges: readonly Surge[], transitionAges: TransitionAges, year: number): Float64Array {
  const mult = new Float64Array(N_AGES * N_NEEDS).fill(1);
  for (const s of surges) {
    const u = surgeUplift(s, year - 1);
    if (u === 0) continue;
    const mask = targetMask(s.target, transitionAges, year, 'destination');
    for (let i = 0; i < mult.length; i++) mult[i]! += u * mask[i]!;
  }
  for (let i = 0; i < mult.length; i++) if (mult[i]! < 0) mult[i] = 0;
  return mult;
}
