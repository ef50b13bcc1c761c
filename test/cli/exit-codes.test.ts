import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

describe('exit codes and init', () => {
  it('exits 2 on an unknown command, with a suggestion', async () => {
    const r = await runCli('inti');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'inti'/);
    expect(r.stderr).toMatch(/init/);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on an unknown flag', async () => {
    const r = await runCli('init', '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });

  // one draw was presented as a range: 'From 1 simulated futures, plans in January 2035 lie between 8,914 and 8,914
  // in 8 cases out of 10', P10 = P50 = P90 under every range label, exit 0
  it.each([
    ['run', '--draws', '1'],
    ['run', '--draws', '9'],
    ['forecast', '--ees', 'x.csv', '--all', '--base-year', '2022', '--out', 'f.csv', '--draws', '2'],
    ['goal-seek', 'baseline.yaml', '--lever', 'new_plans', '--target', 'in-year-balance=0@2028-29', '--draws', '5'],
  ])('exits 2 on %s with fewer draws than make a range (%s %s …), before any work', async (...args) => {
    const r = await runCli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--draws \d+ is too few for a range: .* Give --draws 0 for the deterministic path \(P10 = P50 = P90\) or at least 10 draws/);
    expect(r.stdout).toBe('');
  });

  // the generator takes a 32-bit seed: --seed 4294967296 drew exactly the futures of --seed 1, under its own number
  it.each([['run'], ['forecast', '--ees', 'x.csv', '--all', '--base-year', '2022', '--out', 'f.csv'], ['goal-seek', 'b.yaml', '--lever', 'x', '--target', 'in-year-balance=0@2028-29']])(
    'exits 2 on %s --seed beyond 32 bits, saying why', async (...args) => {
      const r = await runCli(...args, '--seed', '4294967296');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--seed must be a whole number from 0 to 4294967295\. Got: 4294967296: the random generator takes a 32-bit seed/);
    },
  );

  // '--seed 99999999999999999999' said 'from 0.' with no maximum (past Number.MAX_SAFE_INTEGER the range check fell
  // to the general parser, which had none): every refused seed now gives the whole range
  it.each(['99999999999999999999', '-1', 'abc', '1.5', '1e3'])('exits 2 on run --seed %s, giving the range 0 to 4294967295', async (v) => {
    const r = await runCli('run', '--seed', v);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--seed must be a whole number from 0 to 4294967295. Got: ${v}`);
    expect(r.stdout).toBe('');
  });

  // commander keeps the last value: run --la 998 --la 999 ran 999 without a word
  it.each([
    ['run', '--draws', '0', '--la', '998', '--la', '999'],
    ['run', '--data', 'a', '--data', 'b'],
    ['goal-seek', 'baseline.yaml', '--lever', 'new_plans', '--target', 'in-year-balance=0@2028-29', '--seed', '1', '--seed', '2'],
  ])('exits 2 on %s with a flag of one value given twice with different values', async (...args) => {
    const r = await runCli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --(la|data|seed) is given 2 times \('[^']+', '[^']+'\): [a-z-]+ takes one and would use the last without a word; give --\1 once/);
  });

  it('exits 0 for --version and --help', async () => {
    expect((await runCli('--version')).code).toBe(0);
    const help = await runCli('--help');
    expect(help.code).toBe(0);
    // help answers on stdout, with required options marked
    expect(help.stdout).toContain('Usage: highneeds');
    const fh = await runCli('forecast', '--help');
    expect(fh.stdout).toMatch(/--out <file\.csv>\s+CSV file to write \(required\)/);
    expect(fh.stdout).toContain('Usage: highneeds forecast --ees');
  });

  it('init writes a starter folder and refuses to overwrite it', async () => {
    const dir = join(tempDir('hn-init-'), 'la');
    const r = await runCli('init', dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'scenarios/baseline.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'data/unit_costs.csv'), 'utf8')).toBe('la_code,placement,phase,need,annual_cost_gbp,price_year\n');
    const again = await runCli('init', dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });
});
