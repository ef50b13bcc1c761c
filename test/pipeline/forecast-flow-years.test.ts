/**
 * A forecast on files whose requests start a year or two before the base year: the rates of requests becoming plans
 * (and of plans ending) read fewer years than the model's three, and the same LA got other figures from files of the
 * same Januaries reaching further back, with no word of why (Norfolk from January 2022: 9,817 plans at January 2023
 * on the real 2025 layout, requests from 2019; 9,601 on the 2022 release, requests from 2014). forecast now says how
 * many years each rate reads and that files reaching further back give other forecasts. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastFromEes } from '../../src/pipeline/forecast.ts';
import { tempDir } from '../temp.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LAS = ['E10000019,925,Lincolnshire', 'E10000020,926,Norfolk'].map((la) => `Local authority,E92000001,England,E12000004,East Midlands,${la}`);

/** Plans January 2017–2022, new plans of 2016–2021, requests from `requestsFrom` to 2021. */
function release(requestsFrom: number): string {
  const dir = tempDir('hn-flow-years-');
  const file = (name: string, lines: string[]): void => writeFileSync(join(dir, name), `\ufeff${lines.join('\r\n')}\r\n`);
  const years = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  file('caseload.csv', [`${LEAD},ehcplans`, ...years(2017, 2022).flatMap((y) => LAS.map((la, k) => `${y - 1}${String(y % 100).padStart(2, '0')},Academic year,${la},All EHC plans,All EHC plans,${Math.round((5000 + 1000 * k) * 1.08 ** (y - 2017))}`))]);
  file('newplans.csv', [`${LEAD},new_ehc_plans`, ...years(2016, 2021).flatMap((y) => LAS.map((la, k) => `${y},Calendar year,${la},New EHC plans,New EHC plans,${700 + 100 * k + 30 * (y - 2016)}`))]);
  file('requests.csv', [`${LEAD},requests_received_in_year`, ...years(requestsFrom, 2021).flatMap((y) => LAS.map((la, k) => `${y},Calendar year,${la},All requests for EHC needs assessments,All requests for EHC needs assessments,${1000 + 100 * k + 40 * (y - 2016)}`))]);
  return dir;
}

const forecast = (dir: string) => forecastFromEes({ files: [dir], all: true, baseYear: 2022, horizon: 1, draws: 0, seed: 1, cacheDir: tempDir('hn-flow-years-cache-') });

describe('a forecast whose files give requests from a year or two before the base year', () => {
  it('says its rates read fewer years than the model reads, and that longer files give other forecasts', async () => {
    const r = await forecast(release(2019));
    expect(r.rows).toHaveLength(2);
    expect(r.notes).toContainEqual(
      "The files reach back too few years for the model's rates: each LA's share of requests for an EHC needs assessment that become plans a year later is read over 2 years, not 3 (new plans of 2020–2021; the files' requests start in calendar year 2019) (docs/model.md \"Estimation\"). Files of the same Januaries that reach further back (an earlier release's layout) read 3 and give other forecasts of the same LA from the same base year.",
    );
  });

  it('says nothing when the files give the years the model reads', async () => {
    const r = await forecast(release(2018));
    expect(r.notes.filter((n) => n.includes('too few years'))).toEqual([]);
  });
});
