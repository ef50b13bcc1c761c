/**
 * The forecast's total-plan path takes shortcuts that must not change a number: projectTotals runs the engine's
 * totals-only projection (projectDeterministicTotals, no flows or attribution), and a backtest's calibration forecasts
 * each past origin once, to the full horizon, through a memo shared across origins. Both are checked bit for bit
 * against the long way round.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { projectDeterministic, projectDeterministicTotals } from '../../src/model/engine.ts';
import type { EngineInput } from '../../src/model/engine-input.ts';
import { calibrationScales, centralsAt, type CentralCache } from '../../src/model/forecast/calibrate.ts';
import { centralForecasts, DEFAULT_SETTINGS } from '../../src/model/forecast/central.ts';
import { projectTotals, type ProjectionInput } from '../../src/model/forecast/engine-adapter.ts';
import { batchKnownAt, forecastTotals } from '../../src/model/forecast/totals.ts';
import { backtestPoints } from '../../src/model/backtest/backtest.ts';
import type { Batch } from '../../src/model/forecast/pool.ts';
import type { Rates } from '../../src/model/rates.ts';
import { fixtureInitial, fixturePopulation, fixtureRates, scenario, withPipeline } from './fixtures.ts';
import { writeFixture } from './forecast-fixture.ts';
import { HAVE_REAL, realEesDatasets } from './real-files.ts';

/** projectDeterministic's total plans per year, the way projectTotals read them before the totals-only path. */
const fullTotals = (input: EngineInput): number[] => projectDeterministic(input).totalQuantiles.map((q) => q.p50);

/** Every index where the two paths differ in the last bit (Object.is: -0 and NaN count too). */
function differences(inputs: EngineInput[]): string[] {
  const out: string[] = [];
  inputs.forEach((input, i) => {
    const a = fullTotals(input);
    const b = projectDeterministicTotals(input);
    if (a.length !== b.length || a.some((v, k) => !Object.is(v, b[k]))) out.push(`input ${i}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  });
  return out;
}

/** A pipeline that assesses 80% and issues 90% of 1.4 times the incidence, carrying `carryShare` (fixtures.ts). */
function pipelineOf(r: Rates, carryShare: number, openAtBase: number): Rates {
  return withPipeline(r, { requestIncidence: Float64Array.from(r.incidence, (v) => v * 1.4), assessShare: 0.8, issueShare: 0.9, carryShare, openAtBase });
}

/** The engine inputs the forecast projects for every LA of `batch` at `origin`. */
function forecastInputs(batch: Batch, origin: number, horizon: number): ProjectionInput[] {
  const inputs: ProjectionInput[] = [];
  centralForecasts(batch, origin, horizon, DEFAULT_SETTINGS, (input) => {
    inputs.push(input);
    return projectTotals(input);
  });
  return inputs;
}

describe('projectDeterministicTotals', () => {
  it('gives projectDeterministic’s totals bit for bit, with levers, capacity, the pipeline and a solved trend path', () => {
    fc.assert(
      fc.property(
        fc.record({
          growth: fc.double({ min: -0.1, max: 0.3, noNaN: true }),
          mig: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
          uplift: fc.double({ min: -0.9, max: 3, noNaN: true }),
          effect: fc.double({ min: -0.5, max: 1, noNaN: true }),
          places: fc.integer({ min: 0, max: 2000 }),
          shift: fc.double({ min: 0, max: 1, noNaN: true }),
          pipeline: fc.boolean(),
          carry: fc.double({ min: 0, max: 0.9, noNaN: true }),
          path: fc.boolean(),
          horizon: fc.integer({ min: 1, max: 10 }),
        }),
        ({ growth, mig, uplift, effect, places, shift, pipeline, carry, path, horizon }) => {
          const rates = fixtureRates({ growth });
          if (pipeline) pipelineOf(rates, carry, 150);
          if (path) rates.trend.path = Array.from({ length: horizon + 1 }, (_, k) => 1 + k * growth);
          const input: EngineInput = {
            rates,
            initial: fixtureInitial(),
            population: fixturePopulation(),
            baseYear: 2025,
            horizon,
            scenario: scenario({
              projection: { net_migration_rate: mig, pipeline },
              surges: [{ name: 's', peak_uplift: uplift, start_year: 2026, peak_year: 2027, target: { phases: ['PRIMARY'] } }],
              mitigations: [
                { name: 'm1', kind: 'fewer_requests', effect, start_year: 2027, ramp_years: 2 },
                { name: 'm2', kind: 'more_ceasing', effect: Math.abs(effect), start_year: 2026, target: { ages: [16, 17, 18] } },
                { name: 'm3', kind: 'placement_shift', effect: shift, start_year: 2026, from: 'ISS', to: 'SSA' },
                { name: 'm4', kind: 'placement_shift', effect: shift / 2, start_year: 2026, from: 'ISS', to: 'SSM', target: { needs: ['ASD'] } },
              ],
              transition_shifts: [{ transition: 'Y6-Y7', from: 'SSA', to: 'RP', share: shift, start_year: 2026 }],
              capacity: { changes: [{ placement: 'SSM', year: 2027, places: places - 1000 }] },
            }),
          };
          expect(differences([input])).toEqual([]);
          // and without any scenario, as the forecast calls it
          expect(differences([{ ...input, scenario: undefined }])).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives projectDeterministic’s totals bit for bit for every LA the forecast projects (EES fixture, every origin)', async () => {
    const ees = await datasetsFromEesFiles(writeFixture(2024));
    const batch: Batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
    const inputs = [2016, 2018, 2020, 2022].flatMap((o) => forecastInputs(batch, o, 3));
    expect(inputs.length).toBeGreaterThan(8);
    expect(differences(inputs)).toEqual([]);
  });

  it.skipIf(!HAVE_REAL)('gives projectDeterministic’s totals bit for bit for every LA of the real releases (needs the real files, test/real-data.ts)', async () => {
    const ees = await realEesDatasets();
    const batch: Batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
    const inputs = forecastInputs(batch, 2019, 3);
    expect(inputs.length).toBeGreaterThan(140);
    expect(differences(inputs)).toEqual([]);
  });
});

describe('the backtest’s memo of past origins', () => {
  it('gives the same scales and points as forecasting each origin afresh for the reach it is scored on', async () => {
    const ees = await datasetsFromEesFiles(writeFixture(2024));
    const batch: Batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
    const origins = [2018, 2019, 2020, 2021];
    const cache: CentralCache = new Map();
    for (const o of origins) {
      // the memo holds origins forecast to the full horizon before a later base year scores them over a shorter reach
      expect(calibrationScales(batch, o, 3, DEFAULT_SETTINGS, projectTotals, cache)).toEqual(calibrationScales(batch, o, 3));
      centralsAt(batch, o, 3, DEFAULT_SETTINGS, projectTotals, cache);
    }
    // a batch of a few LAs calibrates on 8 past origins: 2010 … 2017 for base year 2018
    expect([...cache.keys()].sort()).toEqual(Array.from({ length: 12 }, (_, i) => 2010 + i));
    for (const fs of cache.values()) for (const f of fs) expect(f.central).toHaveLength(3);
    // a short reach is the first years of the full horizon, bit for bit
    for (const o of [2015, 2016, 2017])
      for (const reach of [1, 2]) {
        const long = cache.get(o)!;
        const short = centralForecasts(batch, o, reach).forecasts;
        expect(short.length).toBe(long.length);
        expect(short.map((f) => f.central)).toEqual(long.map((f) => f.central.slice(0, reach)));
        expect(short.map((f) => f.sigma)).toEqual(long.map((f) => f.sigma.slice(0, reach)));
      }
  });
});

describe('a run’s forecast of one LA and its track record', () => {
  it('forecast only the LA asked for, and the track record reuses the calibration’s past origins: the same numbers as the whole batch, afresh', async () => {
    const ees = await datasetsFromEesFiles(writeFixture(2024));
    const batch: Batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
    const all = forecastTotals(batch, 2022, 4);
    expect(all.forecasts.length).toBeGreaterThan(1);
    for (const code of all.forecasts.map((f) => f.ds.la.oldCode)) {
      const pastOrigins: CentralCache = new Map();
      const one = forecastTotals(batch, 2022, 4, DEFAULT_SETTINGS, new Set([code]), pastOrigins);
      expect(one.forecasts).toEqual(all.forecasts.filter((f) => f.ds.la.oldCode === code));
      expect(one.skipped).toEqual([]);
      // only origins before the base year are kept, each forecast over the whole horizon
      expect(Math.max(...pastOrigins.keys())).toBe(2021);
      for (const fs of pastOrigins.values()) expect(fs.map((f) => f.central.length)).toEqual(fs.map(() => 4));
      const origins = [2018, 2019, 2020, 2021];
      const known = batchKnownAt(batch, 2022);
      const reused = backtestPoints(known, { origins, horizon: 3, cache: pastOrigins });
      expect(reused).toEqual(backtestPoints(known, { origins, horizon: 3 }));
    }
    // the skipped LAs are listed when asked for by name, whether or not only they are forecast
    for (const s of all.skipped) expect(forecastTotals(batch, 2022, 4, DEFAULT_SETTINGS, new Set([s.old_la_code])).skipped).toEqual([s]);
  });
});
