/**
 * The needs file's "Type of placement" topic of the later releases: a subtotal row ('Mainstream - total',
 * 'Educated elsewhere - total') beside its own leaves is not stored (it was mapped to MS or EOTAS and stored beside
 * the leaves, twice their plans), and 'Educated elsewhere - NEET' is NEET, not EOTAS. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIntoMemory } from '../../../src/etl/load.ts';
import { tempDir, TODAY } from '../helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';

describe("the needs file's placement subtotals", () => {
  it('stores the leaves once, with NEET as NEET', async () => {
    const dir = tempDir();
    const rows = [
      `${LEAD},ehc_plans,number_asd,number_semh`,
      `202425,Academic year,${LINCS},All EHC plans,All EHC plans,100,60,40`,
      `202425,Academic year,${LINCS},Type of placement,Mainstream - total,70,40,30`,
      `202425,Academic year,${LINCS},Type of placement,Mainstream - LA maintained,50,30,20`,
      `202425,Academic year,${LINCS},Type of placement,Mainstream - Academy,20,10,10`,
      `202425,Academic year,${LINCS},Type of placement,Educated elsewhere - total,30,20,10`,
      `202425,Academic year,${LINCS},Type of placement,Educated elsewhere - NEET,10,5,5`,
      `202425,Academic year,${LINCS},Type of placement,Educated elsewhere - Elective home education,20,15,5`,
    ];
    writeFileSync(join(dir, 'sen_needs_all_plans.csv'), `\ufeff${rows.join('\r\n')}\r\n`);
    const load = await loadIntoMemory([dir], { today: TODAY });
    try {
      const byPlacement = await load.warehouse.query<{ placement: string; n: number }>(
        "SELECT placement, sum(count)::INT AS n FROM stock WHERE census_year = 2025 AND placement <> 'ALL' GROUP BY placement ORDER BY placement",
      );
      expect(Object.fromEntries(byPlacement.map((r) => [r.placement, r.n]))).toEqual({ EOTAS: 20, MS: 70, NEET: 10 });
    } finally {
      load.warehouse.close();
    }
  });
});
