/**
 * `validate` of files that each pass alone but that `load` refuses together: two files of one release layout giving
 * one LA-year's plans differently (a resent extract beside the file it replaces) passed validate (exit 0) where load
 * stopped (exit 1). validate now gives load's error, in load's words, at the file load names; files giving the same
 * figures (counted once by load) and one file alone pass as before. Synthetic figures.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { filesToLoadTogether } from '../../src/etl/load-together.ts';
import type { Reader } from '../../src/etl/reader.ts';
import { sen2BladeCompanionReader, sen2BladeReader } from '../../src/etl/readers/sen2-blade.ts';
import { sen2XmlReader } from '../../src/etl/readers/sen2-xml.ts';
import { readers } from '../../src/etl/registry.ts';

const RETURNS: readonly Reader[] = [sen2XmlReader, sen2BladeReader, sen2BladeCompanionReader];
import { validatePaths } from '../../src/etl/validate.ts';
import type { HighneedsError } from '../../src/errors.ts';
import { tempDir, TODAY } from './helpers.ts';

/** A 2022-layout caseload `name` giving LA 886 `plans` at January 2021 and 17,733 at 2022. */
function caseload(dir: string, name: string, plans: number): string {
  const header = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,characteristic_age,Total_all';
  const row = (y: number, n: number) => `${y},Calendar year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,Total,${n}`;
  const path = join(dir, name);
  writeFileSync(path, `${header}\n${row(2021, plans)}\n${row(2022, 17733)}\n`);
  return path;
}

describe('validate of files that load refuses together', () => {
  it('gives the error load gives, at the file load names; the same figures twice and one file alone pass', async () => {
    const dir = tempDir();
    const a = caseload(dir, 'sen2_age_caseload.csv', 15281);
    const b = caseload(dir, 'sen2_age_caseload_resent.csv', 15381);
    let refused: HighneedsError | undefined;
    await loadIntoMemory([dir], { today: TODAY }).then((m) => m.warehouse.close(), (e: HighneedsError) => (refused = e));
    expect(refused?.problems.map((p) => p.file)).toEqual([b]);
    const { files } = await validatePaths([dir], { today: TODAY });
    expect(files.map((f) => [f.path, f.errors.map((e) => e.message)])).toEqual([
      [a, []],
      [b, [refused!.problems[0]!.message]],
    ]);
    expect(refused!.problems[0]!.message).toContain('LA 886 plans 2021');
    caseload(dir, 'sen2_age_caseload_resent.csv', 15281);
    expect((await validatePaths([dir], { today: TODAY })).files.flatMap((f) => f.errors)).toEqual([]);
    expect((await validatePaths([a], { today: TODAY })).files.flatMap((f) => f.errors)).toEqual([]);
  });

  it('two returns of one LA and census that differ, beside one table: the returns are still read together', async () => {
    const dir = tempDir();
    // the sample's 2025 return cut to its first 21 persons, and to its first 20
    const xml = readFileSync('data-samples/sen2_2025.xml', 'utf8');
    const first = xml.indexOf('<Person>');
    const tail = xml.slice(xml.lastIndexOf('</Person>') + '</Person>'.length);
    const persons = (n: number): string => xml.slice(first).split('</Person>').slice(0, n).join('</Person>') + '</Person>';
    writeFileSync(join(dir, 'a.xml'), xml.slice(0, first) + persons(21) + tail);
    writeFileSync(join(dir, 'b.xml'), xml.slice(0, first) + persons(20) + tail);
    copyFileSync('data-samples/funding.csv', join(dir, 'funding.csv'));
    const { files } = await validatePaths([dir], { today: TODAY });
    expect(files.map((f) => [f.path.slice(dir.length + 1), f.errors.length])).toEqual([['a.xml', 0], ['b.xml', 1], ['funding.csv', 0]]);
    expect(files[1]!.errors[0]!.message).toContain('two SEN2 returns for LA 999 census 2025 hold different persons or plans');
  });
});

describe('which files validate loads together', () => {
  it('the SEN2 returns when two or more (a Blade export is one), the other files when two or more', () => {
    const table = readers.find((r) => !RETURNS.includes(r))!;
    const companions = Array<Reader>(8).fill(sen2BladeCompanionReader);
    expect(filesToLoadTogether([sen2BladeReader, ...companions])).toEqual([]);
    expect(filesToLoadTogether([table])).toEqual([]);
    expect(filesToLoadTogether([sen2BladeReader, sen2BladeCompanionReader, table])).toEqual([]);
    expect(filesToLoadTogether([sen2BladeReader, sen2BladeCompanionReader, table, table])).toEqual([2, 3]);
    expect(filesToLoadTogether([sen2XmlReader, table, sen2XmlReader])).toEqual([0, 2]);
    expect(filesToLoadTogether([sen2XmlReader, sen2BladeReader, sen2BladeCompanionReader, table, table])).toEqual([0, 1, 2, 3, 4]);
  });
});
