/**
 * Ages that no age row covers, beside rows that cover others: a row whose age label no reader knows is not stored
 * (a warning), and its plans were then at no age at all. The plans the total leaves are put at those ages, with a
 * note, in forecast's datasets, a run's LA and its batch. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { datasetsFromEesFiles, datasetsFromWarehouse } from '../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import type { LaDataset } from '../../src/model/dataset.ts';
import { tempDir, TODAY } from './helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';

/** Lincolnshire's 500 new plans of 2024: 'Under five' (100, a label no reader knows), then 5–10, 11–15, 16–25. */
function release(under5 = 'Under five'): string {
  const dir = tempDir();
  const lines = [
    `${LEAD},new_ehc_plans`,
    `2024,Calendar year,${LINCS},New EHC plans,New EHC plans,500`,
    `2024,Calendar year,${LINCS},Age when plan started,${under5},100`,
    `2024,Calendar year,${LINCS},Age when plan started,age 5 to 10,200`,
    `2024,Calendar year,${LINCS},Age when plan started,age 11 to 15,150`,
    `2024,Calendar year,${LINCS},Age when plan started,age 16 to 25,50`,
  ];
  writeFileSync(join(dir, 'newplans.csv'), `\ufeff${lines.join('\r\n')}\r\n`);
  writeFileSync(join(dir, 'caseload.csv'), `\ufeff${LEAD},ehcplans\r\n202425,Academic year,${LINCS},All EHC plans,All EHC plans,3000\r\n`);
  return dir;
}

function expectFilled(ds: LaDataset): void {
  // before: no row at ages 0–4, so the model issued no new plans under 5
  expect(ds.newPlansByAge.filter((r) => r.year === 2024 && r.from === 0)).toEqual([{ year: 2024, from: 0, to: 4, count: 100 }]);
  expect(ds.notes).toContainEqual(
    expect.stringMatching(/^Lincolnshire, new plans of 2024: no age row of the files covers ages 0–4 \(.*not recognised.*\); the 100 of its 500 new plans/),
  );
}

describe('ages no age row covers', () => {
  it('forecast puts the new plans the total leaves at those ages, with a note', async () => {
    const r = await datasetsFromEesFiles([release()], { today: TODAY });
    expectFilled(r.datasets.find((d) => d.la.oldCode === '925')!);
  });

  it('a run does the same for its LA and its batch', async () => {
    const load = await loadIntoMemory([release()], { today: TODAY });
    try {
      expectFilled(await datasetFromWarehouse(load.warehouse, { la: '925' }));
      expectFilled((await datasetsFromWarehouse(load.warehouse)).datasets.find((d) => d.la.oldCode === '925')!);
    } finally {
      load.warehouse.close();
    }
  });

  it('ages that tile 0–25 get nothing added and no note', async () => {
    const r = await datasetsFromEesFiles([release('under 5')], { today: TODAY });
    const ds = r.datasets.find((d) => d.la.oldCode === '925')!;
    expect(ds.newPlansByAge.map((x) => x.count)).toEqual([100, 200, 150, 50]);
    expect(ds.notes.filter((n) => /no age row/.test(n))).toEqual([]);
  });
});
