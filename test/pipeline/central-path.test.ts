import { describe, expect, it } from 'vitest';
import { cubeByPlacement, cubeTotal } from '../../src/model/cube.ts';
import { centreOnMedian, deterministicFactors, publishBudget, scaleProjection } from '../../src/pipeline/central-path.ts';
import { buildRunReport } from '../report/fixtures/run-report.ts';

const r = buildRunReport({ horizon: 4 });

describe('the published central path', () => {
  it('moves each year’s cube onto the P50 total, keeping its proportions and the P10/P90 of the draws', () => {
    // the fixture's cube totals sit on its P50s: move the P50s so the two differ, as a mean path and a median do
    const p = { ...r.projection, draws: 100, totalQuantiles: r.projection.totalQuantiles.map((q, i) => ({ ...q, p50: q.p50 * (1 + 0.01 * i) })) };
    const c = centreOnMedian(p);
    c.years.forEach((_, i) => {
      expect(cubeTotal(c.central[i]!)).toBeCloseTo(p.totalQuantiles[i]!.p50, 6);
      expect(c.totalQuantiles[i]!.p10).toBe(p.totalQuantiles[i]!.p10);
      expect(c.totalQuantiles[i]!.p90).toBe(p.totalQuantiles[i]!.p90);
      const before = cubeByPlacement(p.central[i]!);
      const after = cubeByPlacement(c.central[i]!);
      const tb = before.reduce((a, b) => a + b, 0);
      const ta = after.reduce((a, b) => a + b, 0);
      before.forEach((v, j) => expect(after[j]! / ta).toBeCloseTo(v / tb, 9));
    });
    // the flows into a year move with that year's stock
    const f = c.flows[c.flows.length - 1]!;
    const f0 = p.flows[p.flows.length - 1]!;
    const k = c.totalQuantiles[c.years.indexOf(f.year)]!.p50 / cubeTotal(p.central[p.years.indexOf(f.year)]!);
    expect(f.newPlans).toBeCloseTo(f0.newPlans * k, 6);
    expect(f.ceased).toBeCloseTo(f0.ceased * k, 6);
  });

  it('changes nothing in a deterministic run', () => {
    const p = { ...r.projection, draws: 0 };
    expect(centreOnMedian(p)).toBe(p);
    expect(scaleProjection(p, p.years.map(() => 1))).toBe(p);
  });

  it('moves a deterministic re-projection by its base run’s factors, so that with no change it is the published path', () => {
    const published = centreOnMedian({ ...r.projection, draws: 100, totalQuantiles: r.projection.totalQuantiles.map((q) => ({ ...q, p50: q.p50 * 0.97 })) });
    const det = { ...r.projection, draws: 0 };
    const moved = scaleProjection(det, deterministicFactors(published, det));
    moved.central.forEach((cube, i) => expect(cubeTotal(cube)).toBeCloseTo(cubeTotal(published.central[i]!), 6));
    expect(moved.totalQuantiles.every((q) => q.p10 === q.p50 && q.p90 === q.p50)).toBe(true);
  });

  it('publishes the money P50s as the priced central path and keeps the P10/P90 of the draws', () => {
    const b = publishBudget(r.budget!);
    b.lines.forEach((l, i) => {
      expect(b.expenditureQuantiles[i]!.p50).toBe(l.expenditure);
      expect(b.inYearQuantiles[i]!.p50).toBe(l.inYearBalance);
      expect(b.cumulativeQuantiles[i]!.p50).toBe(l.cumulativeBalance);
      expect(b.cumulativeQuantiles[i]!.p10).toBe(r.budget!.cumulativeQuantiles[i]!.p10);
    });
  });
});
