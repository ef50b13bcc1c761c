/**
 * Every bad-input fixture through the command line: `validate` and `load` exit 1 with a message naming the file,
 * and a failed `load` leaves the warehouse exactly as it was: the same bytes, or else the same `status --json`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';
import { sameBytes, warehouseBytes, type WarehouseBytes } from '../warehouse-bytes.ts';

const BAD = [
  ...readdirSync('test/fixtures/etl/bad').map((f) => join('test/fixtures/etl/bad', f)),
  ...readdirSync('test/fixtures/sen2/bad').map((f) => join('test/fixtures/sen2/bad', f)),
];

describe('bad inputs through the CLI', () => {
  const wh = join(tempDir('hn-bad-'), 'w.duckdb');
  /** `status --json` of the warehouse holding only the good data: every failed load must leave exactly this. */
  let good = '';
  /** Its bytes then: a warehouse of the same bytes is that warehouse, and its status is not read again. */
  let goodBytes: WarehouseBytes | undefined;

  it('starts from a warehouse holding good data', async () => {
    const r = await runCli('load', 'data-samples/unit_costs.csv', 'data-samples/sen2_2025.xml', '--warehouse', wh, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const s = await runCli('status', '--warehouse', wh, '--json');
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/unit_costs\.csv/);
    good = s.stdout;
    goodBytes = warehouseBytes(wh);
  });

  it.each(BAD)('%s: validate and load exit 1 naming the file; the warehouse is unchanged', async (file) => {
    const v = await runCli('validate', file);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(basename(file));

    // compared with the status after the good load (not re-read before each load: no load in between succeeds,
    // so that is the state before this one too, and a change by any earlier load would show as well)
    expect(good).not.toBe('');
    const l = await runCli('load', 'data-samples/places.csv', file, '--warehouse', wh, '--json');
    expect(l.code).toBe(1);
    // with --json, the refusal is the one document on stdout, naming the file among its problems
    const refusal = (JSON.parse(l.stdout) as { error: { exit: number; problems: Array<{ file: string | null }> } }).error;
    expect(refusal.exit).toBe(1);
    expect(refusal.problems.some((p) => p.file?.includes(basename(file)))).toBe(true);
    expect(l.stderr).toContain(basename(file));
    if (sameBytes(wh, goodBytes!)) return;
    const after = await runCli('status', '--warehouse', wh, '--json');
    expect(after.stdout).toBe(good);
  });
});

describe('a refused load into a new warehouse', () => {
  it('leaves neither the warehouse nor the folders made for it', async () => {
    const root = tempDir('hn-bad-new-');
    const wh = join(root, 'new', 'deeper', 'w.duckdb');
    const l = await runCli('load', 'data-samples/places.csv', 'test/fixtures/etl/bad/age-outside-range.csv', '--warehouse', wh, '--quiet');
    expect(l.code).toBe(1);
    expect(l.stderr).toContain('age-outside-range.csv');
    // the empty new/deeper/ used to be left behind
    expect(existsSync(join(root, 'new'))).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });
});
