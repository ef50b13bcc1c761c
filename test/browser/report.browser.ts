/**
 * `npm run test:browser [REPORT.html]`: opens the recovery-plan report in headless Chromium (CDP over a pipe) and
 * fails (exit 1) on console errors, exceptions, any network request, broken images, or layout wider than the page —
 * on screen at A4 width and in print media; prints to PDF and saves a screenshot beside the report.
 * Without an argument it first generates a report from the test fixture.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CdpPipe, type CdpEvent } from './cdp-pipe.ts';

const CHROMIUM = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
/** A4 width at 96 dpi, and the printable width with 14 mm margins. */
const A4_WIDTH = 794;
const A4_HEIGHT = 1123;
const A4_PRINT_WIDTH = 688;

async function reportPath(): Promise<string> {
  const arg = process.argv[2];
  if (arg) return resolve(arg);
  const { buildRunReport } = await import('../report/fixtures/run-report.ts');
  const { writeRunOutputs } = await import('../../src/report/index.ts');
  const out = resolve('reports/.browser-check');
  await mkdir(out, { recursive: true });
  const written = await writeRunOutputs(buildRunReport({ name: '=HYPERLINK("http://example.invalid","x") <b>bold</b>' }), out, {});
  return written.report;
}

const OVERFLOW_JS = `(() => {
  const vw = document.documentElement.clientWidth;
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > vw + 1 || r.left < -1)) bad.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' right=' + Math.round(r.right));
  }
  const images = [...document.images].filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.alt.slice(0, 40));
  return JSON.stringify({ scrollWidth: document.documentElement.scrollWidth, vw, bad: bad.slice(0, 10), brokenImages: images, nImages: document.images.length, scripts: document.scripts.length, text: document.body.innerText.length });
})()`;

async function main(): Promise<number> {
  if (!CHROMIUM) {
    console.error('No Chromium found (set CHROMIUM=/path/to/chromium or apt-get install chromium).');
    return 1;
  }
  const file = await reportPath();
  const url = pathToFileURL(file).href;
  const failures: string[] = [];
  const cdp = CdpPipe.launch(CHROMIUM);
  try {
    const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const s = (m: string, p: Record<string, unknown> = {}) => cdp.send(m, p, sessionId);
    cdp.on((e: CdpEvent) => {
      if (e.sessionId !== sessionId) return;
      if (e.method === 'Runtime.consoleAPICalled' && ['error', 'assert', 'warning'].includes(String(e.params.type))) failures.push(`console ${e.params.type}: ${JSON.stringify(e.params.args).slice(0, 200)}`);
      if (e.method === 'Runtime.exceptionThrown') failures.push(`exception: ${JSON.stringify(e.params.exceptionDetails).slice(0, 200)}`);
      if (e.method === 'Log.entryAdded') {
        const entry = e.params.entry as { level: string; text: string; url?: string };
        if (entry.level === 'error' || entry.level === 'warning') failures.push(`log ${entry.level}: ${entry.text} ${entry.url ?? ''}`);
      }
      if (e.method === 'Network.requestWillBeSent') {
        const u = String((e.params.request as { url: string }).url);
        if (u !== url && !u.startsWith('data:')) failures.push(`network request: ${u.slice(0, 120)}`);
      }
    });
    await s('Runtime.enable');
    await s('Log.enable');
    await s('Network.enable');
    await s('Page.enable');
    await s('Emulation.setDeviceMetricsOverride', { width: A4_WIDTH, height: A4_HEIGHT, deviceScaleFactor: 1, mobile: false });
    const loaded = cdp.waitFor('Page.loadEventFired', 30_000, (e) => e.sessionId === sessionId);
    await s('Page.navigate', { url });
    await loaded;
    await new Promise((r) => setTimeout(r, 300));

    for (const media of ['screen', 'print']) {
      // Print: the printable width of A4 with the report's 14 mm side margins (182 mm at 96 dpi).
      if (media === 'print') await s('Emulation.setDeviceMetricsOverride', { width: A4_PRINT_WIDTH, height: A4_HEIGHT, deviceScaleFactor: 1, mobile: false });
      await s('Emulation.setEmulatedMedia', { media });
      const res = (await s('Runtime.evaluate', { expression: OVERFLOW_JS, returnByValue: true })) as { result: { value: string } };
      const v = JSON.parse(res.result.value) as { scrollWidth: number; vw: number; bad: string[]; brokenImages: string[]; nImages: number; scripts: number; text: number };
      console.log(`${media}: width ${v.vw}px, scrollWidth ${v.scrollWidth}px, ${v.nImages} images, ${v.text} characters of text`);
      if (v.scrollWidth > v.vw + 1) failures.push(`${media}: page is ${v.scrollWidth}px wide in a ${v.vw}px viewport`);
      if (v.bad.length) failures.push(`${media}: elements overflow the page: ${v.bad.join(', ')}`);
      if (v.brokenImages.length) failures.push(`${media}: broken images: ${v.brokenImages.join(', ')}`);
      if (v.nImages < 8) failures.push(`${media}: expected at least 8 charts, found ${v.nImages}`);
      if (v.scripts > 0) failures.push(`${media}: the report has ${v.scripts} scripts; it should need none`);
    }
    await s('Emulation.setEmulatedMedia', { media: 'screen' });
    await s('Emulation.setDeviceMetricsOverride', { width: A4_WIDTH, height: A4_HEIGHT, deviceScaleFactor: 1, mobile: false });
    const shot = (await s('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false })) as { data: string };
    const shotPath = join(dirname(file), 'report-screenshot.png');
    await writeFile(shotPath, Buffer.from(shot.data, 'base64'));
    await s('Emulation.setDeviceMetricsOverride', { width: A4_WIDTH, height: 6000, deviceScaleFactor: 1, mobile: false });
    const full = (await s('Page.captureScreenshot', { format: 'png' })) as { data: string };
    await writeFile(join(dirname(file), 'report-screenshot-full.png'), Buffer.from(full.data, 'base64'));
    const pdf = (await s('Page.printToPDF', { paperWidth: 8.27, paperHeight: 11.69, preferCSSPageSize: true, printBackground: true })) as { data: string };
    const pdfBytes = Buffer.from(pdf.data, 'base64');
    const pages = (pdfBytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    await writeFile(join(dirname(file), 'report.pdf'), pdfBytes);
    console.log(`printed to A4 PDF: ${pages} pages; screenshot ${shotPath}`);
    if (pages < 2) failures.push(`the A4 print has ${pages} pages`);
  } finally {
    await cdp.close();
  }
  if (failures.length) {
    console.error(`FAIL ${file}\n  ${failures.join('\n  ')}`);
    return 1;
  }
  console.log(`OK ${file}: no console errors, no network requests, no overflow.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
