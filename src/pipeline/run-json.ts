/** The `run --json` document of cli.md, built from a run's results. Pure. */
import { PLACEMENTS, type Placement } from '../domain/index.ts';
import { budgetJson } from '../budget/budget-json.ts';
import { cubeByPlacement } from '../model/cube.ts';
import type { RunReport } from '../report/run-report.ts';
import { TOOL, VERSION } from '../version.ts';

export interface RunOutputsPaths {
  workbook: string;
  charts: string[];
  report: string;
  csv?: string[];
}

export type RunDocument = Record<string, unknown>;

/** The JSON document of one scenario's run. */
export function runDocument(r: RunReport, outputs: RunOutputsPaths): RunDocument {
  const p = r.projection;
  const ehcpTotal: Record<string, { p10: number; p50: number; p90: number }> = {};
  const byPlacement: Record<string, Record<Placement, number>> = {};
  p.years.forEach((y, i) => {
    const q = p.totalQuantiles[i]!;
    ehcpTotal[String(y)] = { p10: q.p10, p50: q.p50, p90: q.p90 };
    const c = cubeByPlacement(p.central[i]!);
    byPlacement[String(y)] = Object.fromEntries(PLACEMENTS.map((pl, k) => [pl, c[k]!])) as Record<Placement, number>;
  });
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
    ehcp_total: ehcpTotal,
    ehcp_by_placement: byPlacement,
    ...b,
    outputs,
  };
}
