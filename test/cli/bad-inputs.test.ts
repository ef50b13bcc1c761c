/**
 * Every bad-input fixture through the command line: `validate` and `load` exit 1 with a message naming the file,
 * and a failed `load` leaves the warehouse exactly as it was (compared with `status --json`).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

const BAD = [
  ...readdirSync('test/fixtures/etl/bad').map((f) => join('test/fixtures/etl/bad', f)),
  ...readdirSync('test/fixtures/sen2/bad').map((f) => join('test/fixtures/sen2/bad', f)),
];

describe('bad inputs through the CLI', () => {
  const wh = join(tempDir('hn-bad-'), 'w.duckdb');

  it('starts from a warehouse holding good data', async () => {
    const r = await runCli('load', 'data-samples/unit_costs.csv', 'data-samples/sen2_2025.xml', '--warehouse', wh, '--quiet');
    expect(r.code, r.stderr).toBe(0);
  });

  it.each(BAD)('%s: validate and load exit 1 naming the file; the warehouse is unchanged', async (file) => {
    const v = await runCli('validate', file);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(basename(file));

    const before = await runCli('status', '--warehouse', wh, '--json');
    const l = await runCli('load', 'data-samples/places.csv', file, '--warehouse', wh, '--json');
    expect(l.code).toBe(1);
    expect(l.stdout).toBe('');
    expect(l.stderr).toContain(basename(file));
    const after = await runCli('status', '--warehouse', wh, '--json');
    expect(after.stdout).toBe(before.stdout);
  });
});
