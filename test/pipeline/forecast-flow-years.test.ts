/**
 * A forecast on files whose requests start a year or two before the base year: the rates of requests becoming plans
 * (and of plans ending) read fewer years than the model's three, and the same LA got other figures from files of the
 * same Januaries reaching further back, with no word of why (Norfolk from January 2022: 9,817 plans at January 2023
 * on the real 2025 layout, requests from 2019; 9,601 on the 2022 release, requests from 2014). forecast now says how
 * many years each rate reads and that data reaching further back give other figures.
 *
 * `run` of the same data (its total plans are forecast's) said nothing of it: Kent on the real 2025 layout from
 * January 2022 gave 20,227 plans at January 2023 in both, and only forecast said why the rates were thin; nor did a
 * run of the sample, whose SEN2 returns give requests from 2022 alone. run (and goal-seek, through run's totals) now
 * says the same words as forecast, naming the LA. Nor did `backtest`, whose scores rest on forecasts from origins
 * that read fewer years still (the real 2025 layout from January 2021: one year of requests becoming plans; the 2022
 * release from 2018 and 2019: one and two); it now names those origins and the years each rate reads there.
 * Synthetic figures, and the sample.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { backtestFromEes, forecastFromEes } from '../../src/pipeline/forecast.ts';
import { runTotals } from '../../src/pipeline/totals.ts';
import { flowYearsShort } from '../../src/messages/model-series.ts';
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

const forecast = (dir: string, las?: string[]) =>
  forecastFromEes({ files: [dir], ...(las ? { las } : { all: true }), baseYear: 2022, horizon: 1, draws: 0, seed: 1, cacheDir: tempDir('hn-flow-years-cache-') });

/** The notes of the total-plans forecast a run of `la` on the files of `dir` is held to (as run and goal-seek say them). */
async function runNotes(dir: string, la: string, baseYear: number): Promise<string[]> {
  const files = readdirSync(dir).map((f) => join(dir, f));
  const load = await loadIntoMemory(files);
  try {
    const ds = await datasetFromWarehouse(load.warehouse, { la });
    return (await runTotals(load.warehouse, ds, baseYear, 1, files)).notes;
  } finally {
    load.warehouse.close();
  }
}

const short = (notes: readonly string[]) => notes.filter((n) => n.includes('too few years'));

describe('a forecast whose files give requests from a year or two before the base year', () => {
  it('says its rates read fewer years than the model reads, and that longer files give other forecasts', async () => {
    const r = await forecast(release(2019));
    expect(r.rows).toHaveLength(2);
    expect(r.notes).toContainEqual(
      "The data reach back too few years for the model's rates: each LA's share of requests for an EHC needs assessment that become plans a year later is read over 2 years, not 3 (new plans of 2020–2021; the data's requests start in calendar year 2019) (docs/model.md \"Aggregate estimation\"). Data of the same Januaries that reach further back (an earlier release's files, or earlier SEN2 returns or Blade exports) read 3 and give the same LA other figures from the same base year.",
    );
  });

  it('says nothing when the files give the years the model reads', async () => {
    const r = await forecast(release(2018));
    expect(short(r.notes)).toEqual([]);
  });

  it('names each LA of several that reads fewer years, when the others read them all', async () => {
    // Lincolnshire's requests from 2014, Norfolk's from 2020: a forecast of both said nothing of Norfolk's one year
    // (`forecast --la 201 420` on the 2022 release, of Isles of Scilly's), where one of Norfolk alone said it
    const dir = release(2014);
    const file = join(dir, 'requests.csv');
    writeFileSync(file, readFileSync(file, 'utf8').split('\r\n').filter((l) => !/^(201\d),.*,926,Norfolk,/.test(l)).join('\r\n'));
    const both = short((await forecast(dir, ['925', '926'])).notes);
    expect(both).toEqual([expect.stringContaining("Norfolk's share of requests for an EHC needs assessment that become plans a year later is read over 1 year, not 3 (new plans of 2021; the data's requests start in calendar year 2020)")]);
    expect(both[0]).not.toMatch(/Lincolnshire|each LA/);
    expect(short((await forecast(dir, ['926'])).notes)).toEqual(both);
    expect(short((await forecast(dir)).notes)).toEqual(both);
  });

  it('names the LAs of each number of years, and every LA but the few that read other years', async () => {
    const dir = release(2019);
    const file = join(dir, 'requests.csv');
    writeFileSync(file, readFileSync(file, 'utf8').split('\r\n').filter((l) => !/^2019,.*,926,Norfolk,/.test(l)).join('\r\n'));
    expect(short((await forecast(dir)).notes)).toEqual([
      expect.stringContaining("Lincolnshire's share of requests for an EHC needs assessment that become plans a year later is read over 2 years"),
      expect.stringContaining("Norfolk's share of requests for an EHC needs assessment that become plans a year later is read over 1 year"),
    ]);
  });
});

describe('flowYearsShort names whose rates are thin', () => {
  const f = { baseYear: 2022, conversionYears: 2, exitYears: 3, window: 3 };
  it('one LA, several, many, each LA, and each LA but a few', () => {
    const whose = (who: Parameters<typeof flowYearsShort>[0]['who']) => /rates: (.*) share of requests/.exec(flowYearsShort({ ...f, who }))![1];
    expect(whose('Kent')).toBe("Kent's");
    expect(whose(['City of London', 'Isles of Scilly'])).toBe("City of London's and Isles of Scilly's");
    expect(whose(['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toBe("A's, B's, C's, D's, E's and 2 other LAs'");
    expect(whose('each LA')).toBe("each LA's");
    expect(whose({ allBut: ['Isles of Scilly'] })).toBe("each LA's but Isles of Scilly's");
  });
});

describe('a run on the same data says what forecast says', () => {
  it('names the LA, in the same words as a forecast of that LA alone', async () => {
    const dir = release(2019);
    const run = short(await runNotes(dir, '926', 2022));
    expect(run).toEqual([expect.stringContaining("Norfolk's share of requests for an EHC needs assessment that become plans a year later is read over 2 years, not 3 (new plans of 2020–2021")]);
    expect(short((await forecast(dir, ['926'])).notes)).toEqual(run);
  });

  it('says nothing when the data give the years the model reads', async () => {
    expect(short(await runNotes(release(2018), '926', 2022))).toEqual([]);
  });

  it("says so of the sample's SEN2 returns, whose requests start in 2022 (new plans published from 2014)", async () => {
    const run = short(await runNotes('data-samples', '999', 2025));
    expect(run).toEqual([expect.stringContaining("Anyshire's share of requests for an EHC needs assessment that become plans a year later is read over 2 years, not 3 (new plans of 2023–2024; the data's requests start in calendar year 2022)")]);
  });

  it('says where the new plans start when they, not the requests, are what the data lack', async () => {
    // requests from 2014, new plans of 2020 and 2021 only: two years of conversions, and two of plans ending
    const dir = release(2014);
    const file = join(dir, 'newplans.csv');
    writeFileSync(file, readFileSync(file, 'utf8').split('\r\n').filter((l) => !/^(2016|2017|2018|2019),/.test(l)).join('\r\n'));
    expect(short(await runNotes(dir, '926', 2022))).toEqual([
      expect.stringContaining("(new plans of 2020–2021; the data's new plans start in calendar year 2020), and its share of plans that end each year over 2 years, not 3 (2020–2021)"),
    ]);
  });
});

describe('a backtest whose origins read fewer years of flows than the model reads', () => {
  const backtest = (dir: string, origins: number[]) => backtestFromEes({ files: [dir], all: true, origins, horizon: 1, cacheDir: tempDir('hn-flow-years-cache-') });

  it('names the origins and the years each rate reads at them', async () => {
    const r = await backtest(release(2019), [2021]);
    expect(r.warnings.filter((w) => w.includes('too few years'))).toEqual([
      "The data reach back too few years for the model's rates at origin January 2021: each LA's share of requests for an EHC needs assessment that become plans a year later is read over 1 year at the origin January 2021, not 3 (docs/model.md \"Estimation\"). The scores are of forecasts made on fewer years of flows than a forecast from a later base year, or from data that reach further back (an earlier release's files, or earlier SEN2 returns or Blade exports), reads.",
    ]);
  });

  it('names each LA of several that reads fewer years at an origin, when the others read them all', async () => {
    // Lincolnshire's requests from 2014, Norfolk's from 2019: at the origin January 2021 Norfolk reads one year, and
    // the note was of the LA that read the most (Lincolnshire's three: no note)
    const dir = release(2014);
    const file = join(dir, 'requests.csv');
    writeFileSync(file, readFileSync(file, 'utf8').split('\r\n').filter((l) => !/^(201[0-8]),.*,926,Norfolk,/.test(l)).join('\r\n'));
    const w = (await backtest(dir, [2021])).warnings.filter((x) => x.includes('too few years'));
    expect(w).toEqual([expect.stringContaining("at origin January 2021: Norfolk's share of requests for an EHC needs assessment that become plans a year later is read over 1 year at the origin January 2021, not 3")]);
  });

  it('says nothing when every origin reads the years the model reads', async () => {
    const r = await backtest(release(2014), [2021]);
    expect(r.warnings.filter((w) => w.includes('too few years'))).toEqual([]);
  });
});
