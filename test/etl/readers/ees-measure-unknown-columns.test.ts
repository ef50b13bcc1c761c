/**
 * A later release's flow files (requests, assessments, timeliness, ceased plans, phase transfers) with a column this
 * tool does not know: a warning naming it, as for the caseload, never a refusal of the file. Its known columns are
 * still checked as numbers. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../../src/etl/ees-datasets.ts';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';
const ROW = `2024,Calendar year,${LINCS}`;

/** One flow file of each reader, each with an unknown text column and an unknown number column. */
const FILES: Record<string, [string, string]> = {
  'requests.csv': ['requests_received_in_year,request_assess_pc', 'All requests for EHC needs assessments,All requests for EHC needs assessments,300,80.0'],
  'assessments.csv': ['assess_in_year,assess_issued,number_asssess_mediation_tribunal', 'All EHC needs assessments,All EHC needs assessments,250,200,x'],
  'timeliness_20_week.csv': ['plans_issued_den,plans_issued_within_20_weeks,PC_plans_issued_20_weeks_ex', 'All EHC plans issued,All EHC plans issued,200,100,z'],
  'ceased_plans.csv': ['total_ceased,max_age,other', 'All ceased EHC plans,All ceased EHC plans,90,40,50'],
  'phase_transfers.csv': ['phase_transfers_due,phase_transfers_by_deadline', 'All phase transfers,All phase transfers,120,100'],
};

function release(value = 'revised in March 2026, see note 3'): string {
  const dir = tempDir();
  for (const [name, [cols, row]] of Object.entries(FILES)) {
    writeFileSync(join(dir, name), `\ufeff${LEAD},${cols},release_note,extra_count\r\n${ROW},${row},"${value}",7\r\n`);
  }
  return dir;
}

describe('a flow file with a column the tool does not know', () => {
  it('is read with a warning naming the column, its figures loaded', async () => {
    const r = await datasetsFromEesFiles([release()], { today: TODAY });
    const lincs = r.datasets.find((d) => d.la.oldCode === '925')!;
    expect(lincs.requests[2024]).toBe(300);
    expect(lincs.assessIssued[2024]).toBe(200);
    expect(lincs.ceased.filter((c) => c.year === 2024).map((c) => c.count).sort()).toEqual([40, 50]);
    for (const name of Object.keys(FILES)) {
      expect(r.notes.some((n) => n.includes(name) && /unknown column 'release_note' is ignored/.test(n)), name).toBe(true);
    }
  });

  it('validate says ok for every file, warning of the column', async () => {
    const { files: results } = await validatePaths([release()], { today: TODAY });
    for (const f of results) {
      expect(f.errors, f.path).toEqual([]);
      expect(f.warnings.map((w) => w.message), f.path).toEqual(expect.arrayContaining([expect.stringMatching(/unknown column 'release_note'/)]));
    }
  });

  it('still refuses a known column that is not a number', async () => {
    const dir = release();
    writeFileSync(join(dir, 'requests.csv'), `${LEAD},requests_received_in_year,request_assess_pc\r\n${ROW},All requests for EHC needs assessments,All requests for EHC needs assessments,300,eighty\r\n`);
    await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
      problems: [{ file: expect.stringContaining('requests.csv'), column: 'request_assess_pc' }],
    });
  });
});
