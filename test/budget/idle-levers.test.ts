/**
 * A lever set to act that changes no plan and no spend in any year of the run: a placement_shift out of a placement
 * that holds no plans (`from: WBL` on the sample, which has none), a unit_cost_change of a placement with no plans.
 * Priced as written, its line showed its delivery cost and £0 saved and the "mitigated" figures were the unmitigated
 * ones less that cost, with exit 0 and no word. The run now names it on stderr and the Data quality sheet.
 */
import { describe, expect, it } from 'vitest';
import { idleLevers } from '../../src/budget/mitigations.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import { projection, scenario, tables } from './fixtures.ts';

const plans = (ssm: number[]) =>
  projection({ years: [2025, 2026, 2027], cells: ssm.map((n) => [{ placement: 'SSM' as const, age: 8, plans: n }]) });
const money = tables({
  unitCosts: [
    { placement: 'SSM', annualCostGbp: 20_000, priceYear: 2025 },
    { placement: 'WBL', annualCostGbp: 4_000, priceYear: 2025 },
  ],
  funding: [{ fy: 2025, hnBlockGbp: 600_000 }],
});
const lever = (name: string, kind: 'placement_shift' | 'unit_cost_change' | 'fewer_requests', extra: object = {}) => ({
  name, kind, effect: 0.5, start_year: 2025, cost_gbp_per_year: 100_000, ...extra,
});

function budget(levers: object[], perLever: Record<string, ReturnType<typeof plans>>, mitigated = plans([10, 20, 30])) {
  return runBudget({
    scenario: scenario({ costs: { inflation: 0 }, mitigations: levers as never }),
    tables: money,
    projection: mitigated,
    unmitigatedProjection: plans([10, 20, 30]),
    perLeverProjections: perLever,
  });
}

describe('levers that act on nothing', () => {
  it('are named, with their kind and delivery cost, when neither their own run nor their unit costs change a figure', () => {
    const r = budget([lever('Shift', 'placement_shift', { from: 'WBL', to: 'MS' }), lever('Cheaper WBL', 'unit_cost_change', { placements: ['WBL'] })], { Shift: plans([10, 20, 30]) });
    const notes = r.fallbacks?.filter((w) => w.startsWith('Mitigations: the levers'));
    expect(notes).toEqual([
      "Mitigations: the levers 'Shift' (placement_shift, delivery £100,000 a year at base-year prices), 'Cheaper WBL' (unit_cost_change, delivery £100,000 a year at base-year prices) change no plan and no spend in any year of the run, " +
        'so the mitigated figures are the unmitigated ones less the delivery cost: each acts on plans the run does not hold (a placement_shift from a placement with no plans moving into it, or a unit_cost_change of placements, ages, phases or needs no plan is in). ' +
        'Check their from, placements and target; the run prices them as written.',
    ]);
    expect(r.warnings).toContain(notes![0]);
  });

  it('says nothing of a lever that saves, of one set to 0, or of a demand lever without a run of its own', () => {
    const saving = budget([lever('Fewer', 'fewer_requests'), lever('Cheaper SSM', 'unit_cost_change', { placements: ['SSM'] })], { Fewer: plans([10, 18, 26]) }, plans([10, 18, 26]));
    expect(saving.warnings.filter((w) => w.startsWith('Mitigations: the lever'))).toEqual([]);
    const off = budget([lever('Off', 'unit_cost_change', { placements: ['WBL'], effect: 0 })], {});
    expect(off.warnings.filter((w) => w.startsWith('Mitigations: the lever'))).toEqual([]);
    // a shift with no run of its own (the explorer, goal-seek) cannot be told apart from the others: not judged
    expect(idleLevers([lever('Shift', 'placement_shift', { from: 'WBL', to: 'MS', delivery: 1 }) as never], [{ name: 'Shift', fy: 2025, plansAvoided: 0, spendAvoided: 0, deliveryCost: 1e5, netSaving: -1e5 }], new Set())).toEqual([]);
  });
});
