/**
 * A region's own row out of line with its LAs and with England: a copy of the 2022 release with the South East's row of
 * January 2022 written 20% higher (99,968 where its LAs add up to 83,307, and every LA of England to England's 473,255)
 * was pooled towards as the region's series, with only a reconciliation note: Kent's forecast rose to 20,334 / 23,443 /
 * 26,990 plans for 2023–2025 (20,201 / 22,899 / 26,001 on the release as published) and 73,080 in 2032 in a run
 * (62,276); it now gives 20,201 / 22,898 / 25,999. Where every LA of England adds up to England's row, the regions do not, and one region's row is off its LAs
 * by that gap, its LAs' sum is now the region's series, with a finding saying so; an LA filed under another region (the
 * regions still add up to England) or data without every LA leaves the rows as published.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyDataset, type LaDataset } from '../../src/model/dataset.ts';
import { contradictedRegionRows } from '../../src/etl/reconcile.ts';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { tempDir, TODAY } from './helpers.ts';

function la(code: string, region: string, n: number): LaDataset {
  const ds = emptyDataset({ oldCode: code, newCode: `E0${code}`, name: `LA ${code}` });
  ds.regionCode = region;
  ds.stockTotal = { 2022: n };
  return ds;
}
function area(name: string, code: string, n: number): LaDataset {
  const ds = emptyDataset({ oldCode: code, newCode: code, name });
  ds.regionCode = code;
  ds.stockTotal = { 2022: n };
  return ds;
}

describe('a region row out of line with its LAs and England', () => {
  it('is found where the regions are off England by its own gap, and not otherwise', () => {
    const las = () => [la('311', 'R1', 1000), la('312', 'R1', 500), la('313', 'R2', 700)];
    const england = area('England', 'E92000001', 2200);
    // North's row 1,800 where its LAs add up to 1,500: the regions add up to 2,500, 300 over England
    const north = area('North', 'R1', 1800);
    expect(contradictedRegionRows({ datasets: las(), regions: [north, area('South', 'R2', 700)], national: england })).toEqual([{ region: north, year: 2022, row: 1800, sum: 1500 }]);
    // as published: nothing
    expect(contradictedRegionRows({ datasets: las(), regions: [area('North', 'R1', 1500), area('South', 'R2', 700)], national: england })).toEqual([]);
    // an LA filed under the wrong region: the regions add up to England, so neither row is taken as wrong
    const misfiled = las();
    misfiled[1]!.regionCode = 'R2';
    expect(contradictedRegionRows({ datasets: misfiled, regions: [area('North', 'R1', 1500), area('South', 'R2', 700)], national: england })).toEqual([]);
    // not every LA of England in the data (a folder of one LA and the regions): nothing
    expect(contradictedRegionRows({ datasets: las().slice(0, 1), regions: [north, area('South', 'R2', 700)], national: england })).toEqual([]);
    expect(contradictedRegionRows({ datasets: las(), regions: [north, area('South', 'R2', 700)] })).toEqual([]);
  });

  it('is replaced by its LAs in the series read from the files, with a finding saying so', async () => {
    const dir = tempDir();
    const header = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,characteristic_age,Total_all';
    const row = (level: string, region: string, regionName: string, code: string, name: string, n: number) =>
      `2022,Calendar year,${level},E92000001,England,${region},${regionName},${code},${code ? `E060000${code.slice(1)}` : ''},${name},Total,${n}`;
    const file = join(dir, 'sen2_age_caseload.csv');
    writeFileSync(
      file,
      [
        header,
        row('National', '', '', '', '', 2200),
        row('Regional', 'E12000001', 'North East', '', '', 1800),
        row('Regional', 'E12000002', 'North West', '', '', 700),
        row('Local authority', 'E12000001', 'North East', '311', 'Alpha', 1000),
        row('Local authority', 'E12000001', 'North East', '312', 'Beta', 500),
        row('Local authority', 'E12000002', 'North West', '313', 'Gamma', 700),
      ].join('\n') + '\n',
    );
    const ees = await datasetsFromEesFiles([file], { today: TODAY });
    expect(ees.regions.find((r) => r.regionCode === 'E12000001')!.stockTotal[2022]).toBe(1500);
    expect(ees.regions.find((r) => r.regionCode === 'E12000002')!.stockTotal[2022]).toBe(700);
    expect(ees.notes.join('\n')).toMatch(/North East, January 2022: its own row \(1,800 plans\) is not what its LAs add up to \(1,500\), .* its LAs' 1,500 are the region's series each LA's trend is pooled towards/);
  });
});
