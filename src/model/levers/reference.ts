/**
 * The path the budget's base year is calibrated on (runBudget scales unit costs so the first financial year matches
 * the council's Section 251 outturn): the data's own deterministic path, with none of the scenario's effects and no
 * random draws. The outturn is what was spent; a scenario's surge, lever, capacity limit or trend starting in the
 * first projected year, or the Monte Carlo noise of the first census, must not change how much a plan costs.
 *
 * Before December 2026 the scaling was taken on the scenario's own central path: the sample's capacity scenario
 * (places limited from the start, children beyond them in independent special schools) scaled the independent
 * line's unit costs by 0.81 where the baseline scaled them by 1.04, so every overflow place it added was priced
 * 22% below the baseline's own price.
 */
import type { EngineInput } from '../engine-input.ts';
import { projectDeterministic } from '../engine.ts';
import type { ProjectionResult } from '../result.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { TREND_LEVERS } from './prepare.ts';

/**
 * The scenario without what it assumes about the future: no surges, transition shifts, demand levers, capacity
 * limits or changes, trend or migration overrides, population growth. What defines the model is kept (the
 * estimation window, the requests pipeline, transition ages), and so are prices and funding (the engine reads
 * neither).
 */
export function referenceScenario(s: Scenario): Scenario {
  const projection: Record<string, unknown> = { ...s.projection };
  for (const k of [...TREND_LEVERS, 'net_migration_rate']) delete projection[k];
  return {
    ...s,
    projection: projection as Scenario['projection'],
    surges: [],
    transition_shifts: [],
    mitigations: s.mitigations.filter((m) => m.kind === 'unit_cost_change'),
    capacity: { ...s.capacity, from_places_table: false, changes: [] },
    population: withoutGrowth(s.population),
  };
}

function withoutGrowth(population: Scenario['population']): Scenario['population'] {
  const rest = { ...population };
  delete rest.growth;
  return rest;
}

/**
 * The calibration path of `input` (engine input of a scenario's run): referenceScenario projected deterministically,
 * without the places table as capacity.
 * @example runBudget({ scenario, tables, projection, referenceProjection: referenceProjection(run.input) })
 */
export function referenceProjection(input: EngineInput): ProjectionResult {
  return projectDeterministic({ ...input, scenario: input.scenario && referenceScenario(input.scenario), capacity: undefined });
}
