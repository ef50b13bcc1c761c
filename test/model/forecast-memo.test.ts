/**
 * The memo of central forecasts by content (src/model/forecast/memo.ts): batches holding the same data up to an
 * origin share its forecasts, and any difference in that data, the settings or the projector is a miss.
 */
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { calibrationScales, centralsAt } from '../../src/model/forecast/calibrate.ts';
import { DEFAULT_SETTINGS } from '../../src/model/forecast/central.ts';
import { projectTotals } from '../../src/model/forecast/engine-adapter.ts';
import { canonicalText, CentralMemo } from '../../src/model/forecast/memo.ts';
import type { Batch } from '../../src/model/forecast/pool.ts';
import { writeFixture } from './forecast-fixture.ts';

async function fixtureBatch(): Promise<Batch> {
  const ees = await datasetsFromEesFiles(writeFixture(2024));
  return { datasets: ees.datasets, national: ees.national, regions: ees.regions };
}

describe('canonicalText', () => {
  it('writes apart what JSON.stringify writes alike', () => {
    const texts = [
      { a: new Float64Array([1, 2]) },
      { a: [1, 2] },
      { a: { 0: 1, 1: 2 } },
      { a: new Int16Array([1, 2]) },
      { a: NaN },
      { a: null },
      { a: Infinity },
      { a: -Infinity },
      { a: undefined },
      {},
      { a: 0 },
      { a: -0 },
      { a: '\u0000NaN' },
      { a: '\u0000\u0000NaN' },
      { a: new Float64Array([NaN]) },
      { a: new Float64Array([-0]) },
      { a: new Float64Array([0]) },
    ].map(canonicalText);
    expect(new Set(texts).size).toBe(texts.length);
    expect(canonicalText({ a: new Float64Array([1, NaN]), b: [{ c: 'x' }] })).toBe(canonicalText({ a: new Float64Array([1, NaN]), b: [{ c: 'x' }] }));
  });
});

describe('CentralMemo', () => {
  it('shares an origin’s forecasts between batches with the same data up to that origin, and only those', async () => {
    const batch = await fixtureBatch();
    const memo = new CentralMemo();
    const first = memo.cacheOf(batch, DEFAULT_SETTINGS);
    const fs = centralsAt(batch, 2020, 3, DEFAULT_SETTINGS, projectTotals, first);
    expect(memo.size).toBe(1);
    // another copy of the same data: found, the very same forecasts
    expect(memo.cacheOf(structuredClone(batch), DEFAULT_SETTINGS).get(2020)).toBe(fs);
    // a later year changed: not known at 2020, still found; not another origin
    const later = structuredClone(batch);
    later.datasets[0]!.stockTotal[2023]! += 1;
    expect(memo.cacheOf(later, DEFAULT_SETTINGS).get(2020)).toBe(fs);
    expect(memo.cacheOf(later, DEFAULT_SETTINGS).get(2021)).toBeUndefined();
    // one number known at 2020 changed (a stock, an age row, England), the settings, the projector: not found
    const stock = structuredClone(batch);
    stock.datasets[1]!.stockTotal[2019]! += 1;
    const ages = structuredClone(batch);
    ages.datasets[0]!.stockByAge.find((r) => r.year <= 2020)!.count += 1;
    const england = structuredClone(batch);
    england.national!.stockTotal[2020]! += 1;
    for (const b of [stock, ages, england]) expect(memo.cacheOf(b, DEFAULT_SETTINGS).get(2020)).toBeUndefined();
    expect(memo.cacheOf(batch, { ...DEFAULT_SETTINGS, cohortWindow: 3 }).get(2020)).toBeUndefined();
    expect(memo.cacheOf(batch, DEFAULT_SETTINGS, (input) => projectTotals(input)).get(2020)).toBeUndefined();
    // and a changed batch calibrated through the memo gets its own scales, as afresh (changed by up to 8%: scales that
    // one past origin may not narrow stay at 1 for a smaller change, and would not tell the batches apart)
    const changed = structuredClone(batch);
    for (const d of changed.datasets) for (const y of [2018, 2019, 2020]) if (d.stockTotal[y] !== undefined) d.stockTotal[y] = Math.round(d.stockTotal[y]! * (1 + 0.08 * Math.sin(y + d.stockTotal[y]!)));
    const viaMemo = calibrationScales(batch, 2021, 3, DEFAULT_SETTINGS, projectTotals, memo.cacheOf(batch, DEFAULT_SETTINGS));
    expect(viaMemo).toEqual(calibrationScales(batch, 2021, 3));
    const changedViaMemo = calibrationScales(changed, 2021, 3, DEFAULT_SETTINGS, projectTotals, memo.cacheOf(changed, DEFAULT_SETTINGS));
    expect(changedViaMemo).toEqual(calibrationScales(changed, 2021, 3));
    expect(changedViaMemo).not.toEqual(viaMemo);
  });

  it('keeps the origins used last, up to its capacity', async () => {
    const batch = await fixtureBatch();
    const memo = new CentralMemo(2);
    const cache = memo.cacheOf(batch, DEFAULT_SETTINGS);
    const a = centralsAt(batch, 2018, 1, DEFAULT_SETTINGS, projectTotals, cache);
    centralsAt(batch, 2019, 1, DEFAULT_SETTINGS, projectTotals, cache);
    expect(cache.get(2018)).toBe(a); // 2018 used last: 2019 goes first
    centralsAt(batch, 2020, 1, DEFAULT_SETTINGS, projectTotals, cache);
    expect(memo.size).toBe(2);
    expect(cache.get(2018)).toBe(a);
    expect(cache.get(2019)).toBeUndefined();
  });

  it('makes no key while one batch alone uses it (the usual run), and keys the forecasts kept when another looks', async () => {
    const batch = await fixtureBatch();
    const memo = new CentralMemo();
    const cache = memo.cacheOf(batch, DEFAULT_SETTINGS);
    const scales = calibrationScales(batch, 2022, 3, DEFAULT_SETTINGS, projectTotals, cache);
    expect(scales).toEqual(calibrationScales(batch, 2022, 3));
    expect(memo.size).toBeGreaterThan(1);
    expect(memo.keysMade).toBe(0);
    const fs = cache.get(2020)!;
    expect(fs).toBeDefined();
    // another copy of the data: the kept forecasts are keyed now and found
    const again = memo.cacheOf(structuredClone(batch), DEFAULT_SETTINGS);
    expect(again.get(2020)).toBe(fs);
    expect(memo.keysMade).toBe(memo.size + 1);
    // the copy forecasting an origin again replaces it: one slot per key
    const size = memo.size;
    again.set(2020, [...fs]);
    expect(memo.cacheOf(structuredClone(batch), DEFAULT_SETTINGS).get(2020)).not.toBe(fs);
    expect(memo.size).toBe(size); // the older of the two forecasts of one key goes when a lookup keys them
  });
});
