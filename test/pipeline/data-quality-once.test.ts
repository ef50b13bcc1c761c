/**
 * A run's Data quality sheet and report list each warning of the files loaded once: every warning of a file read is
 * also stored in the load's warehouse (dq_note), and the run had taken both, so the 2025 release's warnings were
 * listed twice in every report and workbook.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

describe('the warnings of the files a run loads', () => {
  it('are each listed once in the Data quality sheet and the report, and counted once', async () => {
    const dir = tempDir('hn-dq-once-');
    expect((await runCli('init', join(dir, 'la'))).code).toBe(0);
    const data = join(dir, 'la', 'data');
    for (const f of ['sen2_age_caseload.csv', 'sen2_age_new_plans.csv']) copyFileSync(join('data-samples', f), join(data, f));
    // another LA's row whose placement leaves exceed its total: one warning, on line 2 of newplans.csv
    const lead = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
    writeFileSync(
      join(data, 'newplans.csv'),
      `${lead},new_ehc_plans,mainstream_la_maintained,special_la_maintained\n2021,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,E06000057,929,Northumberland,New EHC plans,New EHC plans,100,90,20\n`,
    );
    // and a file no reader knows: its warning is the load's own (not stored with the files read)
    writeFileSync(join(data, 'mystery.csv'), 'a,b\n1,2\n');
    const out = join(dir, 'out');
    const r = await runCli('run', join(dir, 'la', 'scenarios', 'baseline.yaml'), '--data', data, '--la', '999', '--demand-only', '--draws', '0', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'highneeds-baseline.xlsx'));
    const rows: string[] = [];
    wb.getWorksheet('Data quality')!.eachRow((row) => void rows.push(row.values.toString()));
    const leaves = rows.filter((t) => t.includes("placement columns sum to 110 but 'new_ehc_plans' is 100"));
    expect(leaves).toHaveLength(1);
    expect(rows.filter((t) => t.includes('mystery.csv') && !t.includes('SHA'))).toHaveLength(1);
    const html = readFileSync(join(out, 'recovery-plan-baseline.html'), 'utf8');
    expect(html.split('placement columns sum to 110').length - 1).toBe(1);
    expect(html.split('mystery.csv').length - 1).toBe(1);
    // the caveat counts the warnings it lists
    const listed = (html.match(/<li>Warning: /g) ?? []).length;
    expect(html).toContain(`${listed} data warning${listed === 1 ? ' was' : 's were'} raised`);
  });
});
