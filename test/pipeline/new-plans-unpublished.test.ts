/**
 * A year's new plans published as a marker (`c`, suppressed): Kent's 2021 new-plans total as `c` in the 2025 layout's
 * newplans.csv ran with the note "No new plans for Kent in flow year 2021 in the data … The release's new-plans table
 * (newplans.csv …) would replace them", though that table was loaded, and its forecast moved from 25,987 to 25,553
 * plans in January 2025 with no other word. The note now says the figure is not published in that file at that line,
 * and what the run used instead: new plans that the forecast total needs, and rates of plans ending and of requests
 * becoming plans from the LA's other years and England's.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealData, realData } from '../etl/helpers.ts';
import { runCli } from '../cli/helpers.ts';
import { realRowsOf } from '../model/real-files.ts';
import { tempDir } from '../temp.ts';

const scenario = 'id: t\nname: T\nbase_year: 2022\nhorizon_years: 3\n';

/** The sample's caseload and new plans, its new plans of 2021 by age left out and their total as `total`. */
function sample(total: string | undefined): string {
  const dir = tempDir('hn-np-unpub-');
  copyFileSync(join('data-samples', 'sen2_age_caseload.csv'), join(dir, 'sen2_age_caseload.csv'));
  const [head, ...rows] = readFileSync(join('data-samples', 'sen2_age_new_plans.csv'), 'utf8').trim().split('\n');
  const kept = rows.flatMap((r) => {
    const c = r.split(',');
    if (c[0] !== '2021') return [r];
    if (c[10] !== 'Total' || total === undefined) return [];
    c[13] = c[15] = total;
    return [c.join(',')];
  });
  writeFileSync(join(dir, 'sen2_age_new_plans.csv'), [head, ...kept].join('\n') + '\n');
  writeFileSync(join(dir, 's.yaml'), scenario);
  return dir;
}

const run = (dir: string, ...more: string[]) =>
  runCli('run', join(dir, 's.yaml'), '--data', dir, ...more, '--demand-only', '--draws', '0', '--out', join(tempDir('hn-np-unpub-out-'), 'out'));

describe('new plans of a year published as a marker', () => {
  it('the note names the file and line and says what the run used; a year with no row at all keeps its note', async () => {
    const c = await run(sample('c'));
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toMatch(
      /No new plans for Anyshire in flow year 2021: the figure is not published \(\w+\) in \S*sen2_age_new_plans\.csv \(line 2\)\. Instead, each year's new plans are what the forecast total needs .* spread over ages like England's new plans of 2021\./,
    );
    // what the forecast total did without it, in its own note (as forecast says it)
    expect(c.stderr).toMatch(
      /Anyshire: new plans of 2021 not published \(\w+\) in \S*sen2_age_new_plans\.csv \(line 2\)\. The forecast of total plans reads an LA's new plans for the share of its plans that end each year and of its requests that become plans: Anyshire's come from England's alone/,
    );
    expect(c.stderr).not.toMatch(/would replace them/);
    const none = await run(sample(undefined));
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toMatch(/No new plans for Anyshire in flow year 2021 in the data: each year's new plans are what the forecast total needs/);
    expect(none.stderr).not.toMatch(/not published/);
  });

  it('forecast says so too, with the file and line, where before its figures moved without a word', async () => {
    const dir = sample('c');
    const files = [join(dir, 'sen2_age_caseload.csv'), join(dir, 'sen2_age_new_plans.csv')];
    const f = await runCli('forecast', '--ees', ...files, '--la', '999', '--base-year', '2022', '--draws', '0', '--json', '--out', join(tempDir('hn-np-unpub-f-'), 'f.csv'));
    expect(f.code, f.stderr).toBe(0);
    const notes = (JSON.parse(f.stdout) as { notes: string[] }).notes;
    const said = notes.filter((n) => n.startsWith('Anyshire: new plans of 2021 not published'));
    expect(said, notes.join('\n')).toHaveLength(1);
    expect(said[0]).toContain(`(suppressed) in ${files[1]} (line 2).`);
    expect(said[0]).toContain("Anyshire's come from England's alone (2021 is the latest year a forecast from January 2022 reads)");
  });

  it.skipIf(!hasRealData)('Kent, 2021 new plans as c in the 2025 layout’s newplans.csv (needs the real files, test/real-data.ts)', async () => {
    const dir = tempDir('hn-np-unpub-real-');
    // England's, the regions' and Kent's rows of the release (realRowsOf): the run of every LA's files worked out
    // every LA's past forecasts, which the note does not depend on
    const src = join(realData, 'ees-ehcp-2025-to-2022', 'data');
    const [, , newplans] = realRowsOf(['caseload.csv', 'requests.csv', 'newplans.csv'].map((f) => join(src, f)), ['886'], dir);
    const lines = readFileSync(newplans!, 'utf8').split('\n');
    const at = lines.findIndex((l) => /^2021,.*,886,Kent,New EHC plans,New EHC plans,\d+,/.test(l));
    expect(at).toBeGreaterThan(0);
    const c = lines[at]!.split(',');
    c[12] = 'c';
    lines[at] = c.join(',');
    writeFileSync(newplans!, lines.join('\n'));
    writeFileSync(join(dir, 's.yaml'), scenario);
    const r = await run(dir, '--la', '886');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`No new plans for Kent in flow year 2021: the figure is not published (suppressed) in ${join(dir, 'newplans.csv')} (line ${at + 1}).`);
    const f = await runCli('forecast', '--ees', join(dir, 'caseload.csv'), join(dir, 'requests.csv'), join(dir, 'newplans.csv'), '--la', '886', '--base-year', '2022', '--draws', '0', '--json', '--out', join(tempDir('hn-np-unpub-f-'), 'f.csv'));
    expect(f.code, f.stderr).toBe(0);
    expect((JSON.parse(f.stdout) as { notes: string[] }).notes).toContainEqual(expect.stringMatching(new RegExp(`^Kent: new plans of 2021 not published \\(suppressed\\) in .*newplans\\.csv \\(line ${at + 1}\\)\\.`)));
  });
});
