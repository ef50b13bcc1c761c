/**
 * A council's pupil-level census extract: a dual-registered pupil is on two rows (main and subsidiary school) and
 * was counted twice; a year group outside N1, N2, R, 1–14 ('15', '-1') was read as an age (19, 3); 'X' (outside the
 * national curriculum, common in special schools) was refused though the DOB gives the age.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIntoMemory } from '../../../src/etl/load.ts';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const HEAD = 'UPN,URN,NCyearActual,SENprovision,SENtype1,DOB,Sex,census_year\n';

async function counts(text: string): Promise<unknown[]> {
  const dir = tempDir();
  writeFileSync(join(dir, 'census.csv'), HEAD + text);
  const load = await loadIntoMemory([dir], { today: TODAY });
  try {
    return await load.warehouse.query('SELECT age, sen_provision, need, count FROM school_census ORDER BY age, sen_provision');
  } finally {
    load.warehouse.close();
  }
}

async function errors(text: string): Promise<string[]> {
  const dir = tempDir();
  writeFileSync(join(dir, 'census.csv'), HEAD + text);
  const [f] = (await validatePaths([join(dir, 'census.csv')], { today: TODAY })).files;
  return f!.errors.map((e) => `${e.line} ${e.column}: ${e.message}`);
}

describe('school census pupil extract', () => {
  it('counts a pupil on two rows alike (a dual registration) once, with a warning', async () => {
    expect(await counts('A1,100001,3,E,ASD,2016-01-01,M,2024\nA1,100002,3,E,ASD,2016-01-01,M,2024\nA2,100001,3,E,ASD,2016-02-01,F,2024\n')).toEqual([
      { age: 7, sen_provision: 'E', need: 'ASD', count: 2 },
    ]);
  });

  it('refuses a pupil on two rows that differ, naming the first line', async () => {
    expect(await errors('A1,100001,3,E,ASD,2016-01-01,M,2024\nA1,100002,3,K,ASD,2016-01-01,M,2024\n')).toEqual([
      '3 UPN: the same pupil (UPN) as line 2 with another year group, provision, need or LA: it is unclear which one counts; keep one of the two rows',
    ]);
  });

  it('refuses a year group outside N1, N2, R and 1-14', async () => {
    for (const ncy of ['15', '-1', '0', '21']) {
      expect(await errors(`A1,100001,${ncy},E,ASD,2016-01-01,M,2024\n`)).toEqual([
        `2 NCyearActual: expected a national curriculum year: N1, N2, R, 1 to 14, or X (outside the national curriculum, aged from the DOB column). Got: '${ncy}'`,
      ]);
    }
  });

  it("ages a pupil in year group X from the DOB (on 31 August before the census), and refuses X without one", async () => {
    expect(await counts('A1,100001,X,E,PMLD,2010-09-01,M,2024\n')).toEqual([{ age: 12, sen_provision: 'E', need: 'PMLD', count: 1 }]);
    expect(await errors('A1,100001,X,E,PMLD,,M,2024\n')).toEqual([
      '2 NCyearActual: NCyearActual X (outside the national curriculum) gives no age: fill in DOB for this pupil, or give the year group',
    ]);
  });
});

describe('school census pupil extract: values that may be personal data', () => {
  it('a UPN in a code column or a bad date of birth is described, not quoted (it was echoed, and a bad DOB called an empty cell)', async () => {
    const e = await errors('A1,100001,3,E,A999000002111,2016-01-01,M,2024\nA2,100001,3,E,ASD,31/13/2016,M,2024\nA3,100001,3,ZZ99 4ZZ,ASD,2016-01-01,M,2024\nA4,100001,3,E,SEHM,2016-01-01,M,2024\n');
    expect(e).toEqual([
      '2 SENtype1: expected a need code (ASD, SEMH, …) or blank. Got: a value of 13 characters (not shown: it may be personal data, a UPN, name, postcode or birth date in the wrong place)',
      '3 DOB: expected a date of birth like 2015-09-01. Got: a value of 10 characters (not shown: a birth date is personal data)',
      '4 SENprovision: expected SENprovision E, K or N (legacy S, A, P). Got: a value of 8 characters (not shown: it may be personal data, a UPN, name, postcode or birth date in the wrong place)',
      "5 SENtype1: expected a need code (ASD, SEMH, …) or blank. Got: 'SEHM' (did you mean 'SEMH'?)",
    ]);
  });
});

describe('school census pupil extract: dates of birth', () => {
  // DOB was checked with JavaScript's Date: an Excel serial (45306) was a date in the year 45306 and refused as 'expected
  // a date of birth that is not in the future, found an empty cell'; '2019', '1' or 'March 5' were dates; 02/01/2019 was
  // 1 February (month first) where the X year group reads it as 2 January
  it('reads DOB as the SEN2 dates are read; anything else is refused for what it is, never called an empty cell', async () => {
    const e = await errors('A1,100001,3,E,ASD,45306,M,2024\nA2,100001,3,E,ASD,2019,M,2024\nA3,100001,3,E,ASD,March 5,M,2024\nA4,100001,3,E,ASD,2027-01-05,M,2024\n');
    expect(e).toEqual([
      '2 DOB: expected a date of birth like 2015-09-01. Got: a value of 5 characters (not shown: a birth date is personal data)',
      '3 DOB: expected a date of birth like 2015-09-01. Got: a value of 4 characters (not shown: a birth date is personal data)',
      '4 DOB: expected a date of birth like 2015-09-01. Got: a value of 7 characters (not shown: a birth date is personal data)',
      '5 DOB: expected a date of birth that is not in the future. Got: a date after today (not shown: a birth date is personal data)',
    ]);
    for (const e of await errors('A1,100001,3,E,ASD,45306,M,2024\n')) expect(e).not.toMatch(/empty cell/);
    expect(await errors('A1,100001,3,E,ASD,02/01/2016,M,2024\nA2,100001,3,E,ASD,2016-01-02T00:00:00,M,2024\nA3,100001,3,E,ASD,2016-Jan-02 00:00:00,M,2024\n')).toEqual([]);
  });
});

describe('school census pupil extract: census_year', () => {
  // a census_year of '2,024', 'NaN' or '٢٠٢٤' was refused as 'expected a census year …, found an empty cell', and
  // '0x7E8' read as year 2024
  it('a census_year that is no four-digit year is refused for what it holds, never called an empty cell', async () => {
    const e = await errors('A1,100001,3,E,ASD,2016-01-01,M,"2,024"\nA2,100001,3,E,ASD,2016-01-01,M,NaN\nA3,100001,3,E,ASD,2016-01-01,M,0x7E8\nA4,100001,3,E,ASD,2016-01-01,M,2024.5\n');
    expect(e).toEqual([
      "2 census_year: expected a census year like 2024 (the January of the census). Got: '2,024'",
      "3 census_year: expected a census year like 2024 (the January of the census). Got: 'NaN'",
      '4 census_year: expected a census year like 2024 (the January of the census). Got: a value of 5 characters (not shown: it may be personal data, a UPN, name, postcode or birth date in the wrong place)',
      "5 census_year: expected a census year like 2024 (the January of the census). Got: '2024.5'",
    ]);
    expect(await errors('A1,100001,3,E,ASD,2016-01-01,M, 2024 \n')).toEqual([]);
  });
});

describe('a pupil extract saved without its header row', () => {
  it('is an unknown layout that says the header may be missing and prints none of its first record', async () => {
    // the message quoted the first line: 'first line: A999000002194,100001,3,E,ASD,2016-01-01,M,Smith'
    const dir = tempDir();
    writeFileSync(join(dir, 'census_2024.csv'), 'A999000002194,100001,3,E,ASD,2016-01-01,M,Smith\nA999000002195,100001,3,E,ASD,2016-02-01,F,Jones\n');
    const [f] = (await validatePaths([join(dir, 'census_2024.csv')], { today: TODAY })).files;
    const text = f!.errors.map((e) => e.message).join('\n');
    expect(text).toMatch(/unknown layout: no reader recognises this file: its first line holds values, not column names \(8 fields, one like a UPN, date or postcode; not shown, as it may be personal data\), so its header row may be missing/);
    for (const v of ['A999000002194', '2016-01-01', 'Smith']) expect(text).not.toContain(v);
  });
});
