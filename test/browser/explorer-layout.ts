/**
 * Layout checks on explorer pages (used by explorer.browser.ts): nothing wider than the viewport, and a page whose
 * names are as long as a scenario file and an input file allow still fits.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeJson, encodeJson } from '../../src/explorer/codec.ts';
import type { ExplorerPayload } from '../../src/explorer/payload.ts';
import { LONGEST_NAME } from '../../src/util/bounded-text.ts';
import type { CdpPipe } from './cdp-pipe.ts';

type Ev = <T>(expression: string) => Promise<T>;
type Send = (m: string, p?: Record<string, unknown>) => Promise<unknown>;

/** Elements reaching past the viewport's sides (tables scroll in their own wrapper and are left out). */
export const OVERFLOW_JS = `(() => {
  const vw = document.documentElement.clientWidth;
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > vw + 1 || r.left < -1) && !el.closest('.table-wrap') && !el.closest('.skip')) bad.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' right=' + Math.round(r.right));
  }
  return JSON.stringify({ scrollWidth: document.documentElement.scrollWidth, vw, bad: bad.slice(0, 8) });
})()`;

/**
 * The run's page with the LA, the scenario and every recovery-plan lever named by a word of the longest length an
 * input file or a scenario file takes (no space to break at): nothing overflows at 1280×800 nor on a tablet, with a
 * variant kept. Screenshot: explorer-long-names.png.
 */
export async function longNames(file: string, out: string, s: Send, ev: Ev, opened: Set<string>, sessionId: string, cdp: CdpPipe): Promise<string[]> {
  const html = readFileSync(file, 'utf8');
  const payload = decodeJson<ExplorerPayload>(/<script type="application\/json" id="highneeds-data">([\s\S]*?)<\/script>/.exec(html)![1]!);
  const word = (c: string) => c.repeat(LONGEST_NAME);
  const named: ExplorerPayload = {
    ...payload,
    la: { ...payload.la, name: word('L') },
    scenario: { ...payload.scenario, name: word('S'), mitigations: payload.scenario.mitigations.map((m, i) => ({ ...m, name: word(String.fromCharCode(65 + (i % 26))) })) },
  };
  const data = encodeJson(named).replace(/</g, '\\u003c');
  const path = join(out, 'explorer-long-names.html');
  writeFileSync(
    path,
    html
      .replace(/(<script type="application\/json" id="highneeds-data">)[\s\S]*?(<\/script>)/, (_m, a: string, b: string) => `${a}${data}${b}`)
      .replace(/(<h1 id="title">)[^<]*/, `$1${named.scenario.name}`)
      .replace(/(<p class="kicker">Scenario explorer · )[^<]*/, `$1${named.la.name}`),
  );
  const url = pathToFileURL(path).href;
  opened.add(url);
  const failures: string[] = [];
  for (const [name, width, height] of [['desktop', 1280, 800], ['tablet', 820, 1180]] as const) {
    await s('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: name === 'tablet' });
    const loaded = cdp.waitFor('Page.loadEventFired', 30_000, (e) => e.sessionId === sessionId);
    await s('Page.navigate', { url });
    await loaded;
    await ev('window.highneeds.ready');
    const lever = named.scenario.mitigations.length ? 'mitigations[0].effect' : 'costs.inflation';
    const l = (await ev<Array<{ path: string; value: number; max: number }>>('window.highneeds.levers()')).find((x) => x.path === lever)!;
    await ev(`window.highneeds.set(${JSON.stringify(lever)}, ${(l.value + l.max) / 2})`);
    await ev(`[...document.querySelectorAll('button')].find((b) => b.textContent === 'Keep this variant').click()`);
    const o = JSON.parse(await ev<string>(OVERFLOW_JS)) as { scrollWidth: number; vw: number; bad: string[] };
    console.log(`names of ${LONGEST_NAME} characters, ${name}: ${o.scrollWidth}px wide in ${o.vw}px`);
    if (o.scrollWidth > o.vw + 1 || o.bad.length) failures.push(`names of ${LONGEST_NAME} characters, ${name}: the page is ${o.scrollWidth}px wide in ${o.vw}px (${o.bad.join(', ')})`);
    if (name === 'desktop') {
      const shot = (await s('Page.captureScreenshot', { format: 'png' })) as { data: string };
      writeFileSync(join(out, 'explorer-long-names.png'), Buffer.from(shot.data, 'base64'));
    }
  }
  await s('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 1, mobile: false });
  return failures;
}
