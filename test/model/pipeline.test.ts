import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { N_AGES, N_NEEDS } from '../../src/domain/index.ts';
import { cubeTotal } from '../../src/model/cube.ts';
import { emptyDataset } from '../../src/model/dataset.ts';
import { projectDeterministic, projectDeterministicObserved } from '../../src/model/engine.ts';
import type { EngineInput } from '../../src/model/engine-input.ts';
import { estimatePipelineRates, STATUTORY_CARRY_SHARE } from '../../src/model/estimate/pipeline.ts';
import { prepare } from '../../src/model/levers/prepare.ts';
import { runDrawRange } from '../../src/model/montecarlo/run-draws.ts';
import { initialBacklog, pipelineYear } from '../../src/model/pipeline.ts';
import type { Rates } from '../../src/model/rates.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { fixtureInitial, fixturePopulation, fixtureRates, scenario, withPipeline } from './fixtures.ts';
import { identityErrors } from './identity.ts';

const LEVERS: ScenarioInput = {
  surges: [{ name: 'semh', peak_uplift: 0.3, start_year: 2025, peak_year: 2027, target: { needs: ['SEMH'] } }],
  mitigations: [
    { name: 'early help', kind: 'fewer_requests', effect: 0.15, start_year: 2026, ramp_years: 2 },
    { name: 'sen support', kind: 'lower_conversion', effect: 0.1, start_year: 2027, target: { phases: ['PRIMARY'] } },
    { name: 'rp', kind: 'placement_shift', effect: 0.3, start_year: 2025, from: 'SSA', to: 'RP' },
  ],
};

const input = (rates: Rates, sc: ScenarioInput = LEVERS): EngineInput => ({
  rates,
  initial: fixtureInitial(),
  population: fixturePopulation(),
  baseYear: 2025,
  horizon: 8,
  scenario: scenario(sc),
});

const sumNew = (r: ReturnType<typeof projectDeterministic>) => r.flows.map((f) => f.newPlans);

describe('requests pipeline', () => {
  it('with conversion 1 and no delay equals the direct incidence path (surges, both new-plan mitigations, shifts)', () => {
    const direct = projectDeterministic(input(fixtureRates()));
    const pipe = projectDeterministic(input(withPipeline(fixtureRates())));
    expect(pipe.flows[0]!.requests).toBeDefined();
    // expect only where a cell is off (or NaN): one expect per cell of every cube was 0.6 s of CPU
    direct.central.forEach((c, k) =>
      c.forEach((v, i) => {
        const d = Math.abs(pipe.central[k]![i]! - v);
        if (!(d < 1e-9 * Math.max(1, v))) expect(d, `cube ${k}, cell ${i}`).toBeLessThan(1e-9 * Math.max(1, v));
      }),
    );
    direct.flows.forEach((f, k) => {
      const g = pipe.flows[k]!;
      expect(g.newPlans).toBeCloseTo(f.newPlans, 8);
      expect(g.surgeNewPlans).toBeCloseTo(f.surgeNewPlans, 8);
      for (const [name, v] of Object.entries(f.avoidedByMitigation)) expect(g.avoidedByMitigation[name]).toBeCloseTo(v, 8);
      // every request is assessed and completes at once; lower conversion acts after the request
      expect(g.requests).toBeCloseTo(f.newPlans + f.avoidedByMitigation['sen support']!, 8);
      expect(g.backlog).toBe(0);
    });
  });

  it('property: the backlog books balance every year (requests → assessments → completed + carried → issued)', () => {
    fc.assert(
      fc.property(
        fc.record({
          sa: fc.double({ min: 0.05, max: 1, noNaN: true }),
          si: fc.double({ min: 0.05, max: 1, noNaN: true }),
          c: fc.double({ min: 0, max: 0.95, noNaN: true }),
          open: fc.double({ min: 0, max: 500, noNaN: true }),
          effect: fc.double({ min: 0, max: 0.9, noNaN: true }),
        }),
        ({ sa, si, c, open, effect }) => {
          const inp = input(withPipeline(fixtureRates(), { assessShare: sa, issueShare: si, carryShare: c, openAtBase: open }), {
            ...LEVERS,
            mitigations: [
              { name: 'fr', kind: 'fewer_requests', effect, start_year: 2025 },
              { name: 'lc', kind: 'lower_conversion', effect, start_year: 2026 },
            ],
          });
          const prep = prepare(inp);
          const pp = prep.pipeline!;
          let bIn = initialBacklog(pp, new Float64Array(N_AGES * N_NEEDS));
          expect(bIn.reduce((a, b) => a + b, 0)).toBeCloseTo(open, 6);
          let carried = open;
          const trend = Float64Array.from({ length: 9 }, (_, k) => 1.05 ** k);
          for (let k = 1; k <= prep.horizon; k++) {
            const bOut = new Float64Array(N_AGES * N_NEEDS);
            const issued = new Float64Array(N_AGES * N_NEEDS);
            const y = pipelineYear(pp, prep.levers[k - 1]!, k, inp.rates.pipeline!.requestIncidence, trend[k]!, inp.rates.pipeline!, bIn, bOut, issued);
            const tol = 1e-9 * Math.max(1, y.requests);
            expect(Math.abs(y.carriedIn - carried)).toBeLessThan(tol);
            expect(Math.abs(y.assessments - sa * y.requests)).toBeLessThan(tol);
            expect(Math.abs(y.assessments + y.carriedIn - y.completed - y.backlog)).toBeLessThan(tol);
            expect(Math.abs(y.backlog - c * y.assessments)).toBeLessThan(tol);
            expect(y.issued).toBeLessThanOrEqual(si * y.completed + tol);
            expect(Math.abs(issued.reduce((a, b) => a + b, 0) - y.issued)).toBeLessThan(tol);
            expect(Math.abs(bOut.reduce((a, b) => a + b, 0) - y.backlog)).toBeLessThan(tol);
            carried = y.backlog;
            bIn = bOut;
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('keeps the stock identity per age with a backlog, deterministic and in every draw', () => {
    const inp = input(withPipeline(fixtureRates({ evidence: 30 }), { assessShare: 0.7, issueShare: 0.9, carryShare: 0.4, openAtBase: 120, assessN: 500, issueN: 300, carryN: 20 }));
    let worst = 0;
    projectDeterministicObserved(inp, (_k, S, next, w) => (worst = Math.max(worst, identityErrors(S, next, w))));
    const prep = prepare(inp);
    runDrawRange({ prep, rates: inp.rates, initial: inp.initial, seed: 3, weights: {} }, 0, 5, (_d, _k, S, next, w) => {
      worst = Math.max(worst, identityErrors(S, next, w));
    });
    expect(worst).toBeLessThan(1e-9);
  });

  it('property: a larger fewer_requests or lower_conversion effect never issues more plans in any year', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('fewer_requests' as const, 'lower_conversion' as const),
        fc.double({ min: 0, max: 0.8, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (kind, e, de, c) => {
          const run = (effect: number) =>
            sumNew(
              projectDeterministic(
                input(withPipeline(fixtureRates(), { assessShare: 0.7, issueShare: 0.8, carryShare: c, openAtBase: 100 }), {
                  mitigations: [{ name: 'm', kind, effect, start_year: 2025, ramp_years: 2 }],
                }),
              ),
            );
          const lo = run(e);
          const hi = run(e + de);
          hi.forEach((v, k) => expect(v).toBeLessThanOrEqual(lo[k]! + 1e-9));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('attribution adds up: avoided by each lever = difference from the run without new-plan mitigations', () => {
    const r = withPipeline(fixtureRates(), { assessShare: 0.7, issueShare: 0.8, carryShare: 0.5, openAtBase: 100 });
    const mit = projectDeterministic(input(r));
    const un = projectDeterministic(input(r, { ...LEVERS, mitigations: [] }));
    mit.flows.forEach((f, k) => {
      const avoided = (f.avoidedByMitigation['early help'] ?? 0) + (f.avoidedByMitigation['sen support'] ?? 0);
      expect(avoided).toBeCloseTo(un.flows[k]!.newPlans - f.newPlans, 6);
    });
    // the delay: fewer requests from 2027 (census) still avoid plans the year after through the backlog
    expect(mit.flows[1]!.avoidedByMitigation['early help']).toBeGreaterThan(0);
  });

  it('is off when the scenario says so, and reports why in the assumptions', () => {
    const r = projectDeterministic(input(withPipeline(fixtureRates(), { carryShare: 0.3, openAtBase: 50 }), { projection: { pipeline: false } }));
    expect(r.flows[0]!.requests).toBeUndefined();
    expect(r.assumptions.find((a) => a.key === 'pipeline')!.value).toMatch(/^off/);
    const on = projectDeterministic(input(withPipeline(fixtureRates(), { carryShare: 0.3, openAtBase: 50 })));
    expect(on.assumptions.find((a) => a.key === 'pipeline')!.value).toMatch(/^on/);
    expect(cubeTotal(on.central[1]!)).not.toBeCloseTo(cubeTotal(r.central[1]!), 3);
  });
});

describe('estimatePipelineRates', () => {
  const ds = (years: number[], c: number, s: number) => {
    const d = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Test' });
    const D = (y: number) => 400 + 60 * Math.sin(y) + 20 * (y - 2015);
    for (const y of years) {
      d.requests[y] = D(y) / 0.7;
      d.decidedToAssess[y] = D(y);
      d.newPlansTotal[y] = s * ((1 - c) * D(y) + c * D(y - 1));
    }
    d.decidedToAssess[years[0]! - 1] = D(years[0]! - 1);
    return d;
  };
  const rates = () => fixtureRates();

  it('recovers the carried share from plans issued vs assessments of the year and the year before, shrunk towards 20/52', () => {
    const years = [2020, 2021, 2022, 2023, 2024];
    const data = ds(years, 0.3, 0.9);
    const { pipeline } = estimatePipelineRates(data, rates(), { baseYear: 2025 });
    const E = 5;
    expect(pipeline!.carryShare).toBeCloseTo((E * 0.3 + 2 * STATUTORY_CARRY_SHARE) / (E + 2), 9);
    expect(pipeline!.assessShare).toBeCloseTo(0.7, 9);
    expect(pipeline!.carrySource).toBe('data+default');
    expect(pipeline!.years).toEqual(years);
    expect(pipeline!.openAtBase).toBeCloseTo(pipeline!.carryShare * data.decidedToAssess[2024]!, 9);
    // plans per assessment completing: the generating 0.9 when the carried share is the fitted one; here it is shrunk
    expect(pipeline!.issueShare).toBeGreaterThan(0.85);
    expect(pipeline!.issueShare).toBeLessThan(0.95);
  });

  it('levels request incidence so that conversion reproduces incidence on a steady trend', () => {
    const r = rates();
    const { pipeline } = estimatePipelineRates(ds([2021, 2022, 2023, 2024], 0.3, 0.9), r, { baseYear: 2025 });
    const p = pipeline!;
    const k = p.assessShare * p.issueShare * (1 - p.carryShare + p.carryShare / (1 + r.trend.growth));
    for (let a = 0; a < N_AGES; a++) expect(p.requestIncidence[a]! * k).toBeCloseTo(r.incidence[a]!, 12);
  });

  it('needs requests data for at least 2 flow years', () => {
    expect(estimatePipelineRates(ds([2024], 0.3, 0.9), rates(), { baseYear: 2025 }).pipeline).toBeUndefined();
    expect(estimatePipelineRates(ds([2023, 2024], 0.3, 0.9), rates(), { baseYear: 2025 }).pipeline).toBeDefined();
  });
});
