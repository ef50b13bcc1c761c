/**
 * `forecast --la` said nothing of what the trend did with an LA's own series, where `run` of the same LA said it on
 * stderr and its Data quality sheet: City of London on the real 2022 release from January 2022 (19 / 21 / 22 plans
 * at January 2023–2025 in both) had its falls of 24% into January 2011 and 23% into January 2012 (England's 0%)
 * taken as steps in the level, not growth, and Isles of Scilly three such steps; only run said so. forecast of the
 * LAs asked for now says each one's notes on its series in run's words (a step in the level, a flow figure read in
 * line with its neighbours, a January bridged); `--all` says the bridged Januaries in one note, as before. Synthetic
 * figures: Norfolk's plans 60% up into January 2020, Lincolnshire's steady.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { forecastFromEes } from '../../src/pipeline/forecast.ts';
import { runTotals } from '../../src/pipeline/totals.ts';
import { tempDir } from '../temp.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LAS = ['E10000019,925,Lincolnshire', 'E10000020,926,Norfolk'].map((la) => `Local authority,E92000001,England,E12000004,East Midlands,${la}`);
const years = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Plans January 2014–2022 (Norfolk's ×1.6 from 2020), new plans and requests of 2013–2021. */
function release(): string {
  const dir = tempDir('hn-series-notes-');
  const file = (name: string, lines: string[]): void => writeFileSync(join(dir, name), `\ufeff${lines.join('\r\n')}\r\n`);
  const plans = (y: number, k: number): number => Math.round((5000 + 1000 * k) * 1.06 ** (y - 2014) * (k === 1 && y >= 2020 ? 1.6 : 1));
  file('caseload.csv', [`${LEAD},ehcplans`, ...years(2014, 2022).flatMap((y) => LAS.map((la, k) => `${y - 1}${String(y % 100).padStart(2, '0')},Academic year,${la},All EHC plans,All EHC plans,${plans(y, k)}`))]);
  file('newplans.csv', [`${LEAD},new_ehc_plans`, ...years(2013, 2021).flatMap((y) => LAS.map((la, k) => `${y},Calendar year,${la},New EHC plans,New EHC plans,${700 + 100 * k + 30 * (y - 2013)}`))]);
  file('requests.csv', [`${LEAD},requests_received_in_year`, ...years(2013, 2021).flatMap((y) => LAS.map((la, k) => `${y},Calendar year,${la},All requests for EHC needs assessments,All requests for EHC needs assessments,${1000 + 100 * k + 40 * (y - 2013)}`))]);
  return dir;
}

const steps = (notes: readonly string[]) => notes.filter((n) => n.includes('treated as a step in the level'));

describe("forecast of an LA says run's notes on that LA's series", () => {
  it("says Norfolk's step in the level in run's words, and no other LA's", async () => {
    const dir = release();
    const files = readdirSync(dir).map((f) => join(dir, f));
    const load = await loadIntoMemory(files);
    let run: string[];
    try {
      const ds = await datasetFromWarehouse(load.warehouse, { la: '926' });
      run = steps((await runTotals(load.warehouse, ds, 2022, 1, files)).notes);
    } finally {
      load.warehouse.close();
    }
    expect(run).toEqual([expect.stringMatching(/^Norfolk: plans changed by \d+% into January 2020 \(England -?\d+%\): treated as a step in the level, not extrapolated as growth\.$/)]);
    const cacheDir = tempDir('hn-series-notes-cache-');
    const forecast = await forecastFromEes({ files: [dir], las: ['926'], baseYear: 2022, horizon: 1, draws: 0, seed: 1, cacheDir });
    expect(steps(forecast.notes)).toEqual(run);
    const other = await forecastFromEes({ files: [dir], las: ['925'], baseYear: 2022, horizon: 1, draws: 0, seed: 1, cacheDir });
    expect(steps(other.notes)).toEqual([]);
    // every LA at once: no LA's own notes (a run of each names its own)
    const all = await forecastFromEes({ files: [dir], all: true, baseYear: 2022, horizon: 1, draws: 0, seed: 1, cacheDir });
    expect(steps(all.notes)).toEqual([]);
  });
});
