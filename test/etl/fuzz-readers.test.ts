/**
 * Property-based fuzzing of every reader family (fast-check): real-shaped sample files mutated — truncated, bytes,
 * quotes, a BOM or NUL inserted, lines duplicated or dropped, columns swapped, numbers made huge — and validated.
 * Every outcome must be a success or located input errors (exit 1, the file named, a message), never another
 * exception (exit 70). Runs are few per family and seeded, so the file stays quick and any failure replays.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { HighneedsError } from '../../src/errors.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { tempDir } from '../temp.ts';
import { TODAY } from './helpers.ts';
import { zipBytes } from './zip-writer.ts';

/** More runs and another seed when hunting: HIGHNEEDS_FUZZ_SCALE=20 HIGHNEEDS_FUZZ_SEED=7 npx vitest run … */
const SCALE = Number(process.env.HIGHNEEDS_FUZZ_SCALE ?? 1);
const SEED = Number(process.env.HIGHNEEDS_FUZZ_SEED ?? 0);
const opts = (runs: number, seed: number) => ({ numRuns: Math.max(1, Math.round(runs * SCALE)), seed: seed + SEED, endOnFailure: true });

const SEN2 = join(import.meta.dirname, '../fixtures/sen2');
const LAYOUTS = join(import.meta.dirname, '../fixtures/etl/layouts');

/** The first `n` lines of a file (samples are cut short so each run is quick). */
function head(path: string, n: number): Buffer {
  const text = readFileSync(path);
  let at = 0;
  for (let i = 0; i < n && at !== -1; i++) at = text.indexOf(0x0a, at + 1);
  return at === -1 ? text : text.subarray(0, at + 1);
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'drop-line'; line: number }
  | { kind: 'swap-columns'; a: number; b: number }
  | { kind: 'huge-number'; nth: number; value: string }
  | { kind: 'flip-byte'; at: number; value: number };

const SPECIAL = ['"', '\ufeff', '\u0000', ',', '\n', '\r\n', ';', '\t', '|', '<', '>', '&', ']]>', '<!DOCTYPE x>', '\u00a0', '\ufffd', 'é'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(fc.constantFrom(...SPECIAL).map((s) => new Uint8Array(Buffer.from(s))), fc.uint8Array({ minLength: 1, maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('drop-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-columns' as const), a: fc.nat(40), b: fc.nat(40) }),
  fc.record({
    kind: fc.constant('huge-number' as const),
    nth: fc.nat(),
    value: fc.constantFrom('1e308', '-1e308', '99999999999999999999999', 'NaN', 'Infinity', '-0', '1,000,000', '0x10', '2099', '1800', '999'),
  }),
  fc.record({ kind: fc.constant('flip-byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
);

/** Applies a mutation to a file's bytes (positions taken modulo the length, so every mutation applies). */
function mutate(bytes: Buffer, m: Mutation): Buffer {
  const n = Math.max(bytes.length, 1);
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, m.at % n);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, m.at % n), m.bytes, bytes.subarray(m.at % n)]);
    case 'flip-byte': {
      const out = Buffer.from(bytes);
      if (out.length > 0) out[m.at % out.length] = m.value;
      return out;
    }
    default:
      break;
  }
  const lines = bytes.toString('latin1').split('\n');
  const i = (x: number) => x % lines.length;
  if (m.kind === 'duplicate-line') lines.splice(i(m.line), 0, lines[i(m.line)]!);
  else if (m.kind === 'drop-line') lines.splice(i(m.line), 1);
  else if (m.kind === 'swap-columns') {
    for (let k = 0; k < lines.length; k++) {
      const f = lines[k]!.split(',');
      if (m.a < f.length && m.b < f.length) [f[m.a], f[m.b]] = [f[m.b]!, f[m.a]!];
      lines[k] = f.join(',');
    }
  } else {
    const text = lines.join('\n');
    const nums = [...text.matchAll(/(?<=[,>])\d+(?:\.\d+)?(?=[,<\r\n])/g)];
    if (nums.length === 0) return bytes;
    const hit = nums[m.nth % nums.length]!;
    return Buffer.from(text.slice(0, hit.index) + m.value + text.slice(hit.index! + hit[0].length), 'latin1');
  }
  return Buffer.from(lines.join('\n'), 'latin1');
}

/** Validates `files` and checks the outcome is a success or located input errors; never another exception. */
async function validateOutcome(files: string[], named: string): Promise<void> {
  let result: Awaited<ReturnType<typeof validatePaths>>;
  try {
    result = await validatePaths(files, { today: TODAY });
  } catch (e) {
    // a whole-command refusal is fine when it is an input error naming the file
    expect(e, String((e as Error)?.stack)).toBeInstanceOf(HighneedsError);
    expect((e as HighneedsError).exitCode).toBe(1);
    expect((e as HighneedsError).message + (e as HighneedsError).problems.map((p) => p.file).join(' ')).toContain(named);
    return;
  }
  for (const f of result.files) {
    for (const e of f.errors) {
      expect(typeof e.message).toBe('string');
      expect(e.message.length).toBeGreaterThan(10);
      expect(e.message).not.toMatch(/internal error|a bug in highneeds|TypeError|RangeError|undefined is not|Cannot read prop/);
      if (e.line !== undefined) expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
    }
    // a figure the tool computed is never NaN or Infinity (the input quoted back, in quotes, may be anything)
    for (const w of f.warnings) expect(w.message.replace(/'[^']*'/g, "''")).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
  }
}

/** Loads `files` into an in-memory warehouse: it loads, or fails with an input error (exit 1) naming the file. */
async function loadOutcome(files: string[], named: string): Promise<void> {
  try {
    const r = await loadIntoMemory(files, { today: TODAY });
    r.warehouse.close();
  } catch (e) {
    expect(e, String((e as Error)?.stack)).toBeInstanceOf(HighneedsError);
    expect((e as HighneedsError).exitCode).toBe(1);
    expect((e as HighneedsError).problems.some((p) => p.file?.endsWith(named))).toBe(true);
  }
}

/** A property over mutations (1–3 applied in turn) of one seed file, written as `name`; `load` loads it too. */
function fuzzFile(seed: Buffer, name: string, runs: number, seedNo: number, load = false): Promise<void> {
  const dir = tempDir('fuzz-');
  return fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
      const p = join(dir, name);
      writeFileSync(p, ms.reduce(mutate, seed));
      await validateOutcome([p], name);
      if (load) await loadOutcome([p], name);
    }),
    opts(runs, seedNo),
  );
}

const T = 60_000 * Math.max(1, SCALE);

describe('fuzzed readers end in success or a located input error', () => {
  it('EES CSV (2022 and 2025/2026 layouts)', async () => {
    await fuzzFile(head('data-samples/sen2_age_caseload.csv', 12), 'sen2_age_caseload.csv', 30, 1);
    await fuzzFile(head('data-samples/sen2_age_caseload.csv', 12), 'sen2_age_caseload.csv', 5, 101, true);
    await fuzzFile(head(join(LAYOUTS, 'caseload-2026.csv'), 12), 'caseload.csv', 30, 2);
    await fuzzFile(head(join(LAYOUTS, 'ceased-2025.csv'), 12), 'ceased_plans.csv', 20, 3);
  }, T);

  it('own tables CSV', async () => {
    for (const [i, f] of ['funding.csv', 'unit_costs.csv', 'places.csv', 'opening_balance.csv', 'other_spend.csv'].entries()) {
      await fuzzFile(head(join('data-samples', f), 12), f, 12, 10 + i);
      await fuzzFile(head(join('data-samples', f), 12), f, 2, 110 + i, true);
    }
  }, T);

  it('ONS CSV (mid-year estimates, Windows-1252, and projections)', async () => {
    await fuzzFile(head(join(import.meta.dirname, '../fixtures/etl/good/ons-mye-2020-win1252.csv'), 30), 'ons_mye_2020.csv', 30, 20);
    await fuzzFile(head(join(LAYOUTS, 'snpp.csv'), 20), 'snpp.csv', 20, 21);
  }, T);

  it('school census and other CSV readers', async () => {
    await fuzzFile(head(join(LAYOUTS, 'school-census-2024.csv'), 20), 'school_census_2024.csv', 20, 30);
    await fuzzFile(head(join(LAYOUTS, 'gias.csv'), 12), 'gias.csv', 10, 31);
  }, T);

  it('SEN2 XML', async () => {
    await fuzzFile(readFileSync(join(SEN2, 'xml/sen2-2024.xml')), 'sen2_2024.xml', 50, 40);
    await fuzzFile(readFileSync(join(SEN2, 'xml/sen2-2025.xml')), 'sen2_2025.xml', 4, 41, true);
  }, T);

  it('SEN2 Blade CSV export', async () => {
    const src = join(SEN2, 'blade');
    const modules = readdirSync(src).sort();
    const dir = tempDir('fuzz-blade-');
    await fc.assert(
      fc.asyncProperty(fc.nat(modules.length - 1), fc.array(mutation, { minLength: 1, maxLength: 2 }), async (k, ms) => {
        const run = join(dir, String(Math.random()).slice(2));
        mkdirSync(run);
        for (const m of modules) copyFileSync(join(src, m), join(run, m));
        const target = join(run, modules[k]!);
        writeFileSync(target, ms.reduce(mutate, readFileSync(target)));
        await validateOutcome([join(run, modules.find((m) => m.endsWith('_person.csv'))!)], basename(target));
      }),
      opts(10, 50),
    );
  }, T);

  it('own tables XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('funding').addRows([['financial_year', 'hn_block_gbp'], ['2025-26', 57_700_000], ['2026-27', 59_000_000]]);
    wb.addWorksheet('opening balance').addRows([['financial_year', 'dsg_cumulative_balance_gbp'], ['2025-26', -1_000_000]]);
    const seed = Buffer.from(await wb.xlsx.writeBuffer());
    await fuzzFile(seed, 'tables.xlsx', 15, 60);
  }, T);

  it('ZIP archive of data files', async () => {
    const csv = head('data-samples/sen2_age_caseload.csv', 8);
    for (const [i, method] of (['deflate', 'store'] as const).entries()) {
      const seed = zipBytes([{ name: 'data/sen2_age_caseload.csv', chunks: [csv], method }, { name: 'data-guidance/data-guidance.txt', chunks: ['guidance'], method }]);
      await fuzzFile(seed, 'release.zip', 20, 70 + i);
    }
  }, T);
});

