import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.ts';
import { HighneedsError } from '../../src/errors.ts';

const shipped = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
const broken = readdirSync('test/fixtures/scenarios').filter((f) => f.endsWith('_broken.yaml'));

/** Message each broken fixture must produce (a fragment). */
const expected: Record<string, RegExp> = {
  'typo_broken.yaml': /unknown key 'horizon_yeras' \(did you mean 'horizon_years'\?\)/,
  'placement_broken.yaml': /at 'transition_shifts\[0\]\.to': expected one of .*found the text "SPECIAL"/,
  'type_broken.yaml': /at 'costs\.inflation': expected .*found the text "three percent"/,
  'yaml_broken.yaml': /yaml_broken\.yaml:\d+: not valid YAML/,
  'extends_broken.yaml': /'extends: no-such-scenario\.yaml' names a file that does not exist/,
};

describe('scenario files', () => {
  it('ships the scenarios cli.md lists', () => {
    for (const f of ['baseline.yaml', 'covid-surge.yaml', 'transition-surge.yaml', 'mitigated.yaml', 'capacity.yaml']) {
      expect(shipped).toContain(f);
    }
  });

  it.each(shipped)('%s validates', async (f) => {
    const s = await loadScenario(join('scenarios', f));
    expect(s.id).toBe(f.replace(/\.yaml$/, ''));
    expect(s.name.length).toBeGreaterThan(0);
    // the comparison workbook and report show it beside the scenario's name
    expect(s.description?.length ?? 0).toBeGreaterThan(40);
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(broken)('%s fails with its expected message', async (f) => {
    const err = await loadScenario(join('test/fixtures/scenarios', f)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HighneedsError);
    expect((err as HighneedsError).exitCode).toBe(1);
    expect((err as HighneedsError).message).toContain(f);
    expect((err as HighneedsError).message).toMatch(expected[f]!);
  });

  it('extends merges the parent and keeps the child id, name and description', async () => {
    const s = await loadScenario('scenarios/mitigated.yaml');
    const parent = await loadScenario('scenarios/baseline.yaml');
    expect(s.costs.inflation).toBe(0.03);
    expect(s.mitigations.length).toBeGreaterThan(0);
    expect(s.id).toBe('mitigated');
    expect(s.description).not.toBe(parent.description);
  });

  it('a scenario without a description of its own does not take its parent’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hn-scn-'));
    try {
      writeFileSync(join(dir, 'child.yaml'), `extends: ${JSON.stringify(join(process.cwd(), 'scenarios/baseline.yaml'))}\nid: child\n`);
      const s = await loadScenario(join(dir, 'child.yaml'));
      expect(s.description).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
