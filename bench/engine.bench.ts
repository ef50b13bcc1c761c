/**
 * Engine bench: a deterministic 10-year projection of one LA, 10,000 Monte Carlo draws, and cell updates per
 * second of the step beside a bare Float64Array loop doing the same arithmetic. The LA is the synthetic fixture
 * of the engine tests with every need present (≈ 2,000 non-zero cells, ≈ 4,000 plans).
 */
import { availableParallelism } from 'node:os';
import { N_AGES, N_NEEDS, N_PLACEMENTS } from '../src/domain/index.ts';
import { N_CELLS } from '../src/model/cube.ts';
import { projectDeterministic } from '../src/model/engine.ts';
import type { EngineInput } from '../src/model/engine-input.ts';
import { projectMonteCarlo } from '../src/model/project-monte-carlo.ts';
import { prepare } from '../src/model/levers/prepare.ts';
import { stepParamsFor } from '../src/model/levers/step-params.ts';
import { trendFactors } from '../src/model/levers/trend.ts';
import { newStepWork, stepDeterministic } from '../src/model/step.ts';
import type { Figure } from './figure.ts';
import { fixtureAllNeeds, fixtureInitial, fixturePopulation, fixtureRates, scenario } from '../test/model/fixtures.ts';


function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function input(): EngineInput {
  fixtureAllNeeds(true);
  const i: EngineInput = {
    rates: fixtureRates(),
    initial: fixtureInitial(),
    population: fixturePopulation(),
    baseYear: 2025,
    horizon: 10,
    scenario: scenario({
      surges: [{ name: 'covid', peak_uplift: 0.3, start_year: 2026, peak_year: 2027, target: { cohorts: { ages: [0, 1, 2, 3, 4], in_census_year: 2021 } } }],
      mitigations: [{ name: 'early help', kind: 'fewer_requests', effect: 0.1, start_year: 2027, ramp_years: 2 }],
      capacity: { changes: [{ placement: 'SSM', year: 2028, places: 50 }] },
    }),
  };
  fixtureAllNeeds(false);
  return i;
}

/** The same arithmetic as the continuation + moves part of the step, on bare arrays with literal sizes. */
function bareLoop(S: Float64Array, cont: Float64Array, moves: Float64Array, out: Float64Array): void {
  out.fill(0);
  const NA = 26;
  const NN = 15;
  const NP = 15;
  for (let a = 0; a < NA - 1; a++)
    for (let n = 0; n < NN; n++) {
      const c = cont[a * NN + n]!;
      const base = (a * NN + n) * NP;
      const dest = ((a + 1) * NN + n) * NP;
      for (let p = 0; p < NP; p++) {
        const y = S[base + p]! * c;
        if (y === 0) continue;
        const row = (a * NP + p) * NP;
        for (let q = 0; q < NP; q++) out[dest + q]! += y * moves[row + q]!;
      }
    }
}

export async function bench(): Promise<Figure[]> {
  const inp = input();
  const figures: Figure[] = [];

  for (let i = 0; i < 20; i++) projectDeterministic(inp);
  const det: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    projectDeterministic(inp);
    det.push(performance.now() - t);
  }
  figures.push({ name: 'deterministic 10-year projection, one LA (median of 50)', value: median(det), unit: 'ms', target: '< 10 ms', ok: median(det) < 10 });

  // per draw in this thread (the cost the 10,000-draw figure multiplies; shows how loaded the machine is)
  await projectMonteCarlo(inp, { draws: 200, seed: 2, workers: 1 });
  const t1 = performance.now();
  await projectMonteCarlo(inp, { draws: 2000, seed: 2, workers: 1 });
  figures.push({ name: 'Monte Carlo cost per draw, 10 years, one thread (2,000 draws)', value: (performance.now() - t1) / 2000, unit: 'ms' });

  const workers = Math.min(2, availableParallelism());
  const t0 = performance.now();
  await projectMonteCarlo(inp, { draws: 10_000, seed: 1, workers });
  const mcS = (performance.now() - t0) / 1000;
  figures.push({ name: `10,000 Monte Carlo draws, 10 years, one LA (${workers} threads)`, value: mcS, unit: 's', target: '< 10 s on 2 cores', ok: mcS < 10 });

  // cell updates per second: the engine step vs a bare loop
  const prep = prepare(inp);
  const P = stepParamsFor(prep, inp.rates, 1, trendFactors(prep.trend, prep.horizon));
  const w = newStepWork();
  const out = new Float64Array(N_CELLS);
  const reps = 3000;
  for (let i = 0; i < 300; i++) stepDeterministic(inp.initial, P, out, w);
  let t = performance.now();
  for (let i = 0; i < reps; i++) stepDeterministic(inp.initial, P, out, w);
  const engineRate = (reps * N_CELLS) / ((performance.now() - t) / 1000);
  for (let i = 0; i < 300; i++) bareLoop(inp.initial, P.cont, P.moves, out);
  t = performance.now();
  for (let i = 0; i < reps; i++) bareLoop(inp.initial, P.cont, P.moves, out);
  const bareRate = (reps * N_CELLS) / ((performance.now() - t) / 1000);
  figures.push({ name: `engine step cell updates (${N_AGES}×${N_NEEDS}×${N_PLACEMENTS} cells)`, value: engineRate / 1e6, unit: 'M cells/s' });
  figures.push({ name: 'bare Float64Array loop, same arithmetic (continuation + moves only)', value: bareRate / 1e6, unit: 'M cells/s' });
  return figures;
}
