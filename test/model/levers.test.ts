import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { N_AGES, placementIndex } from '../../src/domain/index.ts';
import { cubeByAge, cubeByPlacement, cubeTotal } from '../../src/model/cube.ts';
import { projectDeterministic } from '../../src/model/engine.ts';
import { newPlanShape, possibleTable } from '../../src/model/levers/apply.ts';
import { mitigationStrength } from '../../src/model/levers/mitigation.ts';
import { populationAt } from '../../src/model/levers/population.ts';
import { prepare } from '../../src/model/levers/prepare.ts';
import { surgeUplift } from '../../src/model/levers/surge.ts';
import type { ProjectionResult } from '../../src/model/result.ts';
import { fixtureInitial, fixturePopulation, fixtureRates, scenario } from './fixtures.ts';

const base = () => ({ rates: fixtureRates(), initial: fixtureInitial(), population: fixturePopulation(), baseYear: 2025, horizon: 10 });
const totals = (r: ProjectionResult) => r.central.map(cubeTotal);

describe('lever profiles', () => {
  it('surge: linear climb to the peak, then halves every half-life', () => {
    const s = { peak_uplift: 0.4, start_year: 2026, peak_year: 2027, half_life_years: 2 };
    expect(surgeUplift(s, 2025)).toBe(0);
    expect(surgeUplift(s, 2026)).toBeCloseTo(0.2, 12);
    expect(surgeUplift(s, 2027)).toBeCloseTo(0.4, 12);
    expect(surgeUplift(s, 2029)).toBeCloseTo(0.2, 12);
  });

  it('mitigation: effect × linear ramp × delivery', () => {
    const m = { effect: 0.2, start_year: 2026, ramp_years: 4, delivery: 0.5 };
    expect(mitigationStrength(m, 2025)).toBe(0);
    expect(mitigationStrength(m, 2026)).toBeCloseTo(0.025, 12);
    expect(mitigationStrength(m, 2029)).toBeCloseTo(0.1, 12);
    expect(mitigationStrength(m, 2035)).toBeCloseTo(0.1, 12);
  });
});

describe('scenario effects', () => {
  it('a covid-style cohort surge raises plans along the lockdown birth cohorts as they move up', () => {
    const plain = projectDeterministic(base());
    const covid = projectDeterministic({
      ...base(),
      scenario: scenario({
        surges: [{ name: 'covid', peak_uplift: 0.5, start_year: 2025, peak_year: 2026, half_life_years: 3, target: { cohorts: { ages: [0, 1, 2, 3, 4], in_census_year: 2021 } } }],
      }),
    });
    // the lockdown cohort was aged 5–9 in 2026 and 9–13 in 2030: the extra plans sit at those ages
    for (const [k, from, to] of [[1, 5, 9], [5, 9, 13]] as const) {
      const d = cubeByAge(covid.central[k]!).map((v, a) => v - cubeByAge(plain.central[k]!)[a]!);
      for (let a = 0; a < N_AGES; a++) {
        if (a >= from && a <= to) expect(d[a]).toBeGreaterThan(0);
        else if (a < from) expect(Math.abs(d[a]!)).toBeLessThan(1e-9);
      }
    }
    expect(covid.flows[0]!.surgeNewPlans).toBeGreaterThan(0);
    expect(covid.flows[0]!.newPlans - plain.flows[0]!.newPlans).toBeCloseTo(covid.flows[0]!.surgeNewPlans, 9);
  });

  it('a transition surge concentrates new plans at EY-R and Y6-Y7, and a transition shift moves plans into special schools at Y6-Y7', () => {
    const plain = projectDeterministic(base());
    const ts = projectDeterministic({
      ...base(),
      scenario: scenario({
        surges: [{ name: 'comfort blanket', peak_uplift: 0.6, start_year: 2025, peak_year: 2025, target: { transitions: ['EY-R', 'Y6-Y7'] } }],
        transition_shifts: [{ transition: 'Y6-Y7', from: 'MS', to: 'SSA', share: 0.3, start_year: 2025 }],
      }),
    });
    const newAt = (r: ProjectionResult, t: string) => r.transitions.find((x) => x.year === 2026 && x.transition === t)!;
    expect(newAt(ts, 'EY-R').surgeNewPlans).toBeGreaterThan(0);
    expect(newAt(ts, 'Y6-Y7').surgeNewPlans).toBeGreaterThan(0);
    expect(newAt(ts, 'Y11-Y12').surgeNewPlans).toBe(0);
    expect(ts.flows[0]!.surgeNewPlans).toBeCloseTo(newAt(ts, 'EY-R').surgeNewPlans + newAt(ts, 'Y6-Y7').surgeNewPlans, 9);
    const intoSpecial = (r: ProjectionResult) => newAt(r, 'Y6-Y7').moves.filter((m) => m.to === 'SSA' && m.from !== 'SSA').reduce((s, m) => s + m.count, 0);
    expect(intoSpecial(ts)).toBeGreaterThan(intoSpecial(plain) * 1.5);
    // only the ages after the transitions change in the first year
    const d = cubeByAge(ts.central[1]!).map((v, a) => v - cubeByAge(plain.central[1]!)[a]!);
    d.forEach((v, a) => (a === 4 || a === 11 ? expect(v).toBeGreaterThan(0) : expect(Math.abs(v)).toBeLessThan(1e-9)));
  });

  it('capacity: arrivals beyond the places of SSM overflow into ISS, reported per year', () => {
    const SSM = placementIndex('SSM');
    const ISS = placementIndex('ISS');
    const ssm0 = cubeByPlacement(base().initial)[SSM]!;
    const plain = projectDeterministic(base());
    const capped = projectDeterministic({ ...base(), capacity: { SSM: { 2025: ssm0 } }, scenario: scenario({ capacity: { changes: [{ placement: 'SSM', year: 2030, places: 40 }] } }) });
    for (let k = 1; k <= 10; k++) {
      const places = ssm0 + (2025 + k >= 2030 ? 40 : 0);
      expect(cubeByPlacement(capped.central[k]!)[SSM]).toBeLessThanOrEqual(places + 1e-6);
    }
    expect(cubeByPlacement(capped.central[5]!)[ISS]).toBeGreaterThan(cubeByPlacement(plain.central[5]!)[ISS]!);
    expect(capped.flows[0]!.overflow.ISS).toBeGreaterThan(0);
    expect(totals(capped).at(-1)).toBeCloseTo(totals(plain).at(-1)!, 6);
    expect(capped.assumptions.some((a) => a.key === 'capacity')).toBe(true);
  });

  it('records plans avoided per mitigation name and the unmitigated difference', () => {
    const plain = projectDeterministic(base());
    const mit = projectDeterministic({
      ...base(),
      scenario: scenario({
        mitigations: [
          { name: 'early help', kind: 'fewer_requests', effect: 0.2, start_year: 2026, ramp_years: 2, cost_gbp_per_year: 1e5 },
          { name: 'PfA', kind: 'more_ceasing', effect: 0.3, start_year: 2025, target: { ages: [18, 19] } },
          { name: 'fees', kind: 'unit_cost_change', effect: 0.1, start_year: 2025 },
        ],
      }),
    });
    expect(mit.flows[0]!.avoidedByMitigation['early help']).toBe(0);
    expect(mit.flows[2]!.avoidedByMitigation['early help']).toBeGreaterThan(0);
    expect(mit.flows[0]!.avoidedByMitigation.PfA).toBeGreaterThan(0);
    expect(mit.flows[0]!.avoidedByMitigation.fees).toBeUndefined();
    expect(plain.flows[2]!.newPlans - mit.flows[2]!.newPlans).toBeCloseTo(mit.flows[2]!.avoidedByMitigation['early help']!, 9);
    expect(mit.flows[0]!.ceased - plain.flows[0]!.ceased).toBeCloseTo(mit.flows[0]!.avoidedByMitigation.PfA!, 9);
  });

  it('placement_shift redirects new plans and moves from one placement to another', () => {
    const ISS = placementIndex('ISS');
    const SSA = placementIndex('SSA');
    const plain = projectDeterministic(base());
    const shift = projectDeterministic({ ...base(), scenario: scenario({ mitigations: [{ name: 'local', kind: 'placement_shift', effect: 0.5, start_year: 2025, from: 'ISS', to: 'SSA' }] }) });
    expect(cubeByPlacement(shift.central[3]!)[ISS]).toBeLessThan(cubeByPlacement(plain.central[3]!)[ISS]!);
    expect(cubeByPlacement(shift.central[3]!)[SSA]).toBeGreaterThan(cubeByPlacement(plain.central[3]!)[SSA]!);
    expect(cubeTotal(shift.central[3]!)).toBeCloseTo(cubeTotal(plain.central[3]!), 6);
  });

  it('population growth override replaces the projection', () => {
    const r0 = projectDeterministic({ ...base(), scenario: scenario({ population: { growth: 0 } }) });
    const r1 = projectDeterministic({ ...base(), scenario: scenario({ population: { growth: 0.02 } }) });
    expect(r1.flows[4]!.newPlans / r0.flows[4]!.newPlans).toBeCloseTo(Math.pow(1.02, 5), 9);
  });
});

describe('monotone levers (property)', () => {
  const target = fc.constantFrom({}, { phases: ['PRIMARY'] as string[] }, { transitions: ['Y6-Y7'] as string[] }, { needs: ['SEMH'] as string[] }, { cohorts: { ages: [0, 1, 2], in_census_year: 2024 } });
  it('a larger surge never lowers plans', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.9, max: 2, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), target, fc.integer({ min: 2026, max: 2030 }), (u, extra, t, start) => {
        const run = (peak: number) =>
          totals(projectDeterministic({ ...base(), horizon: 6, scenario: scenario({ surges: [{ name: 's', peak_uplift: peak, start_year: start, peak_year: start + 1, target: t as never }] }) }));
        const lo = run(u);
        const hi = run(Math.min(10, u + extra));
        return hi.every((v, i) => v >= lo[i]! - 1e-9);
      }),
      { numRuns: 30 },
    );
  });

  it('a larger mitigation never raises plans', () => {
    const kinds = fc.constantFrom('fewer_requests', 'lower_conversion', 'more_ceasing') as fc.Arbitrary<'fewer_requests' | 'lower_conversion' | 'more_ceasing'>;
    fc.assert(
      fc.property(kinds, fc.double({ min: -0.5, max: 0.9, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.integer({ min: 0, max: 4 }), target, (kind, e, extra, ramp, t) => {
        const run = (effect: number) =>
          totals(projectDeterministic({ ...base(), horizon: 6, scenario: scenario({ mitigations: [{ name: 'm', kind, effect, start_year: 2025, ramp_years: ramp, target: t as never }] }) }));
        const lo = run(e);
        const hi = run(Math.min(1, e + extra));
        return hi.every((v, i) => v <= lo[i]! + 1e-9);
      }),
      { numRuns: 30 },
    );
  });
});


describe('placement_shift restricted to needs', () => {
  it('moves only the targeted need out of `from` (moves and new plans); other needs are untouched', async () => {
    const { cellIndex } = await import('../../src/model/cube.ts');
    const { needIndex, N_NEEDS, N_PLACEMENTS } = await import('../../src/domain/index.ts');
    const shift = (needs?: string[]) =>
      projectDeterministic({
        ...base(),
        scenario: scenario({ mitigations: [{ name: 's', kind: 'placement_shift', effect: 0.5, start_year: 2025, from: 'SSA', to: 'RP', ...(needs ? { target: { needs: needs as never } } : {}) }] }),
      });
    const none = projectDeterministic(base());
    const asd = shift(['ASD']);
    const all = shift();
    const ssa = placementIndex('SSA');
    const sum = (r: ProjectionResult, k: number, n: number, p: number) => {
      let s = 0;
      for (let a = 0; a < N_AGES; a++) s += r.central[k]![cellIndex(a, n, p)]!;
      return s;
    };
    const A = needIndex('ASD');
    const M = needIndex('SEMH');
    for (let k = 1; k <= 10; k++) {
      // SEMH: exactly as without the lever
      for (let p = 0; p < N_PLACEMENTS; p++) expect(sum(asd, k, M, p)).toBeCloseTo(sum(none, k, M, p), 9);
      // ASD: fewer in SSA, and as many as when every need is shifted
      expect(sum(asd, k, A, ssa)).toBeLessThan(sum(none, k, A, ssa));
      expect(sum(asd, k, A, ssa)).toBeCloseTo(sum(all, k, A, ssa), 9);
      expect(cubeTotal(asd.central[k]!)).toBeCloseTo(cubeTotal(none.central[k]!), 6);
    }
    expect(N_NEEDS).toBeGreaterThan(M);
  });
});

describe('prepared new-plan shapes', () => {
  it('are made once for a run of years with no new-plan lever and the same population, and are each year’s own shape', () => {
    const s = scenario({
      surges: [{ name: 's', peak_uplift: 0.4, start_year: 2030, peak_year: 2031, target: { phases: ['PRIMARY'] } }],
    });
    const input = { rates: fixtureRates(), initial: fixtureInitial(), population: fixturePopulation(), baseYear: 2025, horizon: 10, scenario: s };
    const prep = prepare(input);
    const possible = possibleTable();
    // every year's shape is what newPlanShape makes for that year's levers and population, bit for bit
    prep.shapes.forEach((sh, i) => {
      const lv = prep.levers[i]!;
      const own = newPlanShape(input.rates.newMix, lv, populationAt(input.population, lv.year, 2025), possible);
      expect(sh, `${lv.year}`).toEqual(own);
    });
    // 2026–2027: the population of 2025; 2028–2030: that of 2028 (fixturePopulation), no surge yet; then the surge
    expect(prep.shapes[1]).toBe(prep.shapes[0]);
    expect(prep.shapes[2]).not.toBe(prep.shapes[1]);
    expect(prep.shapes[4]).toBe(prep.shapes[2]);
    const surged = prep.levers.findIndex((lv) => lv.surgeMult.some((v) => v !== 1));
    expect(surged).toBeGreaterThan(4);
    expect(prep.shapes[surged]).not.toBe(prep.shapes[surged - 1]);
    expect(prep.shapes[surged]!.surgeByAge.some((v) => v > 0)).toBe(true);
  });
});
