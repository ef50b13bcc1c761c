/**
 * Single ages from banded data (the 2022 release: under 5, 5–10, 11–15, 16–19, 20–25): the first projected year
 * moves each single age with its band, not by an artefact of apportioning the bands (before: Bournemouth,
 * Christchurch and Poole's age 4 went 52.7 → 30.9 and age 0 12 → 20 in a year its under-5s fell 4%).
 */
import { describe, expect, it } from 'vitest';
import { emptyDataset, type LaDataset } from '../../src/model/dataset.ts';
import { estimateRatesFromAggregates } from '../../src/model/estimate/aggregate.ts';
import { exitRates } from '../../src/model/estimate/aggregate-flow.ts';
import { engineInput } from '../../src/model/forecast/central.ts';
import { projectDeterministic } from '../../src/model/engine.ts';
import { cubeByAge } from '../../src/model/cube.ts';
import type { EngineInput } from '../../src/model/engine-input.ts';
import { HAVE_REAL, realEesDatasets } from './real-files.ts';

const BANDS: Array<[number, number]> = [[0, 4], [5, 10], [11, 15], [16, 19], [20, 25]];

/** Base-year and first projected single ages of `ds` (aggregate route, anchored on its own exit and new plans). */
function firstStep(ds: LaDataset, base: number, newPlansNext: number, growth: number): { s0: Float64Array; s1: Float64Array } {
  const exit = exitRates(ds, base, 3)[0]!;
  const trend = { growth, se: 0.01, damping: 0, longRun: 0 };
  const rates = estimateRatesFromAggregates(ds, { baseYear: base, trend, flow: { exit, newPlansNext } });
  const r = projectDeterministic(engineInput(ds, rates, base, 1) as EngineInput);
  return { s0: cubeByAge(r.central[0]!), s1: cubeByAge(r.central[1]!) };
}

/** Ages (with at least `min` plans at the base) whose first-year change differs from their band's by more than `tol`. */
function offBand(s0: Float64Array, s1: Float64Array, min: number, tol: number): string[] {
  const out: string[] = [];
  for (const [from, to] of BANDS) {
    let b0 = 0;
    let b1 = 0;
    for (let a = from; a <= to; a++) {
      b0 += s0[a]!;
      b1 += s1[a]!;
    }
    for (let a = from; a <= to; a++) {
      if (s0[a]! < min) continue;
      const r = s1[a]! / s0[a]! / (b1 / b0);
      if (Math.abs(r - 1) > tol) out.push(`age ${a}: ${s0[a]!.toFixed(1)} → ${s1[a]!.toFixed(1)}, band ${from}–${to} ×${(b1 / b0).toFixed(3)}`);
    }
  }
  return out;
}

describe('single ages from age bands', () => {
  it('moves every single age with its band in the first projected year (synthetic bands of a known single-age history)', () => {
    // a single-age history: new plans mostly at 3–5, ceasing rising after 16, all growing 8% a year; published as bands
    const nShape = [1, 2, 5, 25, 60, 40, 20, 20, 20, 20, 20, 15, 15, 15, 15, 15, 8, 8, 8, 8, 1, 1, 1, 1, 1, 1];
    const cont = Array.from({ length: 26 }, (_, a) => (a < 16 ? 0.997 : a === 16 ? 0.985 : a === 17 ? 0.967 : a === 18 ? 0.84 : a === 19 ? 0.71 : a === 25 ? 0 : 0.5));
    const ds = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' });
    let s = new Array<number>(26).fill(0);
    for (let y = 1980; y <= 2022; y++) {
      const n = nShape.map((v) => v * 1.08 ** (y - 2022));
      s = s.map((_, a) => (a > 0 ? s[a - 1]! * cont[a - 1]! : 0) + n[a]!);
      if (y < 2016) continue;
      const sum = (x: number[], f: number, t: number): number => x.slice(f, t + 1).reduce((p, v) => p + v, 0);
      ds.stockTotal[y] = sum(s, 0, 25);
      ds.newPlansTotal[y - 1] = sum(n, 0, 25);
      for (const [f, t] of BANDS) {
        ds.stockByAge.push({ year: y, from: f, to: t, count: sum(s, f, t) });
        ds.newPlansByAge.push({ year: y - 1, from: f, to: t, count: sum(n, f, t) });
      }
    }
    const { s0, s1 } = firstStep(ds, 2022, ds.newPlansTotal[2021]! * 1.08, 0.08);
    // before: age 4 ×0.75, age 0 ×1.53, age 19 ×1.28 in a year every band grew 8%
    expect(offBand(s0, s1, 1, 0.02)).toEqual([]);
    // the youngest band's plans are where its flows put them: most at age 4 (the history: 90 of 133)
    expect(s0[4]! / (s0[0]! + s0[1]! + s0[2]! + s0[3]! + s0[4]!)).toBeGreaterThan(0.6);
  });

  it.skipIf(!HAVE_REAL)('moves single ages with their bands on the 2022 release (needs the real files, test/real-data.ts)', async () => {
    const { datasets } = await realEesDatasets();
    for (const code of ['839', '886', '201', '805']) {
      const ds = datasets.find((d) => d.la.oldCode === code)!;
      const { s0, s1 } = firstStep(ds, 2022, ds.newPlansTotal[2021]! * 1.1, 0.1);
      // a band whose shape is changing (20–25, still filling after the 2014 reforms) or a small LA's noisy band moves
      // its ages a little apart (before, BCP's run: age 4 52.7 → 30.9 and age 0 12.2 → 20.0 where its under-5s fell 4%)
      expect(offBand(s0, s1, 20, 0.15), `${ds.la.name}`).toEqual([]);
    }
  }, 120_000);
});
