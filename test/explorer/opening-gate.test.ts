/**
 * The explorer refuses, as `run` does, an opening balance worked back over a year whose High Needs block is out of
 * scale with its spend. The sample from January 2022 (its returns left out) has an opening-balance table for 2024-25
 * only, so the run works its opening back over 2022-23 to 2024-25, where the block is the funding table's first figure
 * taken back at `funding.growth`: at 100% a year the page showed an opening surplus of £107m at 31 March 2022 (2022-23's
 * block £7.1m against £52.6m of spend), which `run` refuses on the page's YAML.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { variantRefused } from '../../src/messages/explorer.ts';
import { runCli, sampleTables } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';
import { loadPageInNode, type PageInNode } from './bundle-in-node.ts';

let dir: string;
let data: string;
let page: PageInNode;

beforeAll(async () => {
  dir = tempDir('hn-explorer-opening-');
  data = sampleTables();
  const r = await runCli('run', '--data', data, '--draws', '0', '--json', '--quiet', '--out', join(dir, 'out'));
  expect(r.code, r.stderr).toBe(0);
  page = loadPageInNode((JSON.parse(r.stdout) as { outputs: { explorer: string } }).outputs.explorer);
});

function pageProblem(value: number) {
  const { core, payload } = page;
  return core.figuresProblem(core.outcomeFigures(core.computeVariant(payload, core.setAt(payload.scenario, 'funding.growth', value))));
}

describe('the explorer page refuses an opening balance worked back over years out of scale', () => {
  it('the scenario as loaded, and funding growth at the slider’s ends, are shown', () => {
    expect(pageProblem(page.payload.scenario.funding.growth)).toBeUndefined();
    expect(pageProblem(-0.02)).toBeUndefined();
    expect(pageProblem(0.12)).toBeUndefined();
  });

  it('funding growth at 100% a year: refused on the page and by run, naming the same year', async () => {
    const p = pageProblem(1);
    expect(p).toMatchObject({ kind: 'opening', openingFy: 2021, fromFy: 2024, fy: 2022 });
    const { core, payload } = page;
    const file = join(dir, 'growth-100.yaml');
    writeFileSync(file, core.scenarioYaml(core.setAt(payload.scenario, 'funding.growth', 1), { id: 'growth-100', name: 'growth-100', baseYear: payload.input.baseYear, header: ['test'] }));
    const r = await runCli('run', file, '--data', data, '--draws', '0', '--quiet', '--out', join(dir, 'growth-100'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no opening DSG balance can be worked back.* at the end of 2024-25 .* But in 2022-23 the High Needs block/);
    const m = variantRefused({ label: 'Prices and funding — Yearly growth of the High Needs block', value: '100%', loaded: '3%' }, [], p!, false);
    expect(m.text).toContain("the opening DSG balance, which the run works back from the table's balance at the end of 2024-25");
    expect(m.text).toContain('would rest on 2022-23, whose High Needs block would be out of scale with the spend modelled for it');
  });
});
