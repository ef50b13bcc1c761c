/**
 * A flow table the model reads (requests, assessments, timeliness, ceased plans) whose identifying column a later
 * release renames was taken for a table the model does not use and skipped with exit 0: a synthetic later release
 * with `requests_received_in_year` renamed `requests_received` ran Kent with no requests and no word on stderr
 * (29,272 plans in January 2027 against 29,234 with them; 67,623 against 67,284 by 2036), its requests.csv called 'a
 * published EHC plans table the model does not use'. A file with two or more of such a table's own columns is that
 * table gone wrong, refused naming the table and the column it lacks, as a renamed `ehcplans` is. The unused tables
 * of a full release (annual reviews, personal budgets, residential and work-based placements) share none of them.
 * Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { tempDir, TODAY } from './helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const KENT = '2024,Calendar year,Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent';

function folder(name: string, header: string, topic: string, figures: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'caseload.csv'), `${LEAD},ehcplans\r\n202425,Academic year,Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent,All EHC plans,All EHC plans,24270\r\n`);
  writeFileSync(join(dir, name), `${LEAD},${header}\r\n${KENT},${topic},${topic},${figures}\r\n`);
  return dir;
}

const CASES: Array<[string, string, string, string, RegExp]> = [
  ['requests.csv', 'requests_received,requests_rya,requests_decided_to_assess,requests_decided_not_to_assess', 'All requests for EHC needs assessments', '5000,10,3500,1500', /ees-2025-requests.*'requests_received_in_year'/],
  ['timeliness_20_week.csv', 'plans_issued_den,plans_issued_den_ex,plans_issued_in_20_weeks,plans_issued_20_weeks_ex', 'All EHC plans issued', '3800,3600,1900,1850', /ees-2025-timeliness.*'plans_issued_within_20_weeks'/],
  ['ceased_plans.csv', 'ceased_total,transfer,moved_outside_eng,needs_met', 'All ceased EHC plans', '900,100,50,300', /ees-2025-ceased.*'total_ceased'/],
  ['assessments.csv', 'assess_in_year_x,assess_issued_total,assess_not_issued,assess_not_made,assess_withdrawn', 'All EHC needs assessments', '4000,3800,150,30,20', /ees-2025-assessments.*'assess_issued'/],
];

describe('a table the model reads with its identifying column renamed', () => {
  for (const [name, header, topic, figures, names] of CASES) {
    it(`${name} is refused naming its table and the column it lacks, not skipped as a table the model does not use`, async () => {
      const dir = folder(name, header, topic, figures);
      await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
        exitCode: 1,
        problems: [{ file: expect.stringContaining(name), line: 1, message: expect.stringMatching(names) }],
      });
      await expect(loadIntoMemory([dir], { today: TODAY })).rejects.toMatchObject({ problems: [expect.objectContaining({ message: expect.stringMatching(names) })] });
    });
  }

  it('an unused table of a full release with one such column name is still skipped with a note', async () => {
    const dir = folder('annual_reviews.csv', 'total_ehc_plans,review_expected,other', 'All EHC plans', '1200,900,7');
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(r.notes.some((n) => n.includes('annual_reviews.csv') && /does not use/.test(n))).toBe(true);
  });
});
