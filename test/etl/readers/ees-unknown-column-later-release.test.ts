/**
 * A numeric column outside every subtotal that holds exactly the plans the placements miss is a placement this
 * version does not know, and is refused. On a later release the check never ran: every row from January 2023 has
 * `await_prov_2022` and `perm_ex_2022` (published "pre 2023 only") as a marker, and the 2025 layout leaves some
 * leaves of a published subtotal as `x`, and any leaf not published was taken to maybe hold the missing plans. A
 * synthetic 2025-layout release carried on to January 2026 with `nm_early_years` renamed `non_maintained_early_years`
 * ran Kent with exit 0, its 88 early-years plans of January 2026 put at other placements and none projected there
 * (298 by 2030), the column only 'ignored' on the Data quality sheet. Markers that hold no plans (`z`, not applicable;
 * a pre-2023 column after 2022) and leaves whose subtotal is published no longer excuse the gap. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../../src/etl/ees-datasets.ts';
import { tempDir, TODAY } from '../helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const HEADER = `${LEAD},ehcplans,mainstream_la_maintained,mainstream_academy,mainstream_total,elective_home_education,online_provider,neet,ed_elsewhere,` +
  'other_placement_settings,non_maintained_early_years,placement_unknown,await_prov_2022,perm_ex_2022';
const row = (tp: string, topic: string) => `${tp},Academic year,Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent,${topic}`;

/** Kent's all-plans and age 7 rows of a January: the early-years plans (40 and 4) in the renamed column. */
function file(tp: string, online: string, early: string, awaiting: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'caseload.csv'), [
    HEADER,
    `${row(tp, 'All EHC plans,All EHC plans')},1000,600,300,900,10,${online},15,30,20,${early},10,${awaiting},${awaiting}`,
    `${row(tp, 'Child or young persons age,age 7')},60,40,10,50,1,${online === '5' ? '0' : online},2,3,2,${early === '40' ? '4' : early},1,${awaiting},${awaiting}`,
  ].join('\n') + '\n');
  return dir;
}

const REFUSED = { problems: [{ column: 'non_maintained_early_years', message: expect.stringMatching(/holds, on 2 row\(s\), exactly the plans by which 'ehcplans' exceeds the placement columns/) }] };

describe('an unknown column holding the plans the placements miss, on a later release', () => {
  it("is refused where the pre-2023 columns read 'z'", async () => {
    await expect(datasetsFromEesFiles([file('202526', '5', '40', 'z')], { today: TODAY })).rejects.toMatchObject(REFUSED);
  });

  it("is refused where the pre-2023 columns read 'x' after January 2022", async () => {
    await expect(datasetsFromEesFiles([file('202526', '5', '40', 'x')], { today: TODAY })).rejects.toMatchObject(REFUSED);
  });

  it("is refused where a leaf of a published subtotal reads 'x'", async () => {
    await expect(datasetsFromEesFiles([file('202526', 'x', '40', 'z')], { today: TODAY })).rejects.toMatchObject(REFUSED);
  });

  it('is only warned of where a marker may hold the missing plans (the pre-2023 columns up to January 2022)', async () => {
    const r = await datasetsFromEesFiles([file('202122', '5', '40', 'x')], { today: TODAY });
    expect(r.datasets[0]!.stockTotal[2022]).toBe(1000);
    expect(r.notes).toEqual(expect.arrayContaining([expect.stringMatching(/unknown column 'non_maintained_early_years' is ignored/)]));
  });
});
