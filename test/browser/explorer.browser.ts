/**
 * `tsx test/browser/explorer.browser.ts [SCENARIO]` (part of `npm run test:browser`): runs the CLI on the sample
 * (`run SCENARIO --draws 0 --json`, default scenarios/mitigated.yaml), opens the explorer it wrote in headless
 * Chromium from file:// and fails (exit 1) unless:
 * - the page loads with no network request, no console error and no exception;
 * - `window.highneeds.result()` equals the run's JSON (relative 1e-6) and `levers()` lists the scenario's levers;
 * - moving a lever changes the result, the visible headline and the balance chart;
 * - a series hidden from a chart's legend stays hidden when a lever moves;
 * - the Monte Carlo range arrives from the Web Worker;
 * - `scenarioYaml()`, run through the CLI with `--draws 0`, gives the numbers the page shows;
 * - nothing overflows at 1280×800 nor on a tablet (820×1180), even with names of the longest length allowed, and
 *   the page prints to A4;
 * - a variant `run` would stop on shows no figure, chart or download, and says which lever value is to blame;
 * - a value typed outside what a scenario file accepts is refused under its lever, in the units typed;
 * - on a page not held to the total-plans forecast, the range the workers draw for a recovery-plan lever started in
 *   the base year is the one `run`'s functions give.
 * Screenshots and the PDF go beside the page (reports/.explorer-check/).
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../cli/helpers.ts';
import { CdpPipe, type CdpEvent } from './cdp-pipe.ts';
import { decodeJson, encodeJson } from '../../src/explorer/codec.ts';
import { rangeOfVariant } from '../../src/explorer/compute.ts';
import type { ExplorerPayload } from '../../src/explorer/payload.ts';
import { fmtMoneyM } from '../../src/report/format.ts';
import { loadPageInNode } from '../explorer/bundle-in-node.ts';
import { blackRightOfProjection } from './explorer-charts.ts';
import { longNames, OVERFLOW_JS } from './explorer-layout.ts';

const CHROMIUM = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const OUT = resolve('reports/.explorer-check');
const MONEY = ['expenditure_gbp', 'in_year_balance_gbp', 'cumulative_balance_gbp'] as const;
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON documents

/** Differences beyond a relative 1e-6 between two JSON values (paths), at most 5. */
function differences(a: unknown, b: unknown, where = ''): string[] {
  if (typeof a === 'number' || typeof b === 'number') {
    const ok = typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
    return ok ? [] : [`${where}: ${String(a)} vs ${String(b)}`];
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? [] : [`${where}: ${String(a)} vs ${String(b)}`];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${where}.${k}`)).slice(0, 5);
}

function compare(doc: Doc, page: Doc, what: string): string[] {
  return ['ehcp_total', 'ehcp_by_placement', ...MONEY].flatMap((k) => differences(doc[k], page[k], k)).map((d) => `${what}: ${d}`);
}

type Ev = <T>(expression: string) => Promise<T>;
type Send = (m: string, p?: Record<string, unknown>) => Promise<unknown>;
type LeverShown = { path: string; label: string; min: number; max: number; step: number; value: number };

/**
 * A variant `run` would stop on (new plans growing 1,000% a year: the plans more than double in the first projected
 * year) shows no figure: the reason naming the lever and its value, no headline number, no chart, no table, no
 * download; `result()` throws; `scenarioYaml()` is marked. Moving the lever back brings every figure back.
 * Screenshot: explorer-refused.png.
 */
async function refusedState(ev: Ev, s: Send, levers: LeverShown[]): Promise<string[]> {
  const failures: string[] = [];
  const growth = levers.find((l) => l.path === 'projection.incidence_growth');
  if (!growth) return ['no lever projection.incidence_growth'];
  await ev(`window.highneeds.set('projection.incidence_growth', 10)`);
  type Seen = { refused: string; refusedShown: boolean; chartsShown: boolean; cards: string; tables: string; variants: string; csv: boolean; yaml: boolean; keep: boolean; result: string; yamlText: string; sr: string };
  const look = () =>
    ev<Seen>(`(() => {
      const shown = (id) => { const el = document.getElementById(id); return !!el && el.getClientRects().length > 0; };
      const button = (t) => [...document.querySelectorAll('button')].find((b) => b.textContent === t);
      let result = '';
      try { window.highneeds.result(); } catch (e) { result = String(e.message); }
      return {
        refused: document.getElementById('refused').innerText, refusedShown: shown('refused'), chartsShown: shown('charts'),
        cards: document.getElementById('headline').innerText, tables: document.getElementById('tables').innerText,
        variants: document.getElementById('variants').innerText,
        csv: button('Download tables (CSV)').disabled, yaml: button('Download scenario (YAML)').disabled, keep: button('Keep this variant').disabled,
        result, yamlText: window.highneeds.scenarioYaml(), sr: document.getElementById('headline-text').textContent,
      };
    })()`);
  const r = await look();
  console.log(`refused state: ${r.refused.replace(/\s+/g, ' ')}`);
  if (!r.refusedShown) failures.push('growth at 1,000%: no refusal shown');
  if (!r.refused.includes(growth.label) || !r.refused.includes('1000%')) failures.push(`the refusal does not name the lever and its value: ${r.refused}`);
  if (r.chartsShown) failures.push('growth at 1,000%: the charts are still shown');
  // no figure of the variant: the cards and tables hold no digit, the note only the lever values and years
  if (/\d/.test(r.cards)) failures.push(`growth at 1,000%: the headline shows a figure: ${r.cards}`);
  if (/\d/.test(r.tables)) failures.push(`growth at 1,000%: the tables show a figure: ${r.tables.slice(0, 200)}`);
  if (/Current view/.test(r.variants)) failures.push('growth at 1,000%: the variants table has a column for it');
  if (/e\+|NaN|Infinity|£[\d,.]+(bn|m)/.test(r.refused + r.sr)) failures.push(`the refusal shows a figure of the variant: ${r.refused}`);
  if (!r.csv || !r.yaml || !r.keep) failures.push(`growth at 1,000%: a download or keep button is not disabled (csv ${r.csv}, yaml ${r.yaml}, keep ${r.keep})`);
  if (!/^No figures for this variant/.test(r.result)) failures.push(`growth at 1,000%: result() did not throw the reason (${r.result.slice(0, 120)})`);
  if (!/# WARNING: the scenario explorer showed no figures/.test(r.yamlText)) failures.push('growth at 1,000%: scenarioYaml() is not marked');
  if (!/^No figures for this variant/.test(r.sr)) failures.push(`growth at 1,000%: the screen-reader sentence is not the refusal: ${r.sr}`);
  const o = JSON.parse(await ev<string>(OVERFLOW_JS)) as { scrollWidth: number; vw: number; bad: string[] };
  if (o.scrollWidth > o.vw + 1 || o.bad.length) failures.push(`growth at 1,000%: the page overflows (${o.scrollWidth}px in ${o.vw}px; ${o.bad.join(', ')})`);
  const shot = (await s('Page.captureScreenshot', { format: 'png' })) as { data: string };
  await writeFile(join(OUT, 'explorer-refused.png'), Buffer.from(shot.data, 'base64'));
  await ev(`window.highneeds.set('projection.incidence_growth', ${growth.value})`);
  const back = await look();
  if (back.refusedShown || !back.chartsShown || back.csv || back.yaml || back.result !== '' || !/\d/.test(back.cards)) failures.push('growth moved back: the figures did not all come back');
  return failures;
}

/**
 * Values typed outside what a scenario file accepts (src/scenario/limits.ts) are refused where they were typed: a
 * message under the lever in the units typed, the lever and its typed box left at their value, the result unchanged.
 * A value inside the limits but beyond the slider is taken and widens the slider. Screenshot: explorer-typed-refused.png.
 */
async function typedOutOfRange(ev: Ev, s: Send, levers: LeverShown[]): Promise<string[]> {
  const failures: string[] = [];
  const type = (path: string, text: string) =>
    ev<{ typed: string; message: string; invalid: string | null; error: string; result: string; slider: { value: string; min: string; max: string } }>(`(() => {
      const row = document.querySelector('.lever[data-path="${path}"]');
      const typed = row.querySelector('input[type=number]');
      const before = JSON.stringify(window.highneeds.result());
      typed.focus();
      typed.value = ${JSON.stringify(text)};
      typed.dispatchEvent(new Event('change', { bubbles: true }));
      typed.blur();
      const slider = row.querySelector('input[type=range]');
      return { typed: typed.value, message: row.querySelector('.problem')?.textContent ?? '', invalid: typed.getAttribute('aria-invalid'), error: document.querySelector('#controls .error').textContent,
        result: JSON.stringify(window.highneeds.result()) === before ? 'same' : 'changed', slider: { value: slider.value, min: slider.min, max: slider.max } };
    })()`);
  for (const [path, text, limit] of [
    ['projection.incidence_growth', '2000', '1000%'],
    ['costs.inflation', '-100', '-100%'],
  ] as const) {
    const l = levers.find((x) => x.path === path);
    if (!l) continue;
    const r = await type(path, text);
    console.log(`typed ${text} for ${path}: box shows ${r.typed}; under the lever: "${r.message}"; at the top: "${r.error}"; result ${r.result}`);
    if (r.result !== 'same') failures.push(`typed ${text} for ${path}: the result changed`);
    if (!r.message.includes(`${text}%`) || !r.message.includes(limit)) failures.push(`typed ${text} for ${path}: no message under the lever in the units typed, naming the limit ${limit} ("${r.message}")`);
    if (Number(r.typed) !== Number((l.value * 100).toFixed(2))) failures.push(`typed ${text} for ${path}: the box shows ${r.typed}, not the lever's value`);
    if (path === 'projection.incidence_growth') {
      const shot = (await s('Page.captureScreenshot', { format: 'png' })) as { data: string };
      await writeFile(join(OUT, 'explorer-typed-refused.png'), Buffer.from(shot.data, 'base64'));
    }
  }
  // a value inside the scenario file's limits but beyond the slider is taken, and the slider reaches it (the block's
  // growth: new plans' growth beyond its slider's 30% passes 20% of the sample's children within the horizon, which
  // the page refuses as run does)
  const g = levers.find((x) => x.path === 'funding.growth');
  if (g) {
    const r = await type(g.path, '20');
    if (r.message || r.result !== 'changed' || Number(r.slider.max) < 0.2) failures.push(`typed 20 for ${g.path} (inside the limits, beyond the slider): not taken (${JSON.stringify(r)})`);
    const stale = await ev<string>(`document.querySelector('.lever[data-path="costs.inflation"] .problem')?.textContent ?? ''`);
    if (stale) failures.push(`a value taken elsewhere left the refusal under costs.inflation: "${stale}"`);
    await ev(`window.highneeds.set(${JSON.stringify(g.path)}, ${g.value})`);
    const max = await ev<string>(`document.querySelector('.lever[data-path="${g.path}"] input[type=range]').max`);
    if (Number(max) !== g.max) failures.push(`${g.path} back at its value: the slider still reaches ${max}, not ${g.max}`);
  }
  return failures;
}

/**
 * A page whose run was not held to the forecast of total plans (the run's page with the forecast's sd taken out of
 * its payload) draws its range with the engine's draws over Web Workers. With a recovery-plan lever moved to start in
 * the base year the workers draw the path without the plan too, as run does, and the P10–P90 column of the money
 * table is, to the £0.1m it shows, what the same functions give in Node (compute.ts rangeOfVariant).
 */
async function unconstrainedRange(file: string, s: Send, ev: Ev, opened: Set<string>, sessionId: string, cdp: CdpPipe): Promise<string[]> {
  // the payload decoded in this realm (the page's own decoder, run in a vm context, makes typed arrays of another
  // realm, which encodeJson would not recognise)
  const { core, html } = loadPageInNode(file);
  const payload = decodeJson<ExplorerPayload>(/<script type="application\/json" id="highneeds-data">([\s\S]*?)<\/script>/.exec(html)![1]!);
  const free: ExplorerPayload = { ...payload };
  delete free.constraintSd;
  const path = join(OUT, 'explorer-unconstrained.html');
  const data = encodeJson(free).replace(/</g, '\\u003c');
  await writeFile(path, html.replace(/(<script type="application\/json" id="highneeds-data">)[\s\S]*?(<\/script>)/, (_m, a: string, b: string) => `${a}${data}${b}`));
  const url = pathToFileURL(path).href;
  opened.add(url);
  const loaded = cdp.waitFor('Page.loadEventFired', 30_000, (e) => e.sessionId === sessionId);
  await s('Page.navigate', { url });
  await loaded;
  await ev('window.highneeds.ready');
  const lever = free.scenario.mitigations.findIndex((m) => m.kind !== 'unit_cost_change');
  if (lever < 0) return [];
  const at = `mitigations[${lever}].start_year`;
  await ev(`window.highneeds.set(${JSON.stringify(at)}, ${free.input.baseYear})`);
  const deadline = Date.now() + 120_000;
  let status = '';
  while (Date.now() < deadline && !/^Range/.test(status)) {
    await new Promise((r) => setTimeout(r, 250));
    status = await ev<string>(`document.getElementById('range-status').textContent`);
  }
  if (!/^Range/.test(status)) return [`unconstrained page, ${at} = ${free.input.baseYear}: no range after 120 s ("${status}"; ${await ev<string>(`document.getElementById('refused').innerText + ' | ' + document.getElementById('headline').innerText`)})`];
  const shown = await ev<string[]>(`[...document.querySelectorAll('#tables table')[0].querySelectorAll('tbody tr')].map((r) => r.lastElementChild.textContent)`);
  const draws = Math.min(5000, free.draws > 0 ? free.draws : 1000);
  const o = rangeOfVariant(free, core.setAt(free.scenario, at, free.input.baseYear), draws, free.seed);
  const want = o.budget.cumulativeQuantiles.map((q) => `${fmtMoneyM(q.p10)} to ${fmtMoneyM(q.p90)}`);
  console.log(`unconstrained page, ${at} = ${free.input.baseYear}: ${status}; cumulative P10 to P90 ${shown[0]} … ${shown[shown.length - 1]}`);
  return JSON.stringify(shown) === JSON.stringify(want) ? [] : [`unconstrained page, ${at} = ${free.input.baseYear}: the range shown ${JSON.stringify(shown)} is not the run's ${JSON.stringify(want)}`];
}

async function main(): Promise<number> {
  if (!CHROMIUM) {
    console.error('No Chromium found (set CHROMIUM=/path/to/chromium or apt-get install chromium).');
    return 1;
  }
  const scenario = process.argv[2] ?? 'scenarios/mitigated.yaml';
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const run = await runCli('run', scenario, '--draws', '0', '--json', '--quiet', '--out', join(OUT, 'run'));
  if (run.code !== 0) {
    console.error(`FAIL: run exited ${run.code}\n${run.stderr}`);
    return 1;
  }
  const doc = JSON.parse(run.stdout) as Doc;
  const file = resolve(doc.outputs.explorer as string);
  const url = pathToFileURL(file).href;
  // pages this test opens itself (the run's, and the same page without the total-plans forecast's sd)
  const opened = new Set([url]);
  const failures: string[] = [];
  const cdp = CdpPipe.launch(CHROMIUM);
  try {
    const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const s = (m: string, p: Record<string, unknown> = {}) => cdp.send(m, p, sessionId);
    cdp.on((e: CdpEvent) => {
      if (e.method === 'Runtime.consoleAPICalled' && ['error', 'assert', 'warning'].includes(String(e.params.type))) failures.push(`console ${e.params.type}: ${JSON.stringify(e.params.args).slice(0, 300)}`);
      if (e.method === 'Runtime.exceptionThrown') failures.push(`exception: ${JSON.stringify(e.params.exceptionDetails).slice(0, 300)}`);
      if (e.method === 'Log.entryAdded') {
        const entry = e.params.entry as { level: string; text: string; url?: string };
        if (entry.level === 'error' || entry.level === 'warning') failures.push(`log ${entry.level}: ${entry.text} ${entry.url ?? ''}`);
      }
      if (e.method === 'Network.requestWillBeSent') {
        const u = String((e.params.request as { url: string }).url);
        if (!opened.has(u) && !u.startsWith('data:') && !u.startsWith('blob:')) failures.push(`network request: ${u.slice(0, 120)}`);
      }
    });
    await s('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
    for (const d of ['Runtime', 'Log', 'Network', 'Page']) await s(`${d}.enable`);
    await s('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 1, mobile: false });
    const loaded = cdp.waitFor('Page.loadEventFired', 30_000, (e) => e.sessionId === sessionId);
    await s('Page.navigate', { url });
    await loaded;
    const ev = async <T>(expression: string): Promise<T> => {
      const r = (await s('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as { result: { value: T }; exceptionDetails?: { exception?: { description?: string }; text: string } };
      if (r.exceptionDetails) throw new Error(`${expression.slice(0, 80)}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return r.result.value;
    };
    await ev('window.highneeds.ready');
    const levers = await ev<Array<{ path: string; label: string; min: number; max: number; step: number; value: number }>>('window.highneeds.levers()');
    console.log(`levers: ${levers.length} (${levers.map((l) => l.path).join(', ')})`);
    for (const p of ['projection.incidence_growth', 'costs.inflation', 'funding.growth']) if (!levers.some((l) => l.path === p)) failures.push(`no lever ${p}`);
    for (const l of levers) if (!(l.min <= l.value && l.value <= l.max && l.step > 0 && l.label.length > 3)) failures.push(`lever ${l.path} is malformed: ${JSON.stringify(l)}`);
    failures.push(...compare(doc, await ev<Doc>('window.highneeds.result()'), 'page vs run --draws 0 --json'));

    const look = () => ev<{ headline: string; chart: string; result: Doc }>(`({ headline: document.getElementById('headline').innerText, chart: document.getElementById('chart-balance').toDataURL(), result: window.highneeds.result() })`);
    // the footnote under the tables names the files the figures rest on, as the report does
    const footnote = await ev<string>(`[...document.querySelectorAll('p.note')].map((p) => p.textContent).find((t) => t.startsWith('Central path')) ?? ''`);
    if (!/Data loaded: \S+\.csv \(/.test(footnote)) failures.push(`the page's footnote names no data file: ${footnote.slice(0, 200)}`);
    const before = await look();
    const lever = levers.find((l) => l.path.endsWith('.effect')) ?? levers.find((l) => l.path === 'projection.incidence_growth')!;
    const target = lever.value + (lever.max - lever.value > lever.value - lever.min ? 1 : -1) * Math.max(lever.step, (lever.max - lever.min) / 4);
    const t0 = Date.now();
    await ev(`window.highneeds.set(${JSON.stringify(lever.path)}, ${target})`);
    console.log(`moved ${lever.path} from ${lever.value} to ${target}: shown in ${Date.now() - t0} ms (recompute ${(await ev<number>('window.highneeds.lastRecomputeMs()')).toFixed(1)} ms)`);
    const after = await look();
    if (JSON.stringify(after.result) === JSON.stringify(before.result)) failures.push('moving a lever did not change result()');
    if (after.headline === before.headline) failures.push('moving a lever did not change the visible headline');
    if (after.chart === before.chart) failures.push('moving a lever did not redraw the balance chart');

    // a series hidden from its chart's legend stays hidden when a lever moves: "Actual" on the plans chart, found by
    // its legend box (the page's black, #0b0c0c, in the legend rows) and counted by its black pixels above them
    type Black = { box?: { x: number; y: number; top: number }; above: number; rect: { left: number; top: number } };
    const black = () =>
      ev<Black>(`(() => {
        const c = document.getElementById('chart-plans');
        // a copy to read from: reading the chart's own canvas again and again makes Chromium warn
        const copy = document.createElement('canvas');
        copy.width = c.width;
        copy.height = c.height;
        const cc = copy.getContext('2d', { willReadFrequently: true });
        cc.drawImage(c, 0, 0);
        const d = cc.getImageData(0, 0, c.width, c.height).data;
        const isBlack = (i) => d[i] === 11 && d[i + 1] === 12 && d[i + 2] === 12 && d[i + 3] === 255;
        let x0 = Infinity, x1 = -1, y0 = Infinity, y1 = -1;
        for (let y = c.height - 60; y < c.height; y++) for (let x = 0; x < c.width; x++) if (isBlack((y * c.width + x) * 4)) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
        let above = 0;
        for (let y = 0; y < Math.min(y0, c.height) - 4; y++) for (let x = 0; x < c.width; x++) if (isBlack((y * c.width + x) * 4)) above++;
        // in view, so that a click at its legend reaches it: the notes above the charts can push them below the fold
        c.scrollIntoView({ block: 'center' });
        const r = c.getBoundingClientRect();
        return { box: x1 >= 0 ? { x: (x0 + x1) / 2, y: (y0 + y1) / 2, top: y0 } : undefined, above, rect: { left: r.left, top: r.top } };
      })()`);
    const shown = await black();
    if (!shown.box) failures.push('no legend box of "Actual" on the plans chart');
    else {
      // at the box as last seen: the charts move up and down the page as the note above them changes
      const click = async (seen: Black) => {
        const at = { x: seen.rect.left + shown.box!.x, y: seen.rect.top + shown.box!.y, button: 'left', clickCount: 1 };
        await s('Input.dispatchMouseEvent', { type: 'mouseMoved', ...at });
        await s('Input.dispatchMouseEvent', { type: 'mousePressed', ...at });
        await s('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at });
        // Chart.js handles a canvas's events in the next animation frame: wait for two
        await ev('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(0))))');
      };
      await click(shown);
      const hidden = await black();
      await ev(`window.highneeds.set(${JSON.stringify(lever.path)}, ${lever.value})`);
      const moved = await black();
      console.log(`"Actual" on the plans chart, black pixels above the legend: ${shown.above} shown, ${hidden.above} hidden, ${moved.above} after a lever move`);
      if (!(hidden.above < shown.above - 50)) failures.push(`clicking "Actual" in the legend did not hide it (${shown.above} → ${hidden.above} black pixels)`);
      else if (moved.above > (hidden.above + shown.above) / 2) failures.push(`"Actual", hidden from the legend, showed again after a lever move (${hidden.above} → ${moved.above} black pixels)`);
      await click(moved);
      await ev(`window.highneeds.set(${JSON.stringify(lever.path)}, ${target})`);
      const again = await black();
      if (again.above < (hidden.above + shown.above) / 2) failures.push(`"Actual" did not show again when clicked in the legend (${again.above} black pixels)`);
    }

    // the Monte Carlo range arrives from the worker
    const rangeDeadline = Date.now() + 60_000;
    let status = '';
    while (Date.now() < rangeDeadline && !/^Range/.test(status)) {
      await new Promise((r) => setTimeout(r, 250));
      status = await ev<string>(`document.getElementById('range-status').textContent`);
    }
    console.log(`range: ${status}`);
    if (!/^Range/.test(status)) failures.push(`no Monte Carlo range after 60 s: "${status}"`);
    // the range's lines drawn as themselves: no black point of "Actual" in the projected years (Chart.js kept a
    // series' point style with the series drawn at its place before, and P10 showed as black dots of actuals)
    const projected = await blackRightOfProjection(ev);
    if (projected.pixels > 0) failures.push(`with the range drawn, the plans chart shows ${projected.pixels} pixels of "Actual" black in the projected years (first at ${projected.at}, the projection line at x=${projected.marker})`);

    // the downloaded YAML reproduces the page's numbers through the CLI
    const yaml = await ev<string>('window.highneeds.scenarioYaml()');
    const yamlFile = join(OUT, 'variant.yaml');
    await writeFile(yamlFile, yaml);
    // run as its own 'Reproduce with' line says, the file and data folder put in
    const line = /^# Reproduce with: highneeds run \S+ (.*)$/m.exec(yaml)?.[1];
    if (!line) failures.push(`the page's YAML has no 'Reproduce with' line: ${yaml.slice(0, 300)}`);
    const flags = (line ?? '--draws 0').replace('<the same data folder>', 'data-samples').split(' ');
    const again = await runCli('run', yamlFile, ...flags, '--json', '--quiet', '--out', join(OUT, 'variant'));
    if (again.code !== 0) failures.push(`the page's YAML does not run as its 'Reproduce with' line says (${line}): exit ${again.code}: ${again.stderr.slice(0, 300)}`);
    else failures.push(...compare(JSON.parse(again.stdout) as Doc, after.result, 'page variant vs run of its YAML'));

    for (const [name, width, height] of [['desktop', 1280, 800], ['tablet', 820, 1180]] as const) {
      await s('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: name === 'tablet' });
      await new Promise((r) => setTimeout(r, 300));
      const o = JSON.parse(await ev<string>(OVERFLOW_JS)) as { scrollWidth: number; vw: number; bad: string[] };
      if (o.scrollWidth > o.vw + 1) failures.push(`${name}: page is ${o.scrollWidth}px wide in a ${o.vw}px viewport`);
      if (o.bad.length) failures.push(`${name}: elements overflow: ${o.bad.join(', ')}`);
      const shot = (await s('Page.captureScreenshot', { format: 'png' })) as { data: string };
      await writeFile(join(OUT, `explorer-${name}.png`), Buffer.from(shot.data, 'base64'));
    }
    await s('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 1, mobile: false });
    failures.push(...(await refusedState(ev, s, levers)));
    failures.push(...(await typedOutOfRange(ev, s, levers)));
    const pdf = (await s('Page.printToPDF', { paperWidth: 8.27, paperHeight: 11.69, preferCSSPageSize: true, printBackground: true })) as { data: string };
    const bytes = Buffer.from(pdf.data, 'base64');
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    await writeFile(join(OUT, 'explorer.pdf'), bytes);
    console.log(`printed to A4: ${pages} page(s)`);
    if (pages < 1) failures.push('the A4 print is empty');
    failures.push(...(await unconstrainedRange(file, s, ev, opened, sessionId, cdp)));
    failures.push(...(await longNames(file, OUT, s, ev, opened, sessionId, cdp)));
  } finally {
    await cdp.close();
  }
  if (failures.length) {
    console.error(`FAIL ${file}\n  ${failures.join('\n  ')}`);
    return 1;
  }
  console.log(`OK ${file}: loads from file:// with no network request and no console error; matches run --draws 0 --json; a lever moves result, headline and chart; the range arrives; its YAML reproduces it.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
