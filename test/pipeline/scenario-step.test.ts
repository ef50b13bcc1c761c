/**
 * A scenario whose levers make a step the run's gate refuses (beyond ×0.7–×1.5 a year): the message blamed the data
 * ("a broken input series … correct or remove that year's file … report this as a bug") when the forecast the
 * scenario starts from moved by ×1.12 and the scenario's `population.growth: 5` (500% a year, meant as 5%) made the
 * ×1.70. The gate now names the scenario file and its levers when the forecast does not make the step itself.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cubeTotal } from '../../src/model/cube.ts';
import { checkProjection } from '../../src/pipeline/gates.ts';
import type { ProjectionResult } from '../../src/model/result.ts';
import { fixtureInitial } from '../model/fixtures.ts';
import { runCli, sampleTables } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

function gate(step: number, forecastStep: number) {
  const c0 = fixtureInitial();
  const base = cubeTotal(c0);
  const projection = { central: [c0, c0.map((v) => v * step)], years: [2025, 2026], totalQuantiles: [] } as unknown as ProjectionResult;
  return () =>
    checkProjection({
      la: 'Anyshire (999)',
      baseYear: 2025,
      projection,
      published: {},
      files: ['caseload.csv'],
      forecastCentral: [base * forecastStep],
      scenarioFile: 'scenarios/big.yaml',
    });
}

describe('a step made by the scenario, not by the data', () => {
  it('names the scenario file and its levers when the forecast does not make the step', () => {
    expect(gate(1.7, 1.12)).toThrow(/Anyshire \(999\): with the levers of scenarios\/big\.yaml, the projection for January 2026 is .* \(a step of ×1\.70, outside ×0\.7–×1\.5\), where the forecast the scenario starts from moves by ×1\.12/);
    expect(gate(1.7, 1.12)).not.toThrow(/broken input series/);
    expect(gate(0.5, 1.0)).toThrow(/with the levers of scenarios\/big\.yaml.*×0\.50.*moves by ×1\.00/);
  });

  it('blames the input series when the forecast itself makes the step', () => {
    expect(gate(1.7, 1.7)).toThrow(/Anyshire \(999\): the projection for January 2026 is .*broken input series/);
  });

  it('passes a step within ×0.7–×1.5', () => {
    expect(gate(1.12, 1.12)).not.toThrow();
  });

  it('run: population growth 5 (meant as 5%) is refused naming the scenario, and nothing is written', async () => {
    const dir = tempDir('hn-scenario-step-');
    const file = join(dir, 'big.yaml');
    writeFileSync(file, 'id: big\nname: Big\npopulation:\n  growth: 5\n');
    const r = await runCli('run', file, '--data', sampleTables(), '--demand-only', '--draws', '0', '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`with the levers of ${file}, the projection for January`);
    expect(r.stderr).toContain('not 5.');
    expect(r.stderr).not.toMatch(/broken input series/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
