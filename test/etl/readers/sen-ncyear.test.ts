/**
 * The published "Special educational needs in England" table by national curriculum year (sen_ncyear): the 2021/22
 * release names its provision column `pupil_sen_status` and breaks each LA down by school phase and type
 * (`phase_type_grouping`, with a Total row); later releases name the need `sen_primary_need`. The reader knew only
 * `sen_provision` / `sen_status` and no phase column, so such a file was stored with every row's provision as 'all
 * pupils' and the phases summed with their Total: each pupil counted at least twice, EHC plans and SEN support mixed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIntoMemory } from '../../../src/etl/load.ts';
import { tempDir, TODAY } from '../helpers.ts';

const GEO = '202122,Academic year,Local authority,E92000001,England,E12000004,East Midlands,925,E10000019,Lincolnshire';
const HEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name';

async function stored(text: string): Promise<{ rows: unknown[]; warnings: string[] }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'sen_ncyear_.csv'), text);
  const load = await loadIntoMemory([dir], { today: TODAY });
  try {
    const rows = await load.warehouse.query(
      'SELECT sen_provision, need, sum(count)::DOUBLE AS pupils FROM school_census WHERE age = 11 GROUP BY ALL ORDER BY sen_provision, need',
    );
    return { rows, warnings: load.warnings.map((w) => w.message) };
  } finally {
    load.warehouse.close();
  }
}

describe('sen_ncyear as the releases publish it', () => {
  it('reads pupil_sen_status and sen_primary_need, and stores only the Total of a phase breakdown, saying so', async () => {
    const { rows, warnings } = await stored(
      `${HEAD},phase_type_grouping,pupil_sen_status,sen_primary_need,nc_early_years,nc_reception,nc_year_7\n` +
        `${GEO},Total,EHC plan,Total,1,20,30\n` +
        `${GEO},State-funded secondary,EHC plan,Total,0,0,18\n` +
        `${GEO},Special school,EHC plan,Total,1,20,12\n` +
        `${GEO},Total,SEN support,Autistic Spectrum Disorder,0,40,50\n` +
        `${GEO},State-funded secondary,SEN support,Autistic Spectrum Disorder,0,0,50\n`,
    );
    expect(rows).toEqual([
      { sen_provision: 'E', need: 'ALL', pupils: 30 },
      { sen_provision: 'K', need: 'ASD', pupils: 50 },
    ]);
    expect(warnings.join('\n')).toContain('3 LA rows by school phase and type (phase_type_grouping other than Total) were not stored: they are parts of the Total rows');
  });

  it('stores nothing of a phase breakdown without its Total rows, and says so', async () => {
    const { rows, warnings } = await stored(`${HEAD},phase_type_grouping,sen_status,nc_reception,nc_year_7\n${GEO},State-funded secondary,EHC plan,0,18\n`);
    expect(rows).toEqual([]);
    expect(warnings.join('\n')).toContain('the file has no Total row to store instead: nothing of it was stored');
  });
});
