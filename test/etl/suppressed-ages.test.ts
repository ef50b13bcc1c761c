/**
 * Age rows of the 2025 layout that an LA's line does not publish (`c` for a small count) beside the ones it does:
 * the plans its "All EHC plans" total leaves are put at those ages, with a note naming the LA, the January, the ages
 * and the file — in forecast's datasets (datasetsFromEesFiles), a run's batch (datasetsFromWarehouse) and a run's
 * own LA (datasetFromWarehouse). Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { datasetsFromEesFiles, datasetsFromWarehouse } from '../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import type { LaDataset } from '../../src/model/dataset.ts';
import { runCli } from '../cli/helpers.ts';
import { tempDir, TODAY } from './helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';
const AGES = ['under 3', ...Array.from({ length: 23 }, (_, i) => `age ${i + 3}`)];

/** Lincolnshire, January 2025: 1,019 plans; ages 24 and 25 read `c`, the others add up to 1,011. */
function release(): string {
  const dir = tempDir();
  const count = (label: string): string => (label === 'age 24' || label === 'age 25' ? 'c' : label === 'under 3' ? '10' : label === 'age 3' ? '21' : '49');
  const lines = [
    `${LEAD},ehcplans`,
    `202425,Academic year,${LINCS},All EHC plans,All EHC plans,1019`,
    ...AGES.map((a) => `202425,Academic year,${LINCS},Child or young persons age,${a},${count(a)}`),
  ];
  writeFileSync(join(dir, 'caseload.csv'), `\ufeff${lines.join('\r\n')}\r\n`);
  return dir;
}

function expectFilled(ds: LaDataset): void {
  const at = (a: number) => ds.stockByAge.filter((r) => r.year === 2025 && r.from <= a && r.to >= a).map((r) => r.count);
  // 10 + 21 + 20 × 49 = 1,011 published: the 8 the total leaves are at ages 24 and 25 (before: none there)
  expect(at(24)).toEqual([4]);
  expect(at(25)).toEqual([4]);
  expect(at(3)).toEqual([21]);
  expect(ds.notes).toContainEqual(
    expect.stringMatching(/^Lincolnshire, January 2025: the plans aged 24, 25 are not published \(suppressed\) in .*caseload\.csv \(line 25\); the 8 of its 1,019 plans/),
  );
}

describe('age rows not published beside published ones', () => {
  it('forecast puts the plans the total leaves at those ages, with a note', async () => {
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

  it('an LA-year with no published age (totals only) is left to the age fallbacks', async () => {
    const dir = release();
    const lines = [`${LEAD},ehcplans`, `202425,Academic year,${LINCS},All EHC plans,All EHC plans,1000`, ...AGES.map((a) => `202425,Academic year,${LINCS},Child or young persons age,${a},x`)];
    writeFileSync(join(dir, 'caseload.csv'), `\ufeff${lines.join('\r\n')}\r\n`);
    const ds = (await datasetsFromEesFiles([dir], { today: TODAY })).datasets.find((d) => d.la.oldCode === '925')!;
    expect(ds.stockByAge).toEqual([]);
    expect(ds.notes.filter((n) => /not published/.test(n))).toEqual([]);
  });

  it('a latest January whose total is not published is said: a run starts from the January before', async () => {
    const dir = tempDir();
    const lines = [`${LEAD},ehcplans`, `202324,Academic year,${LINCS},All EHC plans,All EHC plans,1000`, `202425,Academic year,${LINCS},All EHC plans,All EHC plans,c`];
    writeFileSync(join(dir, 'caseload.csv'), `\ufeff${lines.join('\r\n')}\r\n`);
    const note = /^Base year: Lincolnshire's total plans at January 2025 are not published \(suppressed\) in .*caseload\.csv \(line 3\), so a run starts from January 2024, the latest with a total/;
    const ds = (await datasetsFromEesFiles([dir], { today: TODAY })).datasets.find((d) => d.la.oldCode === '925')!;
    expect(ds.stockTotal).toEqual({ 2024: 1000 });
    expect(ds.notes).toContainEqual(expect.stringMatching(note));
    const load = await loadIntoMemory([dir], { today: TODAY });
    try {
      expect((await datasetFromWarehouse(load.warehouse, { la: '925' })).notes).toContainEqual(expect.stringMatching(note));
    } finally {
      load.warehouse.close();
    }
  });

  it('a latest January with age rows but no "All EHC plans" row is said as a total not published, in forecast and in a run', async () => {
    // before: forecast skipped Lincolnshire at 2025 with 'no stock of plans at census 2025', and a run started from
    // January 2024 without a word, though the files give its January 2025 ages
    const dir = tempDir();
    const lines = [
      `${LEAD},ehcplans`,
      `202324,Academic year,${LINCS},All EHC plans,All EHC plans,1000`,
      `202425,Academic year,${LINCS},Child or young persons age,age 10,600`,
      `202425,Academic year,${LINCS},Child or young persons age,age 15,500`,
    ];
    writeFileSync(join(dir, 'caseload.csv'), `\ufeff${lines.join('\r\n')}\r\n`);
    const note = /^Base year: Lincolnshire's total plans at January 2025 are not published \(no "All EHC plans" row, though the files give its plans by age, placement or need\), so a run starts from January 2024/;
    const ds = (await datasetsFromEesFiles([dir], { today: TODAY })).datasets.find((d) => d.la.oldCode === '925')!;
    expect(ds.stockTotal).toEqual({ 2024: 1000 });
    expect(ds.notes).toContainEqual(expect.stringMatching(note));
    const load = await loadIntoMemory([dir], { today: TODAY });
    try {
      expect((await datasetFromWarehouse(load.warehouse, { la: '925' })).notes).toContainEqual(expect.stringMatching(note));
      const batch = (await datasetsFromWarehouse(load.warehouse)).datasets.find((d) => d.la.oldCode === '925')!;
      expect(batch.notes).toContainEqual(expect.stringMatching(note));
    } finally {
      load.warehouse.close();
    }
    const r = await runCli('forecast', '--ees', dir, '--la', '925', '--base-year', '2025', '--draws', '0', '--out', join(dir, 'f.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no stock of plans at census 2025: its "All EHC plans" total is not published \(no "All EHC plans" row/);
  });

  it('a forecast from a January whose total is not published names the file and line', async () => {
    // before: 'no stock of plans at census 2025', with no word of the file, the line or the marker
    const dir = tempDir();
    const lines = [`${LEAD},ehcplans`, `202324,Academic year,${LINCS},All EHC plans,All EHC plans,1000`, `202425,Academic year,${LINCS},All EHC plans,All EHC plans,x`];
    writeFileSync(join(dir, 'caseload.csv'), `\ufeff${lines.join('\r\n')}\r\n`);
    const r = await runCli('forecast', '--ees', dir, '--la', '925', '--base-year', '2025', '--draws', '0', '--out', join(dir, 'f.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no stock of plans at census 2025: its "All EHC plans" total is not published \(unavailable\) in .*caseload\.csv \(line 3\)/);
  });
});
