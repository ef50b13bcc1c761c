/**
 * A line that repeats another's LA, year, breakdown and figures but spells a descriptive column differently (the
 * LA's name, its ONS code beside the DfE one, the time period's label) is the same row: counted once with the usual
 * warning, by the row reader and the set-based one alike; with other figures it is an error naming both lines.
 * Before, it was a row of its own and its plans were added: a copy of Kent's January 2026 rows with the name spelt
 * "Kent County Council" doubled Kent's stock (21,555 → 43,110) and its forecast a year ahead (22,654 → 45,441).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withInputFiles } from '../../src/etl/inputs.ts';
import { loadFilesInto } from '../../src/etl/load-files.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { tempDir, TODAY } from './helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const row = (tid: string, ons: string, name: string, plans: number) =>
  `202526,${tid},Local authority,E92000001,England,E12000004,East Midlands,${ons},925,${name},All EHC plans,All EHC plans,${plans},${plans - 100},100`;

async function load(lines: string[], setBased: boolean) {
  const dir = tempDir();
  writeFileSync(join(dir, 'caseload.csv'), `${[`${LEAD},ehcplans,mainstream_la_maintained,special_la_maintained`, ...lines].join('\n')}\n`);
  const wh = await Warehouse.open(':memory:');
  try {
    const out = await withInputFiles([dir], (files) => loadFilesInto(wh, files, { unrecognised: 'error', today: TODAY, setBased }));
    const stock = await wh.query<{ count: number }>("SELECT count FROM stock WHERE placement = 'ALL' AND age_from = 0 AND age_to = 25");
    return { stock: stock.map((s) => s.count), warnings: out.warnings.map((w) => w.message) };
  } finally {
    wh.close();
  }
}

describe('a line repeating another but for a descriptive column', () => {
  for (const setBased of [false, true]) {
    it(`is counted once (${setBased ? 'set-based' : 'row'} reader)`, async () => {
      for (const copy of [
        row('Academic year', 'E10000019', 'Lincolnshire County Council', 1200),
        row('Academic Year', 'E10000019', 'Lincolnshire', 1200),
        row('Academic year', 'E06000099', 'Lincolnshire', 1200),
      ]) {
        const r = await load([row('Academic year', 'E10000019', 'Lincolnshire', 1200), copy], setBased);
        expect(r.stock, copy).toEqual([1200]);
        expect(r.warnings.join('\n'), copy).toMatch(/line 3 repeats line 2 .*counted once/);
      }
    });

    it(`with other figures is an error naming both lines (${setBased ? 'set-based' : 'row'} reader)`, async () => {
      await expect(load([row('Academic year', 'E10000019', 'Lincolnshire', 1200), row('Academic year', 'E10000019', 'Lincolnshire County Council', 1300)], setBased)).rejects.toMatchObject({
        problems: [{ line: 3, message: expect.stringMatching(/same LA, year and breakdown as line 2/) }],
      });
    });
  }
});
