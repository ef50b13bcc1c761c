import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../temp.ts';
import { runCli } from './helpers.ts';
import { pennies } from '../budget/money-identities.ts';
import { loadScenario } from '../../src/scenario/load.ts';

describe('highneeds goal-seek (the cli.md contract)', () => {
  it('finds the effect of new_plans for an in-year balance, writes a scenario that extends the input (making its missing folder), and run reproduces it', async () => {
    await withTempDir(async (dir) => {
      // --out in folders that do not exist yet: they are made (one search serves this and the --out test below)
      const out = join(dir, 'new', 'deeper', 'goal.yaml');
      // a target the sample can reach: in-year balance of −£20m in 2028-29 (deterministic path, no draws: quick)
      const r = await runCli('goal-seek', 'scenarios/baseline.yaml', '--lever', 'new_plans', '--target', 'in-year-balance=-20000000@2028-29', '--draws', '0', '--out', out, '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(out)).toBe(true);
      const doc = JSON.parse(r.stdout);
      expect(Object.keys(doc).slice(0, 5)).toEqual(['lever', 'effect', 'target', 'achieved_gbp', 'scenario_file']);
      expect(doc).toMatchObject({ lever: 'new_plans', target: 'in-year-balance=-20000000@2028-29', scenario_file: out });
      expect(doc.effect).toBeGreaterThan(0);
      expect(doc.effect).toBeLessThan(1);
      expect(Math.abs(doc.achieved_gbp + 20_000_000)).toBeLessThanOrEqual(100_000);
      // what the effect is in plans: new plans not made, to the January that ends 2028-29
      expect(doc.plans_avoided.to_census_year).toBe(2029);
      expect(doc.plans_avoided.avoided).toBeGreaterThan(0);
      expect(doc.plans_avoided.avoided).toBeLessThan(doc.plans_avoided.avoided + doc.plans_avoided.new_plans);
      const yaml = readFileSync(out, 'utf8');
      expect(yaml).toMatch(/^extends: .*baseline\.yaml$/m);
      expect(yaml).toMatch(/goal_seek:/);
      // run --draws 0 of the written file gives the target within £100,000
      const run = await runCli('run', out, '--draws', '0', '--out', join(dir, 'report'), '--json');
      expect(run.code, run.stderr).toBe(0);
      const v = JSON.parse(run.stdout).in_year_balance_gbp['2028-29'].p50;
      expect(Math.abs(v + 20_000_000)).toBeLessThanOrEqual(100_000);
      // one figure: what goal-seek says it achieved is what run prints, to the penny
      expect(doc.achieved_gbp).toBe(v);
      for (const x of doc.range_gbp as number[]) pennies(x, 'range_gbp');
      // the report says what was sought
      const html = readFileSync(JSON.parse(run.stdout).outputs.report, 'utf8');
      expect(html).toMatch(/written by goal-seek/);
      expect(existsSync(JSON.parse(run.stdout).outputs.workbook)).toBe(true);
    });
  }, 240_000);

  it('--out that is a folder, under a file, a data table or in the data folder: exit 2 before the search, nothing written', async () => {
    // a missing folder is made: the first test's --out
    // a folder or a path under a file was an internal error (exit 70, a stack trace) after the search; funding.csv
    // named by --out was overwritten with the scenario; one written into --data stopped the next run
    await withTempDir(async (dir) => {
      const data = join(dir, 'data');
      mkdirSync(data);
      for (const f of ['funding.csv', 'unit_costs.csv']) copyFileSync(join('data-samples', f), join(data, f));
      const table = join(data, 'funding.csv');
      const before = readFileSync(table, 'utf8');
      const cases: Array<[string, RegExp]> = [
        [dir, /expected a file name, found a folder/],
        [join(table, 'x.yaml'), /is a file, so nothing can be created under it/],
        [table, /goal-seek writes a scenario, a file ending \.yaml/],
        [join(data, 'plan-goal.yaml'), /would be written into the data folder/],
      ];
      for (const [out, re] of cases) {
        const r = await runCli('goal-seek', 'scenarios/baseline.yaml', '--lever', 'new_plans', '--target', 'in-year-balance=-20000000@2028-29', '--draws', '0', '--data', data, '--out', out);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(re);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      }
      expect(readFileSync(table, 'utf8')).toBe(before);
      expect(readdirSync(data).sort()).toEqual(['funding.csv', 'unit_costs.csv']);
    });
  }, 240_000);

  it('a lever named with a line break and YAML in it: the written scenario reads back, its header comment whole', async () => {
    await withTempDir(async (dir) => {
      // before: the name ended the comment, the rest was read as YAML, and the file's own check refused it (exit 1,
      // naming the temporary file '.goal.yaml.<pid>-tmp:2: not valid YAML')
      const lever = 'x: y # z"\n- evil: [1]';
      const mitigated = readFileSync('scenarios/mitigated.yaml', 'utf8')
        .replace(/^extends: .*$/m, `extends: ${JSON.stringify(join(process.cwd(), 'scenarios/baseline.yaml'))}`)
        .replace('- name: Early intervention in mainstream (fewer requests)', `- name: ${JSON.stringify(lever)}`);
      const scenario = join(dir, 'mitigated.yaml');
      writeFileSync(scenario, mitigated);
      const out = join(dir, 'goal.yaml');
      const r = await runCli('goal-seek', scenario, '--lever', lever, '--target', 'in-year-balance=-20000000@2028-29', '--draws', '0', '--out', out, '--json');
      expect(r.code, r.stderr).toBe(0);
      const yaml = readFileSync(out, 'utf8');
      expect(yaml.split('\n')[0]).toBe(`# Goal-seek: how big must ${JSON.stringify(lever)} be to reach in-year-balance=-20000000@2028-29?`);
      expect((await loadScenario(out)).mitigations.map((m) => m.name)).toContain(lever);
    });
  });

  it('exits 2 for a target it cannot read and 1 for a lever the scenario does not have', async () => {
    const bad = await runCli('goal-seek', 'scenarios/baseline.yaml', '--lever', 'new_plans', '--target', 'balance=0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/in-year-balance=AMOUNT@FY/);
    const lever = await runCli('goal-seek', 'scenarios/mitigated.yaml', '--lever', 'Early intervention', '--target', 'in-year-balance=0@2028-29');
    expect(lever.code).toBe(1);
    expect(lever.stderr).toMatch(/not a mitigation of this scenario.*Levers: new_plans, Early intervention in mainstream/);
  });

  it('exits 1 naming the money tables when they are empty, as run does, and writes nothing', async () => {
    // an init-ed folder with plans but its money tables still empty templates: every plan would cost £0, and the
    // target was met at effect 0 "in 100% of futures"
    await withTempDir(async (dir) => {
      expect((await runCli('init', join(dir, 'la'))).code).toBe(0);
      copyFileSync(join('data-samples', 'sen2_age_caseload.csv'), join(dir, 'la', 'data', 'sen2_age_caseload.csv'));
      const out = join(dir, 'goal.yaml');
      const r = await runCli('goal-seek', join(dir, 'la', 'scenarios', 'baseline.yaml'), '--lever', 'new_plans', '--target', 'in-year-balance=0@2027-28', '--data', join(dir, 'la', 'data'), '--out', out, '--draws', '0');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/money tables it needs are missing or empty/);
      expect(r.stderr).toMatch(/unit_costs\.csv has no rows/);
      expect(r.stderr).toMatch(/funding\.csv has no rows/);
      expect(existsSync(out)).toBe(false);
    }, 'hn-goal-empty-');
  });
});
