import { describe, expect, it } from 'vitest';
import { getAt, leverNotes, leverProblem, leversOf, parsePath, setAt } from '../../src/explorer/levers.ts';
import { scenario } from '../model/fixtures.ts';

const ctx = { trend: { growth: 0.08, se: 0.01, damping: 0.2, longRun: 0.03 }, baseYear: 2025, horizon: 10, lastFundingFy: 2026 };

describe('levers', () => {
  const s = scenario({
    surges: [{ name: 'Covid', peak_uplift: 0.3, start_year: 2023, peak_year: 2026, half_life_years: 3 }],
    mitigations: [{ name: 'Early help', kind: 'fewer_requests', effect: 0.1, start_year: 2026, ramp_years: 2, delivery: 0.8, cost_gbp_per_year: 400000 }],
    capacity: { changes: [{ placement: 'SSA', year: 2028, places: 120 }] },
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

  it('says why a value cannot be taken', () => {
    const ls = leversOf(s, ctx);
    const year = ls.find((l) => l.path === 'mitigations[0].start_year')!;
    expect(leverProblem(year, 2027.5)).toMatch(/whole number/);
    expect(leverProblem(ls.find((l) => l.path === 'mitigations[0].delivery')!, 1.5)).toMatch(/between 0 and 1, got 1.5/);
    expect(leverProblem(year, Number.NaN)).toMatch(/a number is needed/);
    expect(leverProblem(year, 2030)).toBeUndefined();
  });
});
