/**
 * `npm run bench`: runs every bench/*.bench.ts and prints its figures beside their targets.
 * Each bench module exports `bench(): Promise<Array<{ name, value, unit, target? }>>`.
 * Pass names to run only some: `npm run bench -- engine report`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

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
    all.push({ suite, name: 'failed', value: NaN, unit: '', target: (e as Error).message });
  }
}

const rows = all.map((r) => [
  r.suite,
  r.name,
  Number.isFinite(r.value) ? (Math.abs(r.value) >= 100 ? r.value.toFixed(0) : r.value.toPrecision(3)) : 'n/a',
  r.unit,
  r.target ?? '',
]);
const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['suite', 'measure', 'value', 'unit', 'target'][i]!.length));
const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
console.log(line(['suite', 'measure', 'value', 'unit', 'target']));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
