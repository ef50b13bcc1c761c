import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/model/levers/prepare.ts';
import { canCollapse, runDrawRange } from '../../src/model/montecarlo/run-draws.ts';
import { quantileSorted } from '../../src/util/quantiles.ts';
import { fixtureInitial, fixturePopulation, fixtureRates, scenario } from './fixtures.ts';
import { identityErrors } from './identity.ts';

describe('Monte Carlo draws', () => {
  it('property: the stock identity holds per age in every draw, stocks stay non-negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: -0.2, max: 0.2, noNaN: true }), (seed, mig) => {
        const input = {
          rates: fixtureRates({ evidence: 30 }),
          initial: fixtureInitial(40),
          population: fixturePopulation(),
          baseYear: 2025,
          horizon: 5,
          scenario: scenario({
            projection: { net_migration_rate: mig },
            mitigations: [{ name: 'pfa', kind: 'more_ceasing', effect: 0.5, start_year: 2026, target: { needs: ['ASD'] } }],
            capacity: { changes: [{ placement: 'SSA', year: 2026, places: -50 }] },
          }),
        };
        const prep = prepare(input);
        let worst = 0;
        runDrawRange({ prep, rates: input.rates, initial: input.initial, seed, weights: {} }, 0, 3, (_d, _k, S, next, w) => {
          worst = Math.max(worst, identityErrors(S, next, w));
          for (const v of next) if (v < -1e-9) throw new Error(`negative stock ${v}`);
        });
        return worst < 1e-9;
      }),
      { numRuns: 25 },
    );
  });

  it('draw d is the same whichever range it is run in', () => {
    const input = { rates: fixtureRates(), initial: fixtureInitial(), population: fixturePopulation(), baseYear: 2025, horizon: 4 };
    const job = { prep: prepare(input), rates: input.rates, initial: input.initial, seed: 5, weights: {} };
    const all = runDrawRange(job, 0, 6).totals;
    const tail = runDrawRange(job, 4, 6).totals;
    expect(Array.from(all.subarray(all.length - tail.length))).toEqual(Array.from(tail));
  });

  it('collapsed draws (needs summed) give the full-layout totals when nothing differs by need', () => {
    const input = {
      rates: fixtureRates(),
      initial: fixtureInitial(),
      population: fixturePopulation(),
      baseYear: 2025,
      horizon: 6,
      scenario: scenario({
        surges: [{ name: 's', peak_uplift: 0.3, start_year: 2026, peak_year: 2027, target: { needs: ['SEMH'] } }],
        capacity: { changes: [{ placement: 'SSA', year: 2026, places: -30 }] },
      }),
    };
    const job = { prep: prepare(input), rates: input.rates, initial: input.initial, seed: 9, weights: {} };
    expect(canCollapse(job.prep, {})).toBe(true);
    const full = runDrawRange(job, 0, 40, undefined, { collapse: false }).totals;
    const small = runDrawRange(job, 0, 40, undefined, { collapse: true }).totals;
    let worst = 0;
    for (let i = 0; i < full.length; i++) worst = Math.max(worst, Math.abs(full[i]! - small[i]!) / Math.max(1, full[i]!));
    // same random numbers; only rounding in the need split differs (a near-integer group may floor differently)
    expect(worst).toBeLessThan(1e-3);
    const needCeasing = prepare({ ...input, scenario: scenario({ mitigations: [{ name: 'pfa', kind: 'more_ceasing', effect: 0.5, start_year: 2026, target: { needs: ['ASD'] } }] }) });
    expect(canCollapse(needCeasing, {})).toBe(false);
  });

  it('need-restricted placement shifts on moves keep the identity in draws (full layout)', () => {
    const input = {
      rates: fixtureRates({ evidence: 30 }),
      initial: fixtureInitial(60),
      population: fixturePopulation(),
      baseYear: 2025,
      horizon: 5,
      scenario: scenario({ mitigations: [{ name: 'rp', kind: 'placement_shift', effect: 0.6, start_year: 2026, from: 'SSA', to: 'RP', target: { needs: ['ASD'] } }] }),
    };
    const prep = prepare(input);
    expect(canCollapse(prep, {})).toBe(false);
    let worst = 0;
    runDrawRange({ prep, rates: input.rates, initial: input.initial, seed: 4, weights: {} }, 0, 5, (_d, _k, S, next, w) => {
      worst = Math.max(worst, identityErrors(S, next, w));
      for (const v of next) if (v < -1e-9) throw new Error(`negative stock ${v}`);
    });
    expect(worst).toBeLessThan(1e-9);
  });

  it('quantiles interpolate between order statistics', () => {
    const s = Float64Array.from([1, 2, 3, 4, 5]);
    expect(quantileSorted(s, 0.5)).toBe(3);
    expect(quantileSorted(s, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileSorted(s, 0.9)).toBeCloseTo(4.6, 12);
  });
});
