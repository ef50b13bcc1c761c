/**
 * Placement cells an LA's line publishes as `c` (a small count) beside placements it publishes: the plans its total
 * leaves are put there, shared evenly, with a note naming the LA, the January, the placements and the file; a cell
 * published as `x` (not collected) is no count and stays out. Before, a run read each `c` as none: Isles of Scilly's
 * January 2022 with four small placements as `c` showed 0 plans in an independent special school as actual and
 * started its projection with the 5 hidden plans in mainstream schools. Synthetic figures in the 2022 layout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { isSaidDataNote } from '../../src/pipeline/run-warnings.ts';
import { tempDir, TODAY } from './helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name';
const SCILLY = '2022,Calendar year,Local authority,E92000001,England,E12000009,South West,420,E06000053,Isles of Scilly';

/** Isles of Scilly, January 2022: 16 plans, 11 in mainstream academies, the rest in cells given as `special`. */
function release(special: string): string {
  const dir = tempDir();
  const age = [`${LEAD},characteristic_age,Total_st,Total_st_pc,Total_ehc,Total_ehc_pc,Total_all,Total_all_pc`, `${SCILLY},Total,z,z,16,100,16,100`];
  const cell = (type: string, group: string, v: string) => `${SCILLY},${type},${group},z,z,${v},${v},${v},${v}`;
  const estab = [
    `${LEAD},establishment_type,establishment_group,Total_st,Total_st_pc,Total_ehc,Total_ehc_pc,Total_all,Total_all_pc`,
    cell('Total', 'Total', '16'),
    cell('Mainstream - Academy', 'Mainstream school', '11'),
    cell('Special - LA maintained', 'Special school', '0'),
    cell('Special - Non-maintained', 'Special school', 'x'),
    cell('Special - Independent', 'Special school', special),
    cell('Other FE', 'Further education', special),
    cell('Elective home education', 'Educated elsewhere', special),
    cell('Non-maintained early years', 'Non-maintained early years', special),
  ];
  writeFileSync(join(dir, 'sen2_age_caseload.csv'), `${age.join('\n')}\n`);
  writeFileSync(join(dir, 'sen2_estab_caseload.csv'), `${estab.join('\n')}\n`);
  return dir;
}

async function placements(dir: string) {
  const load = await loadIntoMemory([dir], { today: TODAY });
  try {
    return await datasetFromWarehouse(load.warehouse, { la: '420' });
  } finally {
    load.warehouse.close();
  }
}

describe('placements published as c beside published ones', () => {
  it('a run puts the plans the total leaves in those placements, shared evenly, with a note', async () => {
    const ds = await placements(release('c'));
    expect(ds.stockByPlacement[2022]).toMatchObject({ MS: 11, SSM: 0, ISS: 1.25, FE: 1.25, EOTAS: 1.25, EY: 1.25 });
    expect(ds.stockByPlacement[2022]!.NMSS ?? 0).toBe(0);
    expect(ds.notes).toContainEqual(
      expect.stringMatching(
        /^Placements not published: Isles of Scilly, January 2022: its plans in .*Independent special school \(ISS\).* are not published \(suppressed\) in .*sen2_estab_caseload\.csv \(line \d+\), which hides a count, not none; the 5 of its 16 plans that its published placements leave are put there, shared evenly \(1\.3 each\)/,
      ),
    );
  });

  it('the note is said on stderr, not only on the Data quality sheet', async () => {
    const notes = (await placements(release('c'))).notes.filter((n) => /are not published/.test(n));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.filter((n) => /its plans in/.test(n)).every(isSaidDataNote)).toBe(true);
  });

  it('published figures, and x, are read as before', async () => {
    const ds = await placements(release('1'));
    expect(ds.stockByPlacement[2022]).toMatchObject({ MS: 11, ISS: 1, FE: 1, EOTAS: 1, EY: 1 });
    expect(ds.notes.filter((n) => /not published/.test(n))).toEqual([]);
  });
});
