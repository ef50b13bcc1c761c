/**
 * `npm run bench`: runs every bench/*.bench.ts and prints its figures with, where they have them, the reference
 * measured in the same run, the ratio to it, the target and whether it is met. Each bench module exports
 * `bench(): Promise<Figure[]>`. Pass names to run only some: `npm run bench -- targets engine`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Figure } from './figure.ts';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const all: Array<Figure & { suite: string }> = [];
for (const f of files) {
  const suite = f.replace(/\.bench\.ts$/, '');
  console.error(`bench: ${suite} …`);
  try {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { bench: () => Promise<Figure[]> };
    for (const fig of await mod.bench()) all.push({ suite, ...fig });
  } catch (e) {
    console.error(`bench: ${suite} failed: ${(e as Error).stack ?? String(e)}`);
    process.exitCode = 1;
    all.push({ suite, name: 'failed', value: NaN, unit: '', target: (e as Error).message.split('\n')[0]!.slice(0, 120), ok: false });
  }
}

const num = (v: number): string => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3)) : 'n/a');
const head = ['suite', 'measure', 'value', 'unit', 'reference', 'ratio', 'target', ''];
const rows = all.map((r) => [
  r.suite,
  r.name,
  num(r.value),
  r.unit,
  r.reference ? `${num(r.reference.value)} (${r.reference.name})` : '',
  r.reference ? `${num(r.value / r.reference.value)}×` : '',
  r.target ?? '',
  r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED',
]);
const widths = head.map((h, i) => Math.max(...rows.map((r) => r[i]!.length), h.length));
const line = (cells: string[]) => cells.map((c, i) => (i === 2 || i === 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
const missed = all.filter((r) => r.ok === false).length;
const judged = all.filter((r) => r.ok !== undefined).length;
console.log(`\n${judged - missed} of ${judged} targets met${missed ? `; ${missed} MISSED` : ''}`);
