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

/** The parts of a scenario the budget model reads. */
export type BudgetScenario = Pick<Scenario, 'costs' | 'funding' | 'mitigations'> &
  Partial<Pick<Scenario, 'sensitivity' | 'uncertainty' | 'capacity'>>;

export interface BudgetParams {
  inflation: InflationRates;
  /** Complexity drift per placement (yearly). */
  drift: Partial<Record<Placement, number>>;
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
