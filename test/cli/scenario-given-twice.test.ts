/**
 * The same scenario file given twice to `run` is a slip of the command line: exit 2 before anything is read, by any
 * spelling, link or hard link of the file. It used to load the data and stop with exit 1, "scenario id 'baseline' is
 * already used by scenarios/baseline.yaml in this run", as if the scenario were at fault. Two different files of one
 * id are still exit 1 (test/scenario/hostile-scenarios.test.ts): the files, not the command line, clash there.
 */
import { copyFileSync, linkSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

const BASELINE = 'scenarios/baseline.yaml';

describe('run with one scenario file given twice', () => {
  const dir = tempDir('hn-twice-');
  const copy = join(dir, 'baseline.yaml');
  copyFileSync(resolve(BASELINE), copy);
  symlinkSync(copy, join(dir, 'link.yaml'));
  linkSync(copy, join(dir, 'hard.yaml'));

  it.each([
    [[BASELINE, BASELINE], `the scenario file ${BASELINE} is given twice: a run takes each scenario once`],
    [[BASELINE, `./${BASELINE}`], `the scenario file ${BASELINE} is given twice, also as ./${BASELINE}: a run takes each scenario once`],
    [['baseline', BASELINE], `the scenario file baseline is given twice, also as ${BASELINE}`],
    [[copy, join(dir, 'link.yaml')], `the scenario file ${copy} is given twice, also as ${join(dir, 'link.yaml')}`],
    [[copy, join(dir, 'hard.yaml')], `the scenario file ${copy} is given twice, also as ${join(dir, 'hard.yaml')}`],
  ])('%j: exit 2 before the data are read', async (files, said) => {
    // a data folder that does not exist: had the run read anything, it would have said so (exit 1)
    const r = await runCli('run', ...files, '--data', join(dir, 'no-such-data'), '--draws', '0', '--out', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stderr).not.toMatch(/loading data|no such data folder|already used/);
    expect(r.stdout).toBe('');
  });
});
