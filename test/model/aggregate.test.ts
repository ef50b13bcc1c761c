import { describe, expect, it } from 'vitest';
import { emptyDataset } from '../../src/model/dataset.ts';
import { pycnophylactic, singleAges } from '../../src/model/estimate/aggregate-apportion.ts';
import { estimateRatesFromAggregates, initialCubeFromAggregates } from '../../src/model/estimate/aggregate.ts';
import { cubeByAge, cubeByPlacement, cubeTotal } from '../../src/model/cube.ts';
import { PLACEMENTS } from '../../src/domain/index.ts';
import { conversions, exitRates, leadNewPlans } from '../../src/model/estimate/aggregate-flow.ts';
import { engineInput } from '../../src/model/forecast/central.ts';
import { N_CEASE_REASONS } from '../../src/model/rates.ts';
import { projectTotals } from '../../src/model/forecast/engine-adapter.ts';

const BANDS: Array<[number, number, number]> = [[0, 4, 50], [5, 10, 330], [11, 15, 330], [16, 19, 220], [20, 25, 70]];

describe('aggregate estimation', () => {
  it('apportions bands to single ages preserving every band sum', () => {
    const x = pycnophylactic(BANDS.map(([from, to, count]) => ({ from, to, count })));
    for (const [from, to, count] of BANDS) {
      let s = 0;
      for (let a = from; a <= to; a++) s += x[a]!;
      expect(s).toBeCloseTo(count, 8);
    }
    expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
  });

  it('keeps the 2025 layout\'s "under 3" row beside its single ages: the under-3s stay at ages 0–2', () => {
    // caseload.csv from 2023/24: "under 3", "age 3" … "age 25" (synthetic figures)
    const rows = [{ year: 2025, from: 0, to: 2, count: 30 }];
    for (let a = 3; a <= 25; a++) rows.push({ year: 2025, from: a, to: a, count: 100 });
    const x = singleAges(rows, 2025)!;
    expect(x[0]! + x[1]! + x[2]!).toBeCloseTo(30, 6);
    for (let a = 3; a <= 25; a++) expect(x[a]).toBe(100);
    const ds = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' });
    ds.stockTotal[2025] = 2330;
    ds.stockByAge.push(...rows);
    const cube = initialCubeFromAggregates(ds, 2025);
    expect(cubeTotal(cube)).toBeCloseTo(2330, 6);
    const byAge = cubeByAge(cube);
    expect(byAge[0]! + byAge[1]! + byAge[2]!).toBeCloseTo(30, 6);
    expect(byAge[3]).toBeCloseTo(100, 6);
    // age 3 keeps its 100 (before, the 30 under-3s were spread over ages 3–25 and age 3 read 101.3)
    const x2 = singleAges([...rows, { year: 2025, from: 20, to: 25, count: 600 }], 2025)!;
    expect(x2[20]).toBe(100);
  });

  it('places the base year\'s plans as the LA\'s published placements say, at the ages each placement allows', () => {
    // synthetic: 1,000 plans in the bands above; published placements MS 380, SSM 300, FE 200, SPI 60, EY 10, NONE 50
    const ds = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' });
    ds.stockTotal[2022] = 1000;
    for (const [from, to, c] of BANDS) ds.stockByAge.push({ year: 2022, from, to, count: c });
    ds.stockByPlacement[2022] = { MS: 380, SSM: 300, FE: 200, SPI: 60, EY: 10, NONE: 50 };
    const cube = initialCubeFromAggregates(ds, 2022);
    const byPlacement = cubeByPlacement(cube);
    const at = (p: string) => byPlacement[PLACEMENTS.indexOf(p as (typeof PLACEMENTS)[number])]!;
    // before: MS 432.9, SSM 341.8, FE 107.6, SPI 32.3, EY 2.2, NONE 83.2 (each share renormalised among the placements
    // possible at an age)
    for (const [p, n] of Object.entries(ds.stockByPlacement[2022]!)) expect(at(p), p).toBeCloseTo(n, 3);
    const byAge = cubeByAge(cube);
    let s16 = 0;
    for (let a = 16; a <= 19; a++) s16 += byAge[a]!;
    expect(s16).toBeCloseTo(220, 6); // the ages are kept: the 16–19 band still holds its 220
  });

  it('splits ceased plans by the published reasons (2025 layout ceased_plans.csv), by age where the rows give ages', () => {
    const ds = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' });
    for (let y = 2018; y <= 2022; y++) {
      ds.stockTotal[y] = 1000 * 1.1 ** (y - 2018);
      for (const [from, to, c] of BANDS) ds.stockByAge.push({ year: y, from, to, count: c * 1.1 ** (y - 2018) });
    }
    // synthetic 2021: all ages 60 max age (1), 30 needs met (2), 10 not recorded (0); age 19: 40 max age, 10 employment (4)
    ds.ceased.push({ year: 2021, from: 0, to: 25, reason: 1, count: 60 }, { year: 2021, from: 0, to: 25, reason: 2, count: 30 });
    ds.ceased.push({ year: 2021, from: 0, to: 25, reason: 0, count: 10 });
    ds.ceased.push({ year: 2021, from: 19, to: 19, reason: 1, count: 40 }, { year: 2021, from: 19, to: 19, reason: 4, count: 10 });
    const r = estimateRatesFromAggregates(ds, { baseYear: 2022 });
    const at = (a: number) => Array.from(r.ceaseReasonShare.slice(a * N_CEASE_REASONS, (a + 1) * N_CEASE_REASONS)).map((v) => Number(v.toFixed(6)));
    // before: every share 0, so every ceased plan was 'reason not recorded'
    expect(at(19)).toEqual([0, 0.8, 0, 0, 0.2, 0, 0, 0, 0, 0]);
    expect(at(10)).toEqual([0.1, 0.6, 0.3, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.notes).toContain('Ceased plans by reason: split as the published ceased plans of 2021 by age and reason.');
  });

  it('estimates continuation, incidence and an initial cube from band series', () => {
    const ds = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' });
    for (let y = 2018; y <= 2022; y++) {
      const f = 1.1 ** (y - 2018);
      ds.stockTotal[y] = BANDS.reduce((s, b) => s + b[2] * f, 0);
      for (const [from, to, c] of BANDS) ds.stockByAge.push({ year: y, from, to, count: c * f });
      ds.newPlansTotal[y - 1] = 130 * f;
      for (const [from, to, c] of BANDS) ds.newPlansByAge.push({ year: y - 1, from, to, count: (c / 1000) * 130 * f });
    }
    const r = estimateRatesFromAggregates(ds, { baseYear: 2022 });
    expect(r.source).toBe('aggregate');
    expect(r.continuation[25]).toBe(0);
    for (let a = 0; a < 25; a++) expect(r.continuation[a]).toBeGreaterThanOrEqual(0);
    const inc = r.incidence.reduce((s, v) => s + v, 0);
    expect(inc).toBeCloseTo(ds.newPlansTotal[2021]!, 6); // unit population proxy: new plans per year
    expect(r.trend.growth).toBeCloseTo(0.1, 6);
    expect(cubeTotal(initialCubeFromAggregates(ds, 2022))).toBeCloseTo(ds.stockTotal[2022]!, 6);
  });

  it('reads stock-flow exits and requests-to-plans conversions', () => {
    const ds = { stockTotal: { 2020: 100, 2021: 110, 2022: 120 }, newPlansTotal: { 2020: 15, 2021: 16 }, requests: { 2019: 20, 2020: 20, 2021: 25 } };
    expect(exitRates(ds, 2022, 3).map((x) => Number(x.toFixed(6)))).toEqual([Number((6 / 110).toFixed(6)), 0.05]);
    expect(conversions(ds, 2022, 3)).toEqual([0.8, 0.75]);
    expect(leadNewPlans(ds, 2022, 0.8, 0.1)).toEqual({ newPlansNext: 20, newPlansSource: 'requests', conversion: 0.8 });
    expect(leadNewPlans({ ...ds, requests: {} }, 2022, undefined, Math.log(1.25)).newPlansNext).toBeCloseTo(20, 9);
  });

  it('anchors the cohort route on the stock-flow step: first year = S(1 − exit) + new plans', () => {
    const ds = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' });
    for (let y = 2018; y <= 2022; y++) {
      const f = 1.1 ** (y - 2018);
      ds.stockTotal[y] = BANDS.reduce((s, b) => s + b[2] * f, 0);
      for (const [from, to, c] of BANDS) ds.stockByAge.push({ year: y, from, to, count: c * f });
      ds.newPlansTotal[y - 1] = 130 * f;
      for (const [from, to, c] of BANDS) ds.newPlansByAge.push({ year: y - 1, from, to, count: (c / 1000) * 130 * f });
    }
    const flow = { exit: 0.06, newPlansNext: 150 };
    const trend = { growth: 0.08, se: 0.01, damping: 0, longRun: 0 };
    const rates = estimateRatesFromAggregates(ds, { baseYear: 2022, trend, flow });
    const path = projectTotals(engineInput(ds, rates, 2022, 2));
    const s0 = ds.stockTotal[2022]!;
    expect(path[1]).toBeCloseTo(s0 * (1 - flow.exit) + flow.newPlansNext, 6);
    expect(rates.notes.join('\n')).toMatch(/^Incidence scaled by \d\.\d{3} so that 150 new plans are issued in 2022 \(new-plan trend\)\.$/m);
    // a fraction of a plan is shown as one: City of London's 0.34 read '0 new plans are issued in 2022'
    const few = estimateRatesFromAggregates(ds, { baseYear: 2022, trend, flow: { exit: 0.06, newPlansNext: 0.339, newPlansSource: 'requests', conversion: 0.339 } });
    expect(few.notes.join('\n')).toMatch(/so that 0\.3 new plans are issued in 2022 \(requests 2021 × conversion 0\.339\)\./);
  });
});
