/**
 * An LA's ONS code changing inside its history in a way highneeds does not know (domain/la.ts SUCCESSIONS): Kent's
 * 886 published as E10000016 to January 2021 and as an E06 unitary's code from January 2022 was joined into one
 * history with no word, in forecast --ees and in run alike. It is now a note naming both codes and their Januaries
 * (the LA's own notes: forecast --la, backtest --la, run, goal-seek; forecast --all too); the code changes the real
 * releases make (Buckinghamshire, Gateshead, Northumberland) and one code throughout say nothing. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { laCodesByYear } from '../../src/etl/code-change.ts';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { revisionWarnings } from '../../src/pipeline/revisions.ts';
import { tempDir, TODAY } from './helpers.ts';

const row = (code: string, year: number) => ({ geographic_level: 'Local authority', old_la_code: '825', new_la_code: code, census_year: year });

/** A 2022-layout caseload of LA 886 with the ONS code `codeOf(year)` for January 2019–2022. */
function caseload(dir: string, codeOf: (year: number) => string): string {
  const header = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,characteristic_age,Total_all';
  const plans: Record<number, number> = { 2019: 11763, 2020: 13499, 2021: 15281, 2022: 17733 };
  const lines = Object.entries(plans).map(([y, n]) => `${y},Calendar year,Local authority,E92000001,England,E12000008,South East,886,${codeOf(Number(y))},Kent,Total,${n}`);
  const path = join(dir, 'sen2_age_caseload.csv');
  writeFileSync(path, `${header}\n${lines.join('\n')}\n`);
  return path;
}

describe("an LA's ONS code changing inside its history", () => {
  it('laCodesByYear: a change SUCCESSIONS does not know is listed with its Januaries; a known one and one code are not', () => {
    expect(laCodesByYear([row('E10000002', 2019), row('E10000002', 2020), row('E06000099', 2021)]).changes.get('825')).toEqual([
      { code: 'E10000002', first: 2019, last: 2020 },
      { code: 'E06000099', first: 2021, last: 2021 },
    ]);
    // Buckinghamshire: E10000002, E06000060 from 2020/21, E10000002 again from 2023/24 (the 2025 release)
    const bucks = laCodesByYear([row('E10000002', 2020), row('E06000060', 2021), row('E06000060', 2022), row('E10000002', 2024)]);
    expect(bucks.changes.size).toBe(0);
    expect(bucks.latest.get('825')).toEqual({ year: 2024, codes: 'E10000002' });
    expect(laCodesByYear([row('E10000002', 2019), row('E10000002', 2020)]).changes.size).toBe(0);
  });

  it('forecast --ees and run name both codes and their Januaries; one code throughout says nothing', async () => {
    const dir = tempDir();
    const file = caseload(dir, (y) => (y >= 2022 ? 'E06000099' : 'E10000016'));
    const ees = await datasetsFromEesFiles([file], { today: TODAY });
    const kent = ees.datasets.find((d) => d.la.oldCode === '886')!;
    const mem = await loadIntoMemory([file], { today: TODAY });
    let own;
    try {
      own = await datasetFromWarehouse(mem.warehouse, { la: '886' });
    } finally {
      mem.warehouse.close();
    }
    for (const ds of [kent, own]) {
      const [note] = revisionWarnings(ds);
      expect(note).toMatch(/^Kent \(886\): its plans are published under 2 ONS codes/);
      expect(note).toContain('E10000016 for January 2019–2021 and E06000099 for January 2022');
      expect(note).toContain('check the codes in the files');
    }
    caseload(dir, () => 'E10000016');
    const same = await datasetsFromEesFiles([file], { today: TODAY });
    expect(revisionWarnings(same.datasets.find((d) => d.la.oldCode === '886')!)).toEqual([]);
  });
});
