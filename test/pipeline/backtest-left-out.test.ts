/**
 * The track record is of what a user would have been given: from each origin, backtest scores the LAs that
 * `forecast --base-year <origin>` publishes and no other, the same series for the model and every baseline, and says
 * which it left out and why (`left_out` in the JSON, a line per origin in the text). A forecast `forecast` refuses
 * (a step `run` refuses) was scored; one `forecast` publishes but the files hold no outcome of was left out silently.
 */
import { describe, expect, it } from 'vitest';
import { growingLa } from '../model/growing-la.ts';
import { joinReorganisations } from '../../src/model/reorganise.ts';
import { backtestPoints } from '../../src/model/backtest/backtest.ts';
import { projectTotals, type ProjectionInput } from '../../src/model/forecast/engine-adapter.ts';
import { forecastBatch } from '../../src/model/forecast/forecast.ts';
import type { Batch } from '../../src/model/forecast/pool.ts';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { backtestOf, implausibleForecasts } from '../../src/pipeline/forecast.ts';
import { forecastRefusal } from '../../src/pipeline/forecast-refusal.ts';
import { writeFixture } from '../model/forecast-fixture.ts';
import { leftOutOfOrigin } from '../../src/messages/backtest.ts';

describe('backtest scores only what forecast publishes, and says what it left out', () => {
  it('names a forecast with no outcome (a council whose series ends at the origin), and the LAs forecast skips, in its words', () => {
    const others = Array.from({ length: 8 }, (_, i) => growingLa(String(800 + i), `LA ${i}`, 2012, 2024, 1000 + 300 * i, 0.06 + 0.005 * i));
    const datasets = joinReorganisations([...others, growingLa('928', 'Northamptonshire', 2012, 2021, 3000, 0.09), growingLa('940', 'North Northamptonshire', 2022, 2024, 2500, 0.09), growingLa('941', 'West Northamptonshire', 2022, 2024, 2600, 0.09)]);
    const batch: Batch = { datasets, regions: [] };
    const { result } = backtestOf(batch, [2020, 2021], 3);
    // forecast --base-year 2021 publishes Northamptonshire (its January 2021 is its last): the backtest cannot score it
    const published = forecastBatch(batch, { baseYear: 2021, horizon: 3, draws: 0, seed: 1 });
    expect(published.rows.some((r) => r.old_la_code === '928')).toBe(true);
    expect(Object.keys(result.left_out)).toEqual(['2020', '2021']);
    const left2021 = result.left_out['2021']!;
    expect(left2021.find((l) => l.old_la_code === '928')?.reason).toBe('forecast from January 2021 but not scored: the files hold no plans for January 2022–2024 (the series ends in January 2021)');
    // the successors, skipped by forecast with its own reason, word for word
    for (const origin of [2020, 2021]) {
      const skipped = forecastBatch(batch, { baseYear: origin, horizon: 3, draws: 0, seed: 1 }).skipped;
      for (const s of skipped) expect(result.left_out[String(origin)]).toContainEqual(s);
    }
    expect(result.left_out['2020']!.map((l) => l.old_la_code)).toEqual(['940', '941']);
    expect(left2021.map((l) => l.old_la_code)).toEqual(['928', '940', '941']);
    // the text table's line for the origin: how many, which and why, grouped by reason
    expect(leftOutOfOrigin(2021, left2021)).toMatch(/^origin 2021: 3 LAs left out of every method's scores \(as forecast --base-year 2021 leaves them out, or no outcome\): Northamptonshire \(928\): forecast from January 2021 but not scored: .*; North Northamptonshire \(940\), West Northamptonshire \(941\): did not exist before census 2022/);
  });

  it('leaves out, for the model and every baseline, a forecast that forecast refuses (a step run refuses)', async () => {
    const ees = await datasetsFromEesFiles(writeFixture(2024, { more: true }));
    const batch: Batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
    const norfolk = batch.datasets.find((d) => d.la.oldCode === '926')!;
    // a cohort path that trebles Norfolk's plans in a year from origin 2020 (as made-up age rows under a real total
    // made City of London's fall from 23 to 8): forecast --base-year 2020 would refuse it
    const trebled = (input: ProjectionInput): number[] => {
      const path = projectTotals(input);
      const mine = input.baseYear === 2020 && Math.abs(input.initial.reduce((a, b) => a + b, 0) - norfolk.stockTotal[2020]!) < 1;
      return mine ? path.map((v, i) => (i === 0 ? v : v * 3)) : path;
    };
    const opts = { origins: [2019, 2020], horizon: 2, project: trebled };
    const before = backtestPoints(batch, opts);
    // what the scores took before: the refused forecast, for the model and each baseline
    expect(before.points.filter((p) => p.la === '926' && p.origin === 2020).length).toBeGreaterThan(2);
    const bp = backtestPoints(batch, { ...opts, refuse: forecastRefusal });
    expect(bp.points.filter((p) => p.la === '926' && p.origin === 2020)).toEqual([]);
    expect(bp.points.filter((p) => p.la === '926' && p.origin === 2019).length).toBe(before.points.filter((p) => p.la === '926' && p.origin === 2019).length);
    const left = bp.leftOut.get(2020)!.find((l) => l.old_la_code === '926');
    expect(left?.reason).toMatch(/^its forecast for January 2021 is [\d,]+ plans against [\d,]+ a year earlier \(a step of ×2\.\d\d, outside ×0\.7–×1\.5\), which `run` refuses/);
    // the same words forecast gives it, from the same check (implausibleForecasts takes forecastRefusal)
    const central = before.points.find((p) => p.la === '926' && p.origin === 2020 && p.h === 1 && p.method === 'model')!.forecast;
    const rows = [{ old_la_code: '926', new_la_code: norfolk.la.newCode, la_name: norfolk.la.name, census_year: 2021, ehcp_p10: 0, ehcp_p50: Math.round(central), ehcp_p90: 0 }];
    expect(implausibleForecasts(rows, batch, 2020).get('926')?.reason).toBe(forecastRefusal(norfolk, 2020, [Math.round(central)]));
    expect(bp.leftOut.get(2019)!.map((l) => l.old_la_code)).not.toContain('926');
  });
});
