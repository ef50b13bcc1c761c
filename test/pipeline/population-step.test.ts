/**
 * A population with half or twice the people of the years either side: an ONS table of one sex read as persons
 * (persons read as males), or males, females and persons all counted. The sample's mid-2021 estimate halved ran with
 * exit 0 and no word (new plans per head doubled), and an LA of faster growth went on to the 20% stop, which blamed
 * growth compounded over the horizon. `run` and `goal-seek` now stop before projecting where an LA's people aged 0–25
 * step by more than ×0.75–×1.33 a year, naming both years and their files and the likely causes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POPULATION_STEP_MAX, populationStepProblem } from '../../src/pipeline/plausible.ts';
import { copySampleTables, runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

/** The sample's tables (not its SEN2 returns) with `file`'s figures (ages and all ages) multiplied by `k`. */
function sampleWith(file: string, k: number): string {
  const dir = tempDir('hn-popstep-');
  copySampleTables(dir);
  const path = join(dir, file);
  const [head, ...rows] = readFileSync(path, 'utf8').split('\n');
  // an ONS estimate: every count after code, name and geography; a projection: its year columns (after AGE_GROUP)
  const scaled = file.startsWith('snpp')
    ? rows.map((r) => r.split(',').map((c, i) => (i >= 5 && c !== '' ? (k * Number(c)).toFixed(3) : c)).join(','))
    : rows.map((r) => r.replace(/"([\d,]+)"|(?<=,)(\d+)(?=,|$)/g, (_m, q?: string, d?: string) => `"${Math.round(k * Number((q ?? d)!.replace(/,/g, ''))).toLocaleString('en-GB')}"`));
  writeFileSync(path, [head, ...scaled].join('\n'));
  return dir;
}

describe('a population that steps by half or twice in a year', () => {
  it('populationStepProblem: the first two years whose people aged 0–25 step beyond ×0.75–×1.33 a year', () => {
    expect(POPULATION_STEP_MAX).toBeCloseTo(4 / 3, 12);
    // every English LA from mid-2019 to mid-2020: ×0.976–×1.036, City of London ×1.185
    expect(populationStepProblem({ 2020: 2300, 2021: 2300 * 1.185, 2022: 2300 * 1.185 * 0.976 })).toBeUndefined();
    expect(populationStepProblem({ 2020: 480_000, 2021: 481_000, 2022: 240_500 })).toEqual({ from: 2021, to: 2022, before: 481_000, after: 240_500, ratio: 0.5 });
    expect(populationStepProblem({ 2021: 100, 2022: 200 })).toMatchObject({ from: 2021, to: 2022, ratio: 2 });
    // a gap of two years allows the step twice over
    expect(populationStepProblem({ 2020: 100, 2022: 170 })).toBeUndefined();
    expect(populationStepProblem({ 2020: 100, 2022: 180 })).toBeDefined();
    expect(populationStepProblem({ 2022: 100 })).toBeUndefined();
  });

  it('run and goal-seek: mid-2021 halved stops naming both years, their files and the causes, not growth; doubled too', async () => {
    const out = join(tempDir('hn-popstep-out-'), 'out');
    const half = await runCli('run', '--data', sampleWith('ons_mye_2021.csv', 0.5), '--demand-only', '--draws', '0', '--quiet', '--out', out);
    expect(half.code, half.stderr).toBe(1);
    expect(half.stderr).toMatch(
      /Anyshire \(999\): its people aged 0 to 25 go from [\d,]+ at mid-2020 \(ons_mye_2020\.csv\) to [\d,]+ at mid-2021 \(ons_mye_2021\.csv\), ×0\.50 in a year\. .*a table of one sex read as persons/,
    );
    expect(half.stderr).not.toMatch(/growth compounded/);
    expect(existsSync(out)).toBe(false);
    const twice = await runCli('run', '--data', sampleWith('snpp_2022based_E99999999.csv', 2), '--demand-only', '--draws', '0', '--quiet', '--out', out);
    expect(twice.code, twice.stderr).toBe(1);
    expect(twice.stderr).toMatch(/at mid-2021 \(ons_mye_2021\.csv\) to [\d,]+ at mid-2022 \(snpp_2022based_E99999999\.csv\), ×2\.00 in a year\. .*males, females and persons all counted/);
    const goal = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', sampleWith('ons_mye_2021.csv', 0.5), '--lever', 'new_plans', '--target', 'in-year-balance=0@2030-31', '--draws', '0', '--out', join(tempDir('hn-popstep-goal-'), 'g.yaml'));
    expect(goal.code, goal.stderr).toBe(1);
    expect(goal.stderr).toMatch(/×0\.50 in a year/);
  });
});
