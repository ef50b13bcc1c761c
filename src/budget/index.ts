/** The budget model: public surface. */
export * from './types.ts';
export * from './tables.ts';
export { runBudget } from './run-budget.ts';
export type { BudgetInputs } from './run-budget.ts';
export { budgetJson } from './budget-json.ts';
export type { BudgetJson } from './budget-json.ts';
export { budgetParams } from './params.ts';
export type { BudgetParams, BudgetScenario } from './params.ts';
export { budgetPath, financialYearsOf, cellCostsAt } from './path.ts';
export type { BudgetPath } from './path.ts';
export { INTERACTION_LINE, avoidedStock } from './mitigations.ts';
export { sensitivity, SENSITIVITY_KEYS } from './sensitivity.ts';
export type { Reproject, SensitivityVariant, SensitivityKey } from './sensitivity.ts';
export { mostSpecificRow, resolveUnitCosts } from './unit-costs.ts';
export { resolveInflation, inflationFactor, inflationRate, driftFactor, DEFAULT_INFLATION } from './prices.ts';
export { quantileSorted, quantilesOf } from '../util/quantiles.ts';
export { SCHOOLS_BLOCK_TRANSFER_LIMIT } from './income.ts';
