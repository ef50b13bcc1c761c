/**
 * `run --demand-only` writes the scenario explorer too (cli.md: "`run` also writes the scenario explorer beside the
 * report"; outputs.md: "written by every `run`"): before, it wrote none. The page carries no money (no money table,
 * no money lever) and its `result()` has the projection's keys only, as `run --demand-only --json` has no money keys;
 * with the scenario as loaded its plans equal the run's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';
import { loadPageInNode, type PageInNode } from './bundle-in-node.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON
let doc: Doc;
let page: PageInNode;

beforeAll(async () => {
  const dir = tempDir('hn-explorer-demand-');
  const r = await runCli('run', 'scenarios/mitigated.yaml', '--demand-only', '--draws', '0', '--json', '--quiet', '--out', join(dir, 'out'));
  expect(r.code, r.stderr).toBe(0);
  doc = JSON.parse(r.stdout) as Doc;
  expect(doc.outputs.explorer).toBe(join(dir, 'out', 'explorer-mitigated.html'));
  expect(existsSync(doc.outputs.explorer)).toBe(true);
  page = loadPageInNode(doc.outputs.explorer);
});

describe('run --demand-only writes the scenario explorer, without money', () => {
  it('the page names the files the run loaded, as the report does', () => {
    const paths = (page.payload.sources ?? []).map((f) => f.path);
    expect(paths).toContain(join('data-samples', 'sen2_age_caseload.csv'));
    expect(paths.length).toBeGreaterThan(10);
  });

  it('the page carries no money table', () => {
    const t = page.payload.tables;
    expect(page.payload.demandOnly).toBe(true);
    expect([t.unitCosts, t.places, t.funding, t.otherSpend, t.openingBalances].every((rows) => rows.length === 0)).toBe(true);
  });

  it('its result has the keys of run --demand-only --json and the run’s plans', () => {
    const { core, payload } = page;
    const o = core.computeVariant(payload, payload.scenario);
    expect(Object.keys(o.result).sort()).toEqual(['ehcp_by_placement', 'ehcp_total']);
    for (const [y, q] of Object.entries(doc.ehcp_total as Record<string, { p50: number }>)) expect(o.result.ehcp_total[y]!.p50).toBeCloseTo(q.p50, 4);
    expect(core.figuresProblem(core.outcomeFigures(o))).toBeUndefined();
  });

  it('offers no money lever', () => {
    const { core, payload } = page;
    const levers = core.leversOf(payload.scenario, { trend: payload.input.rates.trend, baseYear: payload.input.baseYear, horizon: payload.input.horizon, demandOnly: true });
    const paths = levers.map((l) => l.path);
    expect(paths.some((p) => p.startsWith('projection.'))).toBe(true);
    expect(paths.filter((p) => /^(costs|funding)\.|cost_gbp_per_year/.test(p))).toEqual([]);
    const unitCost = payload.scenario.mitigations.findIndex((m) => m.kind === 'unit_cost_change');
    if (unitCost >= 0) expect(paths.filter((p) => p.startsWith(`mitigations[${unitCost}].`))).toEqual([]);
  });
});
