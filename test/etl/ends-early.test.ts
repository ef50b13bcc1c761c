/**
 * An LA whose plans end at an earlier January than the files reach for other LAs, with no row of the later January (a
 * cut or an edited copy that left it out): a run, whose base year is the LA's latest January with a total, started a
 * year early without a word (Kent without its January 2022 rows ran from January 2021, projecting 16,900 plans for a
 * January the release gives). A note now says so, with the "Base year:" notes a run puts on stderr; an LA that had
 * ceased by then (Northamptonshire, from 2021/22) says nothing. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { tempDir, TODAY } from './helpers.ts';

const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
const row = (period: string, newCode: string, oldCode: string, name: string, plans: number): string =>
  `${period},Academic year,Local authority,E92000001,England,E12000008,South East,${newCode},${oldCode},${name},All EHC plans,All EHC plans,${plans}`;

function release(): string {
  const dir = tempDir();
  const rows = [
    row('202021', 'E10000016', '886', 'Kent', 15281),
    row('202021', 'E06000035', '887', 'Medway', 2700),
    row('202122', 'E06000035', '887', 'Medway', 2900),
    row('202021', 'E10000021', '928', 'Northamptonshire', 4000),
    row('202122', 'E06000061', '940', 'North Northamptonshire', 2100),
    row('202122', 'E06000062', '941', 'West Northamptonshire', 2200),
  ];
  writeFileSync(join(dir, 'caseload.csv'), [HEADER, ...rows].join('\n') + '\n');
  return dir;
}

const named = /^Base year: Kent's plans are in the files to January 2021 only, though the files reach January 2022 for 3 other LAs \(its rows of 2022 left out of a cut or an edited copy\?\), so a run starts from January 2021/;

describe('an LA whose plans end before the files reach', () => {
  it('is said in its notes when read straight from the files (forecast, backtest)', async () => {
    const r = await datasetsFromEesFiles([release()], { today: TODAY });
    const notes = (code: string) => r.datasets.find((d) => d.la.oldCode === code)?.notes.filter((n) => n.startsWith('Base year:'));
    expect(notes('886')).toEqual([expect.stringMatching(named)]);
    expect(notes('887')).toEqual([]);
    expect(r.datasets.filter((d) => d.notes.some((n) => n.startsWith('Base year:'))).map((d) => d.la.oldCode)).toEqual(['886']);
  });

  it("is said in a run's notes (from the warehouse), which put it on stderr", async () => {
    const load = await loadIntoMemory([release()], { today: TODAY });
    try {
      const kent = await datasetFromWarehouse(load.warehouse, { la: '886' });
      expect(kent.notes.filter((n) => n.startsWith('Base year:'))).toEqual([expect.stringMatching(named)]);
      const medway = await datasetFromWarehouse(load.warehouse, { la: '887' });
      expect(medway.notes.filter((n) => n.startsWith('Base year:'))).toEqual([]);
      const northants = await datasetFromWarehouse(load.warehouse, { la: '928' });
      expect(northants.notes.filter((n) => n.startsWith('Base year:'))).toEqual([]);
    } finally {
      load.warehouse.close();
    }
  });
});
