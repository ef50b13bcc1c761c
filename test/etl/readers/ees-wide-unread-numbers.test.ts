/**
 * The subtotal and percentage columns of the 2025-layout caseload.csv and newplans.csv (`mainstream_total`,
 * `mainstream_total_pc`, `AP_PRU_total_pc`) are not read — the placement leaves are — but a cell there that is no
 * number is refused with its line, column and value, as the 2022 layout readers refuse a bad cell in the measure
 * columns they do not read (`total_st_pc`). 'NaN' there used to validate 'ok'. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const ROW = '202425,Academic year,Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';
const CASELOAD = `${LEAD},ehcplans,mainstream_la_maintained,mainstream_total,mainstream_total_pc,special_la_maintained,special_total,special_total_pc,ap_pru_la_maintained,ap_pru_total,AP_PRU_total_pc`;
// one row of all plans, one of a breakdown the reader does not store (sex): both are checked
const caseloadRows = (pc: string) => [
  `${ROW},All EHC plans,All EHC plans,100,60,60,60,30,30,30,10,10,10`,
  `${ROW},Sex,Boys,70,40,40,${pc},25,25,35.7,5,5,7.1`,
];
const NEWPLANS_ROW = '2024,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';
const NEWPLANS = `${LEAD},new_ehc_plans,mainstream_la_maintained,mainstream_total,mainstream_total_pc,special_la_maintained,special_total,special_total_pc`;

async function validate(name: string, lines: string[]) {
  const dir = tempDir();
  writeFileSync(join(dir, name), lines.join('\r\n') + '\r\n');
  const { files } = await validatePaths([join(dir, name)], { today: TODAY, setBased: false });
  return files[0]!;
}

describe('2025 layout: subtotal and percentage columns the readers do not read', () => {
  it.each(['NaN', 'Infinity', '57%', 'abc', '101', '-5'])('caseload.csv: %s in mainstream_total_pc is an error at its line and column', async (v) => {
    const f = await validate('caseload.csv', [CASELOAD, ...caseloadRows(v)]);
    expect(f.reader).toBe('ees-2025-caseload');
    expect(f.errors).toHaveLength(1);
    expect(f.errors[0]).toMatchObject({ line: 3, column: 'mainstream_total_pc' });
    expect(f.errors[0]!.message).toContain(v);
  });

  it('caseload.csv: a subtotal that is no number is an error too; markers and blanks pass', async () => {
    const bad = await validate('caseload.csv', [CASELOAD, `${ROW},All EHC plans,All EHC plans,100,60,NaN,60,30,30,30,10,10,10`]);
    expect(bad.errors).toEqual([expect.objectContaining({ line: 2, column: 'mainstream_total', message: expect.stringContaining("Got: 'NaN'") })]);
    const good = await validate('caseload.csv', [CASELOAD, ...caseloadRows('x'), `${ROW},Sex,Girls,30,20,20,,5,5,c,5,5,z`]);
    expect(good.errors).toEqual([]);
  });

  it("newplans.csv: 'NaN' in special_total_pc is an error at its line and column", async () => {
    const f = await validate('newplans.csv', [NEWPLANS, `${NEWPLANS_ROW},New EHC plans,New EHC plans,10,6,6,60,4,4,NaN`]);
    expect(f.reader).toBe('ees-2025-newplans');
    expect(f.errors).toEqual([expect.objectContaining({ line: 2, column: 'special_total_pc', message: expect.stringContaining("Got: 'NaN'") })]);
  });
});
