import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

const GOOD = ['data-samples/unit_costs.csv', 'data-samples/funding.csv'];
const BAD = 'test/fixtures/etl/bad/negative-count.csv';

describe('validate, load and status (the cli.md contract)', () => {
  it('validate --json: the shape, exit 0 for good files and 1 with file and line for a bad one', async () => {
    const good = await runCli('validate', ...GOOD, '--json');
    expect(good.code, good.stderr).toBe(0);
    const doc = JSON.parse(good.stdout);
    expect(doc.files).toHaveLength(2);
    for (const f of doc.files) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['path', 'reader', 'rows', 'errors', 'warnings']));
      expect(f.errors).toEqual([]);
    }
    const bad = await runCli('validate', BAD, '--json');
    expect(bad.code).toBe(1);
    const bdoc = JSON.parse(bad.stdout);
    expect(bdoc.files[0].errors[0]).toHaveProperty('line');
    expect(bdoc.files[0].errors[0]).toHaveProperty('message');
    const human = await runCli('validate', BAD);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/negative-count\.csv:\d+/);
  });

  it('load is all or nothing, idempotent by content hash, and status reports it', async () => {
    const wh = join(tempDir('hn-wh-'), 'w.duckdb');
    const first = await runCli('load', ...GOOD, '--warehouse', wh, '--json');
    expect(first.code, first.stderr).toBe(0);
    const loaded = JSON.parse(first.stdout);
    expect(loaded.warehouse).toBe(wh);
    expect(loaded.loaded.map((f: { path: string }) => f.path)).toEqual(GOOD);
    for (const f of loaded.loaded) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);

    const before = JSON.parse((await runCli('status', '--warehouse', wh, '--json')).stdout);
    expect(before.files).toHaveLength(2);
    expect(before.files[0]).toHaveProperty('loaded_at');
    expect(before.tables.unit_cost).toBeGreaterThan(0);

    const failed = await runCli('load', 'data-samples/places.csv', BAD, '--warehouse', wh, '--json');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/negative-count\.csv/);
    const after = JSON.parse((await runCli('status', '--warehouse', wh, '--json')).stdout);
    expect(after).toEqual(before);

    const again = JSON.parse((await runCli('load', ...GOOD, '--warehouse', wh, '--json')).stdout);
    expect(again.loaded).toEqual([]);
    expect(again.skipped).toHaveLength(2);
    expect(JSON.parse((await runCli('status', '--warehouse', wh, '--json')).stdout).tables).toEqual(before.tables);
  });

  it('status of a missing warehouse is an input error', async () => {
    const r = await runCli('status', '--warehouse', join(tmpdir(), 'no-such-warehouse.duckdb'));
    expect(r.code).toBe(1);
  });
});
