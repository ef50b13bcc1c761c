/**
 * The explorer computes what the CLI computes: one `run --draws 0 --json` over every shipped scenario writes the
 * explorer pages; each page's own compiled script, evaluated in Node on its embedded payload, gives the run's
 * numbers (relative 1e-6, as outputs.md requires). A moved lever, written to YAML and read back as the CLI reads
 * scenarios, gives the variant's numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawTotals, rangeFromTotals, rangeOfVariant } from '../../src/explorer/compute.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import { projectMonteCarlo } from '../../src/model/project-monte-carlo.ts';
import { centreOnMedian, publishBudget } from '../../src/pipeline/central-path.ts';
import { parseYamlMapping, validateScenario } from '../../src/scenario/load.ts';
import { runCli } from '../cli/helpers.ts';
import { referenceProjection } from '../../src/model/levers/reference.ts';
import { escapeHtml } from '../../src/report/safe-text.ts';
import { loadPageInNode, runNotesItems } from './bundle-in-node.ts';

const SCENARIOS = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort().map((f) => join('scenarios', f));
const MONEY_KEYS = ['expenditure_gbp', 'in_year_balance_gbp', 'cumulative_balance_gbp'] as const;
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON documents

/** Every number in `b` is within a relative 1e-6 of the same key in `a` (and both have the same keys). */
function expectClose(a: unknown, b: unknown, where: string): void {
  if (typeof a === 'number') {
    expect(typeof b, where).toBe('number');
    expect(Math.abs((b as number) - a), `${where}: ${a} vs ${String(b)}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(a)));
    return;
  }
  expect(Object.keys(b as object).sort(), where).toEqual(Object.keys(a as object).sort());
  for (const [k, v] of Object.entries(a as object)) expectClose(v, (b as Record<string, unknown>)[k], `${where}.${k}`);
}

/** Where two values first differ ('' when they do not): numbers by Object.is, typed arrays byte for byte. */
function sameBits(a: unknown, b: unknown, at = ''): string {
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    const [x, y] = [a as Float64Array, b as Float64Array];
    const same = ArrayBuffer.isView(b) && Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(Buffer.from(y.buffer, y.byteOffset, y.byteLength));
    return same ? '' : at;
  }
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? '' : `${at}: ${String(a)} vs ${String(b)}`;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = sameBits((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return '';
}

let dir: string;
let runs: Doc[];
let stderr: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hn-explorer-'));
  const r = await runCli('run', ...SCENARIOS, '--draws', '0', '--json', '--out', dir);
  expect(r.code, r.stderr).toBe(0);
  runs = (JSON.parse(r.stdout) as { runs: Doc[] }).runs;
  stderr = r.stderr;
});

/** The notes stderr lists under "… change(s) what these figures mean" (those beyond the list's cap are not read). */
function listedNotes(text: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /changes? what these figures mean/.test(l));
  const out: string[] = [];
  for (const l of at < 0 ? [] : lines.slice(at + 1)) {
    if (!l.startsWith('  - ')) break;
    out.push(l.slice(4));
  }
  return out;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('explorer parity with run --draws 0 --json', () => {
  it('ships at least the five scenarios of cli.md', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(5);
    expect(runs.length).toBe(SCENARIOS.length);
  });

  it.each(SCENARIOS.map((f, i) => [f, i] as const))('%s: the page script gives the run\'s numbers', (_file, i) => {
    const doc = runs[i]!;
    const file = doc.outputs.explorer as string;
    expect(file).toMatch(new RegExp(`explorer-${doc.scenario.id}\\.html$`));
    expect(statSync(file).size).toBeLessThan(3 * 1024 * 1024);
    const { core, payload, html } = loadPageInNode(file);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect(html).not.toMatch(/\b(src|href)="https?:/);
    const res = core.computeVariant(payload, payload.scenario).result;
    expectClose(doc.ehcp_total, res.ehcp_total, 'ehcp_total');
    expectClose(doc.ehcp_by_placement, res.ehcp_by_placement, 'ehcp_by_placement');
    for (const k of MONEY_KEYS) expectClose(doc[k], res[k], k);
  });

  it('each page lists, at its top, the notes run says on stderr of its scenario, in stderr\'s order (run-notes.test.ts)', () => {
    const said = listedNotes(stderr);
    expect(said.length).toBeGreaterThan(0);
    const onPages = runs.map((doc) => {
      const { payload, html } = loadPageInNode(doc.outputs.explorer as string);
      const notes = payload.notes ?? [];
      expect(runNotesItems(html) ?? []).toEqual(notes.map(escapeHtml));
      expect(notes.filter((n) => said.includes(n)).map((n) => said.indexOf(n))).toEqual([...said.keys()].filter((k) => notes.includes(said[k]!)));
      return notes;
    });
    // every note stderr lists is on the page of each scenario it is said of, so on one page at least
    expect(said.filter((n) => !onPages.some((notes) => notes.includes(n)))).toEqual([]);
  });

  it('a moved lever written as YAML and read back as run reads it gives the same numbers', () => {
    const i = SCENARIOS.findIndex((f) => f.endsWith('mitigated.yaml'));
    const { core, payload } = loadPageInNode(runs[i]!.outputs.explorer as string);
    const levers = core.leversOf(payload.scenario, { trend: payload.input.rates.trend, baseYear: payload.input.baseYear, horizon: payload.input.horizon });
    expect(levers.map((l) => l.path)).toEqual(expect.arrayContaining(['projection.incidence_growth', 'mitigations[0].effect', 'costs.inflation', 'funding.growth']));
    let variant = core.setAt(payload.scenario, 'mitigations[0].effect', 0.3);
    variant = core.setAt(variant, 'projection.incidence_growth', 0.05);
    const moved = core.computeVariant(payload, variant).result;
    const asLoaded = core.computeVariant(payload, payload.scenario).result;
    expect(moved.cumulative_balance_gbp).not.toEqual(asLoaded.cumulative_balance_gbp);
    const yaml = core.scenarioYaml(variant, { id: 'mitigated-explorer', name: 'Mitigated (explorer)', baseYear: payload.input.baseYear, header: ['test'] });
    const back = validateScenario(parseYamlMapping(yaml, 'variant.yaml'), 'variant.yaml', 'x');
    expect(back.id).toBe('mitigated-explorer');
    const again = core.computeVariant(payload, back).result;
    for (const k of ['ehcp_total', ...MONEY_KEYS] as const) expectClose(moved[k], again[k], k);
  });

  it('a recovery-plan lever moved to start in the base year gives, downloaded as YAML and run, the page\'s numbers', async () => {
    // the budget scales unit costs to the Section 251 outturn on the first financial year of the path without the
    // recovery plan (the sample has an outturn): a lever acting in that year must not move the scaling
    const i = SCENARIOS.findIndex((f) => f.endsWith('mitigated.yaml'));
    const { core, payload } = loadPageInNode(runs[i]!.outputs.explorer as string);
    expect(payload.tables.outturn?.length).toBeGreaterThan(0);
    const variant = core.setAt(payload.scenario, 'mitigations[0].start_year', payload.input.baseYear);
    const page = core.computeVariant(payload, variant).result;
    const file = join(dir, 'base-year-start.yaml');
    writeFileSync(file, core.scenarioYaml(variant, { id: 'base-year-start', name: 'Base-year start', baseYear: payload.input.baseYear, header: ['test'] }));
    const r = await runCli('run', file, '--draws', '0', '--json', '--out', join(dir, 'base-year-start'));
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expectClose(doc.ehcp_total, page.ehcp_total, 'ehcp_total');
    for (const k of MONEY_KEYS) expectClose(doc[k], page[k], k);
  });

  it('the range of a recovery-plan lever moved to start in the base year is the one run --draws 40 prints for the YAML', async () => {
    const i = SCENARIOS.findIndex((f) => f.endsWith('mitigated.yaml'));
    const { core, payload } = loadPageInNode(runs[i]!.outputs.explorer as string);
    expect(payload.constraintSd).toBeDefined();
    const variant = core.setAt(payload.scenario, 'mitigations[0].start_year', payload.input.baseYear);
    const file = join(dir, 'base-year-start-drawn.yaml');
    writeFileSync(file, core.scenarioYaml(variant, { id: 'base-year-start-drawn', name: 'Base-year start', baseYear: payload.input.baseYear, header: ['test'] }));
    const r = await runCli('run', file, '--draws', '40', '--seed', '3', '--json', '--out', join(dir, 'base-year-start-drawn'));
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    const o = rangeOfVariant(payload, variant, 40, 3);
    const fys = Object.keys(doc.cumulative_balance_gbp);
    expectClose(doc.cumulative_balance_gbp, Object.fromEntries(fys.map((y, k) => [y, o.budget.cumulativeQuantiles[k]])), 'cumulative_balance_gbp');
    expectClose(doc.expenditure_gbp, Object.fromEntries(fys.map((y, k) => [y, o.budget.expenditureQuantiles[k]])), 'expenditure_gbp');
  });

  it('on a run not held to the forecast of total plans, the range of a recovery-plan lever started in the base year is run\'s, the path without the plan not drawn', async () => {
    // run's route without a total-plans forecast (model/project-la.ts: projectMonteCarlo of the scenario and of it
    // without mitigations, same seed; pipeline/run.ts publishedPaths centres both on their medians; runBudget scales
    // unit costs to the outturn on the reference path, model/levers/reference.ts, so the figures do not depend on the
    // path without mitigations, which the page does not draw), on the page's own engine input; the page's payload
    // without the forecast's sd takes the engine's draws
    const i = SCENARIOS.findIndex((f) => f.endsWith('mitigated.yaml'));
    const { payload } = loadPageInNode(runs[i]!.outputs.explorer as string);
    const free: typeof payload = { ...payload };
    delete free.constraintSd;
    const variant = { ...payload.scenario, mitigations: payload.scenario.mitigations.map((m, k) => (k === 0 ? { ...m, start_year: payload.input.baseYear } : m)) };
    const mc = { draws: 40, seed: 3, workers: 1 };
    const projection = centreOnMedian(await projectMonteCarlo({ ...payload.input, scenario: variant }, mc));
    const unmitigated = centreOnMedian(await projectMonteCarlo({ ...payload.input, scenario: { ...variant, mitigations: [] } }, mc));
    const reference = referenceProjection({ ...payload.input, scenario: variant });
    const run = publishBudget(
      runBudget({ scenario: { ...variant, sensitivity: undefined as unknown as typeof variant.sensitivity }, tables: payload.tables, projection, unmitigatedProjection: unmitigated, referenceProjection: reference }),
    );
    const page = rangeOfVariant(free, variant, 40, 3);
    const fys = run.financialYears.map(String);
    for (const k of ['cumulativeQuantiles', 'expenditureQuantiles'] as const)
      expectClose(Object.fromEntries(fys.map((y, j) => [y, run[k][j]])), Object.fromEntries(fys.map((y, j) => [y, page.budget[k][j]])), k);
    // and split over workers as the page splits them, the same
    const split = (s: typeof variant) => {
      const a = drawTotals(free, s, 3, 0, 17);
      const b = drawTotals(free, s, 3, 17, 40);
      const t = new Float64Array(a.length + b.length);
      t.set(a);
      t.set(b, a.length);
      return t;
    };
    const fromWorkers = rangeFromTotals(free, variant, 40, 3, split(variant));
    expect(sameBits(fromWorkers.budget.cumulativeQuantiles, page.budget.cumulativeQuantiles)).toBe('');
  });

  it.each(SCENARIOS.map((f, i) => [f, i] as const))('%s: every lever set to the value it shows changes nothing; the trend levers move plans their own way', (_file, i) => {
    const { core, payload } = loadPageInNode(runs[i]!.outputs.explorer as string);
    const levers = core.leversOf(payload.scenario, { trend: payload.input.rates.trend, baseYear: payload.input.baseYear, horizon: payload.input.horizon });
    // the page's own payload, which keeps what the last variant prepared (the next test shows it gives what a fresh
    // copy gives, bit for bit)
    const asLoaded = core.computeVariant(payload, payload.scenario).result;
    for (const l of levers) {
      const same = core.computeVariant(payload, core.setAt(payload.scenario, l.path, l.value)).result;
      expect(sameBits(asLoaded, same), `${l.path} set to ${l.value}`).toBe('');
    }
    // at the horizon: more first-year growth, more plans; less, fewer (the run's trend does not settle, so a long-run
    // rate of its own does nothing until growth settles, and then acts in its own direction)
    const plansAt = (s: typeof payload.scenario) => {
      const t = core.computeVariant(payload, s).result.ehcp_total;
      return t[String(payload.input.baseYear + payload.input.horizon)]!.p50;
    };
    const g = levers.find((l) => l.path === 'projection.incidence_growth')!.value;
    const base = plansAt(payload.scenario);
    expect(plansAt(core.setAt(payload.scenario, 'projection.incidence_growth', g + 0.01))).toBeGreaterThan(base);
    expect(plansAt(core.setAt(payload.scenario, 'projection.incidence_growth', g - 0.01))).toBeLessThan(base);
    const settled = core.setAt(payload.scenario, 'projection.trend_damping', 0.5);
    const lr = levers.find((l) => l.path === 'projection.long_run_growth')!.value;
    expect(plansAt(core.setAt(settled, 'projection.long_run_growth', lr + 0.02))).toBeGreaterThan(plansAt(settled));
  });

  it.each(SCENARIOS.map((f, i) => [f, i] as const))('%s: each end of a year lever\'s slider gives a run of its own (no stretch silently does nothing)', (_file, i) => {
    const { core, payload } = loadPageInNode(runs[i]!.outputs.explorer as string);
    const levers = core.leversOf(payload.scenario, { trend: payload.input.rates.trend, baseYear: payload.input.baseYear, horizon: payload.input.horizon });
    const at = (path: string, v: number) => core.computeVariant(payload, core.setAt(payload.scenario, path, v)).result;
    for (const l of levers.filter((x) => x.unit === 'year' || x.unit === 'years')) {
      expect(sameBits(at(l.path, l.min), at(l.path, l.min + l.step)), `${l.path}: ${l.min} and ${l.min + l.step} give the same run`).not.toBe('');
      expect(sameBits(at(l.path, l.max), at(l.path, l.max - l.step)), `${l.path}: ${l.max} and ${l.max - l.step} give the same run`).not.toBe('');
    }
  });

  it('a run of lever moves gives, bit for bit, what each variant gives computed afresh (the page keeps its last projection)', () => {
    const i = SCENARIOS.findIndex((f) => f.endsWith('mitigated.yaml'));
    const { core, payload } = loadPageInNode(runs[i]!.outputs.explorer as string);
    const g = payload.input.rates.trend.growth;
    const moves: Array<[string, number]> = [
      ['projection.incidence_growth', g + 0.01],
      ['projection.incidence_growth', g - 0.02],
      ['projection.trend_damping', 0.3],
      ['costs.inflation', 0.05],
      ['funding.growth', 0.01],
      ['projection.incidence_growth', g],
      ['mitigations[0].effect', 0.3],
      ['projection.long_run_growth', 0.02],
      ['mitigations[0].effect', payload.scenario.mitigations[0]!.effect],
      ['costs.inflation', payload.scenario.costs.inflation as number],
    ];
    let s = payload.scenario;
    const seen = [core.computeVariant(payload, s)];
    for (const [path, v] of moves) {
      s = core.setAt(s, path, v);
      const kept = core.computeVariant(payload, s);
      // a copy of the payload has nothing kept: the variant computed afresh
      const afresh = core.computeVariant({ ...payload }, s);
      expect(sameBits(kept, afresh), `after ${path} = ${v}`).toBe('');
      seen.push(kept);
    }
    // an outcome shown earlier is not written by later moves
    expect(sameBits(seen[0], core.computeVariant({ ...payload }, payload.scenario))).toBe('');
    expect(sameBits(seen[1], core.computeVariant({ ...payload }, core.setAt(payload.scenario, ...moves[0]!)))).toBe('');
  });

  it('the engine\'s draws split over workers are the draws of one thread', () => {
    const i = SCENARIOS.findIndex((f) => f.endsWith('covid-surge.yaml'));
    const { payload } = loadPageInNode(runs[i]!.outputs.explorer as string);
    const s = payload.scenario;
    const whole = drawTotals(payload, s, 7, 0, 30);
    const split = new Float64Array(whole.length);
    split.set(drawTotals(payload, s, 7, 0, 11));
    split.set(drawTotals(payload, s, 7, 11, 30), (11 * whole.length) / 30);
    expect(Buffer.from(split.buffer).equals(Buffer.from(whole.buffer))).toBe(true);
  });

  it('the range is the run\'s: P10, P50 and P90 of plans and money as run --draws 40 prints them', async () => {
    const out = join(dir, 'drawn');
    const r = await runCli('run', 'scenarios/mitigated.yaml', '--draws', '40', '--seed', '3', '--json', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    const { payload } = loadPageInNode(doc.outputs.explorer as string);
    const o = rangeOfVariant(payload, payload.scenario, 40, 3);
    const years = Object.keys(doc.ehcp_total);
    expectClose(doc.ehcp_total, Object.fromEntries(years.map((y, k) => [y, o.projection.totalQuantiles[k]])), 'ehcp_total');
    const fys = Object.keys(doc.cumulative_balance_gbp);
    expectClose(doc.cumulative_balance_gbp, Object.fromEntries(fys.map((y, k) => [y, o.budget.cumulativeQuantiles[k]])), 'cumulative_balance_gbp');
    expectClose(doc.expenditure_gbp, Object.fromEntries(fys.map((y, k) => [y, o.budget.expenditureQuantiles[k]])), 'expenditure_gbp');
  });
});
