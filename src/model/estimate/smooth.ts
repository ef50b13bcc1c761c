/**
 * Small-cell smoothing for rates estimated from counts (model.md "Estimation"): conjugate priors whose means are
 * pooled from neighbouring ages, from the LA's own all-age rate and (when given) from national shapes. The prior
 * strength is in pseudo-observations; every prior mean comes from the data passed in.
 */

/**
 * Posterior mean of a proportion: Beta prior with mean `priorMean` and strength `strength` (pseudo-observations),
 * after `k` successes in `n` trials.
 * @example betaPosteriorMean(9, 10, 0.5, 10) // 0.7
 */
export function betaPosteriorMean(k: number, n: number, priorMean: number, strength: number): number {
  const d = n + strength;
  return d > 0 ? (k + strength * priorMean) / d : priorMean;
}

/**
 * Posterior mean of a rate per unit exposure: Gamma prior with mean `priorRate` worth `strength` events, after
 * `events` over `exposure`.
 * @example gammaPosteriorRate(0, 100, 0.01, 2) // 0.00666…
 */
export function gammaPosteriorRate(events: number, exposure: number, priorRate: number, strength: number): number {
  if (!(priorRate > 0)) return exposure > 0 ? events / exposure : 0;
  const d = exposure + strength / priorRate;
  return d > 0 ? (events + strength) / d : priorRate;
}

/**
 * Dirichlet posterior mean of a share vector in place: (counts + strength × prior) / (Σcounts + strength), over
 * `k` entries at `off`. A zero prior and zero counts leave zeros. Returns the evidence Σcounts.
 */
export function dirichletPosteriorMean(counts: ArrayLike<number>, prior: ArrayLike<number>, strength: number, out: Float64Array, off: number, k: number): number {
  let n = 0;
  let ps = 0;
  for (let i = 0; i < k; i++) {
    n += counts[off + i]!;
    ps += prior[off + i]!;
  }
  const s = ps > 0 ? strength : 0;
  const d = n + s;
  for (let i = 0; i < k; i++) out[off + i] = d > 0 ? (counts[off + i]! + (ps > 0 ? (s * prior[off + i]!) / ps : 0)) / d : 0;
  return n;
}

/**
 * Kernel pooling across neighbouring ages: for each age, Σ weights × numerator / Σ weights × denominator over ages
 * within `radius` for which `same(a, b)` holds (e.g. the same phase, both transition ages or neither), plus
 * `allStrength` pseudo-denominator at the all-age ratio. Returns the pooled ratios (NaN-free; 0 without data).
 * @example pooledRatio([1, 2, 3], [10, 10, 10], 1) // ≈ [0.15, 0.2, 0.25] (with the all-age pull)
 */
export function pooledRatio(
  num: ArrayLike<number>,
  den: ArrayLike<number>,
  radius: number,
  allStrength = 1,
  same: (a: number, b: number) => boolean = () => true,
): Float64Array {
  const n = num.length;
  let tn = 0;
  let td = 0;
  for (let i = 0; i < n; i++) {
    tn += num[i]!;
    td += den[i]!;
  }
  const all = td > 0 ? tn / td : 0;
  const out = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let sn = allStrength * all;
    let sd = allStrength;
    for (let b = Math.max(0, a - radius); b <= Math.min(n - 1, a + radius); b++) {
      if (!same(a, b)) continue;
      const w = b === a ? 2 : 1;
      sn += w * num[b]!;
      sd += w * den[b]!;
    }
    out[a] = sd > 0 ? sn / sd : all;
  }
  return out;
}
