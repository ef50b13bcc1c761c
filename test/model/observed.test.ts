/** model/observed.ts: a January's published figures, and where the model's fitted start differs from them. */
import { describe, expect, it } from 'vitest';
import { N_AGES, PLACEMENTS, needIndex, placementIndex } from '../../src/domain/index.ts';
import { cellIndex, newCube } from '../../src/model/cube.ts';
import { emptyDataset } from '../../src/model/dataset.ts';
import { observedCensus, startGaps } from '../../src/model/observed.ts';
import { initialCubeFromAggregates } from '../../src/model/estimate/aggregate.ts';

const la = { oldCode: '999', newCode: 'E99999999', name: 'Anyshire' };

/** Published tables for January 2022: a total, five age bands and placements (the 2022 release's shape). */
function published() {
  const ds = emptyDataset(la);
  ds.stockTotal[2022] = 2164;
  for (const [from, to, count] of [[0, 4, 90], [5, 10, 610], [11, 15, 760], [16, 19, 520], [20, 25, 184]] as const) ds.stockByAge.push({ year: 2022, from, to, count });
  ds.stockByPlacement[2022] = { EY: 7, MS: 737, RP: 102, IMS: 20, SSM: 315, SSA: 269, ISS: 127, NMSS: 19, AP: 16, FE: 262, SPI: 27, EOTAS: 100, NEET: 83, NONE: 80 };
  return ds;
}

describe('observedCensus', () => {
  it("gives the data's figures for that January only", () => {
    const ds = published();
    const o = observedCensus(ds, 2022);
    expect(o.total).toBe(2164);
    expect(o.byPlacement?.MS).toBe(737);
    expect(o.byPlacement?.WBL).toBe(0);
    expect(o.byNeed).toBeUndefined();
    // bands are not single ages: the model's apportionment of them is no observation
    expect(o.byAge).toBeUndefined();
    // placements of an earlier January are not this one's
    expect(observedCensus(ds, 2023).byPlacement).toBeUndefined();
  });

  it('takes single ages from single-age rows covering 0–25, or from a SEN2 cube', () => {
    const ds = published();
    for (let a = 0; a < N_AGES; a++) ds.stockByAge.push({ year: 2021, from: a, to: a, count: a + 1 });
    expect(Array.from(observedCensus(ds, 2021).byAge!)).toEqual(Array.from({ length: N_AGES }, (_, a) => a + 1));
    const cube = newCube();
    cube[cellIndex(7, needIndex('ASD'), placementIndex('MS'))] = 3;
    ds.stockCube[2020] = cube;
    const o = observedCensus(ds, 2020);
    expect(o.total).toBe(3);
    expect(o.byAge![7]).toBe(3);
  });
});

describe('startGaps', () => {
  it("finds no gap in the fit's float residue: the start shows as the data when rounded", () => {
    const ds = published();
    const start = initialCubeFromAggregates(ds, 2022);
    expect(startGaps(observedCensus(ds, 2022), start)).toEqual([]);
  });

  it('names every figure the start would show differently from the data, largest first', () => {
    const ds = published();
    const start = initialCubeFromAggregates(ds, 2022);
    // 3 plans with no placement recorded placed in mainstream schools, 0.6 of a plan moved from AP to EOTAS
    const at = (p: (typeof PLACEMENTS)[number]) => cellIndex(10, needIndex('UNKNOWN'), placementIndex(p));
    expect(start[at('NONE')]).toBeGreaterThan(3);
    start[at('NONE')]! -= 3;
    start[at('MS')]! += 3;
    start[at('AP')]! -= 0.6;
    start[at('EOTAS')]! += 0.6;
    const gaps = startGaps(observedCensus(ds, 2022), start);
    expect(gaps.map((g) => g.what)).toEqual(['MS', 'NONE', 'AP', 'EOTAS']);
    expect(gaps.find((g) => g.what === 'AP')).toMatchObject({ observed: 16 });
  });
});
