/**
 * A shorter history must not make a range narrower by chance. An LA's trend se (which sets its range beyond a year or
 * two) and how far its growth is pooled came from the year-to-year variance of its own growths; with two or three
 * growths that agreed by chance it looked precise. Cheshire East on the 2025 layout alone (from January 2019) kept
 * 0.73 of its own growth of 16% a year with se 0.013 and got a 2032 range of 12,882–18,856, against 8,916–16,523 from
 * the 2022 release (from 2010); cut to three growths, the real LAs' 3-year ranges held 0.73 of outcomes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LaDataset } from '../../src/model/dataset.ts';
import { backtestPoints } from '../../src/model/backtest/backtest.ts';
import type { Batch } from '../../src/model/forecast/pool.ts';
import { forecastTotals } from '../../src/model/forecast/totals.ts';
import { HAVE_REAL, realEesDatasets } from './real-files.ts';

/** What a release starting in January `from` would hold of `d`: stocks from `from`, flows from the year before. */
function historyFrom(d: LaDataset, from: number): LaDataset {
  const keep = <T,>(rec: Record<number, T>, first: number): Record<number, T> =>
    Object.fromEntries(Object.entries(rec).filter(([y]) => Number(y) >= first)) as Record<number, T>;
  return {
    ...d,
    stockTotal: keep(d.stockTotal, from),
    stockByAge: d.stockByAge.filter((r) => r.year >= from),
    stockByPlacement: keep(d.stockByPlacement, from),
    stockByNeed: keep(d.stockByNeed, from),
    stockCube: keep(d.stockCube, from),
    newPlansTotal: keep(d.newPlansTotal, from - 1),
    newPlansByAge: d.newPlansByAge.filter((r) => r.year >= from - 1),
    newPlansCube: keep(d.newPlansCube, from - 1),
    requests: keep(d.requests, from - 1),
    decidedToAssess: keep(d.decidedToAssess, from - 1),
    assessIssued: keep(d.assessIssued, from - 1),
    assessNotIssued: keep(d.assessNotIssued, from - 1),
    ceased: d.ceased.filter((c) => c.year >= from - 1),
    linkedMoves: d.linkedMoves.filter((m) => m.fromYear >= from),
  };
}

const batchFrom = (b: Batch, from: number): Batch => ({
  datasets: b.datasets.map((d) => historyFrom(d, from)),
  national: b.national && historyFrom(b.national, from),
  regions: b.regions.map((r) => historyFrom(r, from)),
});

describe.skipIf(!HAVE_REAL)('ranges and the length of the history (real EES files)', () => {
  let batch: Batch;
  beforeAll(async () => {
    const ees = await realEesDatasets();
    batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
  }, 120_000);

  it('cutting the history to January 2019 narrows no LA’s 10-year range by more than a third', () => {
    const width = (b: Batch) =>
      new Map(forecastTotals(b, 2022, 10).forecasts.map((f) => [f.ds.la.oldCode, { name: f.ds.la.name, sd: f.sd[9]! }]));
    const long = width(batch);
    const short = width(batchFrom(batch, 2019));
    const narrowed: string[] = [];
    for (const [code, s] of short) {
      const l = long.get(code);
      // the P10–P90 width on the log scale is 2 × Z80 × sd, so the ratio of sds is the ratio of relative widths
      if (l && s.sd < (2 / 3) * l.sd) narrowed.push(`${s.name} ${(s.sd / l.sd).toFixed(2)}`);
    }
    expect(short.size).toBeGreaterThan(140);
    // before: 16 LAs, Southend-on-Sea at 0.33 and Cheshire East at 0.61 among them; now none below 0.74 (Cheshire East 0.84)
    expect(narrowed).toEqual([]);
  }, 120_000);

  it('3-year ranges from three growths hold at least 75% of outcomes', () => {
    // origins 2017–2019, each with its history cut to the three growths before it (as the 2025 layout alone gives at
    // January 2022), scored on the actuals to January 2022
    let inside = 0;
    let n = 0;
    for (const origin of [2017, 2018, 2019]) {
      for (const p of backtestPoints(batchFrom(batch, origin - 3), { origins: [origin], horizon: 3 }).points) {
        if (p.method !== 'model' || p.h !== 3) continue;
        n += 1;
        if (p.actual >= p.lo! && p.actual <= p.hi!) inside += 1;
      }
    }
    expect(n).toBeGreaterThan(400);
    // before: 0.73; now 0.78 (the whole history's: 0.82)
    expect(inside / n).toBeGreaterThanOrEqual(0.75);
  }, 120_000);
});
