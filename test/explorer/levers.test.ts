import { describe, expect, it } from 'vitest';
import { getAt, leverNotes, leverProblem, leversOf, parsePath, setAt } from '../../src/explorer/levers.ts';
import { scenario } from '../model/fixtures.ts';
import { ScenarioSchema } from '../../src/scenario/schema.ts';

const ctx = { trend: { growth: 0.08, se: 0.01, damping: 0.2, longRun: 0.03 }, baseYear: 2025, horizon: 10, lastFundingFy: 2026 };

describe('levers', () => {
  const s = scenario({
    surges: [{ name: 'Covid', peak_uplift: 0.3, start_year: 2023, peak_year: 2026, half_life_years: 3 }],
    mitigations: [{ name: 'Early help', kind: 'fewer_requests', effect: 0.1, start_year: 2026, ramp_years: 2, delivery: 0.8, cost_gbp_per_year: 400000 }],
    capacity: { changes: [{ placement: 'SSA', year: 2028, places: 120 }] },
  });

  it('offers the block\'s growth only when the funding table leaves a year of the run to grow into', () => {
    // a one-year horizon inside the table (2025-26 given): the lever moved nothing
    expect(leversOf(s, { ...ctx, horizon: 1, fundingFys: [2025, 2026] }).map((l) => l.path)).not.toContain('funding.growth');
    expect(leversOf(s, { ...ctx, horizon: 2, fundingFys: [2025, 2026] }).map((l) => l.path)).not.toContain('funding.growth');
    expect(leversOf(s, { ...ctx, horizon: 3, fundingFys: [2025, 2026] }).map((l) => l.path)).toContain('funding.growth');
    // a year before the table is the first year's block taken back at the growth rate: the lever moves it
    expect(leversOf(s, { ...ctx, horizon: 1, fundingFys: [2026] }).map((l) => l.path)).toContain('funding.growth');
  });

  it('lists every lever of the scenario with the estimated trend where the scenario does not set it', () => {
    const ls = leversOf(s, ctx);
    const paths = ls.map((l) => l.path);
    expect(paths).toEqual(
      expect.arrayContaining(['projection.incidence_growth', 'surges[0].peak_uplift', 'surges[0].half_life_years', 'mitigations[0].effect', 'mitigations[0].delivery', 'mitigations[0].cost_gbp_per_year', 'capacity.changes[0].places', 'costs.inflation', 'funding.growth']),
    );
    const g = ls.find((l) => l.path === 'projection.incidence_growth')!;
    expect(g).toMatchObject({ value: 0.08, fromScenario: false });
    expect(ls.find((l) => l.path === 'funding.growth')!.label).toMatch(/after 2026-27/);
    for (const l of ls) {
      expect(l.min).toBeLessThanOrEqual(l.value);
      expect(l.max).toBeGreaterThanOrEqual(l.value);
      expect(l.step).toBeGreaterThan(0);
    }
  });

  it('reads and writes key paths without touching the original', () => {
    expect(parsePath('capacity.changes[0].places')).toEqual(['capacity', 'changes', 0, 'places']);
    const t = setAt(s, 'mitigations[0].effect', 0.25);
    expect(getAt(t, 'mitigations[0].effect')).toBe(0.25);
    expect(getAt(s, 'mitigations[0].effect')).toBe(0.1);
    expect(t.mitigations[0]!.name).toBe('Early help');
    expect(getAt(setAt(s, 'projection.incidence_growth', 0.05), 'projection.incidence_growth')).toBe(0.05);
    expect(() => parsePath('a..b')).toThrow(/not a lever path/);
  });

  it('says under a surge that it is measured against the data, so a larger peak can give fewer plans later', () => {
    const notes = leverNotes(s, ctx);
    expect(Object.keys(notes)).toEqual(['Surge: Covid']);
    expect(notes['Surge: Covid']).toMatch(/plans issued in 2024-25/);
    expect(notes['Surge: Covid']).toMatch(/a larger peak gives more plans while it lasts and fewer after/);
    expect(notes['Surge: Covid']).toMatch(/A peak year before the first year counts as the first year/);
  });

  it('says why a value cannot be taken, in the units people type', () => {
    const ls = leversOf(s, ctx);
    const year = ls.find((l) => l.path === 'mitigations[0].start_year')!;
    expect(leverProblem(year, 2027.5)).toMatch(/2027\.5 is not a whole number; the lever is unchanged/);
    expect(leverProblem(ls.find((l) => l.path === 'mitigations[0].delivery')!, 1.5)).toBe(
      'Share of the planned effect actually delivered: 150% is outside what a scenario file accepts (0% to 100%); the lever is unchanged.',
    );
    expect(leverProblem(ls.find((l) => l.path === 'costs.inflation')!, 20)).toMatch(/: 2000% is outside what a scenario file accepts \(above -100%, up to 1000%\)/);
    expect(leverProblem(year, Number.NaN)).toMatch(/a number is needed/);
    expect(leverProblem(year, 2030)).toBeUndefined();
  });

  it('takes exactly what a scenario file accepts: each lever at its limits is read by the schema, just beyond them is not', () => {
    // the raw scenario, as a file would hold it, with every kind of lever
    const raw = {
      projection: { incidence_growth: 0.08, long_run_growth: 0.03, trend_damping: 0.2, net_migration_rate: 0 },
      population: { growth: 0 },
      surges: [{ name: 'Covid', peak_uplift: 0.3, start_year: 2023, peak_year: 2026, half_life_years: 3 }],
      transition_shifts: [{ transition: 'Y6-Y7', from: 'SSM', to: 'MS', share: 0.1, start_year: 2026 }],
      mitigations: [{ name: 'Early help', kind: 'fewer_requests', effect: 0.1, start_year: 2026, ramp_years: 2, delivery: 0.8, cost_gbp_per_year: 400000 }],
      capacity: { changes: [{ placement: 'SSA', year: 2028, places: 120 }] },
      costs: { inflation: 0.03, complexity_drift: { ISS: 0.01 } },
      funding: { growth: 0.03, schools_block_transfer_gbp: 0 },
    };
    const ls = leversOf(scenario(raw as Parameters<typeof scenario>[0]), ctx);
    expect(ls.length).toBe(22);
    const accepted = (path: string, v: number) => ScenarioSchema.safeParse(setAt(raw, path, v)).success;
    for (const l of ls) {
      const { min, max, minExclusive, integer } = l.limits;
      const nudge = integer ? 1 : Math.max(1e-9, Math.abs(max - min) * 1e-9);
      const lo = minExclusive ? min + nudge : min;
      for (const v of [lo, max]) {
        expect(accepted(l.path, v), `${l.path} = ${v}: the schema refuses what the page takes`).toBe(true);
        expect(leverProblem(l, v), `${l.path} = ${v}`).toBeUndefined();
      }
      for (const v of [minExclusive ? min : min - nudge, max + nudge]) {
        expect(accepted(l.path, v), `${l.path} = ${v}: the schema takes what the page refuses`).toBe(false);
        expect(leverProblem(l, v), `${l.path} = ${v}`).toMatch(/is outside what a scenario file accepts/);
      }
    }
  });
});
