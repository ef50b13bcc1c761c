import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACEMENTS } from '../../src/domain/index.ts';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { HighneedsError } from '../../src/errors.ts';
import { fixtures, hasRealData, realData, tempDir, TODAY } from './helpers.ts';

describe('datasetsFromEesFiles on fixtures', () => {
  it('gives identical datasets whether or not the files hold later years', async () => {
    const dir = tempDir();
    const full = join(fixtures, 'layouts/caseload-2026.csv');
    const lines = readFileSync(full, 'utf8').split('\r\n');
    writeFileSync(join(dir, 'cut.csv'), lines.filter((l, i) => i === 0 || l.startsWith('202425')).join('\r\n'));
    copyFileSync(join(fixtures, 'layouts/ceased-2025.csv'), join(dir, 'ceased.csv'));
    const a = await datasetsFromEesFiles([full, join(fixtures, 'layouts/ceased-2025.csv')], { maxCensusYear: 2025, today: TODAY });
    const b = await datasetsFromEesFiles([join(dir, 'cut.csv')], { maxCensusYear: 2025, today: TODAY });
    expect(a.ignoredRows).toBe(3); // the stored caseload rows of census 2026 (flows of 2024 are kept)
    expect(a.datasets[0]!.stockTotal).toEqual(b.datasets[0]!.stockTotal);
    expect(a.datasets[0]!.stockByPlacement).toEqual(b.datasets[0]!.stockByPlacement);
    expect(a.datasets[0]!.stockTotal).toEqual({ 2025: 90 });
  });
});

describe('an LA as known by January of maxCensusYear', () => {
  const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
  const row = (tp: string, region: string, newCode: string, old: string, name: string, n: number) =>
    `${tp},Academic year,Local authority,E92000001,England,${region},${newCode},${old},${name},All EHC plans,All EHC plans,${n}`;
  // a later release: North Yorkshire under its new ONS code from 2023/24, Cumbria split into Cumberland and
  // Westmorland and Furness from 2023/24
  const later = [
    row('202122', 'E12000003,Yorkshire and The Humber', 'E10000023', '815', 'North Yorkshire', 4000),
    row('202223', 'E12000003,Yorkshire and The Humber', 'E10000023', '815', 'North Yorkshire', 4400),
    row('202324', 'E12000003,Yorkshire and The Humber', 'E06000065', '815', 'North Yorkshire', 4800),
    row('202122', 'E12000002,North West', 'E10000006', '909', 'Cumbria', 4292),
    row('202223', 'E12000002,North West', 'E10000006', '909', 'Cumbria', 4700),
    row('202324', 'E12000002,North West', 'E06000063', '942', 'Cumberland', 2800),
    row('202324', 'E12000002,North West', 'E06000064', '943', 'Westmorland and Furness', 2300),
  ];

  it('is named by the code of its latest January, whatever the order of the rows (Buckinghamshire: E10000002, E06000060, E10000002 again)', async () => {
    const dir = tempDir();
    const bucks = (tp: string, code: string, n: number) => row(tp, 'E12000008,South East', code, '825', 'Buckinghamshire', n);
    writeFileSync(join(dir, 'caseload.csv'), `\ufeff${[LEAD, bucks('201819', 'E10000002', 4054), bucks('202021', 'E06000060', 4910), bucks('202122', 'E06000060', 5415), bucks('202324', 'E10000002', 6510)].join('\r\n')}\r\n`);
    const code = async (max: number) => (await datasetsFromEesFiles([dir], { maxCensusYear: max, today: TODAY })).datasets[0]!.la.newCode;
    expect(await code(2024)).toBe('E10000002');
    expect(await code(2022)).toBe('E06000060');
    expect(await code(2019)).toBe('E10000002');
  });

  it('takes its codes and name from rows up to that January, and knows no LA that began later', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'caseload.csv'), `\ufeff${[LEAD, ...later].join('\r\n')}\r\n`);
    writeFileSync(join(dir, 'cut.csv'), `\ufeff${[LEAD, ...later.filter((l) => l.startsWith('202122'))].join('\r\n')}\r\n`);
    const a = await datasetsFromEesFiles([join(dir, 'caseload.csv')], { maxCensusYear: 2022, today: TODAY });
    const b = await datasetsFromEesFiles([join(dir, 'cut.csv')], { maxCensusYear: 2022, today: TODAY });
    expect(a.datasets.map((d) => d.la)).toEqual(b.datasets.map((d) => d.la));
    expect(a.datasets.map((d) => [d.la.oldCode, d.la.newCode])).toEqual([['815', 'E10000023'], ['909', 'E10000006']]);
    // with every year: North Yorkshire's latest code, and the successors
    const all = await datasetsFromEesFiles([join(dir, 'caseload.csv')], { today: TODAY });
    expect(all.datasets.find((d) => d.la.oldCode === '815')!.la.newCode).toBe('E06000065');
    expect(all.datasets.map((d) => d.la.oldCode)).toEqual(expect.arrayContaining(['942', '943']));
  });
});

describe('two files of one release layout giving the same figure (forecast and backtest, as load does)', () => {
  const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans,special_independent';
  const kent = (tp: string, n: number, iss: number) => `${tp},Academic year,Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent,All EHC plans,All EHC plans,${n},${iss}`;
  const file = (dir: string, name: string, rows: string[]): string => {
    writeFileSync(join(dir, name), `\ufeff${[LEAD, ...rows].join('\r\n')}\r\n`);
    return join(dir, name);
  };

  it('the same figures in two releases (the 2024 and 2025 releases, say) are counted once, with a note', async () => {
    const dir = tempDir();
    const a = file(dir, 'caseload-2024.csv', [kent('202122', 1000, 1000), kent('202223', 1100, 1100)]);
    const b = file(dir, 'caseload-2025.csv', [kent('202122', 1000, 1000), kent('202223', 1100, 1100), kent('202324', 1200, 1200)]);
    const r = await datasetsFromEesFiles([a, b], { maxCensusYear: 2024, today: TODAY });
    const ds = r.datasets.find((d) => d.la.oldCode === '886')!;
    expect(ds.stockTotal).toEqual({ 2022: 1000, 2023: 1100, 2024: 1200 });
    expect(ds.stockByPlacement[2023]!.ISS).toBe(1100);
    expect(r.notes.join('\n')).toMatch(/caseload-2025\.csv.*repeats 4 figure\(s\) of .*caseload-2024\.csv exactly.*counted once/);
  });

  it('different figures for one key in two files of one layout are an error naming both files and lines, never a sum', async () => {
    const dir = tempDir();
    const a = file(dir, 'caseload-2024.csv', [kent('202122', 1000, 1000), kent('202223', 1100, 1100)]);
    const b = file(dir, 'caseload-2025.csv', [kent('202122', 1003, 1003), kent('202223', 1100, 1100), kent('202324', 1200, 1200)]);
    const e = await datasetsFromEesFiles([a, b], { maxCensusYear: 2024, today: TODAY }).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(HighneedsError);
    const text = [(e as HighneedsError).message, ...(e as HighneedsError).problems.map((p) => p.message)].join('\n');
    expect(text).toMatch(/different figures/);
    // two releases of one layout are not called two files of the same release
    expect(text).toMatch(/two files of one release layout \(two versions of a file, or two releases published in the same layout\)/);
    expect(text).toMatch(/LA 886 plans 2022 .*1000 in .*caseload-2024\.csv line 2, 1003 in .*caseload-2025\.csv line 2/);
  });
});

describe('a later release that revises a year an earlier release gives', () => {
  it("uses the newer release's figure and says so in the batch's notes, naming the LA, year and both figures", async () => {
    const dir = tempDir();
    const lead22 = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,characteristic_age,Total_st,Total_st_pc,Total_ehc,Total_ehc_pc,Total_all,Total_all_pc';
    writeFileSync(join(dir, 'sen2_age_caseload.csv'), `${lead22}\r\n2022,Calendar year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,Total,z,z,17733,100,17733,100\r\n`);
    const lead25 = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
    const kent = (tp: string, n: number) => `${tp},Academic year,Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent,All EHC plans,All EHC plans,${n}`;
    writeFileSync(join(dir, 'caseload.csv'), `\ufeff${[lead25, kent('202122', 17736), kent('202223', 19500)].join('\r\n')}\r\n`);
    const r = await datasetsFromEesFiles([dir], { maxCensusYear: 2022, today: TODAY });
    expect(r.datasets[0]!.stockTotal).toEqual({ 2022: 17736 });
    expect(r.notes.join('\n')).toMatch(/1 figure\(s\) of EHC plans at census known by January 2022 differ between releases.*Kent.*2022.*ees-2025 gives 17736, ees-2022 gives 17733.*newer release/);
  });
});

describe.skipIf(!hasRealData)('datasetsFromEesFiles on the real releases', () => {
  const folders = [join(realData, 'ees-ehcp-2022/data'), join(realData, 'ees-ehcp-2025-to-2022/data')];

  // its speed is measured by the benchmarks (npm run bench), not timed here: a loaded machine would fail it
  it('reads both releases with the published national totals', async () => {
    const r = await datasetsFromEesFiles(folders, { today: TODAY });
    expect(r.national!.stockTotal[2022]).toBe(473_255);
    expect(r.national!.stockTotal[2019]).toBe(353_995);
    expect(r.datasets.length).toBeGreaterThan(150);
    expect(r.regions.length).toBe(9);
    const lincs = r.datasets.find((d) => d.la.oldCode === '925')!;
    expect(lincs.la.newCode).toBe('E10000019');
    expect(lincs.regionCode).toBe('E12000004');
    // placement leaves sum to the total in every year of both layouts, for England and every LA with full data
    for (const ds of [r.national!, lincs]) {
      for (const [year, byP] of Object.entries(ds.stockByPlacement).filter(([y]) => Number(y) >= 2019)) {
        const sum = PLACEMENTS.reduce((s, p) => s + (byP[p] ?? 0), 0);
        expect(sum, `${ds.la.name} ${year}`).toBe(ds.stockTotal[Number(year)]);
      }
    }
    expect(r.national!.newPlansTotal[2021]).toBe(62_180);
    expect(r.national!.requests[2019]).toBe(82_329);
    expect(r.national!.stockByAge.filter((a) => a.year === 2022).reduce((s, a) => s + a.count, 0)).toBe(473_255);
  });

  it('keeps only what was known by January of maxCensusYear', async () => {
    const r = await datasetsFromEesFiles(folders, { maxCensusYear: 2020, today: TODAY });
    expect(Math.max(...Object.keys(r.national!.stockTotal).map(Number))).toBe(2020);
    expect(Math.max(...Object.keys(r.national!.newPlansTotal).map(Number))).toBe(2019);
    expect(r.ignoredRows).toBeGreaterThan(0);
    // said once, by the command (pipeline/forecast.ts), not again among the data notes
    expect(r.notes.some((n) => /were ignored/.test(n))).toBe(false);
  });
});

describe('a file forecast and backtest --ees cannot read', () => {
  // each was 'unknown layout: no reader recognises this file (first line: )', with no word of what the file is
  it('is told what it is, in the words validate and load use', async () => {
    const dir = tempDir();
    const write = (name: string, bytes: Buffer | string): string => {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      return p;
    };
    const cases: Array<[string, RegExp]> = [
      [write('png.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /not text/],
      [write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('time_period,la_name\n202425,Kent\n', 'utf16le')])), /UTF-16 text/],
      [write('empty.csv', ''), /the file is empty/],
      [write('semicolons.csv', 'time_period;geographic_level;la_name\n202425;National;\n'), /separated by ';'/],
    ];
    for (const [path, re] of cases) {
      const e = await datasetsFromEesFiles([path], { today: TODAY }).then(() => undefined, (x: unknown) => x);
      expect(e).toBeInstanceOf(HighneedsError);
      const messages = (e as HighneedsError).problems.map((p) => p.message);
      expect(messages).toEqual([expect.stringMatching(re)]);
      expect(messages[0]).not.toMatch(/first line: \)/);
    }
  });
});
