/**
 * An LA's plans by placement against its "All EHC plans" total, from the files: a placement row lost from an edited
 * copy of sen2_estab_caseload.csv (Kent's 1,338 plans at independent special schools in January 2022) put its plans at
 * the other placements by their shares, costed at their prices, with no word; it is now a reconciliation finding in the
 * LA's notes, read straight from the files (forecast) or from a warehouse (run). A shortfall that a placement published
 * as `x` explains (the 2025 layout's "educated elsewhere" leaves) is no finding. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles, datasetsFromWarehouse, type EesDatasets } from '../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { tempDir, TODAY } from './helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name';
const KENT = 'Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent';

/** Kent's January 2022: 1,000 plans; by establishment type, 600 + 315, and independent special schools' 85 unless lost. */
function release2022(lost: boolean): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'sen2_age_caseload.csv'), `${LEAD},characteristic_age,Total_all\n2022,Calendar year,${KENT},Total,1000\n`);
  const estab = [
    `${LEAD},establishment_type,establishment_group,Total_all`,
    `2022,Calendar year,${KENT},Total,Total,1000`,
    `2022,Calendar year,${KENT},Mainstream - LA maintained,Mainstream school,600`,
    `2022,Calendar year,${KENT},Special - LA maintained,Special school,315`,
    ...(lost ? [] : [`2022,Calendar year,${KENT},Special - Independent,Special school,85`]),
  ];
  writeFileSync(join(dir, 'sen2_estab_caseload.csv'), estab.join('\n') + '\n');
  return dir;
}

/** The 2025 layout: Kent's 1,000 plans with special_independent published as `x`. */
function release2025(): string {
  const dir = tempDir();
  const lead = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name';
  const kent = 'Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent';
  writeFileSync(
    join(dir, 'caseload.csv'),
    `${lead},breakdown_topic,breakdown,ehcplans,mainstream_la_maintained,special_la_maintained,special_independent\n202122,Academic year,${kent},All EHC plans,All EHC plans,1000,600,315,x\n`,
  );
  return dir;
}

async function fromWarehouse(dir: string): Promise<Omit<EesDatasets, 'ignoredRows'>> {
  const load = await loadIntoMemory([dir], { today: TODAY });
  try {
    return await datasetsFromWarehouse(load.warehouse);
  } finally {
    load.warehouse.close();
  }
}

const named = /^Kent, January 2022: its plans by placement add up to 915, its "All EHC plans" row says 1,000; plans are placed by the placements' shares/;

describe('placements against their total, from the files', () => {
  it.each([
    ['forecast (the files)', (dir: string) => datasetsFromEesFiles([dir], { today: TODAY })],
    ['run (a warehouse)', fromWarehouse],
  ])('%s: a lost placement row is a finding in the LA\'s notes; the whole file is none', async (_, read) => {
    const lost = await read(release2022(true));
    expect(lost.findings.map((f) => [f.kind, f.la, f.year])).toEqual([['placement-sum', '886', 2022]]);
    expect(lost.datasets[0]!.notes).toContainEqual(expect.stringMatching(named));
    expect(lost.notes[0]).toMatch(/^Reconciliation: 1 January whose plans by placement do not add up to its total: Kent, January 2022 \(915 by placement against 1,000\)/);
    expect((await read(release2022(false))).findings).toEqual([]);
  });

  it.each([
    ['forecast (the files)', (dir: string) => datasetsFromEesFiles([dir], { today: TODAY })],
    ['run (a warehouse)', fromWarehouse],
  ])('%s: a shortfall a placement published as x explains is none', async (_, read) => {
    const r = await read(release2025());
    expect(r.datasets[0]!.stockByPlacement[2022]).toEqual({ MS: 600, SSM: 315 });
    expect(r.findings).toEqual([]);
  });
});
