/**
 * A published table re-saved the way Excel offers (semicolons in a European locale, "Text (Tab delimited)" or
 * "Unicode Text" as `.txt`) or with its measure column renamed is a broken copy of a table the model reads. `run`
 * (which loads its data folder in memory and passes over a stray file with a warning) stops on one, naming the file
 * and what to do, as `validate`, `load` and `forecast --ees` do. Before, a `.txt` copy was skipped as documentation
 * and a semicolon copy passed over with a note on the Data quality sheet only: a run then projected Kent without
 * its new plans, 21,633 plans three years ahead instead of 25,034.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { recogniseFile } from '../../src/etl/registry.ts';
import { tempDir, TODAY } from './helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';
const CASELOAD = `${LEAD},ehcplans\n202425,Academic year,${LINCS},All EHC plans,All EHC plans,1200\n`;
const NEWPLANS = `${LEAD},new_ehc_plans,mainstream_la_maintained,special_la_maintained\n2024,Calendar year,${LINCS},New EHC plans,New EHC plans,150,90,60\n`;

/** A data folder with a good caseload and `name` holding `bytes`. */
function folder(name: string, bytes: string | Buffer): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'caseload.csv'), CASELOAD);
  writeFileSync(join(dir, name), bytes);
  return dir;
}

const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('a broken copy of a published table', () => {
  it.each([
    ['semicolons', 'newplans.csv', NEWPLANS.replaceAll(',', ';'), /separated by ';': expected commas/],
    ['tabs, saved as .txt', 'newplans.txt', NEWPLANS.replaceAll(',', '\t'), /separated by tabs: expected commas/],
    ['UTF-16 "Unicode Text", saved as .txt', 'newplans.txt', utf16(NEWPLANS.replaceAll(',', '\t')), /UTF-16 text .*save it from Excel as "CSV UTF-8/],
    ['its measure column renamed', 'newplans.csv', NEWPLANS.replace('new_ehc_plans', 'new_ehc_planz'), /unknown layout/],
  ])('with %s stops the in-memory load a run makes, naming the file', async (_what, name, bytes, message) => {
    const dir = folder(name, bytes);
    await expect(loadIntoMemory([dir], { today: TODAY })).rejects.toMatchObject({
      exitCode: 1,
      problems: [{ file: join(dir, name), line: 1, message: expect.stringMatching(message) }],
    });
  });

  // without its byte-order mark it was 'not text (binary content)' with no word of UTF-16, and a run passed it over
  it.each([
    ['little-endian', Buffer.from(NEWPLANS, 'utf16le')],
    ['big-endian', Buffer.from(NEWPLANS, 'utf16le').swap16()],
  ])('saved as UTF-16 (%s) without a byte-order mark stops the in-memory load a run makes, saying it is UTF-16', async (_order, bytes) => {
    const dir = folder('newplans.csv', bytes);
    await expect(loadIntoMemory([dir], { today: TODAY })).rejects.toMatchObject({
      exitCode: 1,
      problems: [{ file: join(dir, 'newplans.csv'), message: expect.stringMatching(/UTF-16 text .*save it from Excel as "CSV UTF-8/) }],
    });
  });

  it('a stray file, and documentation, are still passed over', async () => {
    const dir = folder('mystery.csv', 'a,b\n1,2\n');
    writeFileSync(join(dir, 'data-guidance.txt'), 'Education, health and care plans\nReporting year 2025\n\nFilename: caseload.csv\n');
    writeFileSync(join(dir, 'README.md'), '# My notes\n\n| file | what |\n|---|---|\n| caseload.csv | plans |\n');
    writeFileSync(join(dir, 'unit_costs.csv'), 'placement,annual_cost_gbp,priceyear\nISS,60000,2024-25\n');
    const load = await loadIntoMemory([dir], { today: TODAY });
    try {
      expect(load.loaded.map((f) => f.reader)).toEqual(['ees-2025-caseload']);
      expect(load.warnings.map((w) => w.file).sort()).toEqual([join(dir, 'mystery.csv'), join(dir, 'unit_costs.csv')]);
    } finally {
      load.warehouse.close();
    }
  });

  it('validate: a table saved as .txt is not documentation', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'newplans.txt'), NEWPLANS.replaceAll(',', '\t'));
    writeFileSync(join(dir, 'data-guidance.txt'), 'Education, health and care plans\nReporting year 2025\n');
    const table = await recogniseFile(join(dir, 'newplans.txt'));
    expect('problem' in table && table.problem.message).toMatch(/separated by tabs/);
    const note = await recogniseFile(join(dir, 'data-guidance.txt'));
    expect('reader' in note && note.reader.id).toBe('documentation');
  });
});
