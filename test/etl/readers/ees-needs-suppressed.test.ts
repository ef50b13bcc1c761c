/**
 * A needs file whose small need counts are suppressed (`c`): the published needs fall short of `ehc_plans` by what
 * the suppressed cells hold, which is no mismatch to warn of; needs adding up to more than the total, or short of
 * it with every need published, still are. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../../src/etl/ees-datasets.ts';
import { tempDir, TODAY } from '../helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';
const ROW = `202425,Academic year,${LINCS}`;

function needs(rows: string[]): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'sen_needs_all_plans.csv'), [`${LEAD},ehc_plans,number_asd,number_semh,number_msi,number_vi`, ...rows].join('\n') + '\n');
  return dir;
}

const mismatch = (notes: string[]): string[] => notes.filter((n) => /need columns sum to/.test(n));

describe('needs not adding up to ehc_plans', () => {
  it('is no warning when suppressed cells can explain the shortfall', async () => {
    const dir = needs([
      `${ROW},All EHC plans,All EHC plans,1000,600,394,c,c`,
      `${ROW},Child or young persons age,age 3,16,6,c,c,0`,
    ]);
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(mismatch(r.notes)).toEqual([]);
    expect(r.datasets[0]!.stockByNeed[2025]).toMatchObject({ ASD: 600, SEMH: 394 });
  });

  it('is a warning when the needs add up to more, or fall short with every need published', async () => {
    const dir = needs([
      `${ROW},All EHC plans,All EHC plans,1000,600,500,c,c`,
      `${ROW},Child or young persons age,age 3,16,6,5,1,0`,
    ]);
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(mismatch(r.notes)).toEqual([
      expect.stringMatching(/need columns sum to 1100 but 'ehc_plans' is 1000/),
      expect.stringMatching(/need columns sum to 12 but 'ehc_plans' is 16/),
    ]);
  });
});
