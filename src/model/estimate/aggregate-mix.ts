/**
 * Need and placement mixes from aggregate stocks, and the engine's initial cube built from them: single ages ×
 * need share × placement share at that age, the placements possible at each age fitted so that they add up to the
 * LA's published placement shares (placementSharesByAge).
 */
import { N_AGES, N_NEEDS, N_PLACEMENTS, NEEDS, PLACEMENTS, isPlacementPossibleAt, needIndex } from '../../domain/index.ts';
import { cellIndex, newCube } from '../cube.ts';
import type { LaDataset } from '../dataset.ts';
import { N_CEASE_REASONS } from '../rates.ts';
import { boundedMemo, numbersKey } from '../../util/bounded-memo.ts';
import { dirichletPosteriorMean } from './smooth.ts';
import { possessive } from '../../util/possessive.ts';

/** The latest year ≤ `maxYear` that a year-keyed record holds. */
export function latestYear(rec: Record<number, unknown>, maxYear: number): number | undefined {
  let best: number | undefined;
  for (const k of Object.keys(rec)) {
    const y = Number(k);
    if (y <= maxYear && (best === undefined || y > best)) best = y;
  }
  return best;
}

/** Need shares (length N_NEEDS) at the latest census ≤ baseYear; all UNKNOWN when the data has none. */
export function needShares(ds: LaDataset, baseYear: number): Float64Array {
  const out = new Float64Array(N_NEEDS);
  const y = latestYear(ds.stockByNeed, baseYear);
  if (y !== undefined) for (const n of NEEDS) out[needIndex(n)] = Math.max(0, ds.stockByNeed[y]![n] ?? 0);
  const s = out.reduce((a, b) => a + b, 0);
  if (s > 0) return out.map((v) => v / s);
  out.fill(0);
  out[needIndex('UNKNOWN')] = 1;
  return out;
}

/**
 * Share of an LA's plans with no placement recorded (`placement_unknown`, awaiting provision) above which they are
 * taken as placements the LA could not return, not as plans without a setting: about 1% of England's plans, but a
 * quarter or more of an LA whose return lacked them (the 2025 release's footnote: Cambridgeshire, North East
 * Lincolnshire).
 */
export const UNRECORDED_PLACEMENT_SHARE = 0.1;

/**
 * An LA's plans with no placement recorded at the January placementShares uses, when they are more than
 * UNRECORDED_PLACEMENT_SHARE of its placed plans and some are recorded; undefined otherwise.
 */
export function unrecordedPlacements(ds: LaDataset, baseYear: number): { year: number; none: number; total: number } | undefined {
  const y = latestYear(ds.stockByPlacement, baseYear);
  if (y === undefined) return undefined;
  const row = ds.stockByPlacement[y]!;
  const total = PLACEMENTS.reduce((a, p) => a + Math.max(0, row[p] ?? 0), 0);
  const none = Math.max(0, row.NONE ?? 0);
  return total > none && none > UNRECORDED_PLACEMENT_SHARE * total ? { year: y, none, total } : undefined;
}

/**
 * Placement shares (length N_PLACEMENTS) at the latest census ≤ baseYear; all NONE when the data has none. Plans
 * with no placement recorded beyond UNRECORDED_PLACEMENT_SHARE are placed as the recorded ones (unrecordedPlacements):
 * before, a quarter of Cambridgeshire's plans (placements not returned) were projected, with a quarter of its new
 * plans, as plans in no setting that the High Needs block does not pay for, and its budget was a quarter short.
 */
export function placementShares(ds: LaDataset, baseYear: number): Float64Array {
  const out = placementCounts(ds, baseYear);
  const s = out.reduce((a, b) => a + b, 0);
  if (s > 0) return out.map((v) => v / s);
  out.fill(0);
  out[PLACEMENTS.indexOf('NONE')] = 1;
  return out;
}

/** The plans by placement placementShares divides (length N_PLACEMENTS): zeros when the data have none. */
function placementCounts(ds: LaDataset, baseYear: number): Float64Array {
  const out = new Float64Array(N_PLACEMENTS);
  const y = latestYear(ds.stockByPlacement, baseYear);
  if (y !== undefined) PLACEMENTS.forEach((p, i) => (out[i] = Math.max(0, ds.stockByPlacement[y]![p] ?? 0)));
  if (unrecordedPlacements(ds, baseYear)) out[NONE_INDEX] = 0;
  return out;
}

/**
 * Strength of the pooled placement mix, in plans (pseudo-observations). Measured on the 2022 release's plans by
 * establishment type (January 2019–2022, LAs with at least 1,000 plans, mapped to the model's placements): the
 * between-LA spread of the shares around their region's, less what chance alone gives, puts a Dirichlet precision of
 * 26–30 on the whole mix (37–38 for LAs with 3,000 or more), 36–460 on single placements but 9–19 on the split of
 * special schools between maintained and academies (how far an LA's schools have converted); 25 sits below the whole
 * mix's in every year, so an LA with more plans than that keeps mostly its own mix.
 */
export const PLACEMENT_MIX_STRENGTH = 25;

export interface PooledPlacementShares {
  /** Placement shares (length N_PLACEMENTS, summing to 1). */
  shares: Float64Array;
  /** The LA's placed plans counted as evidence (0: its own shares, unpooled). */
  plans: number;
  /** Weight of the LA's own shares: plans / (plans + strength); 1 when not pooled. */
  ownWeight: number;
  /** January of the LA's placements, and whose mix it was pooled towards (when pooled). */
  year?: number;
  source?: string;
}

/**
 * Placement shares for new plans and the moves at transition ages (model.md "Estimation": small cells smoothed
 * towards pooled shapes): the LA's plans by placement at the latest January ≤ baseYear as the evidence, shrunk towards
 * the placement shares of the first fallback with placements (its region, else England) by `strength` plans. City of
 * London's 19 plans of January 2022 (2022 release) are too few to say where its new plans will be placed; its own
 * shares alone sent every new plan at an age to the one or two settings its plans were in. An LA without placements
 * keeps its own shares (placementShares: all NONE), as before; the base year's cube is never pooled.
 */
export function pooledPlacementShares(ds: LaDataset, baseYear: number, fallbacks: readonly LaDataset[], strength = PLACEMENT_MIX_STRENGTH): PooledPlacementShares {
  const own = placementShares(ds, baseYear);
  const counts = placementCounts(ds, baseYear);
  const plans = counts.reduce((a, b) => a + b, 0);
  const f = fallbacks.find((d) => latestYear(d.stockByPlacement, baseYear) !== undefined && placementCounts(d, baseYear).some((v) => v > 0));
  if (!f || !(plans > 0) || !(strength > 0)) return { shares: own, plans, ownWeight: 1 };
  const year = latestYear(ds.stockByPlacement, baseYear)!;
  const prior = placementShares(f, baseYear);
  const shares = new Float64Array(N_PLACEMENTS);
  dirichletPosteriorMean(counts, prior, strength, shares, 0, N_PLACEMENTS);
  const fy = latestYear(f.stockByPlacement, baseYear)!;
  return { shares, plans, ownWeight: plans / (plans + strength), year, source: `${possessive(f.la.name)} (January ${fy})` };
}

/** Whether each placement is possible, by age (domain/placements); ages outside 0–25 have none. */
const POSSIBLE_AT: readonly boolean[][] = Array.from({ length: N_AGES }, (_, a) => PLACEMENTS.map((p) => isPlacementPossibleAt(p, a)));
const NONE_POSSIBLE: readonly boolean[] = PLACEMENTS.map(() => false);
const NONE_INDEX = PLACEMENTS.indexOf('NONE');

/** Placement shares possible at `age` (others zeroed), renormalised; falls back to NONE. */
export function placementSharesAtAge(shares: Float64Array, age: number): Float64Array {
  const out = new Float64Array(N_PLACEMENTS);
  const possible = POSSIBLE_AT[age] ?? NONE_POSSIBLE;
  let s = 0;
  for (let i = 0; i < N_PLACEMENTS; i++) {
    if (!possible[i]) continue;
    out[i] = shares[i]!;
    s += shares[i]!;
  }
  if (s > 0) {
    for (let i = 0; i < N_PLACEMENTS; i++) out[i] = out[i]! / s;
    return out;
  }
  out[NONE_INDEX] = 1;
  return out;
}

/**
 * Moves of continuing plans from age a to a+1, where no child's move is recorded (published totals only): the moves
 * that carry the placement mix at a (`from`, shares) to the mix at a+1 (`to`) with as few plans moving as that takes.
 * Each placement keeps min(from, to) of its share; what it holds beyond the next age's share moves to the placements
 * short of theirs, in proportion to how short. Rows sum to 1 (N_PLACEMENTS × N_PLACEMENTS, from × to). A placement
 * with no share at a stays put where it is possible at a+1, else takes the next age's mix. Kept in place instead, a
 * child in a school at 15 stayed there at 16 and further-education colleges took only new plans: Kent's FE (a
 * synthetic release to January 2026) went from 3,674 plans to 2,937 by 2029 while the LA's plans grew 8–12% a year.
 * @example crossSectionMoves(atAge[15], atAge[16], 16) // row p: where p's plans at 15 are at 16
 */
export function crossSectionMoves(from: Float64Array, to: Float64Array, nextAge: number): Float64Array {
  const NP = N_PLACEMENTS;
  const out = new Float64Array(NP * NP);
  let sx = 0;
  let sy = 0;
  for (let p = 0; p < NP; p++) {
    sx += from[p]!;
    sy += to[p]!;
  }
  const short = new Float64Array(NP);
  let shortAll = 0;
  if (sx > 0 && sy > 0) {
    for (let q = 0; q < NP; q++) {
      short[q] = Math.max(0, to[q]! / sy - from[q]! / sx);
      shortAll += short[q]!;
    }
  }
  for (let p = 0; p < NP; p++) {
    const x = sx > 0 ? from[p]! / sx : 0;
    if (!(x > 0) || !(sy > 0)) {
      // no plans here at a: stay where the placement goes on at a+1, else the next age's mix
      if ((POSSIBLE_AT[nextAge] ?? NONE_POSSIBLE)[p] || !(sy > 0)) out[p * NP + p] = 1;
      else for (let q = 0; q < NP; q++) out[p * NP + q] = to[q]! / sy;
      continue;
    }
    const stay = Math.min(x, to[p]! / sy);
    const leave = x - stay;
    out[p * NP + p] = stay / x;
    if (leave > 0 && shortAll > 0) for (let q = 0; q < NP; q++) out[p * NP + q]! += (leave / x) * (short[q]! / shortAll);
    else out[p * NP + p] = 1;
  }
  return out;
}

/**
 * Placement shares at each age such that the plans by age (`byAge`) placed by them add up to the LA's placement
 * shares of the whole stock wherever the ages allow: iterative proportional fitting of the age × placement table over
 * the placements possible at each age, from the shares renormalised by age, ages fitted last (so they hold exactly).
 * Renormalising alone left the placements of few ages short: a further-education placement is possible at 16–25
 * only, so its share of all plans became a share of the plans aged 16–25, 29% of them less the schools' share there;
 * Kent's base year (real January 2022 release) read FE 1,505 and specialist post-16 445 against the published 2,556
 * and 755, special schools 5,288 against 4,947. An age with no plans keeps the renormalised shares.
 */
export function placementSharesByAge(byAge: Float64Array, shares: Float64Array, iterations = 200): Float64Array[] {
  const fitted = FITS.get(numbersKey([iterations], byAge, shares), () => fitPlacementsToAges(byAge, shares, iterations));
  return fitted.map((row) => row.slice());
}

/**
 * Fits already made (placementSharesByAge), by their inputs: the rates and the initial cube of an LA, its calibration
 * and each backtest origin ask for some of the same fits (2022 release, forecast of every LA and a 3-origin backtest:
 * 3,036 fits of 2,732 different inputs). Each holds N_AGES × N_PLACEMENTS doubles.
 */
const FITS = boundedMemo<Float64Array[]>(1024);

function fitPlacementsToAges(byAge: Float64Array, shares: Float64Array, iterations: number): Float64Array[] {
  const NP = N_PLACEMENTS;
  // the table, age by age (a row of NP placements each), in one array
  const m = new Float64Array(N_AGES * NP);
  let total = 0;
  for (let a = 0; a < N_AGES; a++) {
    const plans = Math.max(0, byAge[a] ?? 0);
    const atAge = placementSharesAtAge(shares, a);
    for (let p = 0; p < NP; p++) m[a * NP + p] = atAge[p]! * plans;
    total += plans;
  }
  const want = new Float64Array(NP);
  for (let p = 0; p < NP; p++) want[p] = shares[p]! * total;
  const col = new Float64Array(NP);
  for (let a = 0; a < N_AGES; a++) for (let p = 0; p < NP; p++) col[p]! += m[a * NP + p]!;
  // A cell that starts at zero (a placement not possible at its age, or without plans) stays that zero while every
  // factor is finite (the factors are positive: 0 × a positive double is that 0, and adding a zero changes no sum):
  // each age lists its other placements (`live`), and a round visits those only, about half the table. A factor that
  // is not finite (0 × it is NaN) turns every cell back on from there (`dense`), as every cell was visited before.
  const live = new Uint8Array(N_AGES * NP);
  const nLive = new Uint8Array(N_AGES);
  for (let a = 0; a < N_AGES; a++) for (let p = 0; p < NP; p++) if (m[a * NP + p] !== 0) live[a * NP + nLive[a]!++] = p;
  let dense = false;
  // each round scales the placements to their shares, then the ages to their plans, then measures how far the
  // placements are from their shares with the sums the next round scales by: one pass over the table, age by age (a
  // placement not scaled is multiplied by 1, which leaves every double as it is)
  const scale = new Float64Array(NP);
  for (let it = 0; it < iterations && total > 0; it++) {
    for (let p = 0; p < NP; p++) {
      scale[p] = col[p]! > 0 && want[p]! > 0 ? want[p]! / col[p]! : 1;
      if (!Number.isFinite(scale[p]!)) dense = true;
    }
    col.fill(0);
    for (let a = 0; a < N_AGES; a++) {
      const at = a * NP;
      if (dense) {
        let row = 0;
        for (let p = 0; p < NP; p++) row += m[at + p]! *= scale[p]!;
        if (row > 0) {
          const f = byAge[a]! / row;
          for (let p = 0; p < NP; p++) m[at + p]! *= f;
        }
        for (let p = 0; p < NP; p++) col[p]! += m[at + p]!;
        continue;
      }
      const n = nLive[a]!;
      let row = 0;
      for (let k = 0; k < n; k++) {
        const p = live[at + k]!;
        row += m[at + p]! *= scale[p]!;
      }
      if (row > 0) {
        const f = byAge[a]! / row;
        if (!Number.isFinite(f)) {
          dense = true;
          for (let p = 0; p < NP; p++) m[at + p]! *= f;
          for (let p = 0; p < NP; p++) col[p]! += m[at + p]!;
          continue;
        }
        // each cell scaled, then added to its placement's sum (each sum gains this age's cell, as before)
        for (let k = 0; k < n; k++) {
          const p = live[at + k]!;
          col[p]! += m[at + p]! *= f;
        }
      } else
        for (let k = 0; k < n; k++) {
          const p = live[at + k]!;
          col[p]! += m[at + p]!;
        }
    }
    let worst = 0;
    for (let p = 0; p < NP; p++) if (col[p]! > 0) worst = Math.max(worst, Math.abs(col[p]! - want[p]!));
    if (worst <= 1e-7 * total) break;
  }
  return Array.from({ length: N_AGES }, (_, a) => {
    const row = m.subarray(a * NP, (a + 1) * NP);
    let s = 0;
    for (let p = 0; p < NP; p++) s += row[p]!;
    return s > 0 ? row.map((v) => v / s) : placementSharesAtAge(shares, a);
  });
}

/**
 * A cube (cube.ts layout) from single-age totals and need / placement shares, the placements fitted to both the ages
 * and the LA's placement shares (placementSharesByAge).
 */
export function cubeFromShares(byAge: Float64Array, needs: Float64Array, placements: Float64Array): Float64Array {
  const c = newCube();
  const fitted = placementSharesByAge(byAge, placements);
  for (let a = 0; a < N_AGES; a++) {
    const ps = fitted[a]!;
    for (let n = 0; n < N_NEEDS; n++) {
      if (needs[n] === 0) continue;
      for (let p = 0; p < N_PLACEMENTS; p++) c[cellIndex(a, n, p)] = byAge[a]! * needs[n]! * ps[p]!;
    }
  }
  return c;
}

/**
 * Shares of ceased plans by reason (SEN2 code 0–9) at each age, from the published ceased plans by reason (2025 layout
 * `ceased_plans.csv`) of the flow years in [firstYear, lastYear]: an age takes the reasons of the age rows that cover it
 * ("age 19", "age 20 and over"), else the LA's reasons at all ages; written into `out` (N_AGES × N_CEASE_REASONS).
 * Returns the flow years used (none: `out` is left as it is, and every ceased plan is "reason not recorded").
 */
export function ceaseReasonShares(ds: LaDataset, firstYear: number, lastYear: number, out: Float64Array): number[] {
  const rows = ds.ceased.filter((c) => c.year >= firstYear && c.year <= lastYear && c.reason >= 0 && c.reason < N_CEASE_REASONS && c.count > 0);
  if (rows.length === 0) return [];
  const byAge = new Float64Array(N_AGES * N_CEASE_REASONS);
  const all = new Float64Array(N_CEASE_REASONS);
  for (const c of rows) {
    if (c.from <= 0 && c.to >= N_AGES - 1) all[c.reason]! += c.count;
    else for (let a = Math.max(0, c.from); a <= Math.min(N_AGES - 1, c.to); a++) byAge[a * N_CEASE_REASONS + c.reason]! += c.count;
  }
  const allSum = all.reduce((x, y) => x + y, 0);
  for (let a = 0; a < N_AGES; a++) {
    let s = 0;
    for (let r = 0; r < N_CEASE_REASONS; r++) s += byAge[a * N_CEASE_REASONS + r]!;
    for (let r = 0; r < N_CEASE_REASONS; r++) {
      out[a * N_CEASE_REASONS + r] = s > 0 ? byAge[a * N_CEASE_REASONS + r]! / s : allSum > 0 ? all[r]! / allSum : 0;
    }
  }
  return [...new Set(rows.map((c) => c.year))].sort((a, b) => a - b);
}
