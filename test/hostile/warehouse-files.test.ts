/**
 * `status --warehouse` and `load --warehouse` given a hostile .duckdb file: an empty file, a text file, a highneeds
 * warehouse cut short, a DuckDB database of another program's tables. Each is refused (exit 1) naming the file, with
 * one JSON document under --json, and left byte for byte as it was with nothing beside it (no .wal, no temporary
 * file). A load onto a good warehouse that fails, or is killed while it writes, leaves the warehouse as it was before
 * or as a whole load makes it: never half a load.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

const BIN = join(import.meta.dirname, '../../bin/highneeds.js');
const sha = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');

/** A DuckDB database that another program made: two tables of its own, one named as a warehouse table is. */
async function foreignDatabase(file: string): Promise<void> {
  const db = await DuckDBInstance.create(file);
  const c = await db.connect();
  await c.run("CREATE TABLE invoices (id INTEGER, amount DOUBLE); INSERT INTO invoices VALUES (1, 2.5), (2, 3.5)");
  await c.run("CREATE TABLE meta (key VARCHAR, value VARCHAR); INSERT INTO meta VALUES ('owner', 'finance')");
  c.closeSync();
  db.closeSync();
}

/** What status reads of a warehouse (its tables' row counts and the files loaded), without the load times. */
async function held(file: string): Promise<unknown> {
  const r = await runCli('status', '--warehouse', file, '--json');
  expect(r.code, r.stderr).toBe(0);
  const j = JSON.parse(r.stdout) as { tables: unknown; files?: Array<Record<string, unknown>> };
  return { tables: j.tables, files: (j.files ?? []).map((f) => ({ ...f, loaded_at: undefined })) };
}

describe('hostile warehouse files', () => {
  it('status and load refuse each (exit 1 naming it, one JSON document) and leave it as it was, with nothing beside it', async () => {
    const d = tempDir('hn-hostile-wh-');
    const good = join(d, 'good.duckdb');
    expect((await runCli('load', 'data-samples/funding.csv', 'data-samples/unit_costs.csv', '--warehouse', good, '--quiet')).code).toBe(0);
    const files: Record<string, () => Promise<void> | void> = {
      'empty.duckdb': () => writeFileSync(join(d, 'empty.duckdb'), ''),
      'text.duckdb': () => writeFileSync(join(d, 'text.duckdb'), 'financial_year,hn_block_gbp\n2025-26,1\n'),
      'truncated.duckdb': () => writeFileSync(join(d, 'truncated.duckdb'), readFileSync(good).subarray(0, Math.floor(readFileSync(good).length / 2))),
      'header-only.duckdb': () => writeFileSync(join(d, 'header-only.duckdb'), readFileSync(good).subarray(0, 4096)),
      'foreign.duckdb': () => foreignDatabase(join(d, 'foreign.duckdb')),
    };
    for (const [name, make] of Object.entries(files)) {
      const dir = join(d, name.replace('.duckdb', ''));
      mkdirSync(dir);
      await make();
      const file = join(dir, name);
      copyFileSync(join(d, name), file);
      const before = sha(file);
      const runs = [
        ['status', '--warehouse', file],
        ['status', '--warehouse', file, '--json'],
        ['load', 'data-samples/funding.csv', '--warehouse', file],
        ['load', 'data-samples/funding.csv', '--warehouse', file, '--json'],
      ];
      for (const args of runs) {
        const r = await runCli(...args);
        const what = `${name} ${args.join(' ')}`;
        expect(r.code, `${what}: ${r.stderr}`).toBe(1);
        expect(r.stderr, what).toContain(file);
        expect(r.stderr, what).not.toMatch(/\n\s+at |internal error/);
        if (args.includes('--json')) expect((JSON.parse(r.stdout) as { error: { exit: number; file: string } }).error, what).toMatchObject({ exit: 1, file });
        expect(sha(file), `${what} changed the file`).toBe(before);
        expect(readdirSync(dir), `${what} left files beside it`).toEqual([name]);
      }
    }
  }, 60_000);

  it('a load that fails leaves a good warehouse as it was', async () => {
    const d = tempDir('hn-hostile-wh-fail-');
    const wh = join(d, 'w.duckdb');
    expect((await runCli('load', 'data-samples/funding.csv', '--warehouse', wh, '--quiet')).code).toBe(0);
    const before = await held(wh);
    const folder = join(d, 'more');
    cpSync('data-samples/unit_costs.csv', join(folder, 'unit_costs.csv'));
    writeFileSync(join(folder, 'other_spend.csv'), 'line,financial_year,amount_gbp\nOutreach,2025-26,NaN\n');
    const r = await runCli('load', folder, '--warehouse', wh);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('other_spend.csv');
    expect(await held(wh)).toEqual(before);
    expect(readdirSync(d).sort()).toEqual(['more', 'w.duckdb']);
  });

  it('a load killed while it writes leaves the warehouse as before or as a whole load makes it', async () => {
    const d = tempDir('hn-hostile-wh-kill-');
    const base = join(d, 'base.duckdb');
    expect((await runCli('load', 'data-samples/funding.csv', '--warehouse', base, '--quiet')).code).toBe(0);
    const before = await held(base);
    const whole = join(d, 'whole.duckdb');
    copyFileSync(base, whole);
    expect((await runCli('load', 'data-samples', '--warehouse', whole, '--quiet')).code).toBe(0);
    const after = await held(whole);
    // killed at a spread of moments from start to end of the load (the time it takes on this machine)
    for (const ms of [300, 1000, 4000]) {
      const wh = join(d, `k${ms}.duckdb`);
      copyFileSync(base, wh);
      const child = spawn(process.execPath, [BIN, 'load', 'data-samples', '--warehouse', wh, '--quiet'], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, ms));
      child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
      const now = await held(wh);
      expect([before, after].map((x) => JSON.stringify(x)), `killed after ${ms} ms`).toContain(JSON.stringify(now));
    }
  }, 120_000);
});
