/**
 * Rows at a geographic level the model does not read (a later release's 'Local skills improvement plan area',
 * 'Parliamentary constituency'): left out with one warning per level, where before every such row was an error and
 * the whole release refused; the LA, regional and national rows read as before. A level that looks like a misspelt
 * known one stays an error (its rows may be an LA's), and so does a file with no row at a level the model reads.
 * Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../../src/etl/ees-datasets.ts';
import { tempDir, TODAY } from '../helpers.ts';

const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans,mainstream_la_maintained,mainstream_total';
const ENGLAND = '202425,Academic year,National,E92000001,England,,,,,,All EHC plans,All EHC plans,5000,5000,5000';
const REGION = '202425,Academic year,Regional,E92000001,England,E12000004,East Midlands,,,,All EHC plans,All EHC plans,2000,2000,2000';
const LINCS = '202425,Academic year,Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire,All EHC plans,All EHC plans,1000,1000,1000';
const lsip = (level: string): string =>
  `202425,Academic year,${level},E92000001,England,E12000004,East Midlands,,,Greater Lincolnshire,All EHC plans,All EHC plans,1500,1500,1500`;

function caseload(rows: string[]): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'caseload.csv'), [HEADER, ...rows].join('\r\n') + '\r\n');
  return dir;
}

describe('rows at a geographic level the model does not read', () => {
  it('are left out with one warning per level, the LA rows read as before', async () => {
    const dir = caseload([ENGLAND, REGION, lsip('Local skills improvement plan area'), LINCS, lsip('Local skills improvement plan area'), lsip('Parliamentary constituency')]);
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(r.datasets.map((d) => [d.la.oldCode, d.stockTotal[2025]])).toEqual([['925', 1000]]);
    expect(r.notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/2 rows at geographic level 'Local skills improvement plan area' \(first at line 4\) are not read/),
      expect.stringMatching(/1 row at geographic level 'Parliamentary constituency' \(first at line 7\) is not read/),
    ]));
  });

  it('are an error where the level looks like a misspelt one the model reads', async () => {
    const dir = caseload([ENGLAND, LINCS.replace('Local authority', 'Local authorty')]);
    await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
      problems: [{ line: 3, column: 'geographic_level', message: expect.stringMatching(/Got: 'Local authorty'.*Local authority/) }],
    });
  });

  it('are an error where the file has no row at a level the model reads', async () => {
    const dir = caseload([lsip('Local skills improvement plan area')]);
    await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
      problems: [expect.objectContaining({ column: 'geographic_level', message: expect.stringMatching(/no row at geographic level National, Regional or Local authority/) })],
    });
  });
});
