import { describe, expect, it } from 'vitest';
import { emptyDataset } from '../../src/model/dataset.ts';
import { pycnophylactic } from '../../src/model/estimate/aggregate-apportion.ts';
import { estimateRatesFromAggregates, initialCubeFromAggregates } from '../../src/model/estimate/aggregate.ts';
import { cubeTotal } from '../../src/model/cube.ts';

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
});
