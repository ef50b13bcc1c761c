import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.ts';
import { HighneedsError } from '../../src/errors.ts';
import { withTempDir } from '../temp.ts';

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

describe('rates and money in scenario files', () => {
  const load = (yaml: string) =>
    withTempDir(async (dir) => {
      writeFileSync(join(dir, 's.yaml'), yaml);
      return loadScenario(join(dir, 's.yaml'));
    });
  const failure = (yaml: string) => load(yaml).then(() => '', (e: unknown) => (e as HighneedsError).message);

  it('reads a rate as 5% or 0.05, wherever a rate is given', async () => {
    const s = await load(
      [
        'costs: { inflation: 5% }',
        'funding: { growth: "0.025" }',
        'projection: { incidence_growth: -1.5 %, net_migration_rate: 1% }',
        'uncertainty: { inflation_sd: 0.5% }',
        'deficit: { interest_rate: 4.5% }',
        'mitigations: [{ name: m, kind: fewer_requests, effect: 10%, delivery: 80%, start_year: 2026 }]',
      ].join('\n'),
    );
    expect(s.costs.inflation).toBe(0.05);
    expect(s.funding.growth).toBe(0.025);
    expect(s.projection.incidence_growth).toBe(-0.015);
    expect(s.projection.net_migration_rate).toBe(0.01);
    expect(s.uncertainty.inflation_sd).toBe(0.005);
    expect(s.deficit.interest_rate).toBe(0.045);
    expect(s.mitigations[0]).toMatchObject({ effect: 0.1, delivery: 0.8 });
    const byKey = await load('costs: { inflation: { ISS: 4%, 2026-27: 0.02 } }');
    expect(byKey.costs.inflation).toEqual({ ISS: 0.04, '2026-27': 0.02 });
  });

  it('says in plain words what a rate may be, never "Invalid input"', async () => {
    const m = await failure('costs: { inflation: five per cent }\nfunding: { growth: 3 pc }');
    expect(m).toMatch(/at 'costs\.inflation': expected a rate such as 0\.05 or 5%.*found the text "five per cent"/);
    expect(m).toMatch(/at 'funding\.growth': expected a rate such as 0\.05 or 5%, found the text "3 pc"/);
    expect(m).not.toMatch(/Invalid|invalid input/i);
    expect(await failure('projection: { incidence_growth: 2000% }')).toMatch(/expected a value of at most 10, found the text "2000%" \(read as 20\)/);
  });

  it('reads money as an own table does: a £ sign and a minus in either order', async () => {
    const s = await load('funding: { schools_block_transfer_gbp: "£-640,000" }\nmitigations: [{ name: m, kind: fewer_requests, effect: 0.1, start_year: 2026, cost_gbp_per_year: "£100,000" }]');
    expect(s.funding.schools_block_transfer_gbp).toBe(-640000);
    expect(s.mitigations[0]!.cost_gbp_per_year).toBe(100000);
    expect(await failure('mitigations: [{ name: m, kind: fewer_requests, effect: 0.1, start_year: 2026, cost_gbp_per_year: lots }]')).toMatch(
      /expected an amount in pounds such as 640000 or £640,000, found the text "lots"/,
    );
  });
});
