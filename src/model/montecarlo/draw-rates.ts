/**
 * Parameter uncertainty for one Monte Carlo draw (model.md "Uncertainty"): each rate drawn from a posterior that
 * keeps its mean and whose spread shrinks with the evidence behind it —
 *   continuation[a] ~ Beta(c·(n+1), (1−c)·(n+1)),   n = continuationN[a]
 *   moves[a][p][·]  ~ Dirichlet(M[a][p][·]·(n+1)),   n = movesN[a][p]
 *   incidence[a]    ~ Gamma(shape n+1, scale i/(n+1)), n = incidenceN[a]
 *   growth          ~ Normal(growth, se)
 *   pipeline shares ~ Beta(s·(n+1), (1−s)·(n+1)) with their evidence counts (requests follow incidence's draw)
 * Rates with no evidence (n = 0) are kept as they are.
 *
 * Speed: the move rows are drawn directly on the effective rows (impossible destinations removed — by the
 * aggregation property of the Dirichlet this is the same distribution as drawing the full row and renormalising),
 * and only for the (age, placement) rows that can hold plans in the projection (`DrawPlan.active`); other rows keep
 * their mean (they move no plans).
 */
import { N_AGES as N_AGES_, N_PLACEMENTS as N_PLACEMENTS_ } from '../../domain/index.ts';
import { effectiveMoves } from '../levers/apply.ts';
import type { Prepared } from '../prepared.ts';
import type { Rates } from '../rates.ts';
import type { Rng } from '../../util/rng.ts';

// Local copies of the domain sizes: hot loops read locals, not module-namespace bindings (vitest rewrites those).
const N_AGES = N_AGES_;
const N_PLACEMENTS = N_PLACEMENTS_;
const NP = N_PLACEMENTS;

export interface DrawnRates {
  continuation: Float64Array;
  /** Effective moves (impossible destinations removed, rows renormalised, no shifts). */
  moves: Float64Array;
  incidence: Float64Array;
  growth: number;
  /** Pipeline shares of this draw (when the rates have a pipeline). */
  assessShare: number;
  issueShare: number;
  carryShare: number;
}

/** What is fixed across draws: the effective mean moves and, per row to draw, its Dirichlet parameters. */
export interface DrawPlan {
  /** Effective mean moves (effectiveMoves without shifts). */
  meanMoves: Float64Array;
  /** Rows (a·NP + p) drawn, their non-zero destinations (`destOff[i] … destOff[i+1]`) and Dirichlet alphas. */
  rows: Int32Array;
  destOff: Int32Array;
  dest: Int32Array;
  alpha: Float64Array;
}

/**
 * The draw plan of a job: rows with evidence whose (age, placement) is `active` (default: every row).
 * Alphas are the base row's possible entries × (n + 1), so the drawn effective row has the same law as before.
 */
export function drawPlan(rates: Rates, prep: Pick<Prepared, 'possible' | 'fallback'>, active?: Uint8Array): DrawPlan {
  const meanMoves = new Float64Array(rates.moves.length);
  effectiveMoves(rates.moves, [], prep.possible, prep.fallback, meanMoves);
  const rows: number[] = [];
  const destOff: number[] = [0];
  const dest: number[] = [];
  const alpha: number[] = [];
  for (let a = 0; a < N_AGES - 1; a++)
    for (let p = 0; p < NP; p++) {
      const r = a * NP + p;
      if (active && !active[r]) continue;
      const n = rates.movesN[r]!;
      if (!(n > 0)) continue;
      // scale: the possible part of the base row (0 = the row fell back: kept fixed)
      let s = 0;
      for (let q = 0; q < NP; q++) if (prep.possible[(a + 1) * NP + q]) s += Math.max(0, rates.moves[r * NP + q]!);
      if (!(s > 0)) continue;
      let k = 0;
      for (let q = 0; q < NP; q++) {
        const m = meanMoves[r * NP + q]!;
        if (m > 0) {
          dest.push(q);
          alpha.push(m * s * (n + 1));
          k++;
        }
      }
      if (k < 2) {
        dest.length -= k;
        alpha.length -= k;
        continue;
      }
      rows.push(r);
      destOff.push(dest.length);
    }
  return { meanMoves, rows: Int32Array.from(rows), destOff: Int32Array.from(destOff), dest: Int32Array.from(dest), alpha: Float64Array.from(alpha) };
}

export function newDrawnRates(plan: DrawPlan): DrawnRates {
  return {
    continuation: new Float64Array(N_AGES),
    moves: Float64Array.from(plan.meanMoves),
    incidence: new Float64Array(N_AGES),
    growth: 0,
    assessShare: 1,
    issueShare: 1,
    carryShare: 0,
  };
}

/** Beta(m·(n+1), (1−m)·(n+1)) around mean m, or m itself without evidence or at 0/1. */
function betaAround(rng: Rng, m: number, n: number): number {
  return n > 0 && m > 0 && m < 1 ? rng.beta(m * (n + 1), (1 - m) * (n + 1)) : m;
}

/** Fills `out` with one posterior draw of `rates` (growth drawn around `growth` with `se`). */
export function drawRates(rates: Rates, plan: DrawPlan, growth: number, se: number, rng: Rng, out: DrawnRates): DrawnRates {
  for (let a = 0; a < N_AGES; a++) {
    out.continuation[a] = betaAround(rng, rates.continuation[a]!, rates.continuationN[a]!);
    const inc = rates.incidence[a]!;
    const m = rates.incidenceN[a]!;
    out.incidence[a] = m > 0 && inc > 0 ? (inc * rng.gamma(m + 1)) / (m + 1) : inc;
  }
  const { rows, destOff, dest, alpha } = plan;
  const moves = out.moves;
  for (let i = 0; i < rows.length; i++) {
    const off = rows[i]! * NP;
    const lo = destOff[i]!;
    const hi = destOff[i + 1]!;
    let s = 0;
    for (let j = lo; j < hi; j++) {
      const g = rng.gamma(alpha[j]!);
      moves[off + dest[j]!] = g;
      s += g;
    }
    if (s > 0) for (let j = lo; j < hi; j++) moves[off + dest[j]!]! /= s;
    else for (let j = lo; j < hi; j++) moves[off + dest[j]!] = plan.meanMoves[off + dest[j]!]!;
  }
  out.growth = se > 0 ? rng.normal(growth, se) : growth;
  const pl = rates.pipeline;
  if (pl) {
    out.assessShare = betaAround(rng, pl.assessShare, pl.assessN);
    out.issueShare = betaAround(rng, pl.issueShare, pl.issueN);
    out.carryShare = betaAround(rng, pl.carryShare, pl.carryN);
  }
  return out;
}
