/**
 * A forecast of one LA from files holding only that LA (with England's and the regions' rows: a folder made by
 * `init --la … --from` a release) gave another figure than the whole release's, from the same published series:
 * Kent 20,081 / 22,551 / 25,392 plans at January 2023/24/25 against 20,201 / 22,899 / 26,001. The spreads between
 * LAs the pooling reads (between-LA variance of growth and of exit rates, the median year-to-year variance) were
 * estimated from the one LA. A batch of fewer than MIN_BATCH_LAS LAs now takes them from the shipped reference
 * (reference/batch-statistics.csv), and its central forecast is the whole release's. Its 80% range was still its own:
 * the calibration scored the folder's one LA's past forecasts (Kent's January 2023, 19,429–21,004 against the
 * release's 19,498–20,930); it now takes the release's calibration from the same table, and its range is the release's
 * too. Real files: test/real-data.ts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDataset, type LaDataset } from '../../src/model/dataset.ts';
import { batchStatisticsAt, centralForecasts, DEFAULT_SETTINGS } from '../../src/model/forecast/central.ts';
import { MAX_REFERENCE_LAG, MIN_BATCH_LAS, parseStatistics, referenceStatisticsAt, statisticsCsv, type ReferenceStatistics } from '../../src/model/forecast/batch-stats.ts';
import { calibration, ownCalibration, type CentralCache } from '../../src/model/forecast/calibrate.ts';
import { forecastTotals } from '../../src/model/forecast/totals.ts';
import type { Batch } from '../../src/model/forecast/pool.ts';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { loadReferenceStatistics } from '../../src/etl/reference.ts';
import { HAVE_REAL_DATA, REAL_DATA } from '../real-data.ts';

/** `n` LAs in two regions, each growing its own way with some year-to-year noise, from 2012 to 2022. */
function syntheticBatch(n: number): Batch {
  const datasets: LaDataset[] = [];
  for (let i = 0; i < n; i++) {
    const d = emptyDataset({ oldCode: String(300 + i), newCode: `E0900${String(i).padStart(4, '0')}`, name: `LA ${i}` });
    d.regionCode = i % 2 ? 'E12000001' : 'E12000002';
    const base = 200 + 97 * i;
    const g = 0.03 + 0.01 * (i % 7);
    for (let y = 2012; y <= 2022; y++) d.stockTotal[y] = Math.round(base * Math.exp(g * (y - 2012) + 0.02 * Math.sin(y * 1.3 + i)));
    for (let y = 2011; y <= 2021; y++) d.newPlansTotal[y] = Math.round(d.stockTotal[y + 1]! * (0.12 + 0.01 * Math.cos(y + i)));
    datasets.push(d);
  }
  const sum = (list: LaDataset[], name: string, code: string): LaDataset => {
    const d = emptyDataset({ oldCode: code, newCode: code, name });
    for (const x of list) {
      for (const [y, v] of Object.entries(x.stockTotal)) d.stockTotal[Number(y)] = (d.stockTotal[Number(y)] ?? 0) + v;
      for (const [y, v] of Object.entries(x.newPlansTotal)) d.newPlansTotal[Number(y)] = (d.newPlansTotal[Number(y)] ?? 0) + v;
    }
    return d;
  };
  const regions = ['E12000001', 'E12000002'].map((r) => ({ ...sum(datasets.filter((d) => d.regionCode === r), r, r), regionCode: r }));
  return { datasets, national: sum(datasets, 'England', 'ALL'), regions };
}

const centralOf = (batch: Batch, code: string, origin: number): number[] =>
  centralForecasts(batch, origin, 3, undefined, undefined, new Set([code])).forecasts[0]!.central;

describe("a forecast of one LA from files holding only that LA", () => {
  it("is the whole batch's when the batch's statistics are given (synthetic, no real files)", () => {
    const whole = syntheticBatch(MIN_BATCH_LAS + 5);
    const stats = batchStatisticsAt(whole, 2022)!;
    for (const code of ['300', '317', '344']) {
      const alone: Batch = { ...whole, datasets: whole.datasets.filter((d) => d.la.oldCode === code) };
      const all = centralOf(whole, code, 2022);
      // without the whole batch's spreads the LA pools with its own: another forecast
      expect(centralOf(alone, code, 2022)).not.toEqual(all);
      const given = centralForecasts({ ...alone, statistics: [{ ...stats, origin: 2022, firstYear: 2012 }] }, 2022, 3);
      given.forecasts[0]!.central.forEach((v, h) => expect(v).toBeCloseTo(all[h]!, 6));
      expect(given.forecasts[0]!.notes.join(' ')).toContain('every LA of the published release');
    }
  });

  it('pools with its own spreads, and says the forecast depends on it, at an origin the reference does not hold', () => {
    const whole = syntheticBatch(3);
    const f = centralForecasts({ ...whole, statistics: [] }, 2022, 3).forecasts[0]!;
    expect(f.notes.join(' ')).toContain('can differ from one made with every LA');
  });

  it('takes the latest January the reference holds up to MAX_REFERENCE_LAG years before the origin, and says which', () => {
    const whole = syntheticBatch(MIN_BATCH_LAS + 5);
    const alone: Batch = { ...whole, datasets: whole.datasets.filter((d) => d.la.oldCode === '317') };
    const at = (origin: number) => ({ ...batchStatisticsAt(whole, origin)!, origin, firstYear: 2012 });
    const lagged = centralForecasts({ ...alone, statistics: [at(2019), at(2020)] }, 2022, 3).forecasts[0]!;
    const given2020 = centralForecasts({ ...alone, statistics: [{ ...at(2020), origin: 2022 }] }, 2022, 3).forecasts[0]!;
    expect(lagged.central).toEqual(given2020.central);
    expect(lagged.notes.join(' ')).toContain('at January 2020, the latest the shipped reference holds');
    expect(MAX_REFERENCE_LAG).toBe(4);
    // four Januaries back still (a council's own returns to January 2026 against a reference to 2022)
    const four = centralForecasts({ ...alone, statistics: [at(2018)] }, 2022, 3).forecasts[0]!;
    expect(four.central).toEqual(centralForecasts({ ...alone, statistics: [{ ...at(2018), origin: 2022 }] }, 2022, 3).forecasts[0]!.central);
    expect(four.central).not.toEqual(centralForecasts(alone, 2022, 3).forecasts[0]!.central);
    expect(four.notes.join(' ')).toContain('at January 2018, the latest the shipped reference holds');
    // five back is too stale: the LA's own spreads, as with none
    const stale = centralForecasts({ ...alone, statistics: [at(2017)] }, 2022, 3).forecasts[0]!;
    expect(stale.central).toEqual(centralForecasts(alone, 2022, 3).forecasts[0]!.central);
    expect(stale.notes.join(' ')).toContain('holds no whole release\'s figures from January 2018 to 2022: the spreads are the LA\'s own, so the forecast can differ from one made with every LA');
  });

  it('keeps a batch of at least MIN_BATCH_LAS LAs on its own spreads, whatever the reference says', () => {
    const whole = syntheticBatch(MIN_BATCH_LAS);
    const stats = batchStatisticsAt(whole, 2022)!;
    const odd = { ...stats, stockTau2: stats.stockTau2 * 100, exitTau2: stats.exitTau2 * 100, origin: 2022, firstYear: 2012 };
    expect(centralOf({ ...whole, statistics: [odd] }, '305', 2022)).toEqual(centralOf(whole, '305', 2022));
  });

  it("takes the whole batch's calibration of the 80% ranges with its spreads (synthetic)", () => {
    const whole = syntheticBatch(MIN_BATCH_LAS + 5);
    const own = ownCalibration(whole, 2022, 3);
    const row: ReferenceStatistics = { ...batchStatisticsAt(whole, 2022)!, origin: 2022, firstYear: 2012, ranges: { scale: own.k, scored: own.scored, las: own.las } };
    // the table keeps the calibration as written
    const [read] = parseStatistics(statisticsCsv([row]));
    expect(read!.ranges).toEqual(row.ranges);
    const code = '317';
    const alone: Batch = { ...whole, datasets: whole.datasets.filter((d) => d.la.oldCode === code) };
    // one LA's own past errors calibrate it otherwise (eight origins, never narrower than σ)
    expect(ownCalibration(alone, 2022, 3).k).not.toEqual(own.k);
    const all = forecastTotals(whole, 2022, 5, undefined, new Set([code])).forecasts[0]!;
    const given = forecastTotals({ ...alone, statistics: [row] }, 2022, 5);
    const f = given.forecasts[0]!;
    f.central.forEach((v, h) => expect(v).toBeCloseTo(all.central[h]!, 6));
    f.sd.forEach((v, h) => expect(v).toBeCloseTo(all.sd[h]!, 9));
    expect(given).toMatchObject({ scored: own.scored, calibratedOn: whole.datasets.length, calibratedFrom: { origin: 2022, firstYear: 2012, n: 1 } });
    // the same scales a backtest of the LA's folder reads from that origin
    expect(calibration({ ...alone, statistics: [row] }, 2022, 3).k).toEqual(own.k);
  });

  it('calibrates its ranges on its own past errors where the reference holds no calibration, or the settings are not the defaults it was made with', () => {
    const whole = syntheticBatch(MIN_BATCH_LAS + 5);
    const alone: Batch = { ...whole, datasets: whole.datasets.filter((d) => d.la.oldCode === '317') };
    const ownK = ownCalibration(alone, 2022, 3).k;
    const spreads = { ...batchStatisticsAt(whole, 2022)!, origin: 2022, firstYear: 2012 };
    const f = forecastTotals({ ...alone, statistics: [spreads] }, 2022, 3);
    expect(calibration({ ...alone, statistics: [spreads] }, 2022, 3).k).toEqual(ownK);
    expect(f.calibratedFrom).toBeUndefined();
    const ranges = { scale: [0.6, 0.7, 0.8], scored: 3, las: 45 };
    const other = { ...DEFAULT_SETTINGS, calibrationWeight: 1 };
    const withRanges = { ...alone, statistics: [{ ...spreads, ranges }] };
    expect(calibration(withRanges, 2022, 4).k).toEqual([0.6, 0.7, 0.8, 0.8]);
    // from a January up to MAX_REFERENCE_LAG before the base year, as the spreads are taken; not further back
    expect(calibration({ ...alone, statistics: [{ ...spreads, origin: 2022 - MAX_REFERENCE_LAG, ranges }] }, 2022, 2)).toMatchObject({ k: [0.6, 0.7], fromReference: { origin: 2022 - MAX_REFERENCE_LAG } });
    expect(calibration({ ...alone, statistics: [{ ...spreads, origin: 2021 - MAX_REFERENCE_LAG, ranges }] }, 2022, 3).k).toEqual(ownK);
    expect(calibration(withRanges, 2022, 3, other).k).toEqual(ownCalibration(alone, 2022, 3, other).k);
  });

  it.skipIf(!HAVE_REAL_DATA)("is the whole 2022 release's for Kent, Rutland and City of London, central figure and range (real files, shipped reference)", async () => {
    const dir = join(REAL_DATA, 'ees-ehcp-2022', 'data');
    const ees = await datasetsFromEesFiles(readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => join(dir, f)));
    const whole: Batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
    const statistics = await loadReferenceStatistics();
    // the shipped figures are the release's own
    const shipped = referenceStatisticsAt(statistics, 2022, 2010)!;
    expect(shipped).toMatchObject(batchStatisticsAt(whole, 2022)!);
    const codes = ['886', '857', '201'];
    // the past origins' forecasts of the release made once, for its forecast and its calibration alike
    const past: CentralCache = new Map();
    const all = forecastTotals(whole, 2022, 3, undefined, new Set(codes), past);
    const own = ownCalibration(whole, 2022, 3, undefined, undefined, past);
    expect(shipped.ranges).toEqual({ scale: own.k, scored: own.scored, las: own.las });
    for (const code of codes) {
      const alone = forecastTotals({ ...whole, datasets: ees.datasets.filter((d) => d.la.oldCode === code), statistics }, 2022, 3);
      const a = alone.forecasts[0]!;
      const w = all.forecasts.find((f) => f.ds.la.oldCode === code)!;
      a.central.forEach((v, h) => expect(v).toBeCloseTo(w.central[h]!, 6));
      // Kent's folder gave January 2023 as 19,429–21,004 where the release gives 19,498–20,930: its own errors' scale
      a.sd.forEach((v, h) => expect(v).toBeCloseTo(w.sd[h]!, 9));
      expect(alone.scored).toBe(all.scored);
    }
  }, 120_000);
});
