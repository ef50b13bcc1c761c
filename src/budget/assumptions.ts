/**
 * Every effective budget parameter with its value, unit and source, for the Assumptions sheet. A value equal to
 * the schema's default is reported as `default` (the parsed scenario cannot tell a stated default from an omitted
 * one, and both mean the same).
 */
import { DEFAULT_CHANGE_MONTH, PLACEMENTS, financialYearLabel, monthName, monthsBeforeChange } from '../domain/index.ts';
import { gbp, openingStandsIn, pct } from '../messages/budget.ts';
import { DEFAULT_INFLATION } from './prices.ts';
import { DEFAULT_INFLATION_SD, DEFAULT_INTEREST_RATE } from './params.ts';
import type { BudgetParams, BudgetScenario } from './params.ts';
import type { BudgetTables } from './tables.ts';
import type { BudgetResult } from './types.ts';
import { counted } from '../util/plural.ts';

type Assumption = BudgetResult['assumptions'][number];
const DEFAULT_FUNDING_GROWTH = 0.03;

const src = (value: unknown, dflt: unknown): Assumption['source'] => (value === dflt ? 'default' : 'scenario');

function lastFy(rows: ReadonlyArray<{ fy: number }>): number | undefined {
  return rows.length === 0 ? undefined : Math.max(...rows.map((r) => r.fy));
}

export interface AssumptionContext {
  scenario: BudgetScenario;
  params: BudgetParams;
  tables: BudgetTables;
  fys: number[];
  opening: { balance: number; fy: number; fromFy?: number; anchored?: boolean };
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
    `${monthName(cm)}: FY Y-(Y+1) = ${monthsBeforeChange(cm)}/12 × cost at census Y + ${12 - monthsBeforeChange(cm)}/12 × cost at census Y+1, both at FY Y prices`,
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
    add('other_spend.after_table', `${financialYearLabel(otherLast)} amounts carried forward, inflated at the general rate (the year’s rate, else the default)`, 'default');
  }

  const g = params.fundingGrowth;
  add('funding.growth', pct(g), src(g, DEFAULT_FUNDING_GROWTH), 'per year');
  const fundLast = lastFy(tables.funding);
  if (fundLast !== undefined) add('funding.hn_block.after_table', `the ${financialYearLabel(fundLast)} figure grown by funding.growth a year from ${financialYearLabel(fundLast + 1)}`, 'default');
  if (params.schoolsBlockTransferGbp !== undefined) add('funding.schools_block_transfer_gbp', gbp(params.schoolsBlockTransferGbp), 'scenario', 'GBP per year');
  else add('funding.schools_block_transfer', 'from the funding table, year by year; none after the table', 'default');
  if (params.schoolsBlockGbp !== undefined) add('funding.schools_block_gbp', gbp(params.schoolsBlockGbp), 'scenario', 'GBP');
  add(
    'funding.other_lines',
    params.carryForward.length
      ? `each year's own figure; ${params.carryForward.join(', ')} carried forward flat past the table (funding.carry_forward)`
      : 'each year’s own figure only: import/export adjustments and other income stop after the years given',
    params.carryForward.length ? 'scenario' : 'default',
  );
  for (const c of params.placesChanges) {
    add(
      `capacity.${c.placement}.${c.year}`,
      `${c.places} places from the January ${c.year} census: place funding from ${financialYearLabel(c.year - 1)} (${12 - monthsBeforeChange(params.changeMonth)}/12 of that year, open from ${monthName(params.changeMonth)}; in full after)${c.place_rate_gbp !== undefined ? ` at ${gbp(c.place_rate_gbp)}` : ''}${c.capital_cost_gbp ? `; capital ${gbp(c.capital_cost_gbp)} (outside the block)` : ''}`,
      'scenario',
    );
  }
  add('deficit.interest_rate', pct(params.interestRate), src(params.interestRate, DEFAULT_INTEREST_RATE), 'per year, general fund');
  add('deficit.interest.rule', 'rate × the average deficit over the year, the cumulative DSG balance moving in a straight line from 1 April to 31 March and counted only while negative; not part of the block', 'default');
  if (tables.reserves?.length) add('reserves', tables.reserves.map((r) => `${gbp(r.usableReservesGbp)} at 31 March ${r.fy + 1}`).join('; '), 'data', 'GBP');

  add('balance.opening', `${gbp(ctx.opening.balance)} at 31 March ${ctx.opening.fy + 1}${openingStandsIn(ctx.opening.fromFy, ctx.opening.anchored)}`, tables.openingBalances.length > 0 ? 'data' : 'default', 'GBP');

  for (const m of scenario.mitigations) {
    add(
      `mitigations.${m.name}`,
      `${m.kind}, effect ${pct(m.effect)}, from ${financialYearLabel(m.start_year)}, ramp ${counted(m.ramp_years, 'year')}, delivery ${pct(m.delivery)}, cost ${gbp(m.cost_gbp_per_year)} a year`,
      'scenario',
    );
  }
  if (scenario.mitigations.length > 0) {
    add('mitigations.delivery_cost.rule', 'charged in full from the start year (not scaled by ramp or delivery), inflated from the prices of the base financial year at the general rate (the year’s rate, else the default)', 'default');
    add('mitigations.ramp.rule', 'linear: 1/R of the effect in the first year, full from year R', 'default');
  }

  add('monte_carlo.draws', String(ctx.draws), ctx.draws === 0 ? 'default' : 'scenario');
  add('monte_carlo.quantiles', ctx.levels.map((q) => pct(q)).join(', '), 'default');
  add('monte_carlo.unit_costs', 'per placement: central-path cost / central-path plans (the central age and need mix)', 'default');
  add('uncertainty.inflation_sd', pct(params.priceSd.inflation), src(params.priceSd.inflation, DEFAULT_INFLATION_SD), 'per year');
  add('uncertainty.drift_sd', pct(params.priceSd.drift), scenario.uncertainty?.drift_sd !== undefined ? 'scenario' : 'default', 'per year');
  add('uncertainty.price.rule', 'one price shock per draw held for every year (antithetic pairs); combined with demand risk as independent errors', 'default');
  if (scenario.goal_seek) {
    const g = scenario.goal_seek;
    add('goal_seek', `lever ${g.lever} at effect ${g.effect.toFixed(4)} sought ${g.target} (achieved ${gbp(g.achieved_gbp)})`, 'scenario');
  }
  return out;
}
