/**
 * What `--help` and a run's last lines say agree with what the commands do (docs/cli.md): `--draws` from 1 to 9 is
 * refused by run, forecast and goal-seek, and only run's help said 0 meant deterministic; backtest refuses a horizon
 * past 10 without its help saying so; run wrote the scenario explorer without naming it.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, sampleTables } from './helpers.ts';
import { tempDir } from '../temp.ts';
import { DRAWS_MIN } from '../../src/cli/commands/common.ts';

const help = async (command: string): Promise<string> => (await runCli(command, '--help')).stdout.replace(/\s+/g, ' ');

describe('--help says the ranges the flags take', () => {
  it('--draws: 0 or DRAWS_MIN or more, in run, forecast and goal-seek, as each refuses 1 to 9', async () => {
    for (const c of ['run', 'forecast', 'goal-seek']) {
      expect(await help(c), c).toMatch(new RegExp(`--draws <n> .*0 \\((deterministic|not computed)[^)]*\\) or ${DRAWS_MIN} or more`));
      expect((await runCli(c, '--draws', String(DRAWS_MIN - 1))).code).toBe(2);
    }
  });

  it('backtest --horizon: at most 10, as it refuses 11', async () => {
    expect(await help('backtest')).toMatch(/--horizon <h> years ahead \(at most 10\)/);
    expect((await runCli('backtest', '--horizon', '11')).code).toBe(2);
  });

  it('run --suppress-small-counts says the --json document is suppressed too', async () => {
    expect(await help('run')).toMatch(/--suppress-small-counts \[n\] .*in everything written and in the --json document/);
  });
});

describe("run's last lines", () => {
  it('name every file a reader opens: workbook, charts, report and the scenario explorer', async () => {
    const out = join(tempDir('hn-summary-'), 'baseline');
    const r = await runCli('run', '--data', sampleTables(), '--demand-only', '--draws', '0', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`baseline: workbook ${join(out, 'highneeds-baseline.xlsx')}, `);
    expect(r.stderr).toMatch(/, \d+ charts?, report /);
    expect(r.stderr).toContain(`, explorer ${join(out, 'explorer-baseline.html')}\n`);
  });
});

describe('words a reader sees, in the right number and place', () => {
  it("backtest's 'nothing to score' and validate's count say 'origin', 'years', 'file is' as the figures are", async () => {
    const b = await runCli('backtest', '--origins', '2030', '--horizon', '1');
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/no series has a stock at origin 2030 and an outcome up to 1 year later in the data/);
    expect(b.stderr).not.toMatch(/\(s\)/);
    const v = await runCli('validate', join(tempDir('hn-words-'), 'none.csv'));
    expect(v.stderr).toMatch(/highneeds: 1 of 1 file is invalid: /);
  });

  it("run of an LA the data do not hold names the data files and the LAs they hold by code and name, not 'the warehouse'", async () => {
    const r = await runCli('run', '--data', sampleTables(), '--la', '123', '--demand-only', '--draws', '0', '--out', join(tempDir('hn-words-'), 'x'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no data for LA '123' in the data files read (LAs with data: 999 (Anyshire))");
  });

  it('init names a folder outside where it runs as given, not as ../../…', async () => {
    const dir = join(tempDir('hn-words-'), 'la');
    const r = await runCli('init', dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Created ${dir}/ with `);
    expect(r.stderr).toContain(`Read ${join(dir, 'README.md')} next.`);
  });
});
