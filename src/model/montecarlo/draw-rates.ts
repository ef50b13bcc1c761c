/**
 * Parameter uncertainty for one Monte Carlo draw (model.md "Uncertainty"): each rate drawn from a posterior that
 * keeps its mean and whose spread shrinks with the evidence behind it —
 *   continuation[a] ~ Beta(c·(n+1), (1−c)·(n+1)),   n = continuationN[a]
 *   moves[a][p][·]  ~ Dirichlet(M[a][p][·]·(n+1)),   n = movesN[a][p]
 *   incidence[a]    ~ Gamma(shape n+1, scale i/(n+1)), n = incidenceN[a]
 *   growth          ~ Normal(growth, se)
 * Rates with no evidence (n = 0) are kept as they are.
 */
import { N_AGES as N_AGES_, N_PLACEMENTS as N_PLACEMENTS_ } from '../../domain/index.ts';
import type { Rates } from '../rates.ts';
import type { Rng } from '../rng.ts';

// Local copies of the domain sizes: hot loops read locals, not module-namespace bindings (vitest rewrites those).
const N_AGES = N_AGES_;
const N_PLACEMENTS = N_PLACEMENTS_;

export interface DrawnRates {
  continuation: Float64Array;
  moves: Float64Array;
  incidence: Float64Array;
  growth: number;
}

export function newDrawnRates(): DrawnRates {
  return {
    continuation: new Float64Array(N_AGES),
    moves: new Float64Array(N_AGES * N_PLACEMENTS * N_PLACEMENTS),
    incidence: new Float64Array(N_AGES),
    growth: 0,
  };
}

const ALPHA = new Float64Array(N_PLACEMENTS);

/** Fills `out` with one posterior draw of `rates` (growth drawn around `growth` with `se`). */
export function drawRates(rates: Rates, growth: number, se: number, rng: Rng, out: DrawnRates): DrawnRates {
  for (let a = 0; a < N_AGES; a++) {
    const c = rates.continuation[a]!;
    const n = rates.continuationN[a]!;
    out.continuation[a] = n > 0 && c > 0 && c < 1 ? rng.beta(c * (n + 1), (1 - c) * (n + 1)) : c;
    const inc = rates.incidence[a]!;
    const m = rates.incidenceN[a]!;
    out.incidence[a] = m > 0 && inc > 0 ? (inc * rng.gamma(m + 1)) / (m + 1) : inc;
  }
  const NP = N_PLACEMENTS;
  for (let a = 0; a < N_AGES; a++)
    for (let p = 0; p < NP; p++) {
      const row = (a * NP + p) * NP;
      const n = rates.movesN[a * NP + p]!;
      if (n > 0) {
        for (let q = 0; q < NP; q++) ALPHA[q] = rates.moves[row + q]! * (n + 1);
        rng.dirichlet(ALPHA, 0, NP, out.moves, row);
      } else for (let q = 0; q < NP; q++) out.moves[row + q] = rates.moves[row + q]!;
    }
  out.growth = se > 0 ? rng.normal(growth, se) : growth;
  return out;
}
