/**
 * RunReport → WorkbookModel: the fourteen sheets of outputs.md, in order (eleven in a demand-only run), with Places
 * and plans after Costs and After March 2028 after Funding and balance when the budget has them. Pure.
 */
import { hasBudget, type RunReport } from '../run-report.ts';
import { suppressionNote, suppressWorkbook } from '../suppress.ts';
import type { WorkbookModel } from './model.ts';
import { assumptionsSheet } from './sheets/assumptions.ts';
import { backtestSheet } from './sheets/backtest.ts';
import { costsSheet } from './sheets/costs.ts';
import { dataQualitySheet } from './sheets/data-quality.ts';
import { dsgPlanSheet } from './sheets/dsg-plan.ts';
import { flowsSheet } from './sheets/flows.ts';
import { fundingSheet } from './sheets/funding.ts';
import { generalFundSheet } from './sheets/general-fund.ts';
import { placesPlansSheet } from './sheets/places-plans.ts';
import { mitigationsSheet } from './sheets/mitigations.ts';
import { plansByAgeSheet } from './sheets/plans-by-age.ts';
import { plansByNeedSheet } from './sheets/plans-by-need.ts';
import { plansByPlacementSheet } from './sheets/plans-by-placement.ts';
import { summarySheet } from './sheets/summary.ts';
import { transitionsSheet } from './sheets/transitions.ts';
import { uncertaintySheet } from './sheets/uncertainty.ts';

export interface WorkbookOptions {
  /** Counts from 1 to threshold − 1 become `[c]`. */
  suppressSmallCounts?: number;
}

/**
 * Builds the run workbook's model.
 * @example buildWorkbookModel(report).sheets.map((s) => s.name) // ['Summary', 'Assumptions', …]
 */
const optional = <T>(x: T | undefined): T[] => (x === undefined ? [] : [x]);

export function buildWorkbookModel(r: RunReport, opts: WorkbookOptions = {}): WorkbookModel {
  const t = opts.suppressSmallCounts;
  const suppressing = t !== undefined && t > 1;
  const model: WorkbookModel = {
    title: `High Needs forecast — ${r.la.name} — ${r.scenario.name}`,
    subject: 'EHC plan projection and High Needs block (DSG) budget',
    creator: `${r.tool.name} ${r.tool.version}`,
    keywords: 'EHCP; High Needs; DSG; forecast',
    description: `Scenario ${r.scenario.id}, base year ${r.baseYear}, ${r.projection.draws} draws, seed ${r.projection.seed}.`,
    created: r.runDate,
    subtitle: `${r.la.name} · scenario: ${r.scenario.name} · base year ${r.baseYear} · run ${r.runDate.slice(0, 10)}`,
    // a demand-only run (no budget) leaves out the money sheets; the others leave out their money tables
    sheets: [
      summarySheet(r),
      assumptionsSheet(r),
      plansByAgeSheet(r),
      plansByNeedSheet(r),
      plansByPlacementSheet(r, t),
      transitionsSheet(r),
      flowsSheet(r),
      ...(hasBudget(r) ? [costsSheet(r), ...optional(placesPlansSheet(r)), fundingSheet(r), ...optional(generalFundSheet(r)), mitigationsSheet(r)] : []),
      uncertaintySheet(r),
      backtestSheet(r),
      dataQualitySheet(r, suppressing ? suppressionNote(t) : undefined),
      dsgPlanSheet(r),
    ],
  };
  return suppressWorkbook(model, t);
}
