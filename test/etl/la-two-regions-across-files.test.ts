/**
 * One LA code given two regions by two files: each file checked its own lines (readers/ees-common.ts regionClash), so
 * caseload.csv giving LA 888 region North West and a second file South East (Kent's rows with the code typed over)
 * read as one LA's figures with neither file named. It is now an error at the second file's first line of the LA,
 * naming the first file and line, on load (load and run read through it), on validate (which said nothing of it
 * before: region-clash-read.ts) and on forecast --ees and backtest --ees, across two files of one release and across
 * the two layouts. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { withInputFiles } from '../../src/etl/inputs.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { loadFilesInto } from '../../src/etl/load-files.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { regionClashesAcrossFiles } from '../../src/etl/region-clash.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { laRow2022, rejection, tempDir, TODAY } from './helpers.ts';

const REGION: Record<string, string> = { E12000002: 'North West', E12000008: 'South East' };

/** The 2025 layout's caseload.csv: Lancashire (888) in `region`, two Januaries. */
function caseload2025(dir: string, region: string): string {
  const header = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
  const r = (period: string, plans: number): string =>
    `${period},Academic year,Local authority,E92000001,England,${region},${REGION[region]},E10000017,888,Lancashire,All EHC plans,All EHC plans,${plans}`;
  const file = join(dir, 'caseload.csv');
  writeFileSync(file, [header, r('202021', 8085), r('202122', 8691)].join('\n') + '\n');
  return file;
}

/** A 2022-layout table (`file`, with its value `column`) giving LA 888 in `region` for `year`. */
function table2022(dir: string, file: string, column: string, region: string, year: number, n: number): string {
  return laRow2022(dir, file, column, { regionCode: region, regionName: REGION[region]!, oldCode: '888', newCode: 'E10000017', name: 'Lancashire' }, year, n);
}

describe('an LA code in two regions across files', () => {
  it('regionClashesAcrossFiles: one clash per code, blank regions and one file alone not compared', () => {
    const row = (file_id: number, region_code: string, old_la_code = '888') => ({ old_la_code, la_name: 'Lancashire', region_code, region_name: '', file_id });
    expect(regionClashesAcrossFiles([row(2, 'E12000008'), row(1, 'E12000002'), row(3, 'E12000009')])).toEqual([{ first: row(1, 'E12000002'), other: row(2, 'E12000008') }]);
    expect(regionClashesAcrossFiles([row(1, 'E12000002'), row(2, 'e12000002'), row(2, ''), row(1, 'E12000008', 'ALL'), row(2, 'E12000002', 'ALL')])).toEqual([]);
    // a load adding files: only clashes with a new file
    expect(regionClashesAcrossFiles([row(1, 'E12000002'), row(2, 'E12000008')], (id) => id >= 3)).toEqual([]);
  });

  it('across the two layouts: load and forecast name both files and lines; the same region reads as before', async () => {
    const dir = tempDir();
    const a = caseload2025(dir, 'E12000002');
    const b = table2022(dir, 'sen2_age_caseload.csv', 'Total_all', 'E12000008', 2022, 17733);
    const message = new RegExp(
      `LA 888 \\(Lancashire\\) is in region South East \\(E12000008\\) in this file but in North West \\(E12000002\\) in ${a.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(line 2\\) \\(as Lancashire\\): an LA is in one region`,
    );
    for (const e of [await rejection(loadIntoMemory([a, b], { today: TODAY })), await rejection(datasetsFromEesFiles([a, b], { today: TODAY }))]) {
      expect(e.exitCode).toBe(1);
      expect(e.problems).toEqual([expect.objectContaining({ file: b, line: 2, column: 'region_code', message: expect.stringMatching(message) })]);
    }
    const same = table2022(dir, 'sen2_age_caseload.csv', 'Total_all', 'E12000002', 2022, 8691);
    const load = await loadIntoMemory([a, same], { today: TODAY });
    load.warehouse.close();
    await expect(datasetsFromEesFiles([a, same], { today: TODAY })).resolves.toBeDefined();
  });

  it('validate refuses it in load\'s words, at the same file and line, read row by row or set-based', async () => {
    const dir = tempDir();
    const a = caseload2025(dir, 'E12000002');
    const b = table2022(dir, 'sen2_age_caseload.csv', 'Total_all', 'E12000008', 2022, 17733);
    const [refused] = (await rejection(loadIntoMemory([a, b], { today: TODAY }))).problems;
    for (const setBased of [false, true]) {
      const { files } = await validatePaths([dir], { today: TODAY, setBased });
      expect(files.map((f) => [f.path, f.errors])).toEqual([
        [a, []],
        [b, [{ line: 2, column: 'region_code', message: refused!.message }]],
      ]);
    }
    // the same region: nothing said
    table2022(dir, 'sen2_age_caseload.csv', 'Total_all', 'E12000002', 2022, 8691);
    expect((await validatePaths([dir], { today: TODAY })).files.flatMap((f) => f.errors)).toEqual([]);
  });

  it('across two files of one release (caseload and new plans), whichever is loaded first', async () => {
    const dir = tempDir();
    const a = table2022(dir, 'sen2_age_caseload.csv', 'Total_all', 'E12000002', 2022, 8691);
    const b = table2022(dir, 'sen2_age_new_plans.csv', 'Total_new_all', 'E12000008', 2021, 1200);
    const e = await rejection(loadIntoMemory([a, b], { today: TODAY }));
    expect(e.problems.map((p) => `${p.file}:${p.line}`)).toEqual([`${b}:2`]);
    expect(e.problems[0]!.message).toContain(`in ${a} (line 2)`);
    // a file added by a later load is checked against the files loaded before
    const wh = await Warehouse.open(':memory:');
    try {
      const load = (f: string) => withInputFiles([f], (files) => loadFilesInto(wh, files, { unrecognised: 'warn', today: TODAY }));
      await load(a);
      expect((await rejection(load(b))).problems[0]!.message).toContain(`in ${a} (line 2)`);
    } finally {
      wh.close();
    }
  });
});
