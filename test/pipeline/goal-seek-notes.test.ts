/**
 * goal-seek said the budget's notes and the own tables' (75ea55f), but none of run's notes on the forecast and the
 * model (the trend pooled towards England's, a small LA's pooled ages and mixes, a new-plan factor far from 1), so an
 * effect sought on City of London's borrowed ages (real 2022 release, the sample's money tables) came with 6 of run's
 * 13 notes missing, the model's four among them; and when no effect met the target it said none at all. It now says
 * what run says of the same data and scenario, in run's order (run-warnings.ts), and the same notes before the error
 * when it finds no answer; its JSON keeps its fields.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealData, realData } from '../etl/helpers.ts';
import { copySampleTables, runCli, sampleTables } from '../cli/helpers.ts';
import { realRowsOf } from '../model/real-files.ts';
import { withTempDir } from '../temp.ts';

/** The notes run lists on stderr ('  - …'), and how many it left to '… and N more'. */
function runNotes(stderr: string): { listed: string[]; more: number } {
  const lines = stderr.split('\n');
  const more = Number(/… and (\d+) more/.exec(stderr)?.[1] ?? 0);
  return { listed: lines.filter((l) => l.startsWith('  - ')).map((l) => l.slice(4)), more };
}
const goalNotes = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('warning: ')).map((l) => l.slice(9));
/** A note without its money figures: the budget of the scenario goal-seek writes is not the baseline's. */
const unpriced = (notes: readonly string[]): string[] => notes.map((n) => n.replace(/-?£[\d,]+/g, '£…'));

/** run's and goal-seek's notes on `data`; with `unmet`, also goal-seek's when no effect meets its target. */
async function compare(data: string, la: string[], unmet: boolean): Promise<{ run: string[]; goal: string[]; failed: string[] }> {
  return withTempDir(async (d) => {
    const run = await runCli('run', 'baseline', '--data', data, ...la, '--draws', '0', '--out', join(d, 'out'));
    expect(run.code, run.stderr).toBe(0);
    const { listed, more } = runNotes(run.stderr);
    const goal = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', data, ...la, '--lever', 'new_plans', '--target', 'in-year-balance=-20000000@2028-29', '--draws', '0', '--out', join(d, 'g.yaml'), '--json');
    let failed: string[] = [];
    if (unmet) {
      const r = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', data, ...la, '--lever', 'new_plans', '--target', 'in-year-balance=900000000@2028-29', '--draws', '0', '--out', join(d, 'g2.yaml'));
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/No effect of 'new_plans' from 0 to 1 meets/);
      // the notes come before the error
      expect(r.stderr.indexOf('warning: ')).toBeLessThan(r.stderr.indexOf("No effect of 'new_plans'"));
      failed = goalNotes(r.stderr);
    }
    // City of London's money is the sample's: no effect meets the sample's target, and the notes come with the error
    const goalSaid = goalNotes(goal.stderr);
    if (goal.code === 0) expect(Object.keys(JSON.parse(goal.stdout))).toEqual(['lever', 'effect', 'target', 'achieved_gbp', 'scenario_file', 'probability_met', 'draws', 'range_gbp', 'plans_avoided']);
    expect(goalSaid.length).toBe(listed.length + more);
    return { run: listed, goal: goalSaid, failed };
  });
}

describe("goal-seek says run's notes", () => {
  it("on the sample's tables: the forecast's note on England's series too, in run's order; and when no effect meets the target", async () => {
    // the tables unedited: the test process's shared copy, loaded once (helpers.ts sampleTables)
    const { run, goal, failed } = await compare(sampleTables(), [], true);
    // run lists its first notes and '… and N more' (the sample's outturn is of 2025-26, not the run's 2022-23: a ninth)
    expect(unpriced(goal.slice(0, run.length))).toEqual(unpriced(run));
    // before: the forecast's note was not said, and nothing at all when no effect met the target
    expect(goal).toContainEqual(expect.stringMatching(/^The data hold no England or regional series: Anyshire's trend is pooled/));
    expect(unpriced(failed)).toEqual(unpriced(goal));
  }, 120_000);

  it('with draws, the notes on ranges are the ones run gives with draws (goal-seek gave the wording of a run without a range)', async () => {
    await withTempDir(async (d) => {
      const data = sampleTables();
      const run = await runCli('run', 'baseline', '--data', data, '--draws', '20', '--out', join(d, 'out'));
      expect(run.code, run.stderr).toBe(0);
      const goal = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', data, '--lever', 'new_plans', '--target', 'in-year-balance=-20000000@2028-29', '--draws', '20', '--out', join(d, 'g.yaml'));
      const ranges = (notes: readonly string[]) => notes.filter((n) => /^Forecasts for January|80% range/.test(n));
      const runSaid = ranges(runNotes(run.stderr).listed);
      // before: 'Forecasts for January 2029–2035: no past forecast in the files was scored that far ahead …' (the words
      // of a run with --draws 0), where run said 'the ranges were calibrated on past forecasts scored at most 3 years ahead'
      expect(runSaid.some((n) => /the ranges were calibrated/.test(n))).toBe(true);
      expect(ranges(goalNotes(goal.stderr))).toEqual(runSaid);
    });
  }, 120_000);

  it.skipIf(!hasRealData)("City of London on the real 2022 release: the model's notes (pooled ages, new-plan factor) too (needs the real files)", async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      // the sample's money tables, and the real release's files over its published tables, with England's, the
      // regions' (London's, which City of London's ages and mixes are pooled with), City of London's and Camden's
      // rows: two LAs, so that the money tables naming no LA are said to be used as City of London's. The whole
      // release (156 LAs) gave the same notes but worked out every LA's past forecasts, about 4 s of CPU.
      copySampleTables(data);
      const release = join(realData, 'ees-ehcp-2022', 'data');
      realRowsOf(readdirSync(release).map((f) => join(release, f)), ['201', '202'], data);
      const { run, goal } = await compare(data, ['--la', '201'], false);
      expect(unpriced(goal.slice(0, run.length))).toEqual(unpriced(run));
      expect(goal).toContainEqual(expect.stringMatching(/^New-plan factor far from 1 for City of London/));
      expect(goal).toContainEqual(expect.stringMatching(/^Few new plans by age for City of London/));
    });
  }, 180_000);
});
