/**
 * `run --json`'s `scenario` gives the file and its `sha256` (cli.md). For a scenario that `extends:` another, the
 * hash was over the file and its parent's hash together: mitigated.yaml's JSON said 720878b8… where `sha256sum
 * scenarios/mitigated.yaml` says 2001a653…, so a reader checking the file the run names against its hash found a
 * mismatch on four of the five shipped scenarios. `sha256` is now the file's own, and the files it extends are listed
 * under `scenario.extends` with theirs (and on the Assumptions sheet), nearest first.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.ts';
import { runDocument } from '../../src/pipeline/run-json.ts';
import { scenarioYaml } from '../../src/explorer/scenario-yaml.ts';
import { scenarioDifferences } from '../../src/report/html/scenario-differences.ts';
import { assumptionsSheet } from '../../src/report/workbook/sheets/assumptions.ts';
import { buildRunReport } from '../report/fixtures/run-report.ts';
import { tempDir } from '../temp.ts';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe("a scenario's SHA-256", () => {
  it('is that of the file itself, with the files it extends listed with theirs, nearest first', async () => {
    const s = await loadScenario('scenarios/mitigated.yaml');
    expect(s.sha256).toBe(sha('scenarios/mitigated.yaml'));
    expect(s.extended).toEqual([{ file: 'scenarios/baseline.yaml', sha256: sha('scenarios/baseline.yaml') }]);
    const base = await loadScenario('scenarios/baseline.yaml');
    expect(base.sha256).toBe(sha('scenarios/baseline.yaml'));
    expect(base.extended).toBeUndefined();

    // two levels: the grandparent after the parent
    const dir = tempDir('hn-scenario-sha-');
    mkdirSync(join(dir, 'more'));
    writeFileSync(join(dir, 'a.yaml'), 'name: A\nhorizon_years: 5\n');
    writeFileSync(join(dir, 'more', 'b.yaml'), 'name: B\nextends: ../a.yaml\n');
    writeFileSync(join(dir, 'c.yaml'), 'name: C\nextends: more/b.yaml\n');
    const c = await loadScenario(join(dir, 'c.yaml'));
    expect(c.sha256).toBe(sha(join(dir, 'c.yaml')));
    expect(c.extended?.map((e) => e.sha256)).toEqual([sha(join(dir, 'more', 'b.yaml')), sha(join(dir, 'a.yaml'))]);
    expect(c.extended?.map((e) => e.file)).toEqual([join(dir, 'more', 'b.yaml'), join(dir, 'a.yaml')]);
  });

  it('run --json, the Assumptions sheet, the explorer YAML and the comparison read it so', async () => {
    const mitigated = await loadScenario('scenarios/mitigated.yaml');
    const r = buildRunReport();
    const doc = runDocument({ ...r, scenario: { ...r.scenario, sha256: mitigated.sha256, extended: mitigated.extended } }, { workbook: 'w.xlsx', charts: [], report: 'r.html' });
    expect(doc.scenario).toMatchObject({ sha256: sha('scenarios/mitigated.yaml'), extends: [{ file: 'scenarios/baseline.yaml', sha256: sha('scenarios/baseline.yaml') }] });
    expect(runDocument(r, { workbook: 'w.xlsx', charts: [], report: 'r.html' }).scenario).not.toHaveProperty('extends');

    const sheet = JSON.stringify(assumptionsSheet({ ...r, scenario: { ...r.scenario, extended: mitigated.extended } }));
    expect(sheet).toContain(`scenarios/baseline.yaml (SHA-256 ${sha('scenarios/baseline.yaml')})`);

    expect(scenarioYaml(mitigated, { id: 'm-b', name: 'M b', baseYear: 2025, header: [] })).not.toMatch(/extended|sha256/);
    const base = await loadScenario('scenarios/baseline.yaml');
    expect(scenarioDifferences(base, mitigated).join(' ')).not.toMatch(/extended/);
  });
});
