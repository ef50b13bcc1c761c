/** The `run --json` document of cli.md, built from a run's results. Pure. */
import { PLACEMENTS, type Placement } from '../domain/index.ts';
import { budgetJson } from '../budget/budget-json.ts';
import { cubeByPlacement } from '../model/cube.ts';
import type { ProjectionResult } from '../model/result.ts';
import { roundPlanParts, roundPlans } from '../report/format.ts';
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

/**
 * The plan fields of the document (cli.md): total plans with quantiles, plans by placement on the central path, to a
 * millionth of a plan (roundPlans: a published 19 is 19, not 19.000000000000004), the placements adding up to the
 * total as they did before rounding.
 */
export function projectionJson(p: ProjectionResult): ProjectionJson {
  const ehcpTotal: ProjectionJson['ehcp_total'] = {};
  const byPlacement: ProjectionJson['ehcp_by_placement'] = {};
  p.years.forEach((y, i) => {
    const q = p.totalQuantiles[i]!;
    ehcpTotal[String(y)] = { p10: roundPlans(q.p10), p50: roundPlans(q.p50), p90: roundPlans(q.p90) };
    const c = roundPlanParts(cubeByPlacement(p.central[i]!));
    byPlacement[String(y)] = Object.fromEntries(PLACEMENTS.map((pl, k) => [pl, c[k]!])) as Record<Placement, number>;
  });
  return { ehcp_total: ehcpTotal, ehcp_by_placement: byPlacement };
}

/** The JSON document of one scenario's run. */
export function runDocument(r: RunReport, outputs: RunOutputsPaths): RunDocument {
  const p = r.projection;
  // a demand-only run has no money keys at all (cli.md)
  const b = r.budget ? budgetJson(r.budget, r.scenario) : { demand_only: true };
  return {
    tool: TOOL,
    version: VERSION,
    scenario: { id: r.scenario.id, name: r.scenario.name, file: r.scenario.file, sha256: r.scenario.sha256 },
    la: { old_la_code: r.la.oldCode, new_la_code: r.la.newCode, name: r.la.name },
    base_year: r.baseYear,
    draws: p.draws,
    seed: p.seed,
    ...projectionJson(p),
    ...b,
    outputs,
  };
}
