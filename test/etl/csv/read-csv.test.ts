/**
 * A CSV that starts with a UTF-8 byte-order mark but holds bytes that are not UTF-8 further on (a `£` or `é` saved
 * as Windows-1252 after the mark, two files pasted together): every CSV reader says so, at the line of the first
 * such byte, and how to fix it. The mark says UTF-8 and the bytes say otherwise, so no guess is made between them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';

/** A file of `lines` (CRLF) with a BOM; `bad` is a line (1-based) whose '#' becomes the Windows-1252 byte 0xE9 (é). */
function write(name: string, lines: string[], bad: number): string {
  const path = join(tempDir(), name);
  const text = Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
  const parts = text.toString('latin1').split('#');
  expect(parts).toHaveLength(2);
  const before = Buffer.from(parts[0]!, 'latin1');
  expect(before.toString('latin1').split('\n')).toHaveLength(bad);
  writeFileSync(path, Buffer.concat([BOM, before, Buffer.from([0xe9]), Buffer.from(parts[1]!, 'latin1')]));
  return path;
}

const CASES: Array<[string, string, string[], number]> = [
  ['ons-mye', 'ONS2020_PopnByAgeYearEstimate.csv', ['Code,Name,Geography,All ages,0,1,2,90+', 'E06000061,North,Unitary Authority,1350,450,450,450,0', 'E06000062,Ren#e,Unitary Authority,1350,450,450,450,0'], 3],
  ['ees-2025-caseload', 'caseload.csv', [`${LEAD},ehcplans`, ...[1, 2, 3, 4].map((i) => `202122,Academic year,Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincoln${i === 4 ? '#' : ''}shire ${i},All EHC plans,All EHC plans,${100 + i}`)], 5],
  // a 2022-layout table, read set-based in DuckDB when it is regular
  ['ees-2022-age-caseload', 'sen2_age_caseload.csv', [
    'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,characteristic_age,Total_st,Total_st_pc,Total_ehc,Total_ehc_pc,Total_all,Total_all_pc',
    '2022,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,925,E10000019,Lincolnshire,Total,z,z,100,100,100,100',
    '2022,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,926,E10000020,Norfolk #,Total,z,z,100,100,100,100',
  ], 3],
  // the byte far past the head the file is recognised by (64 KB)
  ['ons-mye', 'ONS2019_PopnByAgeYearEstimate.csv', ['Code,Name,Geography,All ages,0,1,2,90+', ...Array.from({ length: 1500 }, (_, i) => `E0600${String(1000 + i)},Area ${i}${i === 1499 ? '#' : ''},Unitary Authority,1350,450,450,450,0`)], 1501],
  ['funding', 'funding.csv', ['financial_year,hn_block_gbp,other_income_gbp', '2025-26,90000000,0', '2026-27,91000000,0 #'], 3],
];

describe('a UTF-8 byte-order mark on a file that is not UTF-8', () => {
  it.each(CASES)('%s: an error at the line of the first byte that is not UTF-8, saying to save it as UTF-8', async (reader, name, lines, bad) => {
    const { files: [f] } = await validatePaths([write(name, lines, bad)], { today: TODAY });
    expect(f!.reader).toBe(reader);
    expect(f!.errors).toHaveLength(1);
    expect(f!.errors[0]!.line).toBe(bad);
    expect(f!.errors[0]!.message).toMatch(new RegExp(`starts with a UTF-8 byte-order mark but is not valid UTF-8 at line ${bad}`));
    expect(f!.errors[0]!.message).toMatch(/save it as .*UTF-8/i);
  });

  it('the same file without the mark is read as Windows-1252, as before', async () => {
    const [, name, lines, bad] = CASES[0]!;
    const path = write(name, lines, bad);
    const { readFileSync } = await import('node:fs');
    writeFileSync(path, readFileSync(path).subarray(3));
    const { files: [f] } = await validatePaths([path], { today: TODAY });
    expect(f!.reader).toBe('ons-mye');
    expect(f!.errors).toEqual([]);
  });
});
