/**
 * Every effective budget parameter with its value, unit and source, for the Assumptions sheet. A value equal to
 * the schema's default is reported as `default` (the parsed scenario cannot tell a stated default from an omitted
 * one, and both mean the same).
 */
import { PLACEMENTS, financialYearLabel, monthsBeforeChange } from '../domain/index.ts';
import { gbp, pct } from '../messages/budget.ts';
import { DEFAULT_INFLATION } from './prices.ts';
import type { BudgetParams, BudgetScenario } from './params.ts';
import type { BudgetTables } from './tables.ts';
import type { BudgetResult } from './types.ts';

type Assumption = BudgetResult['assumptions'][number];
const DEFAULT_FUNDING_GROWTH = 0.03;
const DEFAULT_CHANGE_MONTH = 9;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const src = (value: unknown, dflt: unknown): Assumption['source'] => (value === dflt ? 'default' : 'scenario');

function lastFy(rows: ReadonlyArray<{ fy: number }>): number | undefined {
  return rows.length === 0 ? undefined : Math.max(...rows.map((r) => r.fy));
}

export interface AssumptionContext {
  scenario: BudgetScenario;
  params: BudgetParams;
  tables: BudgetTables;
  fys: number[];
  opening: { balance: number; fy: number };
  draws: number;
  levels: readonly [number, number, number];
}

export function budgetAssumptions(ctx: AssumptionContext): Assumption[] {
  const { scenario, params, tables, fys } = ctx;
  const out: Assumption[] = [];
  const add = (key: string, value: string, source: Assumption['source'], unit?: string) => out.push(unit ? { key, value, unit, source } : { key, value, source });
  const first = fys[0];
  const last = fys[fys.length - 1];
  if (first !== undefined && last !== undefined) add('budget.financial_years', `${financialYearLabel(first)} to ${financialYearLabel(last)}`, 'data');

  const infl = scenario.costs.inflation;
  if (typeof infl === 'number') add('costs.inflation', pct(infl), src(infl, DEFAULT_INFLATION), 'per year');
  else {
    add('costs.inflation.default', pct(params.inflation.general), params.inflation.general === DEFAULT_INFLATION ? 'default' : 'scenario', 'per year');
    for (const [p, r] of Object.entries(params.inflation.byPlacement)) add(`costs.inflation.${p}`, pct(r), 'scenario', 'per year');
    for (const [fy, r] of Object.entries(params.inflation.byFy)) add(`costs.inflation.${financialYearLabel(Number(fy))}`, pct(r), 'scenario', 'per year');
  }
  add('costs.inflation.rule', 'compounds once per financial year from each cost’s price year; placement rate, else year rate, else default', 'default');
  for (const [p, r] of Object.entries(params.drift)) add(`costs.complexity_drift.${p}`, pct(r), 'scenario', 'per year');
  const cm = params.changeMonth;
  add(
    'costs.change_month',
    `${MONTHS[cm - 1]}: FY Y-(Y+1) = ${monthsBeforeChange(cm)}/12 × cost at census Y + ${12 - monthsBeforeChange(cm)}/12 × cost at census Y+1, both at FY Y prices`,
    src(cm, DEFAULT_CHANGE_MONTH),
  );

  for (const r of tables.unitCosts) {
    const key = ['unit_cost', r.placement, r.phase, r.need].filter(Boolean).join('.');
    add(key, `${gbp(r.annualCostGbp)} at ${financialYearLabel(r.priceYear)} prices`, 'data', 'GBP per plan-year');
  }
  const noRow = PLACEMENTS.filter((p) => !tables.unitCosts.some((r) => r.placement === p));
  if (noRow.length > 0) add('unit_cost.missing', `${noRow.join(', ')} cost £0 (no row)`, 'default');
  add('unit_cost.rule', 'most specific row wins: placement+phase+need, then +phase, then +need, then placement', 'default');

  const placesLast = lastFy(tables.places);
  if (placesLast !== undefined && last !== undefined && last > placesLast) {
    add('place_funding.after_table', `places and place rates of ${financialYearLabel(placesLast)} carried forward unchanged (rates are set nationally, not inflated)`, 'default');
  }
  const otherLast = lastFy(tables.otherSpend);
  if (otherLast !== undefined && last !== undefined && last > otherLast) {
    add('other_spend.after_table', `${financialYearLabel(otherLast)} amounts carried forward, inflated at the default rate`, 'default');
  }

  const g = params.fundingGrowth;
  add('funding.growth', pct(g), src(g, DEFAULT_FUNDING_GROWTH), 'per year');
  const fundLast = lastFy(tables.funding);
  if (fundLast !== undefined) add('funding.hn_block.after_table', `grown by funding.growth from ${financialYearLabel(fundLast)}`, 'default');
  if (params.schoolsBlockTransferGbp !== undefined) add('funding.schools_block_transfer_gbp', gbp(params.schoolsBlockTransferGbp), 'scenario', 'GBP per year');
  else add('funding.schools_block_transfer', 'from the funding table, year by year; none after the table', 'default');
  if (params.schoolsBlockGbp !== undefined) add('funding.schools_block_gbp', gbp(params.schoolsBlockGbp), 'scenario', 'GBP');
  add('funding.other_lines.after_table', 'import/export adjustments and other income carried forward flat', 'default');

  add('balance.opening', `${gbp(ctx.opening.balance)} at 31 March ${ctx.opening.fy + 1}`, tables.openingBalances.length > 0 ? 'data' : 'default', 'GBP');

  for (const m of scenario.mitigations) {
    add(
      `mitigations.${m.name}`,
      `${m.kind}, effect ${pct(m.effect)}, from ${financialYearLabel(m.start_year)}, ramp ${m.ramp_years} years, delivery ${pct(m.delivery)}, cost ${gbp(m.cost_gbp_per_year)} a year`,
      'scenario',
    );
  }
  if (scenario.mitigations.length > 0) {
    add('mitigations.delivery_cost.rule', 'charged in full from the start year (not scaled by ramp or delivery), inflated from base-year prices at the default rate', 'default');
    add('mitigations.ramp.rule', 'linear: 1/R of the effect in the first year, full from year R', 'default');
  }

  add('monte_carlo.draws', String(ctx.draws), ctx.draws === 0 ? 'default' : 'scenario');
  add('monte_carlo.quantiles', ctx.levels.map((q) => pct(q)).join(', '), 'default');
  add('monte_carlo.unit_costs', 'per placement: central-path cost / central-path plans (the central age and need mix)', 'default');
  return out;
}
