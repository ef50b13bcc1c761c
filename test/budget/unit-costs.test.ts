import { describe, expect, it } from 'vitest';
import { runBudget } from '../../src/budget/run-budget.ts';
import type { UnitCostRow } from '../../src/budget/tables.ts';
import { mostSpecificRow, resolveUnitCosts } from '../../src/budget/unit-costs.ts';
import { NEEDS, PLACEMENTS } from '../../src/domain/index.ts';
import { cellIndex } from '../../src/model/cube.ts';
import { projection, scenario, tables } from './fixtures.ts';

const rows: UnitCostRow[] = [
  { placement: 'ISS', annualCostGbp: 50_000, priceYear: 2025 },
  { placement: 'ISS', need: 'SEMH', annualCostGbp: 70_000, priceYear: 2025 },
  { placement: 'ISS', phase: 'SECONDARY', annualCostGbp: 60_000, priceYear: 2025 },
  { placement: 'ISS', phase: 'SECONDARY', need: 'ASD', annualCostGbp: 65_000, priceYear: 2025 },
];

describe('mostSpecificRow', () => {
  it('prefers placement+phase+need, then +phase, then +need, then placement alone', () => {
    expect(mostSpecificRow(rows, 'ISS', 'SECONDARY', 'ASD')?.annualCostGbp).toBe(65_000);
    expect(mostSpecificRow(rows, 'ISS', 'SECONDARY', 'SEMH')?.annualCostGbp).toBe(60_000); // phase beats need
    expect(mostSpecificRow(rows, 'ISS', 'PRIMARY', 'SEMH')?.annualCostGbp).toBe(70_000);
    expect(mostSpecificRow(rows, 'ISS', 'PRIMARY', 'ASD')?.annualCostGbp).toBe(50_000);
    expect(mostSpecificRow(rows, 'SSM', 'PRIMARY', 'ASD')).toBeUndefined();
  });

  it('does not depend on row order', () => {
    const reversed = [...rows].reverse();
    expect(mostSpecificRow(reversed, 'ISS', 'SECONDARY', 'ASD')?.annualCostGbp).toBe(65_000);
    expect(mostSpecificRow(reversed, 'ISS', 'SECONDARY', 'SEMH')?.annualCostGbp).toBe(60_000);
  });
});

describe('resolveUnitCosts', () => {
  it('puts each cell at its most specific cost', () => {
    const u = resolveUnitCosts(rows);
    const iss = PLACEMENTS.indexOf('ISS');
    expect(u.cost[cellIndex(12, NEEDS.indexOf('ASD'), iss)]).toBe(65_000);
    expect(u.cost[cellIndex(8, NEEDS.indexOf('SEMH'), iss)]).toBe(70_000);
    expect(u.cost[cellIndex(8, NEEDS.indexOf('MLD'), iss)]).toBe(50_000);
    expect(u.cost[cellIndex(8, NEEDS.indexOf('MLD'), PLACEMENTS.indexOf('SSM'))]).toBe(0);
    expect(u.priceYear[cellIndex(8, NEEDS.indexOf('MLD'), iss)]).toBe(2025);
  });

  it('warns about duplicate rows and uses the last', () => {
    const u = resolveUnitCosts([...rows, { placement: 'ISS', annualCostGbp: 51_000, priceYear: 2025 }]);
    expect(u.warnings.join()).toMatch(/more than one row for ISS/);
    expect(u.cost[cellIndex(8, NEEDS.indexOf('MLD'), PLACEMENTS.indexOf('ISS'))]).toBe(51_000);
  });
});

describe('plans with no unit cost', () => {
  it('cost 0 and are warned about, naming the placement', () => {
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 } }),
      tables: tables({ unitCosts: [{ placement: 'ISS', phase: 'SECONDARY', annualCostGbp: 60_000, priceYear: 2025 }] }),
      projection: projection({
        years: [2025, 2026],
        cells: [0, 1].map(() => [
          { placement: 'SSM' as const, age: 8, plans: 10 },
          { placement: 'ISS' as const, age: 8, plans: 3 },
          { placement: 'ISS' as const, age: 12, plans: 1 },
        ]),
      }),
    });
    expect(r.lines[0]!.byPlacement.SSM).toBe(0);
    expect(r.lines[0]!.byPlacement.ISS).toBeCloseTo(60_000, 6);
    expect(r.warnings.some((w) => /SSM .*no row/.test(w))).toBe(true);
    expect(r.warnings.some((w) => /ISS .*matches/.test(w))).toBe(true);
    expect(r.warnings.some((w) => /\bMS\b/.test(w))).toBe(false); // no plans, no warning
  });

  it('are not warned about in NEET or awaiting provision, which the block does not pay for', () => {
    // 20 NEET and 5 NONE plans, no rows for them: £0 as it should be. The run said 'NEET — the unit-cost table has no
    // row for it; up to 20 plans are costed at £0. Add a row for NEET', on stderr among the notes that change the figures.
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 } }),
      tables: tables({ unitCosts: [{ placement: 'SSM', annualCostGbp: 20_000, priceYear: 2025 }] }),
      projection: projection({
        years: [2025, 2026],
        cells: [0, 1].map(() => [
          { placement: 'SSM' as const, age: 8, plans: 10 },
          { placement: 'NEET' as const, age: 17, plans: 20 },
          { placement: 'NONE' as const, age: 9, plans: 5 },
        ]),
      }),
    });
    expect(r.lines[0]!.topUps).toBe(200_000);
    expect(r.warnings.filter((w) => /Unit costs/.test(w))).toEqual([]);
    expect(r.fallbacks!.filter((w) => /Unit costs/.test(w))).toEqual([]);
  });
});
