import { describe, expect, it } from 'vitest';
import { N_AGES, N_NEEDS, N_PLACEMENTS, NEEDS, PLACEMENTS, placementIndex } from '../../src/domain/index.ts';
import { cubeTotal } from '../../src/model/cube.ts';
import { emptyDataset, type LaDataset, type LinkedMove } from '../../src/model/dataset.ts';
import { estimateRatesFromPersons } from '../../src/model/estimate/person.ts';
import { betaPosteriorMean, dirichletPosteriorMean, gammaPosteriorRate, pooledRatio } from '../../src/model/estimate/smooth.ts';
import { projectLa } from '../../src/model/project-la.ts';
import { moveIndex, type Rates } from '../../src/model/rates.ts';
import { fixtureInitial, fixtureRates, scenario } from './fixtures.ts';

const NP = N_PLACEMENTS;

/** A dataset whose linked moves and new plans are the expected counts under `truth` (scaled by `scale`). */
export function syntheticDataset(truth: Rates, scale = 20, transferOut = 0.01): LaDataset {
  const ds = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Synthetic' });
  const pop = new Float64Array(N_AGES).fill(6000 * scale);
  for (let y = 2022; y <= 2025; y++) ds.population[y] = pop;
  let stock = fixtureInitial(150 * scale);
  for (let y = 2023; y <= 2025; y++) {
    ds.stockCube[y] = stock;
    ds.stockTotal[y] = cubeTotal(stock);
    const next = new Float64Array(stock.length);
    const moves: LinkedMove[] = [];
    for (let a = 0; a < N_AGES; a++)
      for (let n = 0; n < N_NEEDS; n++)
        for (let p = 0; p < NP; p++) {
          const x = stock[(a * N_NEEDS + n) * NP + p]!;
          if (x === 0) continue;
          const base = { fromYear: y, age: a, need: NEEDS[n]!, from: PLACEMENTS[p]! };
          const t = x * transferOut;
          const c = a === N_AGES - 1 ? x - t : (x - t) * (1 - truth.continuation[a]!);
          moves.push({ ...base, to: 'TRANSFERRED_OUT', count: t }, { ...base, to: 'CEASED', ceaseReason: a >= 16 ? 3 : 2, count: c });
          if (a === N_AGES - 1) continue;
          for (let q = 0; q < NP; q++) {
            const m = (x - t - c) * truth.moves[moveIndex(a, p, q)]!;
            if (m <= 0) continue;
            moves.push({ ...base, to: PLACEMENTS[q]!, count: m });
            next[((a + 1) * N_NEEDS + n) * NP + q]! += m;
          }
        }
    if (y < 2025) ds.linkedMoves.push(...moves);
    const fresh = new Float64Array(stock.length);
    for (let b = 0; b < N_AGES; b++)
      for (let k = 0; k < N_NEEDS * NP; k++) fresh[b * N_NEEDS * NP + k] = pop[b]! * truth.incidence[b]! * truth.newMix[b * N_NEEDS * NP + k]!;
    ds.newPlansCube[y - 1] = fresh;
    for (let i = 0; i < next.length; i++) next[i]! += fresh[i]!;
    stock = next;
  }
  for (let fy = 2016; fy <= 2024; fy++) ds.newPlansTotal[fy] = 1000 * Math.pow(1.06, fy - 2016);
  return ds;
}

describe('smoothing helpers', () => {
  it('pull small cells to their priors and leave big ones alone', () => {
    expect(betaPosteriorMean(0, 0, 0.9, 10)).toBeCloseTo(0.9, 12);
    expect(betaPosteriorMean(9000, 10000, 0.5, 10)).toBeCloseTo(0.9, 3);
    expect(gammaPosteriorRate(0, 0, 0.01, 5)).toBeCloseTo(0.01, 12);
    const out = new Float64Array(3);
    dirichletPosteriorMean([0, 0, 0], [1, 1, 2], 4, out, 0, 3);
    expect(Array.from(out)).toEqual([0.25, 0.25, 0.5]);
    const pooled = pooledRatio([0, 10, 0], [0, 100, 0], 1, 0);
    expect(pooled[0]).toBeCloseTo(0.1, 12);
  });
});

describe('estimateRatesFromPersons', () => {
  const truth = fixtureRates();
  const ds = syntheticDataset(truth);
  const r = estimateRatesFromPersons(ds, { baseYear: 2025 });

  it('recovers continuation by age, excluding transfers', () => {
    for (let a = 0; a < N_AGES - 1; a++) expect(r.continuation[a]).toBeCloseTo(truth.continuation[a]!, 2);
    expect(r.source).toBe('person-level');
  });

  it('recovers the transition move matrices distinct from the within-phase ones', () => {
    const MS = placementIndex('MS');
    for (const a of [5, 10, 13, 15]) for (let q = 0; q < NP; q++) expect(r.moves[moveIndex(a, MS, q)]).toBeCloseTo(truth.moves[moveIndex(a, MS, q)]!, 2);
  });

  it('recovers incidence, the new-plan mix, and a positive net migration when transfers in exceed transfers out', () => {
    for (let b = 2; b < 20; b++) expect(r.incidence[b]! / truth.incidence[b]!).toBeCloseTo(1, 1);
    let s = 0;
    for (const v of r.newMix.subarray(8 * N_NEEDS * NP, 9 * N_NEEDS * NP)) s += v;
    expect(s).toBeCloseTo(1, 9);
    // the synthetic data has 1% transfers out and no transfers in
    expect(r.netMigration[8]).toBeLessThan(0);
    expect(r.netMigration[8]).toBeGreaterThan(-0.03);
  });

  it('estimates a growing trend from the new-plan series', () => {
    expect(r.trend.growth).toBeGreaterThan(0.04);
    expect(r.trend.growth).toBeLessThan(0.08);
  });

  it('smooths an age with no evidence towards its neighbours', () => {
    const thin = { ...ds, linkedMoves: ds.linkedMoves.filter((m) => m.age !== 7) };
    const t = estimateRatesFromPersons(thin, { baseYear: 2025 });
    expect(t.continuation[7]).toBeCloseTo(truth.continuation[6]!, 2);
    expect(t.continuationN[7]).toBeLessThan(t.continuationN[6]!);
  });
});

describe('projectLa', () => {
  it('projects from person-level data and returns the unmitigated run for a mitigated scenario', async () => {
    const ds = syntheticDataset(fixtureRates(), 1);
    const sc = scenario({ horizon_years: 5, mitigations: [{ name: 'early help', kind: 'fewer_requests', effect: 0.2, start_year: 2026 }] });
    const { projection, rates, unmitigated } = await projectLa(ds, sc, { draws: 20, seed: 1, workers: 1 });
    expect(rates.source).toBe('person-level');
    expect(projection.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(projection.totalQuantiles[0]!.p50).toBeCloseTo(ds.stockTotal[2025]!, 6);
    expect(unmitigated!.totalQuantiles[5]!.p50).toBeGreaterThan(projection.totalQuantiles[5]!.p50);
    expect(projection.assumptions.find((a) => a.key === 'rates.route')?.value).toMatch(/person-level/);
    expect(projection.assumptions.some((a) => a.key === 'mitigation.early help' && a.source === 'scenario')).toBe(true);
  });

  it('says which base years have stock when the base year has none', async () => {
    const ds = syntheticDataset(fixtureRates(), 1);
    await expect(projectLa(ds, scenario({ base_year: 2030 }), { draws: 0, seed: 1 })).rejects.toThrow(/2023, 2024, 2025/);
  });
});
