/**
 * The effective budget parameters of a scenario (costs, funding, unit-cost levers, delivery costs), resolved once
 * so the central path, the unmitigated path and every sensitivity variant price things the same way.
 */
import { isPlacement } from '../domain/index.ts';
import type { Placement } from '../domain/index.ts';
import { unitCostLeverIgnoredTarget } from '../messages/budget.ts';
import type { Mitigation, Scenario } from '../scenario/schema.ts';
import { isUnitCostLever } from './levers.ts';
import { resolveInflation } from './prices.ts';
import type { InflationRates } from './prices.ts';
import type { CarryForwardColumn } from './income.ts';
import type { PlacesChange } from './place-funding.ts';

/** Default yearly interest on a negative DSG balance when the scenario gives none. */
export const DEFAULT_INTEREST_RATE = 0.045;
/** Default yearly standard deviation of inflation in the price draws. */
export const DEFAULT_INFLATION_SD = 0.01;

/** The parts of a scenario the budget model reads. */
export type BudgetScenario = Pick<Scenario, 'costs' | 'funding' | 'mitigations'> &
  Partial<Pick<Scenario, 'sensitivity' | 'uncertainty' | 'capacity' | 'deficit' | 'goal_seek' | 'id' | 'name'>>;

export interface BudgetParams {
  inflation: InflationRates;
  /** Complexity drift per placement (yearly). */
  drift: Partial<Record<Placement, number>>;
  /** Added to every placement's drift (0; the price draws of the Monte Carlo move it). */
  driftShift: number;
  /** Yearly standard deviations of the price draws: inflation and complexity drift. */
  priceSd: { inflation: number; drift: number };
  /** The scenario's capacity changes: funded places (and capital cost) from the year they open. */
  placesChanges: PlacesChange[];
  /** Income columns carried forward past their last year. */
  carryForward: CarryForwardColumn[];
  /** Yearly interest rate on the negative DSG balance (general fund). */
  interestRate: number;
  /** Month placements change (9 = September: 5/12 + 7/12). */
  changeMonth: number;
  /** Yearly growth of the High Needs block after the funding table. */
  fundingGrowth: number;
  /** Multiplier on every unit cost (1; the sensitivity view moves it). */
  unitCostScale: number;
  /** `unit_cost_change` levers, applied to unit costs by the budget. */
  costLevers: Mitigation[];
  /** Levers whose cost of delivery is charged. */
  deliveryLevers: Mitigation[];
  schoolsBlockTransferGbp?: number;
  schoolsBlockGbp?: number;
}

/**
 * Resolves a scenario's budget parameters. `withMitigations: false` gives the unmitigated path (no unit-cost
 * levers, no delivery costs).
 */
export function budgetParams(scenario: BudgetScenario, withMitigations = true): { params: BudgetParams; warnings: string[] } {
  const { rates, warnings } = resolveInflation(scenario.costs.inflation);
  const drift: Partial<Record<Placement, number>> = {};
  for (const [k, v] of Object.entries(scenario.costs.complexity_drift)) if (isPlacement(k)) drift[k] = v;
  const levers = withMitigations ? scenario.mitigations : [];
  for (const m of levers) {
    if (isUnitCostLever(m) && (m.target.transitions !== undefined || m.target.cohorts !== undefined)) {
      warnings.push(unitCostLeverIgnoredTarget(m.name));
    }
  }
  return {
    params: {
      inflation: rates,
      drift,
      driftShift: 0,
      priceSd: {
        inflation: scenario.uncertainty?.inflation_sd ?? DEFAULT_INFLATION_SD,
        drift: scenario.uncertainty?.drift_sd ?? (scenario.uncertainty?.inflation_sd ?? DEFAULT_INFLATION_SD) / 2,
      },
      placesChanges: (scenario.capacity?.changes ?? []).filter((c) => isPlacement(c.placement)) as PlacesChange[],
      carryForward: [...(scenario.funding.carry_forward ?? [])],
      interestRate: scenario.deficit?.interest_rate ?? DEFAULT_INTEREST_RATE,
      changeMonth: scenario.costs.change_month,
      fundingGrowth: scenario.funding.growth,
      unitCostScale: 1,
      costLevers: levers.filter(isUnitCostLever),
      deliveryLevers: levers.filter((m) => m.cost_gbp_per_year > 0),
      schoolsBlockTransferGbp: scenario.funding.schools_block_transfer_gbp,
      schoolsBlockGbp: scenario.funding.schools_block_gbp,
    },
    warnings,
  };
}
