/**
 * Interrupted and refused writes of `run --out`: a folder holding a previous run's files, --out inside or equal to the
 * data folder, and two runs writing the same --out one after the other with a failure in the second. Whatever the
 * second run does, the folder holds one whole set (the first's or the second's), never a mix, and nothing is left
 * beside it.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MANIFEST, recoverInterruptedSwitch } from '../../src/report/write-atomic.ts';
import { runCli, sampleTables } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';
import { unmovable } from './unmovable.ts';

/** Every file under a folder with its SHA-256, sorted. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
    .map((p) => `${relative(dir, p)} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`)
    .sort();
}

const run = (data: string, out: string, ...more: string[]) => runCli('run', ...more, '--data', data, '--draws', '0', '--out', out, '--quiet');

describe('run --out on hostile ground', () => {
  it('a second run that cannot replace one file leaves the first run\'s set whole (a folder with the user\'s own file too)', async (ctx) => {
    const root = tempDir('hn-hostile-out-');
    const data = sampleTables();
    const out = join(root, 'out');
    expect((await run(data, out, '--csv')).code).toBe(0);
    writeFileSync(join(out, 'my-notes.txt'), 'kept\n');
    const first = listing(out);
    // another scenario, so that every file the second run writes differs from the first's
    const scenario = join(root, 'dearer.yaml');
    writeFileSync(scenario, readFileSync('scenarios/baseline.yaml', 'utf8').replace('id: baseline', 'id: baseline\n# dearer').replace('inflation: 0.03', 'inflation: 0.05'));
    // a CSV late in the set held open (Excel on Windows) or read-only: the workbook, charts and report were replaced
    // before it, after an exit 70
    const held = join(out, 'csv', 'plans_by_age.csv');
    const undo = unmovable(held);
    // said as skipped, not passed: nothing was checked
    if (undo === undefined) return ctx.skip('no file here can be made unmovable (root without chattr +i)');
    let r;
    try {
      r = await runCli('run', scenario, '--data', data, '--draws', '0', '--csv', '--out', out, '--json');
    } finally {
      undo();
    }
    // exit 1, a refusal naming the file (the command line was right: exit 2 said it was wrong, and named no file)
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`could not replace ${held} (`);
    expect((JSON.parse(r.stdout) as { error: { exit: number; file: string } }).error).toMatchObject({ exit: 1, file: held });
    expect(r.stderr).toMatch(/nothing was replaced: the folder holds the previous outputs as they were/);
    expect(listing(out)).toEqual(first);
    expect(readdirSync(root).sort()).toEqual(['dearer.yaml', 'out']);
    // and once it can, the second run's set replaces the first's, the user's file kept
    expect((await runCli('run', scenario, '--data', data, '--draws', '0', '--csv', '--out', out, '--quiet')).code).toBe(0);
    const second = listing(out);
    expect(second).toContain(first.find((f) => f.startsWith('my-notes.txt')));
    expect(second.filter((f) => f.startsWith('highneeds-baseline.xlsx'))).not.toEqual(first.filter((f) => f.startsWith('highneeds-baseline.xlsx')));
    expect(readdirSync(root).sort()).toEqual(['dearer.yaml', 'out']);
  }, 120_000);

  it('a run of two scenarios whose second folder cannot be written puts back the first\'s and the comparison\'s', async (ctx) => {
    const root = tempDir('hn-hostile-out-');
    const data = sampleTables();
    const out = join(root, 'out');
    const scenario = (id: string, inflation: string): string => {
      const f = join(root, `${id}-${inflation}.yaml`);
      writeFileSync(f, readFileSync('scenarios/baseline.yaml', 'utf8').replace('id: baseline', `id: ${id}`).replace('inflation: 0.03', `inflation: ${inflation}`));
      return f;
    };
    const two = (a: string, b: string) => runCli('run', scenario('low', a), scenario('high', b), '--data', data, '--draws', '0', '--csv', '--out', out, '--quiet');
    expect((await two('0.03', '0.05')).code).toBe(0);
    writeFileSync(join(out, 'high', 'my-notes.txt'), 'kept\n');
    const first = listing(out);
    expect(first.some((f) => f.startsWith('compare/'))).toBe(true);
    const undo = unmovable(join(out, 'high', 'csv', 'plans_by_age.csv'));
    // said as skipped, not passed: nothing was checked
    if (undo === undefined) return ctx.skip('no file here can be made unmovable (root without chattr +i)');
    let r;
    try {
      r = await two('0.04', '0.06');
    } finally {
      undo();
    }
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('could not replace');
    // low/ was written before high/ was refused: it is the first run's again, as compare/ is
    expect(listing(out)).toEqual(first);
    expect(readdirSync(root).filter((f) => f.startsWith('.'))).toEqual([]);
    expect((await two('0.04', '0.06')).code).toBe(0);
    expect(listing(out).filter((f) => f.startsWith('low/highneeds-low.xlsx'))).not.toEqual(first.filter((f) => f.startsWith('low/highneeds-low.xlsx')));
  }, 180_000);

  it('a second run refused (exit 1) or writing fewer files: the set is the first\'s, or the second\'s whole (the user\'s file kept)', async () => {
    const root = tempDir('hn-hostile-out-');
    const data = sampleTables();
    const out = join(root, 'out');
    expect((await run(data, out, '--csv')).code).toBe(0);
    writeFileSync(join(out, 'my-notes.txt'), 'kept\n');
    const first = listing(out);
    const bad = join(root, 'bad.yaml');
    writeFileSync(bad, readFileSync('scenarios/baseline.yaml', 'utf8').replace('inflation: 0.03', 'inflation: .nan'));
    const r = await runCli('run', bad, '--data', data, '--draws', '0', '--csv', '--out', out);
    expect(r.code).toBe(1);
    expect(listing(out)).toEqual(first);
    // without --csv: the first run's CSVs go, the rest is the second's
    expect((await run(data, out)).code).toBe(0);
    expect(listing(out).some((f) => f.startsWith('csv/'))).toBe(false);
    // exactly that run's outputs and the user's file: no empty csv/ folder of the first run's (it was left)
    const written = (JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files: string[] }).files;
    expect(readdirSync(out).sort()).toEqual([...new Set([MANIFEST, 'my-notes.txt', ...written.map((f) => f.split('/')[0]!)])].sort());
    expect(readdirSync(root).sort()).toEqual(['bad.yaml', 'out']);
  }, 120_000);

  it('--out equal to --data, inside it or reaching it through a link: exit 2 before anything is written', async () => {
    const root = tempDir('hn-hostile-out-');
    const data = join(root, 'data');
    mkdirSync(data);
    for (const f of readdirSync(sampleTables())) writeFileSync(join(data, f), readFileSync(join(sampleTables(), f)));
    const before = listing(data);
    for (const out of [data, join(data, 'reports'), join(data, '..', 'data', 'x'), `${data}/`]) {
      const r = await run(data, out);
      expect(r.code, `${out}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/would be written into the data folder/);
    }
    expect(listing(data)).toEqual(before);
    expect(readdirSync(root)).toEqual(['data']);
  }, 60_000);

  it('old files a killed run moved aside are put back by the next write into the folder', async () => {
    const root = tempDir('hn-hostile-out-');
    const out = join(root, 'out');
    mkdirSync(join(out, 'csv'), { recursive: true });
    writeFileSync(join(out, 'highneeds-baseline.xlsx'), 'new');
    writeFileSync(join(out, 'my-notes.txt'), 'kept');
    // a process that has ended: its pid names the folder it left
    const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    const aside = join(root, `.out.aside-${gone}-1`);
    mkdirSync(join(aside, 'csv'), { recursive: true });
    writeFileSync(join(aside, 'highneeds-baseline.xlsx'), 'old');
    writeFileSync(join(aside, 'csv', 'a.csv'), 'old csv');
    await recoverInterruptedSwitch(out);
    expect(readFileSync(join(out, 'highneeds-baseline.xlsx'), 'utf8')).toBe('old');
    expect(readFileSync(join(out, 'csv', 'a.csv'), 'utf8')).toBe('old csv');
    expect(readFileSync(join(out, 'my-notes.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(root)).toEqual(['out']);
  });
});
