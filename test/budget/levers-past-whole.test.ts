/**
 * Unit-cost levers whose reductions on the same plans add up past the whole unit cost: two levers of 80% and 70% on
 * ISS made the sample's ISS plans free from 2026-27 (its 2026-27 spend £62.9m against £77.0m), the Mitigations sheet
 * giving the two levers savings of 150% of that spend, with exit 0 and no word. The run now says it on stderr and the
 * Data quality sheet, naming the levers, the placements and the first year; the figures are as before (capped at £0).
 */
import { describe, expect, it } from 'vitest';
import { leversPastWholeCost } from '../../src/budget/levers.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import { projection, scenario, tables } from './fixtures.ts';

const plans = projection({ years: [2025, 2026, 2027], cells: [10, 10, 10].map((n) => [{ placement: 'ISS' as const, age: 12, plans: n }, { placement: 'SSM' as const, age: 8, plans: n }]) });
const money = tables({
  unitCosts: [{ placement: 'ISS', annualCostGbp: 60_000, priceYear: 2025 }, { placement: 'SSM', annualCostGbp: 20_000, priceYear: 2025 }],
  funding: [{ fy: 2025, hnBlockGbp: 800_000 }],
});
const lever = (name: string, effect: number, extra: object = {}) => ({ name, kind: 'unit_cost_change', effect, start_year: 2026, ramp_years: 0, delivery: 1, target: {}, placements: ['ISS'], ...extra });
const budget = (levers: object[]) =>
  runBudget({ scenario: scenario({ costs: { inflation: 0 }, mitigations: levers as never }), tables: money, projection: plans, unmitigatedProjection: plans });

describe('unit-cost levers taking more than the whole cost off the same plans', () => {
  it('are named on stderr and the Data quality sheet with the placements, the share and the first year; ISS is priced at £0', () => {
    const r = budget([lever('ISS cheaper', 0.8), lever('ISS cheaper again', 0.7)]);
    const said = "Mitigations: 'ISS cheaper' and 'ISS cheaper again' together take 150% off the unit cost of the same plans (ISS) in 2026-27: no plan costs less than " +
      "nothing, so the run prices them at £0, and the levers' savings on the Mitigations sheet add up to more than the spend they reduce, the 'Interaction between " +
      "levers' line taking the excess back. Check the levers' effects (0.1 = 10% cheaper): reductions of levers on the same plans add up.";
    expect(r.fallbacks).toContain(said);
    expect(r.warnings).toContain(said);
    expect(r.lines[1]!.byPlacement.ISS).toBe(0);
  });

  it('says nothing where they add up to the whole cost or less, act on other plans, or reach past it only later than the run', () => {
    const notes = (levers: object[]) => (budget(levers).fallbacks ?? []).filter((w) => w.startsWith('Mitigations:'));
    expect(notes([lever('A', 0.5), lever('B', 0.5)])).toEqual([]);
    expect(notes([lever('A', 0.8), lever('B', 0.7, { placements: ['SSM'] })])).toEqual([]);
    expect(leversPastWholeCost([lever('A', 0.8), lever('B', 0.7, { start_year: 2030 })] as never, [2025, 2026, 2027])).toBeUndefined();
    // ramped, they pass the whole cost in the year both are in full force
    expect(leversPastWholeCost([lever('A', 0.8, { ramp_years: 2 }), lever('B', 0.7, { ramp_years: 2 })] as never, [2025, 2026, 2027])).toMatchObject({ fy: 2027, names: ['A', 'B'], placements: ['ISS'] });
  });
});
