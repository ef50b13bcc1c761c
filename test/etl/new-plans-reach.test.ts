/**
 * A new-plans file whose years are shifted by one (every year's figures under the next year's label): its latest
 * year is then the calendar year of the latest January of plans, which no release publishes (a year's new plans come
 * with the January after it). Before, it was read with no word: Kent's forecast from January 2022 on a copy of the
 * 2022 release with sen2_age_new_plans.csv shifted gave 19,806 plans a year ahead against 20,201 (57,538 against
 * 62,276 in January 2032). forecast --ees and run now say it, naming the file; the files as published say nothing.
 * Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { revisionWarnings } from '../../src/pipeline/revisions.ts';
import { tempDir, TODAY } from './helpers.ts';

const HEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,characteristic_age';
const row = (y: number, n: number) => `${y},Calendar year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,Total,${n}`;

/** The 2022 layout's caseload (January 2019–2022) and new plans (calendar 2018–2021, or a year later with `shift`). */
function files(dir: string, shift: number): string[] {
  const stock = join(dir, 'sen2_age_caseload.csv');
  const flows = join(dir, 'sen2_age_new_plans.csv');
  writeFileSync(stock, `${HEAD},Total_all\n${[[2019, 11763], [2020, 13499], [2021, 15281], [2022, 17733]].map(([y, n]) => row(y!, n!)).join('\n')}\n`);
  writeFileSync(flows, `${HEAD},Total_new_all\n${[[2018, 1787], [2019, 2141], [2020, 2048], [2021, 2910]].map(([y, n]) => row(y! + shift, n!)).join('\n')}\n`);
  return [stock, flows];
}

describe('new plans reaching the calendar year of the latest January of plans (a file a year ahead)', () => {
  it('forecast --ees notes it naming the file, and a run names the LA; as published, nothing', async () => {
    const dir = tempDir();
    const [, flows] = files(dir, 1);
    const ees = await datasetsFromEesFiles([dir], { today: TODAY, maxCensusYear: 2021 });
    const note = ees.notes.find((n) => n.startsWith('New plans reach'));
    expect(note).toContain(`New plans reach calendar year 2022 (${flows})`);
    expect(note).toContain('the plans beside them reach January 2022 only');
    const mem = await loadIntoMemory([dir], { today: TODAY });
    try {
      const own = await datasetFromWarehouse(mem.warehouse, { la: '886' });
      expect(revisionWarnings(own)[0]).toMatch(/^Kent's new plans reach calendar year 2022, but the plans beside them reach January 2022 only/);
    } finally {
      mem.warehouse.close();
    }
    files(dir, 0);
    expect((await datasetsFromEesFiles([dir], { today: TODAY })).notes.filter((n) => n.startsWith('New plans reach'))).toEqual([]);
    const again = await loadIntoMemory([dir], { today: TODAY });
    try {
      expect(revisionWarnings(await datasetFromWarehouse(again.warehouse, { la: '886' }))).toEqual([]);
    } finally {
      again.warehouse.close();
    }
  });
});
