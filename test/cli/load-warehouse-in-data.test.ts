/**
 * `load` refuses a warehouse inside a folder it loads (exit 2, before anything is read or written): the first load
 * wrote the warehouse there with exit 0, and every later load of the folder read the warehouse as an input and
 * failed ('the file is not text'), as `run` refuses an --out or cache folder inside --data.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp.ts';
import { runCli } from './helpers.ts';

/** A folder holding two of the sample's money tables (a quick load). */
function tables(d: string): void {
  mkdirSync(d, { recursive: true });
  for (const f of ['funding.csv', 'reserves.csv']) copyFileSync(join('data-samples', f), join(d, f));
}

describe('load with the warehouse inside a folder it loads', () => {
  it('is a usage error naming both, and writes nothing', async () => {
    const d = join(tempDir(), 'data');
    tables(d);
    const before = readdirSync(d).sort();
    const r = await runCli('load', d, '--warehouse', join(d, 'w.duckdb'));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(join(d, 'w.duckdb'));
    expect(r.stderr).toMatch(/inside the folder .* it loads/);
    expect(existsSync(join(d, 'w.duckdb'))).toBe(false);
    expect(readdirSync(d).sort()).toEqual(before);
  });

  it('a warehouse under a dot-folder of it, which loads pass over, is fine', async () => {
    const d = join(tempDir(), 'data');
    tables(d);
    const r = await runCli('load', d, '--warehouse', join(d, '.hn', 'w.duckdb'), '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(d, '.hn', 'w.duckdb'))).toBe(true);
  });
});
