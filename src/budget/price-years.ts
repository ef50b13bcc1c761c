/**
 * Unit costs whose price year is far from the run's first financial year (spec budget.md, Prices: costs are given at
 * a stated year's prices and inflated from it). A price year 15 years back (2010-11 typed for 2024-25) inflated
 * every cost of the sample by 1.56 and took its 2025-26 deficit from £31.0m to £57.6m, and one after the run starts
 * deflated them, both with no note; each is now said on stderr and the Data quality sheet (run-budget.ts, fallbacks),
 * and the costs are used as given.
 */
import { financialYearLabel } from '../domain/index.ts';
import { unitCostPriceYear } from '../messages/budget.ts';
import type { BudgetParams } from './params.ts';
import { inflationFactor } from './prices.ts';
import type { UnitCostRow } from './tables.ts';

/** How many years before the run's first financial year a price year may be without a note (last year's costs, the year before's). */
export const PRICE_YEARS_BEFORE = 3;

/**
 * One note per price year that is after `firstFy` or more than PRICE_YEARS_BEFORE years before it.
 * @example priceYearNotes([{ placement: 'ISS', priceYear: 2010, … }], 2025, params) // ['Unit costs: 1 row (ISS) is at 2010-11 prices, 15 years before …']
 */
export function priceYearNotes(rows: readonly UnitCostRow[], firstFy: number, params: BudgetParams): string[] {
  const byYear = new Map<number, UnitCostRow[]>();
  for (const r of rows) {
    if (r.priceYear > firstFy || r.priceYear < firstFy - PRICE_YEARS_BEFORE) byYear.set(r.priceYear, [...(byYear.get(r.priceYear) ?? []), r]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([py, rs]) => {
      const placements = [...new Set(rs.map((r) => r.placement))];
      const named = placements.length > 6 ? `${placements.slice(0, 6).join(', ')}, …` : placements.join(', ');
      const factor = inflationFactor(params.inflation, undefined, py, firstFy);
      return unitCostPriceYear(financialYearLabel(py), rs.length, named, financialYearLabel(firstFy), Math.abs(firstFy - py), factor, py > firstFy);
    });
}
