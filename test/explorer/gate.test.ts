/**
 * The explorer page refuses what `run` refuses: its compiled script, evaluated in Node on the sample's page, applies
 * `run`'s sanity gates (pipeline/plausible.ts, the one home of both) to a variant, and the variant it refuses is the
 * one whose YAML `run` stops on (exit 1) at the same year and figure. No slider position is refused on the sample.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { variantRefused } from '../../src/messages/explorer.ts';
import { financialYearLabel } from '../../src/domain/index.ts';
import { fmtMoneyExact } from '../../src/report/format.ts';
import type { BudgetProblem, ProjectionProblem } from '../../src/pipeline/plausible.ts';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';
import { loadPageInNode, type PageInNode } from './bundle-in-node.ts';

let dir: string;
let page: PageInNode;

beforeAll(async () => {
  dir = tempDir('hn-explorer-gate-');
  const r = await runCli('run', 'scenarios/mitigated.yaml', '--draws', '0', '--json', '--quiet', '--out', dir);
  expect(r.code, r.stderr).toBe(0);
  page = loadPageInNode((JSON.parse(r.stdout) as { outputs: { explorer: string } }).outputs.explorer);
});

/** The page's gate on a variant (undefined: its figures are shown). */
function pageProblem(path: string, value: number) {
  const { core, payload } = page;
  const o = core.computeVariant(payload, core.setAt(payload.scenario, path, value));
  return core.figuresProblem(core.outcomeFigures(o));
}

/** `run --draws 0` of the variant's YAML, as the page would download it. */
async function runVariant(path: string, value: number, id: string) {
  const { core, payload } = page;
  const file = join(dir, `${id}.yaml`);
  writeFileSync(file, core.scenarioYaml(core.setAt(payload.scenario, path, value), { id, name: id, baseYear: payload.input.baseYear, header: ['test'] }));
  return runCli('run', file, '--draws', '0', '--quiet', '--out', join(dir, id));
}

describe('the explorer page refuses what run refuses', () => {
  it('the scenario as loaded passes', () => {
    const { core, payload } = page;
    expect(core.figuresProblem(core.outcomeFigures(core.computeVariant(payload, payload.scenario)))).toBeUndefined();
  });

  it('growth of new plans at 1,000% a year: the first projected year more than doubles the plans on the page and in run', async () => {
    const p = pageProblem('projection.incidence_growth', 10) as ProjectionProblem;
    expect(p).toMatchObject({ kind: 'step', year: page.payload.input.baseYear + 1 });
    const r = await runVariant('projection.incidence_growth', 10, 'growth-10');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`the projection for January ${p.year} is [\\d,]+ plans against [\\d,]+ a year earlier \\(a step of ×${(p as { ratio: number }).ratio.toFixed(2)}`));
  });

  it('growth of new plans at 40% a year: plans pass 20% of the LA’s people aged 0–25 on the page and in run, the same year', async () => {
    const p = pageProblem('projection.incidence_growth', 0.4) as Extract<ProjectionProblem, { kind: 'prevalence' }>;
    expect(p).toMatchObject({ kind: 'prevalence', quantile: 'P50' });
    expect(p.plans / p.population).toBeGreaterThan(0.2);
    const r = await runVariant('projection.incidence_growth', 0.4, 'growth-40');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the projection for January ${p.year} is ${Math.round(p.plans).toLocaleString('en-GB')} plans at P50`);
    expect(r.stderr).toContain(`Project to January ${p.year - 1} at most (horizon_years: ${p.year - 1 - page.payload.input.baseYear} in the scenario)`);
    const m = variantRefused({ label: 'New plans — Yearly growth', value: '40%', loaded: '11.81%' }, [], p, false);
    expect(m.text).toContain(`the EHC plans in January ${p.year} would be more than 20% of all the children and young people aged 0 to 25 who live there`);
    expect(m.text).not.toContain(Math.round(p.plans).toLocaleString('en-GB'));
  });

  it.each([
    ['costs.inflation', 10],
    ['funding.growth', 10],
  ] as const)('%s at %s: the first money figure beyond £1 trillion is the one run names', async (path, value) => {
    const p = pageProblem(path, value) as BudgetProblem;
    expect(p).toBeDefined();
    expect(Math.abs(p.value)).toBeGreaterThan(1e12);
    const r = await runVariant(path, value, path.replace('.', '-'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the ${p.what} of ${financialYearLabel(p.fy)} comes to ${fmtMoneyExact(p.value)}, beyond £1,000,000,000,000 either way`);
  });

  it('no lever at either end of its slider is refused', () => {
    const { core, payload } = page;
    const levers = core.leversOf(payload.scenario, { trend: payload.input.rates.trend, baseYear: payload.input.baseYear, horizon: payload.input.horizon });
    for (const l of levers) for (const v of [l.min, l.max]) expect(pageProblem(l.path, v), `${l.path} = ${v}`).toBeUndefined();
  });

  it('says which lever value is to blame and what to do, with no figure of the refused variant in it', () => {
    const p = pageProblem('costs.inflation', 10)!;
    const m = variantRefused({ label: 'Prices and funding — Yearly rise in unit costs (inflation)', value: '1000%', loaded: '3%' }, [], p, false);
    expect(m.text).toMatch(/^With “Prices and funding — Yearly rise in unit costs \(inflation\)” at 1000% \(the scenario has 3%\), the expenditure of 20\d\d-\d\d would be beyond £1 trillion either way/);
    expect(m.text).toMatch(/the highneeds run command refuses such a scenario too, so this page shows no numbers, charts or downloads for it\.$/);
    expect(variantRefused({ label: 'L', value: '1', loaded: '2' }, ['a', 'b'], p, true).text).toMatch(/^With “L” at 1 \(the scenario has 2\), with the other changes listed above, the expenditure .* in the range of outcomes \(P10 to P90\)\./);
    expect(m.fix).toMatch(/Undo/);
    const step = variantRefused(undefined, ['New plans — Yearly growth: 8.26% → 1000%'], pageProblem('projection.incidence_growth', 10)!, false);
    expect(step.text).toMatch(/^With the changes made \(New plans — Yearly growth: 8\.26% → 1000%\), the number of EHC plans would grow by more than 50% in one year \(to January 2026\)/);
    for (const t of [m.text, step.text]) expect(t).not.toMatch(/e\+|NaN|Infinity|\d{7,}/);
  });
});
