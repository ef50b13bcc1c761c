/**
 * `npm run sample [-- --out <dir>] [-- --seed <n>]`: generates the synthetic Anyshire sample into data-samples/
 * (or `--out`) and prints what it wrote.
 */
import { resolve } from 'node:path';
import { generateSample, writeSample } from './generate.ts';
import { SAMPLE_SEED } from './params.ts';
import { stockAt } from './summary.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const out = resolve(option('--out') ?? 'data-samples');
const seed = Number(option('--seed') ?? SAMPLE_SEED);
if (!Number.isInteger(seed)) {
  console.error(`--seed must be an integer. Got: ${option('--seed')}`);
  process.exit(2);
}
const started = Date.now();
const sample = generateSample(seed);
writeSample(out, sample);
let bytes = 0;
for (const [name, text] of sample.files) {
  const size = Buffer.byteLength(text);
  bytes += size;
  console.log(`${name.padEnd(32)} ${(size / 1024).toFixed(0).padStart(6)} KB`);
}
const stock = [2015, 2020, 2025].map((y) => `${y}: ${stockAt(sample.simulation, y).length}`).join(', ');
console.log(`Wrote ${sample.files.length} files (${(bytes / 1048576).toFixed(1)} MB) to ${out} in ${Date.now() - started} ms (seed ${seed}).`);
console.log(`Plans at January ${stock}.`);
