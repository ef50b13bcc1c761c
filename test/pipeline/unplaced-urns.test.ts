/**
 * Plans at a school whose URN/UKPRN the establishment table does not hold have an unknown setting: they were counted as
 * placement not recorded (NONE), which the budget costs at £0, with a note on the Data quality sheet only. The sample
 * without its establishments.csv ran with exit 0 and the usual single note on stderr, 2,725 of its 3,007 plans at £0,
 * and a 2028-29 deficit of £104.5m became a surplus of £136.6m. Now such plans are named on stderr, and more than
 * UNPLACED_MAX of the base year's plans stop the run before anything is written.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNPLACED_MAX } from '../../src/pipeline/gates.ts';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

function sampleCopy(dir: string): string {
  const data = join(dir, 'data');
  cpSync('data-samples', data, { recursive: true });
  return data;
}

/** The folder withoutCrossroads made for this file (removed with it, after the file's tests). */
let crossroads: string | undefined;

/**
 * A copy of the whole sample whose establishment table lacks Crossroads Academy (9990082; 4, 5 and 6 of the returns'
 * plans at census 2023–2025), made once for the two tests that run on it: the returns' 13 MB read afresh for each
 * copy was most of their time, and the second run reads the first's saved load (runCli gives the folder a load cache
 * of its own).
 */
function withoutCrossroads(): string {
  if (crossroads !== undefined && existsSync(crossroads)) return crossroads;
  const data = sampleCopy(tempDir('hn-unplaced-few-'));
  const table = join(data, 'establishments.csv');
  writeFileSync(table, readFileSync(table, 'utf8').split('\n').filter((l) => !l.startsWith('9990082,')).join('\n'));
  return (crossroads = data);
}

describe('SEN2 plans at schools the establishment table does not hold', () => {
  it('a few: the run says how many, at which URN, and that they cost £0, on stderr', async () => {
    const data = withoutCrossroads();
    const r = await runCli('run', '--data', data, '--demand-only', '--draws', '0', '--out', join(tempDir('hn-unplaced-few-'), 'out'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      "SEN2 placements: 6 of LA 999's 3,007 plans at census 2025 (0.2%) are at a school whose URN/UKPRN the establishment table does not hold (9990082): their setting is unknown",
    );
    expect(r.stderr).toContain('which the budget costs at £0');
  });

  it('written for publication with small counts suppressed, the notes name no school (stderr still does)', async () => {
    const data = withoutCrossroads();
    const out = join(tempDir('hn-unplaced-suppress-'), 'out');
    const r = await runCli('run', '--data', data, '--demand-only', '--draws', '0', '--csv', '--suppress-small-counts', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("SEN2 placements: 4 of LA 999's 2,413 plans at census 2023 (0.2%) are at a school whose URN/UKPRN the establishment table does not hold (9990082)");
    const notes = readFileSync(join(out, 'csv', 'data_quality_notes.csv'), 'utf8');
    // nor the count of its plans, a small one (4 plans; suppressedText)
    expect(notes).toContain("SEN2 placements: fewer than 5 of LA 999's 2,413 plans at census 2023 are at a school whose URN/UKPRN the establishment table does not hold: their setting is unknown");
    expect(notes).not.toContain('9990082');
    expect(readFileSync(join(out, 'recovery-plan-baseline.html'), 'utf8')).not.toContain('9990082');
  });

  it('more than UNPLACED_MAX of the base year: exit 1 naming the LA, the year, the share and the URNs; nothing written', async () => {
    expect(UNPLACED_MAX).toBe(0.1);
    const dir = tempDir('hn-unplaced-many-');
    const data = sampleCopy(dir);
    rmSync(join(data, 'establishments.csv'));
    const r = await runCli('run', '--data', data, '--draws', '0', '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/Anyshire \(999\): 2,725 of the 3,007 plans at census 2025, the year the run starts from \(91%, more than 10%\), are at schools whose URN\/UKPRN the establishment table does not hold \(19990001, /);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    // without money the plans are counted all the same: the run goes on, saying where they are
    const d = await runCli('run', '--data', data, '--demand-only', '--draws', '0', '--out', join(dir, 'out-demand'));
    expect(d.code, d.stderr).toBe(0);
    expect(d.stderr).toContain("SEN2 placements: 2,725 of LA 999's 3,007 plans at census 2025 (91%)");
    const g = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', data, '--lever', 'new_plans', '--target', 'in-year-balance=0@2028-29', '--out', join(dir, 'goal.yaml'));
    expect(g.code, g.stderr).toBe(1);
    expect(g.stderr).toContain('2,725 of the 3,007 plans at census 2025');
    expect(existsSync(join(dir, 'goal.yaml'))).toBe(false);
  });
});
