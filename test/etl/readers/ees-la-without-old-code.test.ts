/**
 * An LA row with a new_la_code but no old_la_code (a later release's new authority after a reorganisation, before
 * DfE gives it a 3-digit code): its rows are left out with one warning naming the LA, where before every such row
 * was an error and the whole release was refused for every LA. A file whose LA rows all lack the code is an error.
 * Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../../src/etl/dataset.ts';
import { datasetsFromEesFiles } from '../../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../../src/etl/load.ts';
import { backtestFromEes, forecastFromEes } from '../../../src/pipeline/forecast.ts';
import { tempDir, TODAY } from '../helpers.ts';

const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
const row = (period: string, newCode: string, oldCode: string, name: string, plans: number): string =>
  `${period},Academic year,Local authority,E92000001,England,E12000008,South East,${newCode},${oldCode},${name},All EHC plans,All EHC plans,${plans}`;

function caseload(rows: string[]): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'caseload.csv'), [HEADER, ...rows].join('\n') + '\n');
  return dir;
}

describe('an LA row with no old_la_code', () => {
  it('is left out with one warning naming the LA, the other LAs read as before', async () => {
    const dir = caseload([
      row('202425', 'E10000016', '886', 'Kent', 22000),
      row('202425', 'E06000099', '', 'East Surrey', 4000),
      row('202526', 'E10000016', '886', 'Kent', 24000),
      row('202526', 'E06000099', 'z', 'East Surrey', 4200),
    ]);
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(r.datasets.map((d) => [d.la.oldCode, d.stockTotal])).toEqual([['886', { 2025: 22000, 2026: 24000 }]]);
    expect(r.notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/East Surrey \(E06000099\) has no old_la_code on its 2 rows \(first at line 3\): they are not read/),
    ]));
  });

  it('asked for by its ONS code, is named as left out, not guessed to be another LA', async () => {
    // before: "no data for LA 'E06000099' in the warehouse (LAs with data: 886, 887); did you mean E06000098?"
    const dir = caseload([
      row('202425', 'E06000098', '887', 'Medway', 6000),
      row('202425', 'E06000099', '', 'East Surrey', 4000),
      row('202425', 'E10000016', '886', 'Kent', 22000),
    ]);
    const load = await loadIntoMemory([dir], { today: TODAY });
    try {
      const err = await datasetFromWarehouse(load.warehouse, { la: 'e06000099' }).catch((e: Error) => e);
      expect(String(err)).toMatch(/no data for LA 'e06000099': .*caseload\.csv: East Surrey \(E06000099\) has no old_la_code on its 1 row .*cannot run it until the release gives its old_la_code/);
      expect(String(err)).not.toMatch(/did you mean/);
      // another code not in the data is still guessed at
      await expect(datasetFromWarehouse(load.warehouse, { la: 'E06000097' })).rejects.toThrow(/no data for LA 'E06000097' in the data files read/);
    } finally {
      load.warehouse.close();
    }
  });

  it('asked for by forecast or backtest --ees, is named as left out too', async () => {
    const dir = caseload([
      row('202425', 'E06000098', '887', 'Medway', 6000),
      row('202425', 'E06000099', '', 'East Surrey', 4000),
      row('202425', 'E10000016', '886', 'Kent', 22000),
    ]);
    const named = /no data for LA 'E06000099': .*East Surrey \(E06000099\) has no old_la_code .*cannot run it until/;
    await expect(forecastFromEes({ files: [dir], las: ['E06000099'], baseYear: 2025, draws: 0, seed: 1 })).rejects.toThrow(named);
    await expect(backtestFromEes({ files: [dir], las: ['E06000099'], horizon: 1 })).rejects.toThrow(named);
  });

  it('is an error where no LA row of the file has one', async () => {
    const dir = caseload([row('202425', 'E06000099', '', 'East Surrey', 4000), row('202425', 'E06000098', '', 'West Surrey', 5000)]);
    await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
      problems: [2, 3].map((line) => expect.objectContaining({ line, column: 'old_la_code', message: expect.stringMatching(/expected a 3-digit DfE LA code/) })),
    });
  });
});
