/**
 * The one seeded random generator (style.md: no Math.random in the core), of the model's Monte Carlo, the budget's
 * price draws and the sample's microsimulation (`npm run sample`). xoshiro128** on 32-bit integers, seeded through
 * splitmix32, with `jump()` (2^64 steps) and `split()` for independent streams, and the samplers: uniform, normal,
 * binomial, Poisson, gamma, beta, Dirichlet, and the simple draws of a simulation (int, chance, weighted, pick).
 *
 * Streams for Monte Carlo draws come from `Rng.stream(seed, index)`, so draw i is the same whichever worker runs it.
 */

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b];
const TWO_POW_32 = 4294967296;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  /**
   * @example new Rng(42).uniform() // same number on every run
   */
  constructor(seed: number, stream = 0) {
    const st = { s: (seed | 0) ^ Math.imul(stream | 0, 0x632be5ab) };
    // mix the high bits of large seeds/streams too
    st.s ^= Math.floor(seed / TWO_POW_32) | 0;
    st.s ^= Math.imul(Math.floor(stream / TWO_POW_32) | 0, 0x2545f491);
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
    // warm up
    for (let i = 0; i < 8; i++) this.nextU32();
  }

  /** The independent stream for draw `index` of a run seeded with `seed`. */
  static stream(seed: number, index: number): Rng {
    return new Rng(seed, index + 1);
  }

  /** Next 32-bit unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform on [0, 1) with 53 bits. */
  uniform(): number {
    const hi = this.nextU32() >>> 5;
    const lo = this.nextU32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform on (0, 1) with 32 bits: never 0 or 1 (for logs and the inversion samplers). */
  uniformPos(): number {
    return (this.nextU32() + 0.5) / TWO_POW_32;
  }

  /**
   * An integer in [lo, hi], both included, each equally likely (one `uniform()`).
   * @example new Rng(1).int(1, 6) // a die
   */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.uniform() * (hi - lo + 1));
  }

  /** True with probability p (one `uniform()`). */
  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /**
   * An index drawn with probability proportional to `weights` (non-negative, not all zero; one `uniform()`).
   * @example new Rng(1).weighted([1, 3]) // 1 three times in four
   */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /**
   * A key of `weights` drawn with probability proportional to its value (keys in insertion order).
   * @example new Rng(1).pick({ M: 70, F: 30 }) // 'M' seven times in ten
   */
  pick<K extends string>(weights: Partial<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    return keys[this.weighted(keys.map((k) => weights[k] ?? 0))]!;
  }

  /** Advances 2^64 steps: the classic xoshiro jump for non-overlapping sub-streams. */
  jump(): void {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (const j of JUMP) {
      for (let bit = 0; bit < 32; bit++) {
        if ((j >>> bit) & 1) {
          s0 ^= this.a;
          s1 ^= this.b;
          s2 ^= this.c;
          s3 ^= this.d;
        }
        this.nextU32();
      }
    }
    this.a = s0;
    this.b = s1;
    this.c = s2;
    this.d = s3;
  }

  /** A new generator whose stream is this one jumped ahead; this generator also moves on past it. */
  split(): Rng {
    const child = Object.create(Rng.prototype) as Rng;
    child.a = this.a;
    child.b = this.b;
    child.c = this.c;
    child.d = this.d;
    child.spareNormal = undefined;
    child.jump();
    this.jump();
    this.jump();
    return child;
  }

  /** Standard normal (Marsaglia polar). */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + sd * z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return mean + sd * u * f;
  }

  /** Gamma(shape, scale 1) (Marsaglia–Tsang; boosted for shape < 1). */
  gamma(shape: number): number {
    if (!(shape > 0)) return 0;
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.uniformPos(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniformPos();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Beta(a, b). */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    const s = x + y;
    return s > 0 ? x / s : a / (a + b);
  }

  /**
   * Dirichlet(alpha[off .. off+k)) written into out[outOff .. outOff+k). Zero alphas give zero shares.
   * Falls back to the normalised alphas if every gamma underflows.
   */
  dirichlet(alpha: ArrayLike<number>, off: number, k: number, out: Float64Array, outOff: number): void {
    let s = 0;
    for (let i = 0; i < k; i++) {
      const g = alpha[off + i]! > 0 ? this.gamma(alpha[off + i]!) : 0;
      out[outOff + i] = g;
      s += g;
    }
    if (s > 0) {
      for (let i = 0; i < k; i++) out[outOff + i]! /= s;
      return;
    }
    let t = 0;
    for (let i = 0; i < k; i++) t += Math.max(0, alpha[off + i]!);
    for (let i = 0; i < k; i++) out[outOff + i] = t > 0 ? Math.max(0, alpha[off + i]!) / t : 0;
  }

  /** Poisson(mean): CDF inversion below a mean of 30, Hörmann's PTRS rejection above. */
  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean < 30) {
      // CDF inversion with the pmf recursion. P(0) = e^−mean ≥ 1 − mean, so a uniform below 1 − mean (less a margin
      // far above rounding) is 0 without the exp: the same result as the full inversion, faster for small means.
      let u = this.uniformPos();
      if (u <= 1 - mean - 1e-12) return 0;
      let pr = Math.exp(-mean);
      let k = 0;
      while (u > pr && k < 1000) {
        u -= pr;
        k++;
        pr *= mean / k;
      }
      return k;
    }
    // Transformed rejection (Hörmann's PTRS).
    const slam = Math.sqrt(mean);
    const loglam = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
    }
  }

  /** Negative binomial with the given mean and dispersion k (variance = mean + mean²/k), as a gamma–Poisson mix. */
  negBinomial(mean: number, k: number): number {
    if (!(mean > 0)) return 0;
    if (!(k > 0) || !Number.isFinite(k)) return this.poisson(mean);
    return this.poisson((this.gamma(k) * mean) / k);
  }

  /**
   * Binomial(n, p) for integer n ≥ 0. Exact CDF inversion when n·min(p, 1−p) < 20, otherwise a continuity-corrected
   * normal approximation clamped to [0, n] (documented in docs/model.md "Uncertainty").
   */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomial(n, 1 - p);
    const mean = n * p;
    if (mean < 20) {
      // CDF inversion with the pmf recursion: one uniform, O(mean) multiplications
      // P(0) = (1 − p)^n ≥ 1 − n·p: a uniform below that (less a margin far above rounding) gives 0 without the
      // exp/log — the same result as the full inversion (most calls in the engine have a mean below 1)
      let u = this.uniformPos();
      if (u <= 1 - mean - 1e-12) return 0;
      const r = p / (1 - p);
      let pr = Math.exp(n * Math.log1p(-p));
      let x = 0;
      while (u > pr && x < n) {
        u -= pr;
        pr *= ((n - x) / (x + 1)) * r;
        x++;
      }
      return x;
    }
    const sd = Math.sqrt(mean * (1 - p));
    const x = Math.round(mean + sd * this.normal());
    return x < 0 ? 0 : x > n ? n : x;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

const LOG_FACT_CACHE: number[] = [0];
function logFactorial(k: number): number {
  if (k < 256) {
    for (let i = LOG_FACT_CACHE.length; i <= k; i++) LOG_FACT_CACHE[i] = LOG_FACT_CACHE[i - 1]! + Math.log(i);
    return LOG_FACT_CACHE[k]!;
  }
  // Stirling series
  return (k + 0.5) * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k) - 1 / (360 * k * k * k);
}
