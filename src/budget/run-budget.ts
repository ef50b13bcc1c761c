/**
 * The budget model (spec budget.md), pure: projection(s) + input tables + scenario in, BudgetResult out.
 *
 *   unit-cost table ──► cell unit costs ─┐
 *   scenario costs/funding ──► params ───┼─► budgetPath(projection)   ──► lines, balance, March 2028
 *   places, other spend, funding, opening┘        │
 *                                                 ├─► budgetQuantiles(draws)           ──► P10/P50/P90
 *   unmitigated (+ per-lever) projections ───────► ├─► mitigationYears / bridges      ──► savings per lever
 *   reproject(variant) ──────────────────────────► └─► sensitivity                     ──► tornado rows
 */
import { STATUTORY_OVERRIDE_END_FY } from '../domain/index.ts';
import type { ProjectionResult } from '../model/result.ts';
import { unmitigatedMissing } from '../messages/budget.ts';
import { budgetAssumptions } from './assumptions.ts';
import { mitigationBridge, mitigationYears } from './mitigations.ts';
import { budgetQuantiles } from './monte-carlo.ts';
import { resolveOpening } from './opening.ts';
import { budgetParams } from './params.ts';
import type { BudgetScenario } from './params.ts';
import { budgetPath, financialYearsOf } from './path.ts';
import type { BudgetPath } from './path.ts';
import { sensitivity } from './sensitivity.ts';
import type { Reproject } from './sensitivity.ts';
import type { BudgetTables } from './tables.ts';
import type { BudgetResult, MitigationBridge } from './types.ts';
import { resolveUnitCosts } from './unit-costs.ts';

export interface BudgetInputs {
  scenario: BudgetScenario;
  tables: BudgetTables;
  /** The scenario's projection (with its demand levers when it has mitigations). */
  projection: ProjectionResult;
  /** The same scenario run without its mitigations; needed to value demand levers. */
  unmitigatedProjection?: ProjectionResult;
  /** Optional: the unmitigated scenario plus one lever, by lever name, to value that lever on its own. */
  perLeverProjections?: Record<string, ProjectionResult>;
  /** Optional: re-runs the projection for the sensitivity rows that need the engine. */
  reproject?: Reproject;
}

/**
 * Runs the budget model.
 * @example const budget = runBudget({ scenario, tables, projection, unmitigatedProjection });
 *          budget.lines[0].expenditure // central expenditure of the base year's financial year
 */
export function runBudget(inputs: BudgetInputs): BudgetResult {
  const { scenario, tables, projection } = inputs;
  const warnings: string[] = [];
  const { params, warnings: pw } = budgetParams(scenario, true);
  warnings.push(...pw);
  const unit = resolveUnitCosts(tables.unitCosts);
  warnings.push(...unit.warnings);
  const fys = financialYearsOf(projection);
  const opening = resolveOpening(tables.openingBalances, fys[0] ?? projection.baseYear);
  warnings.push(...opening.warnings);

  const path = budgetPath(projection, tables, params, unit, opening.balance);
  warnings.push(...path.warnings);
  const levels = scenario.uncertainty?.quantiles ?? [0.1, 0.5, 0.9];
  const q = budgetQuantiles(path, projection, unit, params, opening.balance, levels);
  warnings.push(...q.warnings);

  const result: BudgetResult = {
    financialYears: fys,
    lines: path.lines,
    expenditureQuantiles: q.expenditure,
    inYearQuantiles: q.inYear,
    cumulativeQuantiles: q.cumulative,
    openingBalance: opening.balance,
    openingBalanceFy: opening.fy,
    balanceAtMarch2028: path.lines.find((l) => l.fy === STATUTORY_OVERRIDE_END_FY)?.cumulativeBalance,
    mitigations: [],
    sensitivity: [],
    warnings,
    assumptions: budgetAssumptions({ scenario, params, tables, fys, opening, draws: projection.draws, levels }),
  };

  if (scenario.mitigations.length > 0) {
    const onlyCostLevers = scenario.mitigations.every((m) => m.kind === 'unit_cost_change');
    if (!inputs.unmitigatedProjection && !onlyCostLevers) warnings.push(unmitigatedMissing());
    const { params: plain } = budgetParams(scenario, false);
    const unmitigated = budgetPath(inputs.unmitigatedProjection ?? projection, tables, plain, unit, opening.balance);
    const solo: Record<string, BudgetPath> = {};
    for (const [name, p] of Object.entries(inputs.perLeverProjections ?? {})) solo[name] = budgetPath(p, tables, plain, unit, opening.balance);
    const paths = {
      unmitigated,
      mitigatedAtUnmitigatedPrices: budgetPath(projection, tables, plain, unit, opening.balance),
      mitigated: path,
      solo,
    };
    const m = mitigationYears(scenario.mitigations, paths, projection, params.changeMonth);
    warnings.push(...m.warnings);
    result.unmitigated = unmitigated.lines;
    result.mitigations = m.rows;
    const horizon = fys[fys.length - 1];
    result.bridges = [...new Set([STATUTORY_OVERRIDE_END_FY, horizon])]
      .filter((fy): fy is number => fy !== undefined)
      .map((fy) => mitigationBridge(m.rows, unmitigated, path, fy))
      .filter((b): b is MitigationBridge => b !== undefined);
  }

  if (scenario.sensitivity && fys.length > 0) {
    const s = sensitivity({ projection, tables, params, unit, opening: opening.balance, steps: scenario.sensitivity }, inputs.reproject);
    result.sensitivity = s.rows;
    result.sensitivityBase = { balanceAtHorizon: s.base.horizon, balanceAtMarch2028: Number.isNaN(s.base.march2028) ? undefined : s.base.march2028 };
    warnings.push(...s.warnings);
  }
  result.warnings = [...new Set(warnings)];
  return result;
}
