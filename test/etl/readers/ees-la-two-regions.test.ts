/**
 * One LA code in two regions within a published file: an LA is in one region, so one of the lines carries another
 * LA's code (a row copied from Kent with its code typed over to 888, Lancashire's). The region is no descriptive
 * column (it tells a region's rows apart), so such a line was a row of its own beside the LA's and its plans were
 * added to them: Lancashire's January 2022 went from 8,691 to 26,424 plans, exit 0, with reconciliation notes only.
 * It is now an error at the line, naming the line that first gives the code its region. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../../src/etl/ees-datasets.ts';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
const row = (period: string, region: string, newCode: string, oldCode: string, name: string, plans: number): string =>
  `${period},Academic year,Local authority,E92000001,England,${region},${region ? { E12000002: 'North West', E12000008: 'South East' }[region] : ''},${newCode},${oldCode},${name},All EHC plans,All EHC plans,${plans}`;

function caseload(rows: string[]): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'caseload.csv'), [HEADER, ...rows].join('\n') + '\n');
  return dir;
}

const copied = [
  row('202021', 'E12000002', 'E10000017', '888', 'Lancashire', 8085),
  row('202122', 'E12000002', 'E10000017', '888', 'Lancashire', 8691),
  row('202122', 'E12000008', 'E10000016', '886', 'Kent', 17733),
  row('202122', 'E12000008', 'E10000016', '888', 'Kent', 17733),
];
const named = /LA 888 \(Kent\) is in region South East \(E12000008\) on this line but in North West \(E12000002\) on line 2 \(as Lancashire\): .*wrong old_la_code/;

/** The same rows in the 2022 layout (sen2_age_caseload.csv), whose reader has a set-based path too. */
function ageCaseload2022(): string {
  const dir = tempDir();
  const header = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,characteristic_age,Total_all';
  const r = (year: number, region: string, oldCode: string, newCode: string, name: string, plans: number): string =>
    `${year},Calendar year,Local authority,E92000001,England,${region},${{ E12000002: 'North West', E12000008: 'South East' }[region]},${oldCode},${newCode},${name},Total,${plans}`;
  const rows = [r(2021, 'E12000002', '888', 'E10000017', 'Lancashire', 8085), r(2022, 'E12000002', '888', 'E10000017', 'Lancashire', 8691), r(2022, 'E12000008', '886', 'E10000016', 'Kent', 17733), r(2022, 'E12000008', '888', 'E10000016', 'Kent', 17733)];
  writeFileSync(join(dir, 'sen2_age_caseload.csv'), [header, ...rows].join('\n') + '\n');
  return join(dir, 'sen2_age_caseload.csv');
}

describe('an LA code given in two regions', () => {
  it.each([
    ['2025 layout', false],
    ['2022 layout', false],
    ['2022 layout', true],
  ] as const)('is an error at the line, naming the first (%s, set-based: %s)', async (layout, setBased) => {
    const file = layout === '2025 layout' ? join(caseload(copied), 'caseload.csv') : ageCaseload2022();
    const { files } = await validatePaths([file], { today: TODAY, setBased });
    expect(files[0]!.errors).toEqual([expect.objectContaining({ line: 5, column: 'old_la_code', message: expect.stringMatching(named) })]);
  });

  it('stops a forecast or a run reading the files, where it added the copy to the LA it names', async () => {
    await expect(datasetsFromEesFiles([caseload(copied)], { today: TODAY })).rejects.toMatchObject({
      problems: [expect.objectContaining({ line: 5, message: expect.stringMatching(named) })],
    });
  });

  it('is no error for an LA in one region, nor for a row with no region', async () => {
    const dir = caseload([...copied.slice(0, 3), row('202021', '', 'E10000016', '886', 'Kent', 15281)]);
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(r.datasets.map((d) => [d.la.oldCode, d.stockTotal])).toEqual([
      ['886', { 2021: 15281, 2022: 17733 }],
      ['888', { 2021: 8085, 2022: 8691 }],
    ]);
  });
});
