/**
 * `run` with two scenarios of different reach, end to end on the sample: baseline (January 2025 over 10 years) beside
 * a scenario from January 2023 over 3 years stopped at the comparison with an internal error (exit 70, "Cannot read
 * properties of undefined (reading 'p50')") after both scenarios' outputs were written; on real data (Hartlepool,
 * base 2021 over 4 years beside base 2022 over 6) the balance chart's alt text read "£NaN" and the output guard
 * refused the comparison (exit 70). The comparison is now written, at the years both reach (test/report/comparison-reach.test.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

describe('run with scenarios of different base years and horizons', () => {
  const dir = tempDir('hn-reach-');
  const short = join(dir, 'short.yaml');
  writeFileSync(short, `extends: ${resolve('scenarios/baseline.yaml')}\nid: short\nname: From 2023, three years\nbase_year: 2023\nhorizon_years: 3\n`);

  it.each([
    ['with money', ['--csv']],
    ['demand only', ['--demand-only']],
  ])('writes the comparison at the years both reach, %s', async (label, flags) => {
    const out = join(dir, label.replace(/ /g, '-'));
    const r = await runCli('run', 'scenarios/baseline.yaml', short, '--draws', '0', '--out', out, '--quiet', ...flags);
    expect(r.stderr).not.toMatch(/internal error|NaN/);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'compare', 'scenario-comparison.html'), 'utf8');
    expect(existsSync(join(out, 'compare', 'highneeds-comparison.xlsx'))).toBe(true);
    expect(html).not.toMatch(/NaN|undefined/);
    expect(html).toContain('EHC plans, January 2026 (central)');
    expect(html).toContain('The headline figures compare January 2026');
    // with --csv the comparison's tables too (it wrote none): a year one scenario does not reach is blank, never 0
    const csv = join(out, 'compare', 'csv', 'compare_plans.csv');
    expect(existsSync(csv)).toBe(flags.includes('--csv'));
    if (flags.includes('--csv')) {
      const rows = readFileSync(csv, 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
      expect(rows[0]![0]).toMatch(/Census year$/);
      const at = (year: string) => rows.find((r) => r[0] === year)!;
      expect(at('2024')[1]).toBe(''); // baseline starts at January 2025
      expect(Number(at('2026')[1])).toBeGreaterThan(0);
      expect(at('2027').at(-2)).toBe(''); // the short scenario ends at January 2026
      expect(readFileSync(csv, 'utf8')).not.toMatch(/NaN|undefined|Infinity/);
      expect(existsSync(join(out, 'compare', 'csv', 'compare_in_year_balance.csv'))).toBe(true);
    }
  });

  it('refuses a base year the data cannot start from before anything is written, naming the scenario that asks for it', async () => {
    const late = join(dir, 'late.yaml');
    writeFileSync(late, `extends: ${resolve('scenarios/baseline.yaml')}\nid: late\nname: From 2030\nbase_year: 2030\n`);
    const out = join(dir, 'refused');
    const r = await runCli('run', 'scenarios/baseline.yaml', late, '--draws', '0', '--out', out, '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot be projected from January 2030');
    expect(r.stderr).toContain(`base_year 2030 is that of ${late}.`);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a scenario's implausible projection before any other scenario's outputs are written", async () => {
    // baseline passes every check; the second's surge steps the plans up by half in a year, which is refused (exit 1)
    const huge = join(dir, 'huge.yaml');
    writeFileSync(
      huge,
      `extends: ${resolve('scenarios/baseline.yaml')}\nid: huge\nname: Huge surge\nsurges:\n  - name: Everything\n    peak_uplift: 5\n    start_year: 2025\n    peak_year: 2027\n    half_life_years: 10\n`,
    );
    const out = join(dir, 'refused-later');
    const r = await runCli('run', 'scenarios/baseline.yaml', huge, '--draws', '0', '--out', out, '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no outputs were written');
    // the baseline folder used to be written before the second scenario was refused
    expect(existsSync(out)).toBe(false);
  });
});
