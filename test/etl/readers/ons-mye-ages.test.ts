/**
 * The age columns of an ONS mid-year estimates table: a table going on past 90 (91 … 99, 100+) was stored as ten
 * rows of age 90 and its 100+ left out with a warning; two columns of one age ('5' and '05') were both stored, the
 * age's children counted twice, exit 0. Ages from 90 on are now one row (90 and over, their sum), and two columns
 * counting one age are an error at the header naming both.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageColumns } from '../../../src/etl/readers/ons-mye.ts';
import { loadIntoMemory } from '../../../src/etl/load.ts';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

/** An estimates table of one area whose column `name` holds `value(name)`. */
function table(names: string[], value: (name: string, i: number) => number): string {
  return `Code,Name,Geography,All ages,${names.join(',')}\nE99999999,Anyshire,County,1000,${names.map(value).join(',')}\n`;
}
const SINGLE = Array.from({ length: 90 }, (_, a) => String(a));

describe('ONS estimates: ages from 90 on and ages given twice', () => {
  it('sums 90 … 99 and 100+ into one row of 90 and over, the younger ages as they are', async () => {
    const dir = tempDir();
    const names = [...SINGLE, ...Array.from({ length: 10 }, (_, k) => String(90 + k)), '100+'];
    writeFileSync(join(dir, 'ons_mye_2020.csv'), table(names, (_, i) => i + 1));
    const v = await validatePaths([dir], { today: TODAY });
    expect(v.files[0]!.errors).toEqual([]);
    expect(v.files[0]!.warnings).toEqual([]);
    const { warehouse } = await loadIntoMemory([dir], { today: TODAY });
    try {
      const rows = await warehouse.query('SELECT age, count(*)::INTEGER AS n, sum(count)::DOUBLE AS s FROM population WHERE age IN (5, 89, 90) GROUP BY age ORDER BY age');
      // column i holds i + 1: age 5 is 6, 89 is 90, and 90 … 100+ (columns 90 … 100) 91 + … + 101 = 1,056
      expect(rows).toEqual([{ age: 5, n: 1, s: 6 }, { age: 89, n: 1, s: 90 }, { age: 90, n: 1, s: 1056 }]);
    } finally {
      warehouse.close();
    }
  });

  it('refuses two columns of one age at the header, naming both', async () => {
    const dir = tempDir();
    const cases: Array<[string, string[], string, string]> = [
      ['padded.csv', [...SINGLE, '90+', '05'], '05', '5'],
      ['ninety-twice.csv', [...SINGLE, '90', '90+'], '90+', '90'],
      ['older-beside-open.csv', [...SINGLE, '90+', '95'], '95', '90+'],
    ];
    for (const [name, names] of cases) writeFileSync(join(dir, `ons_mye_2020_${name}`), table(names, () => 10));
    const v = await validatePaths([dir], { today: TODAY });
    for (const [name, , column, other] of cases) {
      const f = v.files.find((x) => x.path.endsWith(name))!;
      expect(f.errors, name).toEqual([expect.objectContaining({ line: 1, column, message: expect.stringContaining(`column '${column}' counts children of an age that column '${other}' counts too`) })]);
    }
    await expect(loadIntoMemory([join(dir, 'ons_mye_2020_padded.csv')], { today: TODAY })).rejects.toMatchObject({ problems: [expect.objectContaining({ message: expect.stringMatching(/counts children of an age/) })] });
  });

  it('reads the published layout as it is', () => {
    const { columns, clash } = ageColumns(['code', 'name', 'all ages', ...SINGLE, '90+']);
    expect(clash).toBeUndefined();
    expect(columns.map((c) => c.from)).toEqual([...SINGLE.map(Number), 90]);
    expect(columns.at(-1)!.open).toBe(true);
  });
});
