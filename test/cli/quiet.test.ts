/**
 * `--quiet` keeps the answer a command was run for when that answer is printed and nowhere else, and nothing more:
 * backtest's scores and goal-seek's effect; a command whose answer is the files it writes (run, forecast, load)
 * prints nothing but errors. Before, `backtest --quiet` printed nothing at all (every human line is on stderr), and
 * `goal-seek --quiet` wrote its scenario without saying the effect found.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, sampleTables } from './helpers.ts';
import { tempDir } from '../temp.ts';

describe('--quiet', () => {
  it('backtest --quiet prints the scores and no warning; with --json the document alone', async () => {
    const loud = await runCli('backtest');
    const quiet = await runCli('backtest', '--quiet');
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(loud.stderr).toMatch(/warning: /);
    expect(quiet.stderr).not.toMatch(/warning/);
    // every line of the table, as without --quiet
    const table = loud.stderr.split('\n').filter((l) => !l.startsWith('warning: ') && l !== '');
    expect(table.length).toBeGreaterThanOrEqual(5);
    expect(quiet.stderr.split('\n').filter((l) => l !== '')).toEqual(table);
    expect(quiet.stderr).toMatch(/^origins .*series scored\n/);
    expect(quiet.stderr).toMatch(/model 80% interval coverage: 1y /);
    const json = await runCli('backtest', '--quiet', '--json');
    expect(json.stderr).toBe('');
    expect(Object.keys(JSON.parse(json.stdout) as object)).toEqual(['origins', 'horizons', 'n_series', 'left_out']);
  });

  it('goal-seek --quiet says the effect found and the file written, nothing else', async () => {
    const dir = tempDir('hn-quiet-');
    const args = ['goal-seek', 'scenarios/baseline.yaml', '--data', sampleTables(), '--lever', 'new_plans', '--target', 'in-year-balance=-20000000@2028-29', '--draws', '0', '--out', join(dir, 'goal.yaml')];
    const loud = await runCli(...args);
    const quiet = await runCli(...args, '--quiet');
    expect(quiet.code, quiet.stderr).toBe(0);
    const lines = quiet.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/effect/);
    expect(lines[1]).toMatch(/^Wrote .*goal\.yaml; run it with: /);
    for (const l of lines) expect(loud.stderr).toContain(l);
    expect(loud.stderr.split('\n').length).toBeGreaterThan(lines.length + 1);
  });

  it('run, forecast and validate --quiet print nothing when all is well', async () => {
    const dir = tempDir('hn-quiet-');
    const run = await runCli('run', '--data', sampleTables(), '--demand-only', '--draws', '0', '--quiet', '--out', join(dir, 'run'));
    expect([run.code, run.stderr]).toEqual([0, '']);
    const forecast = await runCli('forecast', '--ees', join('data-samples', 'sen2_age_caseload.csv'), '--la', '999', '--base-year', '2022', '--draws', '0', '--quiet', '--out', join(dir, 'f.csv'));
    expect([forecast.code, forecast.stderr]).toEqual([0, '']);
    const validate = await runCli('validate', join('data-samples', 'funding.csv'), '--quiet');
    expect([validate.code, validate.stderr]).toEqual([0, '']);
  });

  it("run --quiet does not say it put back the outputs a killed run left; without --quiet and with --json it does, on stderr", async () => {
    // the note of a switch recovered (write-atomic.ts) was printed under --quiet, which prints nothing but errors
    const d = tempDir('hn-quiet-recovered-');
    mkdirSync(join(d, 'empty'));
    const said = async (...flags: string[]) => {
      // a run killed between moving its folder's previous outputs aside and putting its own in (its pid now no process's)
      const out = join(d, 'out', flags.join('') || 'plain');
      const old = join(out, '..', `.${flags.join('') || 'plain'}.old-1-1`);
      mkdirSync(old, { recursive: true });
      writeFileSync(join(old, 'book.xlsx'), 'previous');
      const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
      const journal = { id: 'K', pid: gone, state: 'switching', entries: [{ kind: 'folder', dir: out, old }] };
      writeFileSync(join(out, '..', `.highneeds-switch-${gone}-${flags.length}.json`), JSON.stringify(journal));
      const r = await runCli('run', '--data', join(d, 'empty'), '--out', out, ...flags);
      expect(r.code, r.stderr).toBe(1);
      expect(existsSync(join(out, 'book.xlsx'))).toBe(true);
      return r;
    };
    const note = /was stopped while it replaced the outputs in/;
    expect((await said()).stderr).toMatch(note);
    const json = await said('--json');
    expect(json.stderr).toMatch(note);
    expect(json.stdout).not.toMatch(note);
    expect((await said('--quiet')).stderr).not.toMatch(note);
  });
});
