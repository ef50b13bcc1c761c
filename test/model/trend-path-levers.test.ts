/**
 * A scenario's own trend (incidence_growth, long_run_growth, trend_damping) in a run held to the total-plans forecast
 * moves the solved path by the difference its growth curve makes to the trend behind the path (levers/trend.ts
 * movedPath). It used to replace the path with the curve: the explorer's trend levers, set to the values they showed,
 * changed the run (8,914 plans at the sample's horizon became 10,005), a lower growth could give more plans than the
 * run as loaded, and the long-run rate had no effect at any value while the first touch of it moved the run.
 */
import { describe, expect, it } from 'vitest';
import { projectDeterministic } from '../../src/model/engine.ts';
import type { EngineInput } from '../../src/model/engine-input.ts';
import { cubeTotal } from '../../src/model/cube.ts';
import { curveGrowth, movedPath, shiftGrowth } from '../../src/model/levers/trend.ts';
import { applyRatesVariant } from '../../src/model/variants.ts';
import { fixtureInitial, fixturePopulation, fixtureRates, scenario } from './fixtures.ts';

/** A front-loaded solved path, as constrain.ts gives when the forecast needs a catch-up: 25% then about 8% a year. */
const PATH = [1, 1.25, 1.36, 1.46, 1.58, 1.71];

function totals(projection: { growth?: number; damping?: number; longRun?: number } | undefined): number[] {
  const rates = fixtureRates();
  rates.trend = { growth: 0.08, se: 0.02, damping: 0, longRun: 0.05, path: [...PATH] };
  const input: EngineInput = {
    rates,
    initial: fixtureInitial(),
    population: fixturePopulation(),
    baseYear: 2025,
    horizon: 5,
    scenario: scenario({ projection: projection && { incidence_growth: projection.growth, trend_damping: projection.damping, long_run_growth: projection.longRun } }),
  };
  return projectDeterministic(input).central.map(cubeTotal);
}

describe('a scenario trend on a run held to the forecast', () => {
  it('set to the trend behind the path changes nothing, bit for bit', () => {
    const asLoaded = totals(undefined);
    expect(totals({ growth: 0.08 })).toEqual(asLoaded);
    expect(totals({ longRun: 0.05 })).toEqual(asLoaded);
    expect(totals({ damping: 0 })).toEqual(asLoaded);
    expect(totals({ growth: 0.08, damping: 0, longRun: 0.05 })).toEqual(asLoaded);
  });

  it('moves plans with growth: higher never fewer, lower never more, and a small move a small change', () => {
    const asLoaded = totals(undefined);
    const up = totals({ growth: 0.09 });
    const down = totals({ growth: 0.07 });
    const nudge = totals({ growth: 0.0801 });
    for (let k = 1; k < asLoaded.length; k++) {
      expect(up[k]).toBeGreaterThan(asLoaded[k]!);
      expect(down[k]).toBeLessThan(asLoaded[k]!);
      expect(Math.abs(nudge[k]! - asLoaded[k]!) / asLoaded[k]!).toBeLessThan(0.001);
    }
  });

  it('the long-run rate acts once growth settles, in its own direction, and not while it does not', () => {
    expect(totals({ longRun: 0.01 })).toEqual(totals(undefined)); // damping 0: growth never reaches the long run
    const settle = totals({ damping: 0.5 });
    const settleHigher = totals({ damping: 0.5, longRun: 0.1 });
    for (let k = 2; k < settle.length; k++) expect(settleHigher[k]).toBeGreaterThan(settle[k]!);
  });
});

describe('movedPath', () => {
  it('moves each year by the difference of the two curves', () => {
    const from = { growth: 0.1, damping: 0.5, longRun: 0.02 };
    const to = { growth: 0.06, damping: 0.5, longRun: 0.04 };
    const moved = movedPath(PATH, from, to);
    for (let k = 1; k < PATH.length; k++) {
      expect(moved[k]! / moved[k - 1]! - 1).toBeCloseTo(PATH[k]! / PATH[k - 1]! - 1 + curveGrowth(to, k) - curveGrowth(from, k), 12);
    }
    expect(shiftGrowth(PATH, 0)).toEqual(PATH);
    expect(curveGrowth(from, 1)).toBe(0.1);
    expect(curveGrowth(from, 3)).toBeCloseTo(0.02 + 0.08 * 0.25, 12);
  });
});

describe('the tornado growth row on a run held to the forecast', () => {
  it('moves plans with or without a trend the scenario sets (it cancelled to exactly 0 with one)', () => {
    const rates = fixtureRates();
    rates.trend = { growth: 0.08, se: 0.02, damping: 0, longRun: 0.05, path: [...PATH] };
    const at = (projection: { incidence_growth?: number; trend_damping?: number; long_run_growth?: number } | undefined, delta: number) => {
      const input: EngineInput = { rates: applyRatesVariant(rates, { incidenceGrowthDelta: delta }), initial: fixtureInitial(), population: fixturePopulation(), baseYear: 2025, horizon: 5, scenario: scenario({ projection }) };
      return cubeTotal(projectDeterministic(input).central[5]!);
    };
    for (const own of [undefined, { incidence_growth: 0.06 }, { incidence_growth: 0.06, trend_damping: 0.3, long_run_growth: 0.03 }]) {
      expect(at(own, 0.02), JSON.stringify(own)).toBeGreaterThan(at(own, 0));
      expect(at(own, -0.02), JSON.stringify(own)).toBeLessThan(at(own, 0));
    }
  });
});
