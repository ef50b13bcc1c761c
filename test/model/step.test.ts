import { describe, expect, it } from 'vitest';
import { N_AGES, needIndex, placementIndex } from '../../src/domain/index.ts';
import { cellIndex, cubeTotal, newCube } from '../../src/model/cube.ts';
import { projectDeterministic, projectDeterministicObserved } from '../../src/model/engine.ts';
import { emptyRates, moveIndex, newMixIndex } from '../../src/model/rates.ts';
import { expectIdentity } from './identity.ts';

const MS = placementIndex('MS');
const SSA = placementIndex('SSA');
const ASD = needIndex('ASD');

/** One cohort of 100 plans at age 5 in MS; continuation 0.9, 20% move to SSA; incidence 0.01 at age 6 only. */
function tiny() {
  const rates = emptyRates(2025, 'person-level');
  rates.continuation[5] = 0.9;
  rates.moves[moveIndex(5, MS, MS)] = 0.8;
  rates.moves[moveIndex(5, MS, SSA)] = 0.2;
  rates.incidence[6] = 0.01;
  rates.newMix[newMixIndex(6, ASD, MS)] = 1;
  const initial = newCube();
  initial[cellIndex(5, ASD, MS)] = 100;
  const population = { 2025: new Float64Array(N_AGES).fill(1000) };
  return { rates, initial, population, baseYear: 2025, horizon: 1 };
}

describe('step', () => {
  it('gives the hand-worked answer for a tiny rates set', () => {
    const r = projectDeterministic(tiny());
    const next = r.central[1]!;
    // 100 × 0.9 = 90 continue: 72 stay in MS, 18 move to SSA; plus 1000 × 0.01 = 10 new plans in MS at 6.
    expect(next[cellIndex(6, ASD, MS)]).toBeCloseTo(82, 10);
    expect(next[cellIndex(6, ASD, SSA)]).toBeCloseTo(18, 10);
    expect(cubeTotal(next)).toBeCloseTo(100, 10);
    expect(r.flows[0]!.ceased).toBeCloseTo(10, 10);
    expect(r.flows[0]!.newPlans).toBeCloseTo(10, 10);
    expect(r.flows[0]!.agedOut).toBe(0);
  });

  it('ages out every plan at 25 and applies net migration to the continuing cohort', () => {
    const input = tiny();
    input.initial[cellIndex(25, ASD, placementIndex('FE'))] = 7;
    input.rates.netMigration[5] = 0.05;
    const r = projectDeterministicObserved(input, (_k, S, next, w) => expectIdentity(S, next, w));
    expect(r.flows[0]!.agedOut).toBe(7);
    expect(r.flows[0]!.netMigration).toBeCloseTo(5, 10);
    // migration scales the continuing 90 by (1 + 5/90)
    expect(r.central[1]![cellIndex(6, ASD, SSA)]).toBeCloseTo(19, 10);
  });

  it('never puts plans in impossible placements (early years at 5 falls back to the next-age mix)', () => {
    const input = tiny();
    const EY = placementIndex('EY');
    input.initial[cellIndex(4, ASD, EY)] = 50;
    input.rates.newMix[newMixIndex(5, ASD, MS)] = 1;
    const r = projectDeterministic(input);
    expect(r.central[1]![cellIndex(5, ASD, EY)]).toBe(0);
    expect(r.central[1]![cellIndex(5, ASD, MS)]).toBeCloseTo(50, 10);
  });

  it('uses the last known population year when a year is missing', () => {
    const input = { ...tiny(), horizon: 3 };
    const r = projectDeterministic(input);
    expect(r.flows[2]!.newPlans).toBeCloseTo(10, 10);
  });
});
