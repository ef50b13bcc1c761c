/**
 * A later release writing its academic years with a separator (2024/25, 2024/2025) in place of the code 202425:
 * read as the same January, where before every row was an error and the release refused. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../../src/etl/ees-datasets.ts';
import { tempDir, TODAY } from '../helpers.ts';

const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
const row = (period: string, plans: number): string =>
  `${period},Academic year,Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire,All EHC plans,All EHC plans,${plans}`;

describe('an academic year written with a separator', () => {
  it('is read as the January its code would give', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'caseload.csv'), [HEADER, row('2023/24', 900), row('2024/2025', 1000), row('202526', 1100)].join('\n') + '\n');
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(r.datasets[0]!.stockTotal).toEqual({ 2024: 900, 2025: 1000, 2026: 1100 });
  });
});
