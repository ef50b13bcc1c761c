/**
 * A 2025-layout file whose age topic carries its own "Total" (or "All ages") row beside the file's "All EHC plans"
 * row: that row repeats the total and is not stored, so the stock, new plans and requests are the published totals,
 * not twice them. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../../src/etl/load.ts';
import { tempDir, TODAY } from '../helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';

/** Lincolnshire, January 2024 and 2025: 1,000 and 1,100 plans; in 2025, 600 aged 10 and 500 aged 15, and a Total age row. */
function release(total: string): string {
  const dir = tempDir();
  const file = (name: string, lines: string[]): void => writeFileSync(join(dir, name), `\ufeff${lines.join('\r\n')}\r\n`);
  file('caseload.csv', [
    `${LEAD},ehcplans,mainstream_la_maintained`,
    `202324,Academic year,${LINCS},All EHC plans,All EHC plans,1000,500`,
    `202425,Academic year,${LINCS},All EHC plans,All EHC plans,1100,550`,
    `202425,Academic year,${LINCS},Child or young persons age,${total},1100,550`,
    `202425,Academic year,${LINCS},Child or young persons age,age 10,600,300`,
    `202425,Academic year,${LINCS},Child or young persons age,age 15,500,250`,
  ]);
  file('newplans.csv', [
    `${LEAD},new_ehc_plans`,
    `2024,Calendar year,${LINCS},New EHC plans,New EHC plans,150`,
    `2024,Calendar year,${LINCS},Age when plan started,${total},150`,
    `2024,Calendar year,${LINCS},Age when plan started,age 5,150`,
  ]);
  file('requests.csv', [
    `${LEAD},requests_received_in_year`,
    `2024,Calendar year,${LINCS},All requests for EHC needs assessments,All requests for EHC needs assessments,300`,
    `2024,Calendar year,${LINCS},Child or young persons age,${total},300`,
  ]);
  return dir;
}

describe("an age topic's own Total row", () => {
  for (const total of ['Total', 'All ages']) {
    it(`'${total}' is not added to the total (forecast's datasets)`, async () => {
      const r = await datasetsFromEesFiles([release(total)], { today: TODAY });
      const lincs = r.datasets.find((d) => d.la.oldCode === '925')!;
      expect(lincs.stockTotal).toEqual({ 2024: 1000, 2025: 1100 });
      expect(r.notes.some((n) => n.includes(`Child or young persons age: ${total}`) && /not stored/.test(n))).toBe(true);
    });
  }

  it('load stores the total once, with the age rows beside it', async () => {
    const load = await loadIntoMemory([release('Total')], { today: TODAY });
    try {
      const q = async (sql: string) => (await load.warehouse.query<{ n: number }>(sql))[0]!.n;
      const all = "need = 'ALL' AND placement = 'ALL' AND age_from = 0 AND age_to = 25";
      expect(await q(`SELECT sum(count)::INT AS n FROM stock WHERE census_year = 2025 AND ${all}`)).toBe(1100);
      expect(await q(`SELECT sum(count)::INT AS n FROM flow WHERE measure = 'new_plans' AND flow_year = 2024 AND ${all}`)).toBe(150);
      expect(await q(`SELECT sum(count)::INT AS n FROM flow WHERE measure = 'requests' AND flow_year = 2024 AND ${all}`)).toBe(300);
    } finally {
      load.warehouse.close();
    }
  });
});
