/**
 * A later release that revises a year's new plans an earlier release gives: the newer figure was used, the LA's
 * rates of requests becoming plans and the ages of its new plans taken from it, with no word, while a revised
 * January's plans were said (a synthetic 2025-layout release to January 2026 beside the real one to January 2022:
 * Kent's new plans of 2021 2,910 → 2,997 and Bradford's 655 → 639 said nowhere, though Kent's January 2022 plans
 * revised 17,733 → 18,088 were). They are now said as a January's plans are, by forecast (one note for the batch),
 * run, backtest and goal-seek (pipeline/revisions.ts). Synthetic figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { revisionWarnings } from '../../src/pipeline/revisions.ts';
import { tempDir, TODAY } from './helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const kent = (tp: string, kind: string, topic: string) => `${tp},${kind},Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent,${topic},${topic}`;
const newPlans = (rows: Array<[number, number]>) =>
  [`${LEAD},new_ehc_plans`, ...rows.map(([y, n]) => `${kent(String(y), 'Calendar year', 'New EHC plans')},${n}`)].join('\n') + '\n';
const caseload = (rows: Array<[string, number]>) =>
  [`${LEAD},ehcplans`, ...rows.map(([tp, n]) => `${kent(tp, 'Academic year', 'All EHC plans')},${n}`)].join('\n') + '\n';

/** An earlier release to January 2022 and a later one to January 2026 that revises the new plans of 2021. */
function releases(revised: number): string[] {
  const dir = tempDir();
  for (const d of ['old', 'new']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'old', 'newplans.csv'), newPlans([[2020, 2141], [2021, 2910]]));
  writeFileSync(join(dir, 'old', 'caseload.csv'), caseload([['202021', 15281], ['202122', 17733]]));
  writeFileSync(join(dir, 'new', 'newplans.csv'), newPlans([[2020, 2141], [2021, revised], [2025, 4251]]));
  writeFileSync(join(dir, 'new', 'caseload.csv'), caseload([['202021', 15281], ['202122', 17733], ['202526', 26557]]));
  return [join(dir, 'old'), join(dir, 'new')];
}

const SAID = /1 figure\(s\) of new EHC plans of a calendar year( known by January 2026)? differ between releases \(a later release revises them\): Kent new plans of 2021: ees-2026 gives 2997, ees-2025 gives 2910\. The newer release's figure is used/;

describe("a later release revising a year's new plans", () => {
  it('forecast and backtest --ees use the newer figure and say so', async () => {
    const r = await datasetsFromEesFiles(releases(2997), { today: TODAY, maxCensusYear: 2026 });
    expect(r.datasets[0]!.newPlansTotal[2021]).toBe(2997);
    expect(r.revisedNewPlans).toMatch(SAID);
    expect(r.notes.join('\n')).toMatch(SAID);
    expect(r.revised).toBeUndefined();
  });

  it('run, backtest --data and goal-seek use the newer figure and warn of it', async () => {
    const load = await loadIntoMemory(releases(2997), { today: TODAY });
    try {
      const ds = await datasetFromWarehouse(load.warehouse, { la: '886' });
      expect(ds.newPlansTotal[2021]).toBe(2997);
      expect(revisionWarnings(ds).join('\n')).toMatch(SAID);
    } finally {
      load.warehouse.close();
    }
  });

  it('says nothing where the releases agree', async () => {
    const r = await datasetsFromEesFiles(releases(2910), { today: TODAY, maxCensusYear: 2026 });
    expect(r.revisedNewPlans).toBeUndefined();
    const load = await loadIntoMemory(releases(2910), { today: TODAY });
    try {
      expect(revisionWarnings(await datasetFromWarehouse(load.warehouse, { la: '886' }))).toEqual([]);
    } finally {
      load.warehouse.close();
    }
  });
});
