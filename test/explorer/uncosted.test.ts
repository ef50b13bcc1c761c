/**
 * A lever can put plans where the run had none: a transition shift's share moved from 0 sends post-16 moves into an
 * independent mainstream school, which the unit-cost table prices at primary and secondary only (the run's plans
 * there are all under 16). `run` refuses such a scenario (gates.ts checkUnitCostCoverage); the page priced the new
 * plans at £0 and showed a smaller deficit (the sample at a share of 30%: 2030-31's cumulative balance £2.5m better
 * than at 0, the FE top-ups gone and nothing in their place). It now refuses the variant as `run` does, naming the
 * placement, the phase and the first January.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { variantRefused } from '../../src/messages/explorer.ts';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';
import { loadPageInNode, type PageInNode } from './bundle-in-node.ts';

const SHARE = 'transition_shifts[0].share';
let dir: string;
let data: string;
let page: PageInNode;

beforeAll(async () => {
  dir = tempDir('hn-explorer-uncosted-');
  data = join(dir, 'data');
  cpSync('data-samples', data, { recursive: true });
  const costs = readFileSync(join(data, 'unit_costs.csv'), 'utf8');
  expect(costs).toMatch(/^IMS,,,(\d+),/m);
  writeFileSync(join(data, 'unit_costs.csv'), costs.replace(/^IMS,,,(\d+),(.*)$/m, 'IMS,PRIMARY,,$1,$2\nIMS,SECONDARY,,$1,$2'));
  writeFileSync(
    join(dir, 'shift.yaml'),
    [
      `extends: ${resolve('scenarios/baseline.yaml')}`,
      'id: shift',
      'name: Post-16 shift',
      'transition_shifts:',
      '  - name: Post-16 moves into independent mainstream',
      '    transition: Y11-Y12',
      '    from: FE',
      '    to: IMS',
      '    share: 0',
      '    start_year: 2026',
      '',
    ].join('\n'),
  );
  const r = await runCli('run', join(dir, 'shift.yaml'), '--data', data, '--draws', '0', '--json', '--quiet', '--out', join(dir, 'out'));
  expect(r.code, r.stderr).toBe(0);
  page = loadPageInNode((JSON.parse(r.stdout) as { outputs: { explorer: string } }).outputs.explorer);
});

function pageProblem(value: number) {
  const { core, payload } = page;
  return core.figuresProblem(core.outcomeFigures(core.computeVariant(payload, core.setAt(payload.scenario, SHARE, value))));
}

describe('the explorer page refuses plans a lever puts where no unit cost prices them', () => {
  it('the scenario as loaded (share 0) is shown', () => {
    expect(pageProblem(0)).toBeUndefined();
  });

  it('a share of 30%: refused on the page, naming what run names when it refuses the same scenario', async () => {
    const p = pageProblem(0.3);
    expect(p).toMatchObject({ kind: 'uncosted', placements: [{ placement: 'IMS', hasRows: true, missing: [{ phase: 'POST16' }], firstYear: 2027 }] });
    const u = (p as { placements: Array<{ firstPlans: number; peakYear: number; peakPlans: number }> }).placements[0]!;
    const { core, payload } = page;
    const file = join(dir, 'shift-30.yaml');
    writeFileSync(file, core.scenarioYaml(core.setAt(payload.scenario, SHARE, 0.3), { id: 'shift-30', name: 'shift-30', baseYear: payload.input.baseYear, header: ['test'] }));
    const r = await runCli('run', file, '--data', data, '--draws', '0', '--quiet', '--out', join(dir, 'shift-30'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `IMS (Independent mainstream school): no row for POST16 (any need); ${Math.round(u.firstPlans)} plans in January 2027, up to ${Math.round(u.peakPlans)} plans in January ${u.peakYear}.`,
    );
  });

  it('says which plans have no unit cost and what to do, with no figure of the variant', () => {
    const m = variantRefused({ label: 'Transition — Share', value: '30%', loaded: '0%' }, [], pageProblem(0.3)!, false);
    expect(m.text).toContain('plans in independent mainstream school (post-16) from January 2027 would have no unit cost');
    expect(m.text).toContain('costed at £0');
    expect(m.fix).toContain('add a row for IMS (post-16) to the unit-cost table');
    for (const t of [m.text, m.fix]) expect(t.replace(/January \d{4}|\d+%|£0|post-16|annual_cost_gbp 0/g, '')).not.toMatch(/\d|NaN|Infinity/);
  });
});
