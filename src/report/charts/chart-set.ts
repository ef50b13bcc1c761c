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
  return [
    fanTotalPlansChart(r),
    plansByPlacementChart(r),
    ageProfileChart(r),
    ...(money ? [dsgBalanceChart(r), expenditureByGroupChart(r)] : []),
    // moves between settings only where the data show them (published totals record none)
    ...(movesObserved(r) ? [sankeyY6Y7Chart(r, opts.suppressSmallCounts)] : []),
    ...(money ? [tornadoDeficitChart(r), waterfallMitigationChart(r)] : []),
  ];
}
