/**
 * An LA whose ONS code changed (North Yorkshire: E10000023, E06000065 from April 2023) has its population under
 * either code: ONS's mid-2019 to mid-2022 estimates and projections give E10000023, later ones E06000065, and a later
 * DfE release names it by E06000065 in some files. Its population was looked for under its own code and the code
 * that code changed to, never the one it changed from: a release giving North Yorkshire E06000065 with the real ONS
 * mid-2019 and mid-2020 estimates ran 'the population files hold no rows for North Yorkshire (area code E06000065)
 * … Load population rows for E06000065', though they were loaded. Each year is taken under one code, so a year given
 * under both is not counted twice.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { tempDir } from '../temp.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
const ny = (tp: string, code: string, n: number) =>
  `${tp},Academic year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,${code},815,North Yorkshire,All EHC plans,All EHC plans,${n}`;
const AGES = Array.from({ length: 91 }, (_, a) => (a === 90 ? '90+' : String(a)));
/** An MYE2 row: `perAge` people at every age. */
const mye = (code: string, perAge: number) => `${code},North Yorkshire,County,${perAge * 91},${AGES.map(() => perAge).join(',')}`;

async function population(rows: Record<string, string[]>, caseload: string[]): Promise<Record<number, number | undefined>> {
  const dir = tempDir('hn-pop-code-');
  writeFileSync(join(dir, 'caseload.csv'), `\ufeff${[LEAD, ...caseload].join('\r\n')}\r\n`);
  for (const [year, lines] of Object.entries(rows)) {
    writeFileSync(join(dir, `ONS${year}_PopnByAgeYearEstimate.csv`), `${['Code,Name,Geography,All ages,' + AGES.join(','), ...lines].join('\n')}\n`);
  }
  const load = await loadIntoMemory([dir], { today: new Date('2026-03-01') });
  try {
    const ds = await datasetFromWarehouse(load.warehouse, { la: '815' });
    const out: Record<number, number | undefined> = {};
    for (const y of [2020, 2021, 2023, 2024]) out[y] = ds.population[y]?.[10];
    return out;
  } finally {
    load.warehouse.close();
  }
}

describe('population of an LA whose ONS code changed', () => {
  const latestNew = [ny('202324', 'E06000065', 4857), ny('202223', 'E10000023', 4400), ny('202122', 'E10000023', 4000)];

  it('is read under the code it changed from when the release names it by the new one', async () => {
    const pop = await population({ '2019': [mye('E10000023', 7000)], '2020': [mye('E10000023', 7100)] }, latestNew);
    expect(pop[2020]).toBe(7000);
    expect(pop[2021]).toBe(7100);
  });

  it('is read under both codes across years, each year once', async () => {
    const pop = await population({ '2022': [mye('E10000023', 7200)], '2023': [mye('E06000065', 7300)] }, latestNew);
    expect(pop[2023]).toBe(7200);
    expect(pop[2024]).toBe(7300);
  });

  it("takes a year given under both codes once, under the LA's own code, not their sum", async () => {
    const pop = await population({ '2022': [mye('E10000023', 7200), mye('E06000065', 7250)] }, latestNew);
    expect(pop[2023]).toBe(7250);
    // named by the old code (the release's rows all E10000023): that code's figure
    const old = await population({ '2022': [mye('E10000023', 7200), mye('E06000065', 7250)] }, [ny('202223', 'E10000023', 4400), ny('202122', 'E10000023', 4000)]);
    expect(old[2023]).toBe(7200);
  });
});
