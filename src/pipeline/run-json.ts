/** The `run --json` document of cli.md, built from a run's results. Pure. */
import { PLACEMENTS, type Placement } from '../domain/index.ts';
import { budgetJson } from '../budget/budget-json.ts';
import { cubeByPlacement } from '../model/cube.ts';
import { observedCensus, type ObservedCensus } from '../model/observed.ts';
import type { ProjectionResult } from '../model/result.ts';
import { roundPlanParts, roundPlans } from '../report/format.ts';
import { suppressedCount, SUPPRESSED } from '../report/suppress.ts';
import { hiddenPlacements } from '../report/workbook/sheets/plans-by-placement.ts';
import type { RunReport } from '../report/run-report.ts';
import { TOOL, VERSION } from '../version.ts';

export interface RunOutputsPaths {
  workbook: string;
  charts: string[];
  report: string;
  csv?: string[];
  /** The scenario explorer page (outputs.md). */
  explorer?: string;
}

export type RunDocument = Record<string, unknown>;

export interface ProjectionJson {
  ehcp_total: Record<string, { p10: number; p50: number; p90: number }>;
  ehcp_by_placement: Record<string, Record<Placement, number>>;
}

/** What the data give for the base year: the figures the document's base year (cli.md: "actual") shows. */
export type ObservedBase = Pick<ObservedCensus, 'year' | 'total' | 'byPlacement'>;

/**
 * The plan fields of the document (cli.md): total plans with quantiles, plans by placement on the central path, to a
 * millionth of a plan (roundPlans: a published 19 is 19, not 19.000000000000004), the placements adding up to the
 * total as they did before rounding. At the base year, the data's figures (`observed`, model/observed.ts) where they
 * give them, not the model's fitted start: Kent's January 2022 placements read MS 4480.000778 and SPI 754.999527 from
 * the fit, against the published 4,480 and 755; its total has no range (P10 = P50 = P90).
 */
export function projectionJson(p: ProjectionResult, observed?: ObservedBase): ProjectionJson {
  const ehcpTotal: ProjectionJson['ehcp_total'] = {};
  const byPlacement: ProjectionJson['ehcp_by_placement'] = {};
  const obs = observed?.year === p.baseYear ? observed : undefined;
  p.years.forEach((y, i) => {
    const q = p.totalQuantiles[i]!;
    const atBase = y === p.baseYear;
    const total = atBase ? obs?.total : undefined;
    ehcpTotal[String(y)] = total !== undefined ? { p10: roundPlans(total), p50: roundPlans(total), p90: roundPlans(total) } : { p10: roundPlans(q.p10), p50: roundPlans(q.p50), p90: roundPlans(q.p90) };
    const placed = atBase ? obs?.byPlacement : undefined;
    const c = placed ? PLACEMENTS.map((pl) => roundPlans(placed[pl])) : roundPlanParts(cubeByPlacement(p.central[i]!));
    byPlacement[String(y)] = Object.fromEntries(PLACEMENTS.map((pl, k) => [pl, c[k]!])) as Record<Placement, number>;
  });
  return { ehcp_total: ehcpTotal, ehcp_by_placement: byPlacement };
}

/** The plan fields of a document written with small counts suppressed: a count from 1 to threshold − 1 reads `[c]`. */
export type SuppressedProjectionJson = { [K in keyof ProjectionJson]: Record<string, Record<string, number | typeof SUPPRESSED>> };

/**
 * The plan fields with the workbook's one suppression rule (report/suppress.ts): `run --suppress-small-counts --json`
 * gave Isles of Scilly's January 2022 placements (EY 1, ISS 2, FE 1, EOTAS 1 plans) on stdout where every file of
 * the run read `[c]`. Totals are counts too, as on the Summary sheet: suppressed only when they are small. With
 * `hidden` (the Plans by placement sheet's cells, hiddenPlacements), a count the sheet hides beside a total (secondary
 * suppression) reads `[c]` too: Isles of Scilly's ISS of January 2020 (1 plan, beside MS 10 and a total of 11).
 * @example suppressedPlans(projectionJson(p), 5).ehcp_by_placement['2022'].EY // '[c]' for 1 plan
 */
export function suppressedPlans(j: ProjectionJson, threshold: number, hidden?: (year: number, key: Placement | 'ALL') => boolean): SuppressedProjectionJson {
  const each = <T extends Record<string, Record<string, number>>>(o: T, key: (k: string) => Placement | 'ALL' | undefined) =>
    Object.fromEntries(
      Object.entries(o).map(([y, v]) => [
        y,
        Object.fromEntries(Object.entries(v).map(([k, x]) => [k, hidden && key(k) !== undefined && hidden(Number(y), key(k)!) ? SUPPRESSED : suppressedCount(x, threshold)])),
      ]),
    );
  // the total's P50 is the sheet's total row; its P10 and P90 are in no line
  return { ehcp_total: each(j.ehcp_total, (k) => (k === 'p50' ? 'ALL' : undefined)), ehcp_by_placement: each(j.ehcp_by_placement, (k) => k as Placement) };
}

/** The base year's figures of a dataset as the document and the explorer's result() show them. */
export function observedBaseOf(ds: Parameters<typeof observedCensus>[0], baseYear: number): ObservedBase {
  const { year, total, byPlacement } = observedCensus(ds, baseYear);
  return { year, ...(total !== undefined ? { total } : {}), ...(byPlacement ? { byPlacement } : {}) };
}

/**
 * The JSON document of one scenario's run; with `suppressSmallCounts` (a threshold above 1) its counts of plans are
 * suppressed as in every file the run writes, and `suppressed_below` gives the threshold.
 */
export function runDocument(r: RunReport, outputs: RunOutputsPaths, suppressSmallCounts?: number): RunDocument {
  const p = r.projection;
  // a demand-only run has no money keys at all (cli.md)
  const b = r.budget ? budgetJson(r.budget, r.scenario) : { demand_only: true };
  const plans = projectionJson(p, observedBaseOf(r.dataset, r.baseYear));
  const suppressing = suppressSmallCounts !== undefined && suppressSmallCounts > 1;
  return {
    tool: TOOL,
    version: VERSION,
    scenario: { id: r.scenario.id, name: r.scenario.name, file: r.scenario.file, sha256: r.scenario.sha256, ...(r.scenario.extended ? { extends: r.scenario.extended } : {}) },
    la: { old_la_code: r.la.oldCode, new_la_code: r.la.newCode, name: r.la.name },
    base_year: r.baseYear,
    draws: p.draws,
    seed: p.seed,
    ...(suppressing ? { ...suppressedPlans(plans, suppressSmallCounts, hiddenPlacements(r, suppressSmallCounts)), suppressed_below: suppressSmallCounts } : plans),
    ...b,
    outputs,
  };
}
