/**
 * A published table re-saved under the Government Statistical Service's standard for markers writes them in square
 * brackets (`[c]` suppressed, `[x]` unavailable, `[z]` not applicable, `[low]`, `[u]`). Such a copy reads as the same
 * release with plain markers: the same figures, the same missing values with the same reasons, never a 0. It used to be
 * refused on every marker cell ("expected a number or a marker (x z c : low u). Got: '[c]'").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { tempDir, TODAY } from './helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';

/** A small caseload file whose marker cells are written `m(plain)`. */
function caseload(m: (plain: string) => string): string {
  const dir = tempDir();
  const rows = [
    `${LEAD},ehcplans,mainstream_la_maintained,special_la_maintained,special_independent,mainstream_total_pc`,
    `202324,Academic year,${LINCS},All EHC plans,All EHC plans,1000,600,${m('c')},${m('x')},${m('z')}`,
    `202425,Academic year,${LINCS},All EHC plans,All EHC plans,1100,650,300,150,${m('low')}`,
    `202425,Academic year,${LINCS},Child or young persons age,age 7,${m('u')},${m('c')},${m('c')},${m('c')},${m('z')}`,
  ];
  writeFileSync(join(dir, 'caseload.csv'), `${rows.join('\r\n')}\r\n`);
  return dir;
}

describe('markers in square brackets', () => {
  it('load stores them as the plain markers: NULL with the same reason', async () => {
    const stored = async (dir: string) => {
      const load = await loadIntoMemory([dir], { today: TODAY });
      try {
        return await load.warehouse.query<Record<string, unknown>>(
          'SELECT census_year, placement, age_from, age_to, count, missing FROM stock ORDER BY census_year, placement, age_from, age_to',
        );
      } finally {
        load.warehouse.close();
      }
    };
    const plain = await stored(caseload((p) => p));
    const bracketed = await stored(caseload((p) => `[${p}]`));
    expect(bracketed).toEqual(plain);
    expect(bracketed.filter((r) => r.missing !== null).map((r) => r.missing)).toEqual(expect.arrayContaining(['suppressed', 'unavailable', 'unreliable']));
    expect(bracketed.some((r) => r.count === 0)).toBe(false);
  });

  it('forecast reads the same plans from either copy', async () => {
    const plain = await datasetsFromEesFiles([caseload((p) => p)], { today: TODAY });
    const bracketed = await datasetsFromEesFiles([caseload((p) => `[${p.toUpperCase()}]`)], { today: TODAY });
    const lincs = (r: typeof plain) => r.datasets.find((d) => d.la.oldCode === '925')!;
    expect(lincs(bracketed).stockTotal).toEqual({ 2024: 1000, 2025: 1100 });
    expect(lincs(bracketed).stockByPlacement).toEqual(lincs(plain).stockByPlacement);
  });
});
