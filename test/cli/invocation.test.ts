/**
 * The commands highneeds gives a user to type start as the user started it: in a clone `highneeds` is not on the
 * PATH, and goal-seek said 'run it with: highneeds run …', which the shell refused. And `npx highneeds -- --version`,
 * which docs/cli.md gave, stopped with "unknown command '--version'".
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { invokedAs } from '../../src/cli/invocation.ts';
import { VERSION } from '../../src/version.ts';
import { forecastImplausible, implausibleProjection } from '../../src/messages/model.ts';
import { implausibleBudget } from '../../src/messages/budget.ts';
import { sampleTables } from './helpers.ts';
import { tempDir } from '../temp.ts';
import JSZip from 'jszip';

const BIN = resolve('bin', 'highneeds.js');

/** main with the script as node gives it (an absolute path) and npm's variables as given. */
async function started(script: string, env: Record<string, string | undefined>, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), stderrIsTTY: false };
  const saved = process.env.npm_command;
  if (env.npm_command === undefined) delete process.env.npm_command;
  else process.env.npm_command = env.npm_command;
  try {
    return { code: await main(['node', script, ...args], io), stdout, stderr };
  } finally {
    if (saved === undefined) delete process.env.npm_command;
    else process.env.npm_command = saved;
  }
}

describe('invokedAs', () => {
  it('npx, node with the script below or away from where it runs, an installed link', () => {
    expect(invokedAs('/home/me/hn/bin/highneeds.js', { npm_command: 'exec' }, '/home/me/hn')).toBe('npx highneeds');
    expect(invokedAs('/home/me/hn/bin/highneeds.js', {}, '/home/me/hn')).toBe('node bin/highneeds.js');
    expect(invokedAs('/home/me/hn/bin/highneeds.js', { npm_command: 'start' }, '/home/me/hn')).toBe('node bin/highneeds.js');
    expect(invokedAs('/home/me/hn/bin/highneeds.js', {}, '/home/me/la')).toBe('node /home/me/hn/bin/highneeds.js');
    expect(invokedAs('/home/me/my hn/bin/highneeds.js', {}, '/tmp')).toBe("node '/home/me/my hn/bin/highneeds.js'");
    expect(invokedAs('/usr/local/bin/highneeds', { npm_command: 'exec' }, '/tmp')).toBe('highneeds');
  });
});

describe('the commands a message gives to type', () => {
  const goal = (dir: string) => ['goal-seek', 'scenarios/baseline.yaml', '--data', sampleTables(), '--lever', 'new_plans', '--target', 'in-year-balance=-20000000@2028-29', '--draws', '0', '--out', join(dir, 'goal.yaml'), '--quiet'];

  it("goal-seek's 'run it with' starts as highneeds was started", async () => {
    const dir = tempDir('hn-invoked-');
    const viaNode = await started(BIN, {}, ...goal(dir));
    expect(viaNode.code, viaNode.stderr).toBe(0);
    expect(viaNode.stderr).toContain(`run it with: node bin/highneeds.js run ${join(dir, 'goal.yaml')} --data `);
    const viaNpx = await started(BIN, { npm_command: 'exec' }, ...goal(dir));
    expect(viaNpx.stderr).toContain(`run it with: npx highneeds run ${join(dir, 'goal.yaml')} --data `);
    // the file's own header: on the data sought on (it said 'highneeds run <this file> --draws 0', which runs the sample)
    expect(readFileSync(join(dir, 'goal.yaml'), 'utf8')).toContain(`\n# Run it with: npx highneeds run <this file> --data ${sampleTables()} --draws 0\n`);
    const installed = await started('/usr/local/bin/highneeds', {}, ...goal(dir));
    expect(installed.stderr).toContain(`run it with: highneeds run ${join(dir, 'goal.yaml')} --data `);
  });

  it("a missing warehouse's message gives the load command as highneeds was started", async () => {
    const wh = join(tempDir('hn-invoked-'), 'none.duckdb');
    const r = await started(BIN, { npm_command: 'exec' }, 'status', '--warehouse', wh);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`load files into it first ('npx highneeds load PATH... --warehouse ${wh}')`);
  });

  it("the refusals that name validate name it as highneeds was started; the note naming backtest, which is published, names the product's command", async () => {
    // forecast's note on years no past forecast scored said '(highneeds backtest --horizon scores them …)' however
    // highneeds was started, and the refusals of a broken series '\`highneeds validate\`'
    const dir = tempDir('hn-invoked-');
    const r = await started(BIN, { npm_command: 'exec' }, 'forecast', '--ees', join('data-samples', 'sen2_age_caseload.csv'), '--la', '999', '--base-year', '2022', '--draws', '0', '--horizon', '10', '--out', join(dir, 'f.csv'));
    expect(r.code, r.stderr).toBe(0);
    // the note is written into the published outputs too: it names the product's command (below)
    expect(r.stderr).toContain('(highneeds backtest --horizon scores them where the files reach)');
    expect(implausibleProjection('Anyshire (999)', 2030, 'NaN')).toContain('`npx highneeds validate`');
    expect(forecastImplausible(2030, 'NaN')).toContain('`npx highneeds validate`');
    expect(implausibleBudget('Anyshire (999)', '2026-27', 'expenditure', 2e12, 1e12)).toContain('`npx highneeds validate`');
  });

  it('the published outputs do not carry how this run was started (a path of the machine it ran on)', async () => {
    // started as `node /home/…/bin/highneeds.js` from another folder, the note on years no past forecast scored put
    // that path into the workbook, the report and the explorer page
    const dir = tempDir('hn-invoked-');
    const away = '/opt/councils-own-machine/highneeds/bin/highneeds.js';
    const r = await started(away, {}, 'run', '--data', sampleTables(), '--demand-only', '--draws', '0', '--out', dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('(highneeds backtest --horizon scores them where the files reach)');
    const written = [
      readFileSync(join(dir, 'recovery-plan-baseline.html'), 'utf8'),
      readFileSync(join(dir, 'explorer-baseline.html'), 'utf8'),
      (await JSZip.loadAsync(readFileSync(join(dir, 'highneeds-baseline.xlsx')))).file('xl/sharedStrings.xml')!.async('string'),
    ];
    for (const text of await Promise.all(written)) expect(text).not.toContain('councils-own-machine');
  });

  it('npx highneeds -- --version prints the version, as npx highneeds --version does', async () => {
    for (const args of [['--', '--version'], ['--version'], ['--', '--version', '--json']]) {
      const r = await started(BIN, { npm_command: 'exec' }, ...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout.trim()).toBe(args.includes('--json') ? JSON.stringify({ version: VERSION }, null, 2) : VERSION);
    }
  });
});
