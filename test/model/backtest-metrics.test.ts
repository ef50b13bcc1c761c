import { describe, expect, it } from 'vitest';
import { median, scorePoints } from '../../src/model/backtest/metrics.ts';

describe('scorePoints', () => {
  it('computes MAPE, MdAPE, WAPE, bias and coverage on hand-worked numbers', () => {
    // APEs: 10%, 5%, 20%; PEs: +10, −5, −20; Σ|e| = 10 + 10 + 80 = 100, Σa = 100 + 200 + 400 = 700.
    const s = scorePoints([
      { forecast: 110, actual: 100, lo: 90, hi: 120 },
      { forecast: 190, actual: 200, lo: 150, hi: 195 },
      { forecast: 320, actual: 400, lo: 300, hi: 420 },
    ]);
    expect(s.mape).toBeCloseTo(35 / 3, 10);
    expect(s.mdape).toBeCloseTo(10, 10);
    expect(s.wape).toBeCloseTo((100 / 700) * 100, 10);
    expect(s.bias).toBeCloseTo(-15 / 3, 10);
    expect(s.coverage80).toBeCloseTo(2 / 3, 10);
    expect(s.n).toBe(3);
  });
  it('has no coverage without intervals and skips non-positive actuals', () => {
    const s = scorePoints([{ forecast: 1, actual: 0 }, { forecast: 11, actual: 10 }]);
    expect(s.coverage80).toBeNull();
    expect(s.n).toBe(1);
    expect(s.mape).toBeCloseTo(10);
  });
  it('median of even and odd lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
