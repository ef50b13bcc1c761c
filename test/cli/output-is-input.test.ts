/**
 * An output path that is one of the command's own inputs is refused before anything is read or written (exit 2):
 * `forecast --out` given as one of its `--ees` files replaced the published file with the forecast (exit 0), and
 * `goal-seek --out` given as its scenario replaced the scenario with one that extends itself, which `run` then refused.
 */
import { describe, expect, it } from 'vitest';
import { copyFile, link, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withTempDir } from '../temp.ts';
import { runCli } from './helpers.ts';

const EES = ['sen2_age_caseload.csv', 'sen2_age_new_plans.csv'];

describe('an output that is an input', () => {
  it('forecast refuses --out naming one of its --ees files (as given, through a link, or a hard link, or in an --ees folder)', async () => {
    await withTempDir(async (d) => {
      const ees = join(d, 'ees');
      await mkdir(ees);
      for (const f of EES) await copyFile(join('data-samples', f), join(ees, f));
      const caseload = join(ees, EES[0]!);
      const before = await readFile(caseload, 'utf8');
      await symlink(caseload, join(d, 'link.csv'));
      await link(caseload, join(d, 'hard.csv'));
      const files = EES.map((f) => join(ees, f));
      for (const [input, out] of [
        [files, caseload],
        [files, join(ees, '..', 'ees', EES[0]!)],
        [files, join(d, 'link.csv')],
        [files, join(d, 'hard.csv')],
        [[ees], caseload],
      ] as const) {
        const r = await runCli('forecast', '--ees', ...input, '--all', '--base-year', '2022', '--draws', '0', '--out', out);
        expect(r.code, `${input.join(' ')} --out ${out}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain(`--out ${out}`);
        expect(r.stderr).toMatch(/an input of this command/);
      }
      expect(await readFile(caseload, 'utf8')).toBe(before);
      // beside the inputs, given file by file, is a file of its own
      const beside = await runCli('forecast', '--ees', ...files, '--all', '--base-year', '2022', '--draws', '0', '--quiet', '--out', join(ees, 'forecast.csv'));
      expect(beside.code, beside.stderr).toBe(0);
    });
  });

  it('goal-seek refuses --out naming its scenario or a scenario it extends, and leaves them as they were', async () => {
    await withTempDir(async (d) => {
      const base = join(d, 'baseline.yaml');
      await copyFile('scenarios/baseline.yaml', base);
      const child = join(d, 'child.yaml');
      await writeFile(child, 'extends: baseline.yaml\nid: child\n');
      const before = await readFile(base, 'utf8');
      for (const [scenario, out] of [
        [base, base],
        [child, base],
        [child, child],
      ] as const) {
        const r = await runCli('goal-seek', scenario, '--lever', 'new_plans', '--target', 'in-year-balance=-20000000@2028-29', '--draws', '0', '--out', out);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain(`--out ${out}`);
        expect(r.stderr).toMatch(/an input of this command/);
      }
      expect(await readFile(base, 'utf8')).toBe(before);
      expect(await readFile(child, 'utf8')).toBe('extends: baseline.yaml\nid: child\n');
    });
  });
});
