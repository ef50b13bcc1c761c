/**
 * A later release that revises an LA's January stock an earlier release gives: `run` takes the newer figure, as
 * forecast does (a849d3a), and says so for its LA on stderr and in the workbook's Data quality sheet, in forecast's
 * words (messages/releases.ts releaseRevisions); `backtest` (--data and --ees) and `goal-seek` warn of it on stderr in the
 * same words.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { copySampleTables, runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

/** A 2025-layout caseload.csv that revises Anyshire's January 2022 stock (2,164 in the 2022 release) to 2,170. */
function writeRevision(dir: string): string {
  const lead25 = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
  const file = join(dir, 'caseload.csv');
  writeFileSync(file, `${lead25}\r\n202122,Academic year,Local authority,E92000001,England,E12000009,South West,E99999999,999,Anyshire,All EHC plans,All EHC plans,2170\r\n`);
  return file;
}

const said = /1 figure\(s\) of EHC plans at census differ between releases \(a later release revises them\): Anyshire 2022: ees-2025 gives 2170, ees-2022 gives 2164\. The newer release's figure is used/;

describe('run on two releases that give one January differently', () => {
  it("takes the newer release's figure and warns, naming the LA, the year and both figures", async () => {
    const dir = tempDir('hn-revision-');
    expect((await runCli('init', join(dir, 'la'))).code).toBe(0);
    const data = join(dir, 'la', 'data');
    // the 2022 release gives Anyshire 2,164 plans at January 2022; a 2025-layout release revises it to 2,170
    copyFileSync(join('data-samples', 'sen2_age_caseload.csv'), join(data, 'sen2_age_caseload.csv'));
    writeRevision(data);
    const out = join(dir, 'out');
    const r = await runCli('run', join(dir, 'la', 'scenarios', 'baseline.yaml'), '--data', data, '--la', '999', '--demand-only', '--draws', '0', '--json', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(said);
    const doc = JSON.parse(r.stdout) as { ehcp_total: Record<string, { p50: number }>; outputs: { workbook: string } };
    expect(doc.ehcp_total['2022']!.p50).toBe(2170);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(doc.outputs.workbook);
    const cells: string[] = [];
    wb.getWorksheet('Data quality')!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells.join('\n')).toMatch(said);
  });
});

describe('backtest and goal-seek on two releases that give one January differently', () => {
  // both took the newer figure with the note only in the LA's data (backtest --ees not even there), and said nothing
  it('backtest --data and --ees warn on stderr as run does, the JSON on stdout unchanged', async () => {
    const dir = tempDir('hn-revision-');
    copyFileSync(join('data-samples', 'sen2_age_caseload.csv'), join(dir, 'sen2_age_caseload.csv'));
    const revision = writeRevision(dir);
    const fromData = await runCli('backtest', '--data', dir, '--la', '999', '--json');
    expect(fromData.code, fromData.stderr).toBe(0);
    expect(fromData.stderr).toMatch(said);
    expect(Object.keys(JSON.parse(fromData.stdout) as object)).toEqual(['origins', 'horizons', 'n_series', 'left_out']);
    const fromEes = await runCli('backtest', '--ees', join(dir, 'sen2_age_caseload.csv'), revision, '--la', '999');
    expect(fromEes.code, fromEes.stderr).toBe(0);
    expect(fromEes.stderr).toMatch(said);
    // --quiet prints no warning, only the scores (test/cli/quiet.test.ts)
    const quiet = (await runCli('backtest', '--data', dir, '--la', '999', '--quiet')).stderr;
    expect(quiet).not.toMatch(said);
    expect(quiet).not.toMatch(/warning/);
  });

  it('goal-seek warns on stderr as run does, the JSON on stdout unchanged', async () => {
    const dir = tempDir('hn-revision-');
    const data = join(dir, 'data');
    copySampleTables(data);
    writeRevision(data);
    // the sample's published tables and money tables (no returns: the tables are the demand the revision is in); a
    // target they reach, on the deterministic path
    const r = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', data, '--lever', 'new_plans', '--target', 'in-year-balance=-20000000@2028-29', '--draws', '0', '--out', join(dir, 'goal.yaml'), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(said);
    expect(Object.keys(JSON.parse(r.stdout) as object)).not.toContain('warnings');
  });
});
