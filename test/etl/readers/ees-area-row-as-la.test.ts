/**
 * The row of England or a region labelled 'Local authority' in an edited copy of a published file. With codes typed
 * in (000, E92000001), England was read as an LA of its own (a forecast of every LA held "England", and the national
 * series was gone, exit 0); with none, the error said only 'expected a 3-digit DfE LA code'. Both now say what the
 * row is and what to do. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
const KENT = '202122,Academic year,Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent,All EHC plans,All EHC plans,17733';

async function errors(line: string): Promise<Array<{ line?: number; column?: string; message: string }>> {
  const dir = tempDir();
  writeFileSync(join(dir, 'caseload.csv'), [HEADER, KENT, line].join('\n') + '\n');
  return (await validatePaths([join(dir, 'caseload.csv')], { today: TODAY })).files[0]!.errors;
}

describe("a row of England or a region labelled 'Local authority'", () => {
  it.each([
    ["England's, with codes typed in", '202122,Academic year,Local authority,E92000001,England,,,E92000001,000,England,All EHC plans,All EHC plans,473255', /^a 'Local authority' row that is England's \(E92000001\)/],
    ["a region's, with its code as the LA's", '202122,Academic year,Local authority,E92000001,England,E12000008,South East,E12000008,999,South East,All EHC plans,All EHC plans,83307', /^a 'Local authority' row that is a region's \(E12000008\)/],
    ["a region's, with no LA code or name", '202122,Academic year,Local authority,E92000001,England,E12000008,South East,,,,All EHC plans,All EHC plans,83307', /^a 'Local authority' row that is a region's \(E12000008\)/],
  ])('%s is an error at its line saying so', async (_, line, named) => {
    expect(await errors(line)).toEqual([expect.objectContaining({ line: 3, column: 'geographic_level', message: expect.stringMatching(named) })]);
  });

  it('leaves an LA with a code of its own, and a new LA with no old_la_code yet, as they were', async () => {
    expect(await errors('202122,Academic year,Local authority,E92000001,England,E12000008,South East,E06000035,887,Medway,All EHC plans,All EHC plans,3000')).toEqual([]);
    expect(await errors('202122,Academic year,Local authority,E92000001,England,E12000008,South East,E06000099,,East Surrey,All EHC plans,All EHC plans,4000')).toEqual([]);
  });
});
