/**
 * A later release's percentage column this version does not know ('sen_support_pc' in caseload.csv,
 * 'request_mediation_pc' in requests.csv): still checked as a percentage on every row and never read, and now listed
 * once as not read, as other unknown columns are; before it passed with no word. The layout's own percentage columns
 * (and the share of a column the reader knows, 'nm_early_years_pc') say nothing. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';

function files(pc: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'caseload.csv'), `${LEAD},ehcplans,nm_early_years,mainstream_la_maintained,nm_early_years_pc,mainstream_total_pc,sen_support_pc\r\n` +
    `202425,Academic year,${LINCS},All EHC plans,All EHC plans,1000,100,900,10.0,90.0,${pc}\r\n`);
  writeFileSync(join(dir, 'requests.csv'), `${LEAD},requests_received_in_year,request_assess_pc,request_mediation_pc\r\n` +
    `2024,Calendar year,${LINCS},All requests for EHC needs assessments,All requests for EHC needs assessments,300,80.0,${pc}\r\n`);
  return dir;
}

describe('a percentage column this version does not know', () => {
  it('is listed once as not read; the layout’s own say nothing', async () => {
    const { files: out } = await validatePaths([files('12.5')], { today: TODAY, setBased: false });
    const by = (name: string) => out.find((f) => f.path.endsWith(name))!;
    expect(by('caseload.csv').errors).toEqual([]);
    expect(by('caseload.csv').warnings.map((w) => w.message)).toEqual([
      "percentage column 'sen_support_pc' is not one this version knows: each cell is checked as a percentage (0 to 100) but not read, and no figure of the model comes from it",
    ]);
    expect(by('requests.csv').errors).toEqual([]);
    expect(by('requests.csv').warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^percentage column 'request_mediation_pc' is not one this version knows/)]);
  });

  it('is still checked as a percentage', async () => {
    const { files: out } = await validatePaths([files('140')], { today: TODAY, setBased: false });
    for (const f of out) expect(f.errors.map((e) => e.column), f.path).toEqual([expect.stringMatching(/^(sen_support_pc|request_mediation_pc)$/)]);
  });
});
