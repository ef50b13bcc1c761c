/**
 * Places-table rates far from the national place rate (budget/place-funding.ts placeRatesOffNational; docs/budget.md
 * section 4): rates per term took £7.3m a year out of the sample's place funding, and a rate holding the top-up adds it
 * twice, each with exit 0 and no word.
 */
import { describe, expect, it } from 'vitest';
import { financialYearLabel } from '../../src/domain/index.ts';
import { PLACE_RATE_BAND, placeRatesOffNational } from '../../src/budget/place-funding.ts';
import { placeRatesOffNational as note } from '../../src/messages/budget.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import type { PlacesRow } from '../../src/budget/tables.ts';
import { projection, scenario, tables } from './fixtures.ts';

const at = (line: number) => ({ file: 'places.csv', line });

describe('place rates against the national rate', () => {
  it('names a rate per term (under half the national rate) and one holding the top-up (over twice it), once a placement', () => {
    const rows: PlacesRow[] = [
      { placement: 'SSM', fy: 2025, places: 428, placeRateGbp: 3_333, source: at(5) },
      { placement: 'SSM', fy: 2026, places: 441, placeRateGbp: 3_333, source: at(6) },
      { placement: 'FE', fy: 2025, places: 327, placeRateGbp: 2_000, source: at(14) },
      { placement: 'SSA', fy: 2025, places: 376, placeRateGbp: 31_000, source: at(8) },
      { placement: 'RP', fy: 2025, places: 128, placeRateGbp: 10_000 }, // an unoccupied RP place: £10,000, inside
      { placement: 'AP', fy: 2025, places: 23, placeRateGbp: 10_000 },
      { placement: 'ISS', fy: 2025, places: 50, placeRateGbp: 500 }, // a full fee: held elsewhere
    ];
    const off = placeRatesOffNational(rows);
    expect(off.map((o) => [o.placement, o.row.placeRateGbp, o.rows])).toEqual([
      ['SSM', 3_333, 2],
      ['SSA', 31_000, 1],
      ['FE', 2_000, 1],
    ]);
    const said = note(off, financialYearLabel, PLACE_RATE_BAND);
    expect(said).toContain('SSM at £3,333 a place in 2025-26 (places.csv line 5) (and 1 more row), under half the national £10,000');
    expect(said).toContain('SSA at £31,000 a place in 2025-26 (places.csv line 8), over twice the national £10,000');
    expect(said).toContain('Is the rate per term rather than per year (a third of it)?');
    expect(said).toContain('Is the rate the whole cost of a place, with its top-up, which the unit-cost table adds again?');
  });

  it('names nothing at the national rates, at half or twice them, at £0 (said elsewhere) or without places', () => {
    expect(placeRatesOffNational([
      { placement: 'SSM', fy: 2025, places: 428, placeRateGbp: 10_000 },
      { placement: 'RP', fy: 2025, places: 128, placeRateGbp: 6_000 },
      { placement: 'FE', fy: 2025, places: 327, placeRateGbp: 3_000 },
      { placement: 'SSA', fy: 2025, places: 376, placeRateGbp: 20_000 },
      { placement: 'AP', fy: 2025, places: 23, placeRateGbp: 0 },
      { placement: 'SSM', fy: 2026, places: 0, placeRateGbp: 100 },
    ])).toEqual([]);
  });

  it('is among the notes that say a figure is probably wrong, and beside the budget table', () => {
    const proj = projection({ years: [2025, 2026], cells: [[{ placement: 'SSM', age: 10, plans: 400 }], [{ placement: 'SSM', age: 11, plans: 400 }]] });
    const run = (placeRateGbp: number) =>
      runBudget({
        scenario: scenario({ costs: { inflation: 0 } }),
        tables: tables({ unitCosts: [{ placement: 'SSM', annualCostGbp: 19_500, priceYear: 2025 }], places: [{ placement: 'SSM', fy: 2025, places: 400, placeRateGbp }], funding: [{ fy: 2025, hnBlockGbp: 10e6 }] }),
        projection: proj,
      });
    expect(run(10_000).spendNotes?.some((n) => n.startsWith('Place funding: the places table'))).toBe(false);
    const perTerm = run(3_333);
    const said = perTerm.spendNotes?.find((n) => n.startsWith('Place funding: the places table'));
    expect(said).toBeDefined();
    expect(perTerm.suspect).toContain(said);
  });
});
