/**
 * The tornado's re-projections take two shortcuts that must not change a number: the cubes alone
 * (projectDeterministicCentral: no flows, transitions or pipeline attribution), and one `preparer` per engine input
 * whose new-plan shapes and pipeline preparation are kept across variants that share the rates' new-plan mix.
 * Both are checked bit for bit against projecting each variant afresh.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectDeterministic, projectDeterministicCentral } from '../../src/model/engine.ts';
import type { EngineInput } from '../../src/model/engine-input.ts';
import { prepare, preparer, trendPreparer } from '../../src/model/levers/prepare.ts';
import type { Rates } from '../../src/model/rates.ts';
import { applyRatesVariant, type RatesVariant } from '../../src/model/variants.ts';
import { fixtureInitial, fixturePopulation, fixtureRates, scenario, withPipeline } from './fixtures.ts';

/** A pipeline that assesses 80% and issues 90% of 1.4 times the incidence, carrying `carryShare` (fixtures.ts). */
function pipelineOf(r: Rates, carryShare: number): Rates {
  return withPipeline(r, { requestIncidence: Float64Array.from(r.incidence, (v) => v * 1.4), assessShare: 0.8, issueShare: 0.9, carryShare, openAtBase: 150 });
}

/** Every census cube index where the two differ in the last bit. */
function differences(a: Float64Array[], b: Float64Array[]): string[] {
  if (a.length !== b.length) return [`${a.length} cubes vs ${b.length}`];
  const out: string[] = [];
  a.forEach((c, k) => c.forEach((v, i) => Object.is(v, b[k]![i]) || out.push(`census ${k} cell ${i}: ${v} vs ${b[k]![i]}`)));
  return out.slice(0, 5);
}

/**
 * Where two prepared structures first differ ('' when they do not), typed arrays compared byte for byte: vitest's
 * toEqual walks a typed array element by element, too slow for a property test over whole cubes.
 */
function firstDifference(a: unknown, b: unknown, at = 'prepared'): string {
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    const [x, y] = [a as Float64Array, b as Float64Array];
    const same = ArrayBuffer.isView(b) && x.constructor === y.constructor && Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(Buffer.from(y.buffer, y.byteOffset, y.byteLength));
    return same ? '' : at;
  }
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? '' : at;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return '';
}

/** The six variants in the order the tornado asks for them. */
const variants = (g: number, iss: number, cease: number): RatesVariant[] => [
  { incidenceGrowthDelta: -g },
  { incidenceGrowthDelta: g },
  { issShareDelta: -iss },
  { issShareDelta: iss },
  { ceasing1619Delta: -cease },
  { ceasing1619Delta: cease },
];

describe('the tornado re-projections', () => {
  it('give projectDeterministic’s cubes bit for bit for every variant, with levers, capacity and the pipeline', () => {
    fc.assert(
      fc.property(
        fc.record({
          growth: fc.double({ min: -0.1, max: 0.3, noNaN: true }),
          uplift: fc.double({ min: -0.9, max: 3, noNaN: true }),
          effect: fc.double({ min: -0.5, max: 1, noNaN: true }),
          shift: fc.double({ min: 0, max: 1, noNaN: true }),
          pipeline: fc.boolean(),
          carry: fc.double({ min: 0, max: 0.9, noNaN: true }),
          path: fc.boolean(),
          horizon: fc.integer({ min: 1, max: 10 }),
          step: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        }),
        ({ growth, uplift, effect, shift, pipeline, carry, path, horizon, step }) => {
          const rates = fixtureRates({ growth });
          if (pipeline) pipelineOf(rates, carry);
          if (path) rates.trend.path = Array.from({ length: horizon + 1 }, (_, k) => 1 + k * growth);
          const input: EngineInput = {
            rates,
            initial: fixtureInitial(),
            population: fixturePopulation(),
            baseYear: 2025,
            horizon,
            scenario: scenario({
              projection: { pipeline },
              surges: [{ name: 's', peak_uplift: uplift, start_year: 2026, peak_year: 2027, target: { phases: ['PRIMARY'] } }],
              mitigations: [
                { name: 'm1', kind: 'fewer_requests', effect, start_year: 2027, ramp_years: 2 },
                { name: 'm2', kind: 'more_ceasing', effect: Math.abs(effect), start_year: 2026, target: { ages: [16, 17, 18] } },
                { name: 'm3', kind: 'placement_shift', effect: shift, start_year: 2026, from: 'ISS', to: 'SSA' },
              ],
              capacity: { changes: [{ placement: 'SSM', year: 2027, places: -300 }] },
            }),
          };
          const before = structuredClone(rates);
          const prepareFor = preparer(input);
          for (const v of variants(step / 10, step, step)) {
            const varied: EngineInput = { ...input, rates: applyRatesVariant(rates, v) };
            const prep = prepareFor(varied.rates);
            expect(firstDifference(prep, prepare(varied))).toBe('');
            expect(differences(projectDeterministicCentral(varied, prep), projectDeterministic(varied).central)).toEqual([]);
          }
          expect(firstDifference(rates, before)).toBe(''); // no variant wrote the base rates
        },
      ),
      { numRuns: 6 },
    );
  });

  it('keep the new-plan shapes of variants that leave the new-plan mix alone, and make them again for the ISS share', () => {
    const rates = pipelineOf(fixtureRates(), 0.3);
    const input: EngineInput = { rates, initial: fixtureInitial(), population: fixturePopulation(), baseYear: 2025, horizon: 5, scenario: scenario({}) };
    const prepareFor = preparer(input);
    const [down, up, issDown, issUp, ceaseDown] = variants(0.02, 0.1, 0.1).map((v) => prepareFor(applyRatesVariant(rates, v)));
    expect(up!.shapes).toBe(down!.shapes);
    expect(ceaseDown!.shapes).toBe(down!.shapes);
    expect(ceaseDown!.pipeline).toBe(down!.pipeline);
    expect(issDown!.shapes).not.toBe(down!.shapes);
    expect(issUp!.shapes).not.toBe(issDown!.shapes);
    expect(issUp!.shapes).not.toEqual(down!.shapes);
    // a pipeline of its own is prepared again, even on the same new-plan mix
    expect(prepareFor({ ...rates, pipeline: { ...rates.pipeline!, openAtBase: 10 } }).pipeline).not.toBe(down!.pipeline);
  });
});

describe('one preparation for every trend (the explorer’s trend levers)', () => {
  it('prepares a scenario that differs in the trend levers alone as prepare does afresh, and projects it bit for bit', () => {
    const trend = fc.option(fc.double({ min: -0.2, max: 0.4, noNaN: true }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({ growth: trend, damping: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), longRun: trend, pipeline: fc.boolean(), path: fc.boolean() }),
        fc.array(fc.record({ growth: trend, damping: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), longRun: trend }), { minLength: 1, maxLength: 3 }),
        (first, moves) => {
          const rates = fixtureRates();
          if (first.pipeline) pipelineOf(rates, 0.3);
          if (first.path) rates.trend.path = Array.from({ length: 6 }, (_, k) => 1 + k * 0.05);
          const withTrend = (t: { growth?: number; damping?: number; longRun?: number }) =>
            scenario({
              projection: { pipeline: first.pipeline, incidence_growth: t.growth, trend_damping: t.damping, long_run_growth: t.longRun },
              surges: [{ name: 's', peak_uplift: 0.4, start_year: 2026, peak_year: 2027, target: { phases: ['PRIMARY'] } }],
              mitigations: [{ name: 'm1', kind: 'fewer_requests', effect: 0.2, start_year: 2027, ramp_years: 2 }],
              capacity: { changes: [{ placement: 'SSM', year: 2027, places: -300 }] },
            });
          const input: EngineInput = { rates, initial: fixtureInitial(), population: fixturePopulation(), baseYear: 2025, horizon: 5, scenario: withTrend(first) };
          const prepareFor = trendPreparer(input);
          for (const m of [first, ...moves]) {
            const moved: EngineInput = { ...input, scenario: withTrend(m) };
            const prep = prepareFor(moved.scenario);
            expect(firstDifference(prep, prepare(moved))).toBe('');
            const a = projectDeterministic(moved, prep);
            const b = projectDeterministic(moved);
            expect(differences(a.central, b.central)).toEqual([]);
            expect(firstDifference({ ...a, central: [] }, { ...b, central: [] })).toBe('');
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});
