import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/util/rng.ts';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
};
const sample = (f: () => number, n = 20000) => Array.from({ length: n }, f);

describe('Rng', () => {
  it('is deterministic per seed and stream; split and jump give different streams', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect(sample(() => a.nextU32(), 10)).toEqual(sample(() => b.nextU32(), 10));
    expect(Rng.stream(1, 0).uniform()).not.toBe(Rng.stream(1, 1).uniform());
    const c = new Rng(7);
    const child = c.split();
    expect(child.nextU32()).not.toBe(c.nextU32());
    for (let i = 0; i < 1000; i++) {
      const u = a.uniform();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });

  it('samples with the right first two moments', () => {
    const r = new Rng(3);
    const bin = sample(() => r.binomial(50, 0.1));
    expect(mean(bin)).toBeCloseTo(5, 1);
    expect(variance(bin)).toBeCloseTo(4.5, 0);
    const big = sample(() => r.binomial(10000, 0.3));
    expect(mean(big) / 3000).toBeCloseTo(1, 2);
    const hi = sample(() => r.binomial(40, 0.97));
    expect(mean(hi)).toBeCloseTo(38.8, 1);
    const po = sample(() => r.poisson(4));
    expect(mean(po)).toBeCloseTo(4, 1);
    expect(variance(po)).toBeCloseTo(4, 0);
    const po2 = sample(() => r.poisson(200));
    expect(mean(po2) / 200).toBeCloseTo(1, 2);
    expect(variance(po2) / 200).toBeCloseTo(1, 0);
    const g = sample(() => r.gamma(0.5));
    expect(mean(g)).toBeCloseTo(0.5, 1);
    const be = sample(() => r.beta(2, 6));
    expect(mean(be)).toBeCloseTo(0.25, 2);
    const nb = sample(() => r.negBinomial(10, 2));
    expect(mean(nb)).toBeCloseTo(10, 0);
    expect(variance(nb)).toBeGreaterThan(40);
    const out = new Float64Array(3);
    r.dirichlet([1, 0, 3], 0, 3, out, 0);
    expect(out[1]).toBe(0);
    expect(out[0]! + out[2]!).toBeCloseTo(1, 12);
    const z = sample(() => r.normal());
    expect(mean(z)).toBeCloseTo(0, 1);
    expect(variance(z)).toBeCloseTo(1, 1);
  });

  it('keeps its streams: the same numbers for a seed as when the model first used it (Monte Carlo outputs stay put)', () => {
    const a = new Rng(42);
    expect(sample(() => a.nextU32(), 4)).toEqual([3782522214, 1395801302, 787581093, 2038421698]);
    const s = Rng.stream(20250116, 3);
    expect([s.uniform(), s.normal(), s.poisson(2.5), s.binomial(40, 0.2)]).toEqual([0.9160782264326182, -1.6358954254274427, 2, 10]);
  });

  it('draws the simulation\'s simple choices: int over its whole range, chance, weighted and pick in proportion', () => {
    const r = new Rng(11);
    const dice = sample(() => r.int(1, 6), 12000);
    expect(Math.min(...dice)).toBe(1);
    expect(Math.max(...dice)).toBe(6);
    for (let k = 1; k <= 6; k++) expect(dice.filter((d) => d === k).length / 12000).toBeCloseTo(1 / 6, 1);
    expect(sample(() => Number(r.chance(0.3))).reduce((a, b) => a + b) / 20000).toBeCloseTo(0.3, 1);
    expect(sample(() => Number(r.chance(0))).every((x) => x === 0)).toBe(true);
    const w = sample(() => r.weighted([1, 0, 3]));
    expect(w.includes(1)).toBe(false);
    expect(w.filter((i) => i === 2).length / w.length).toBeCloseTo(0.75, 1);
    const picks = Array.from({ length: 20000 }, () => r.pick({ M: 70, F: 30, X: 0 }));
    expect(picks.includes('X')).toBe(false);
    expect(picks.filter((p) => p === 'M').length / picks.length).toBeCloseTo(0.7, 1);
  });
});
