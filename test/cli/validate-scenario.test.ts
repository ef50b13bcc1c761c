/**
 * A scenario file among the files given to validate and load, or in a data folder (where run and goal-seek find a
 * scenario: docs/cli.md): `validate scenarios/baseline.yaml` said 'INVALID … unknown layout: no reader recognises this
 * file' (exit 1) of the shipped scenario, a data folder holding the council's scenario failed validate and load as a
 * whole, and run said of the scenario it was running 'Not read: a file of the data folder that no reader recognises'.
 * validate now checks a scenario as run reads it; load and run pass over it, as documentation.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { tempDir } from '../temp.ts';

const dir = tempDir('hn-validate-scenario-');

describe('scenario files among input files', () => {
  it('validate passes the shipped scenarios and names what is wrong in one that is not', async () => {
    const ok = await runCli('validate', 'scenarios', '--json');
    expect(ok.code, ok.stderr).toBe(0);
    const files = (JSON.parse(ok.stdout) as { files: Array<{ path: string; reader: string; rows: number; errors: unknown[] }> }).files;
    expect(files.map((f) => f.path)).toEqual(readdirSync('scenarios').sort().map((f) => join('scenarios', f)));
    for (const f of files) expect(f).toMatchObject({ reader: 'scenario', rows: 0, errors: [] });

    const typo = join(dir, 'typo.yaml');
    writeFileSync(typo, 'name: Typo\nextends: ' + join(process.cwd(), 'scenarios/baseline.yaml') + '\ncosts:\n  inflaton: 0.02\n');
    const bad = await runCli('validate', typo, '--json');
    expect(bad.code).toBe(1);
    const [entry] = (JSON.parse(bad.stdout) as { files: Array<{ reader: string; errors: Array<{ message: string }> }> }).files;
    expect(entry!.reader).toBe('scenario');
    expect(entry!.errors.map((e) => e.message).join('\n')).toMatch(/unknown key 'costs\.inflaton' \(did you mean 'inflation'\?\)/);
  });

  it("a data folder holding a scenario validates and loads, and run's load passes over the scenario quietly", async () => {
    // the sample's published tables alone: what this checks is the scenario beside them
    const data = join(dir, 'data');
    mkdirSync(data);
    for (const f of ['sen2_age_caseload.csv', 'sen2_age_new_plans.csv']) copyFileSync(join('data-samples', f), join(data, f));
    copyFileSync('scenarios/baseline.yaml', join(data, 'my-plan.yaml'));
    const v = await runCli('validate', data, '--json');
    expect(v.code, v.stderr).toBe(0);
    const l = await runCli('load', data, '--warehouse', join(dir, 'w.duckdb'), '--json');
    expect(l.code, l.stderr).toBe(0);
    const skipped = (JSON.parse(l.stdout) as { skipped: Array<{ path: string; reason: string }> }).skipped;
    expect(skipped.find((s) => s.path.endsWith('my-plan.yaml'))?.reason).toMatch(/^a scenario, not data: skipped/);
    // run's load of the folder (the whole run of it takes seconds more and says the same): no 'Not read' of it
    const memory = await loadIntoMemory([data]);
    try {
      expect(memory.warnings.filter((w) => w.file?.endsWith('my-plan.yaml'))).toEqual([]);
      expect(memory.loaded.map((f) => f.path).sort()).toEqual(['sen2_age_caseload.csv', 'sen2_age_new_plans.csv'].map((f) => join(data, f)));
    } finally {
      memory.warehouse.close();
    }
  });

  it("a council's own YAML in the data folder (a CI workflow, a configuration) is neither a scenario nor data: validate and load pass over it, saying so", async () => {
    // it was read as a scenario: 'INVALID … unknown key 'on' (did you mean 'id'?)', exit 1, while load passed over it
    const data = join(dir, 'data-own-yaml');
    mkdirSync(data);
    copyFileSync(join('data-samples', 'sen2_age_caseload.csv'), join(data, 'sen2_age_caseload.csv'));
    writeFileSync(join(data, 'ci.yml'), 'name: CI\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
    writeFileSync(join(data, 'config.yaml'), 'la_code: 999\ncontact: finance@anyshire.gov.uk\n');
    // one scenario key is enough to be checked as a scenario, misspelt keys and all
    writeFileSync(join(data, 'plan.yaml'), 'name: Plan\nhorizon_years: 12\ncosts:\n  inflaton: 0.02\n');
    const v = await runCli('validate', data, '--json');
    const files = (JSON.parse(v.stdout) as { files: Array<{ path: string; reader: string; errors: Array<{ message: string }>; warnings: Array<{ message: string }> }> }).files;
    const own = files.filter((f) => /(ci\.yml|config\.yaml)$/.test(f.path));
    expect(own).toHaveLength(2);
    for (const f of own) {
      expect(f.errors).toEqual([]);
      expect(f.warnings.map((w) => w.message).join('\n')).toMatch(/^a YAML file that is not a scenario .* nor data: skipped/);
    }
    const plan = files.find((f) => f.path.endsWith('plan.yaml'))!;
    expect(plan.reader).toBe('scenario');
    expect(plan.errors.map((e) => e.message).join('\n')).toMatch(/inflaton/);
    expect(v.code).toBe(1);
    rmSync(join(data, 'plan.yaml'));
    expect((await runCli('validate', data)).code).toBe(0);
    const l = await runCli('load', data, '--warehouse', join(dir, 'w-own.duckdb'), '--json');
    expect(l.code, l.stderr).toBe(0);
    const skipped = (JSON.parse(l.stdout) as { skipped: Array<{ path: string; reason: string }> }).skipped;
    expect(skipped.filter((s) => /(ci\.yml|config\.yaml)$/.test(s.path)).map((s) => s.reason)).toEqual([expect.stringMatching(/^a YAML file that is not a scenario/), expect.stringMatching(/^a YAML file that is not a scenario/)]);
  });
});
