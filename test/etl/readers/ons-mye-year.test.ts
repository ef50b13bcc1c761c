/**
 * An ONS mid-year estimates file whose `year` column never gives the year its name gives (ons_mye_2021.csv with 2020 in
 * every row: a file copied from last year's with its column not updated, or renamed): the column was read without a
 * word, so the figures counted as mid-2020's whichever year they were. It is now an error naming the file, both years
 * and the first line; a column that gives the name's year among others, or a name with no year, is read as before.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const HEADER = `Code,Name,Geography,year,All ages,${Array.from({ length: 90 }, (_, a) => a).join(',')},90+`;
const row = (code: string, year: number): string => `${code},Anyshire,County,${year},910,${Array.from({ length: 91 }, () => 10).join(',')}`;

async function errors(name: string, years: number[]): Promise<Array<{ line?: number; column?: string; message: string }>> {
  const dir = tempDir();
  writeFileSync(join(dir, name), [HEADER, ...years.map((y, i) => row(`E9999999${i}`, y))].join('\n') + '\n');
  return (await validatePaths([join(dir, name)], { today: TODAY })).files[0]!.errors;
}

describe('an ONS mid-year estimate whose year column and file name disagree', () => {
  it('is an error naming the file, both years and the first line', async () => {
    expect(await errors('ons_mye_2021.csv', [2020, 2020])).toEqual([
      expect.objectContaining({ line: 2, column: 'year', message: expect.stringMatching(/^the file name ons_mye_2021\.csv says mid-2021, but its year column gives 2020 and never 2021: it is unclear which year/) }),
    ]);
    expect((await errors('ons_mye_2021.csv', [2022, 2020]))[0]!.message).toMatch(/gives 2020, 2022 and never 2021/);
  });

  it('reads a column that gives the name\'s year among others, and any column of a file whose name has no year', async () => {
    expect(await errors('ons_mye_2021.csv', [2021, 2021])).toEqual([]);
    expect(await errors('ons_mye_2019_to_2021.csv', [2019, 2020, 2021])).toEqual([]);
    expect(await errors('population.csv', [2020])).toEqual([]);
  });
});
