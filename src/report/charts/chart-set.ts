/** The charts of a run, in order. Pure: RunReport → chart specs. */
import { hasBudget, type RunReport } from '../run-report.ts';
import { ageProfileChart } from './age-profile.ts';
import type { ChartSpec } from './chart-spec.ts';
import { movesObserved } from '../series.ts';
import { dsgBalanceChart } from './dsg-balance.ts';
import { expenditureByGroupChart } from './expenditure-by-group.ts';
import { fanTotalPlansChart } from './fan-total-plans.ts';
import { plansByPlacementChart } from './plans-by-placement.ts';
import { sankeyY6Y7Chart } from './sankey-y6-y7.ts';
import { tornadoDeficitChart } from './tornado-deficit.ts';
import { waterfallMitigationChart } from './waterfall-mitigation.ts';

/**
 * Every chart of a run.
 * @example runCharts(report).map((c) => c.id) // ['fan-total-plans', 'plans-by-placement', …]
 */
export function runCharts(r: RunReport, opts: { suppressSmallCounts?: number } = {}): ChartSpec[] {
  // a demand-only run has no money charts
  const money = hasBudget(r);
  const [fan, placement, age, ...sankey] = demandCharts(r, opts);
  return [
    fan!,
    placement!,
    age!,
    ...(money ? [dsgBalanceChart(r), expenditureByGroupChart(r)] : []),
    ...sankey,
    ...(money ? [tornadoDeficitChart(r), waterfallMitigationChart(r)] : []),
  ];
}

/**
 * The charts of a run that need no money (the first three, then the Sankey where moves are observed): a run can
 * draw them while it prices the budget.
 * @example demandCharts(report).map((c) => c.id) // ['fan-total-plans', 'plans-by-placement', 'age-profile', 'sankey-y6-y7']
 */
export function demandCharts(r: Omit<RunReport, 'budget'>, opts: { suppressSmallCounts?: number } = {}): ChartSpec[] {
  return [
    fanTotalPlansChart(r, opts.suppressSmallCounts),
    plansByPlacementChart(r, opts.suppressSmallCounts),
    ageProfileChart(r, opts.suppressSmallCounts),
    // moves between settings only where the data show them (published totals record none)
    ...(movesObserved(r) ? [sankeyY6Y7Chart(r, opts.suppressSmallCounts)] : []),
  ];
}
