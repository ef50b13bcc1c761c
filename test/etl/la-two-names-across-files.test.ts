/**
 * One LA code given two LAs' names by two files: sen2_age_new_plans.csv giving Kent's code 886 the name Medway (Medway's
 * new plans under Kent's code, or the two LAs' codes swapped) was read as Kent's figures with no word, and `forecast`
 * labelled Kent's rows 'Medway'. It is now an error at the second file's first line of the LA, naming the first file
 * and line, on load (load and run read through it), validate, and forecast --ees and backtest --ees, as an LA code given
 * two regions is (la-two-regions-across-files.test.ts). Spellings of one name are not clashes. Synthetic figures.
 */
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { withInputFiles } from '../../src/etl/inputs.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { loadFilesInto } from '../../src/etl/load-files.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { nameClashesAcrossFiles, sameLaName } from '../../src/etl/name-clash.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { laRow2022, rejection, tempDir, TODAY } from './helpers.ts';

/** A 2022-layout table (`file`, with its value `column`) giving LA 886 in South East under `name` for `year`. */
function table2022(dir: string, file: string, column: string, name: string, year: number, n: number): string {
  return laRow2022(dir, file, column, { regionCode: 'E12000008', regionName: 'South East', oldCode: '886', newCode: 'E10000016', name }, year, n);
}

describe("an LA code under two LAs' names across files", () => {
  it('sameLaName: spellings of one name share a place word; two LAs do not', () => {
    for (const [a, b] of [
      ['Bristol, City of', 'Bristol'],
      ['St. Helens', 'St Helens'],
      ['Southend-on-Sea', 'Southend'],
      ['Kingston upon Hull, City of', 'Hull'],
      ['Herefordshire, County of', 'HEREFORDSHIRE'],
      ['Bournemouth, Christchurch and Poole', 'Bournemouth Christchurch & Poole'],
      ['Durham', 'County Durham'],
      ['Kent', ''],
      ['North East Lincolnshire', 'North-East Lincolnshire'],
      ['North East Lincolnshire', 'Northeast Lincolnshire'],
      ['North East Lincolnshire', 'NE Lincolnshire'],
      ['North Somerset', 'N. Somerset'],
      ['Central Bedfordshire', 'Central Bedfordshire Council'],
      ['Brighton and Hove', 'Brighton & Hove'],
      ['Central Bedfordshire', 'Bedfordshire, Central'],
    ])
      expect(sameLaName(a!, b!), `${a} / ${b}`).toBe(true);
    // two LAs whose names share a place word but not their compass points (before, taken for one LA)
    for (const [a, b] of [
      ['Kent', 'Medway'],
      ['City of London', 'Westminster'],
      ['Kingston upon Thames', 'Richmond upon Thames'],
      ['East Sussex', 'West Sussex'],
      ['North Lincolnshire', 'North East Lincolnshire'],
      ['North Northamptonshire', 'West Northamptonshire'],
      ['South Gloucestershire', 'Gloucestershire, North'],
      // a compass point on one name only: two councils (Lincolnshire 925, North East Lincolnshire 812; Somerset 933,
      // North Somerset 802), before taken for one
      ['Lincolnshire', 'North East Lincolnshire'],
      ['Somerset', 'North Somerset'],
      ['South Gloucestershire', 'Gloucestershire'],
      ['Bedfordshire', 'Central Bedfordshire'],
    ])
      expect(sameLaName(a!, b!), `${a} / ${b}`).toBe(false);
  });

  it('nameClashesAcrossFiles: one per code, across files only, not a code already given two regions', () => {
    const row = (file_id: number, la_name: string, old_la_code = '886') => ({ old_la_code, la_name, region_code: 'E12000008', region_name: '', file_id });
    expect(nameClashesAcrossFiles([row(2, 'Medway'), row(1, 'Kent'), row(3, 'Swale')])).toEqual([{ first: row(1, 'Kent'), other: row(2, 'Medway'), what: 'name' }]);
    expect(nameClashesAcrossFiles([row(1, 'Kent'), row(1, 'Medway'), row(2, 'KENT'), row(1, 'Kent', 'ALL'), row(2, 'Medway', 'ALL')])).toEqual([]);
    expect(nameClashesAcrossFiles([row(1, 'Kent'), row(2, 'Medway')], (id) => id >= 3)).toEqual([]);
    const region = { first: row(1, 'Kent'), other: row(2, 'Medway') };
    expect(nameClashesAcrossFiles([row(1, 'Kent'), row(2, 'Medway')], undefined, [region])).toEqual([]);
  });

  it('load, forecast and validate refuse it at the second file, naming the first; one name read as before', async () => {
    const dir = tempDir();
    const a = table2022(dir, 'sen2_age_caseload.csv', 'Total_all', 'Kent', 2022, 17733);
    const b = table2022(dir, 'sen2_age_new_plans.csv', 'Total_new_all', 'Medway', 2021, 2910);
    const message = new RegExp(`^LA 886 is named Medway in this file but Kent in ${a.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(line 2\\): no release gives one code two LAs' names`);
    for (const e of [await rejection(loadIntoMemory([a, b], { today: TODAY })), await rejection(datasetsFromEesFiles([a, b], { today: TODAY }))]) {
      expect(e.exitCode).toBe(1);
      expect(e.problems).toEqual([expect.objectContaining({ file: b, line: 2, column: 'la_name', message: expect.stringMatching(message) })]);
    }
    const { files } = await validatePaths([dir], { today: TODAY });
    expect(files.map((f) => [f.path, f.errors.map((p) => p.column)])).toEqual([
      [a, []],
      [b, ['la_name']],
    ]);
    // a file added by a later load is checked against the files loaded before
    const wh = await Warehouse.open(':memory:');
    try {
      const load = (f: string) => withInputFiles([f], (fs) => loadFilesInto(wh, fs, { unrecognised: 'warn', today: TODAY }));
      await load(a);
      expect((await rejection(load(b))).problems[0]!.message).toMatch(message);
    } finally {
      wh.close();
    }
    table2022(dir, 'sen2_age_new_plans.csv', 'Total_new_all', 'KENT', 2021, 2910);
    expect((await validatePaths([dir], { today: TODAY })).files.flatMap((f) => f.errors)).toEqual([]);
    await expect(datasetsFromEesFiles([a, b], { today: TODAY })).resolves.toBeDefined();
  });
});
