import { describe, expect, it } from 'vitest';
import { parseTarget, seek, targetValue } from '../../src/budget/goal-seek.ts';

describe('goal-seek targets', () => {
  it('reads the two kinds of target, with separators and a negative amount', () => {
    expect(parseTarget('in-year-balance=0@2028-29')).toEqual({ kind: 'in-year-balance', amount: 0, fy: 2028, text: 'in-year-balance=0@2028-29' });
    expect(parseTarget('cumulative-balance=-5_000_000@2030-31')).toMatchObject({ kind: 'cumulative-balance', amount: -5_000_000, fy: 2030 });
    expect(parseTarget('cumulative-balance=£1,500,000@2027-28')!.amount).toBe(1_500_000);
    for (const bad of ['in-year-balance=0', 'balance=0@2028-29', 'in-year-balance=x@2028-29', 'in-year-balance=0@28']) expect(parseTarget(bad)).toBeUndefined();
  });

  it('refuses what is no amount in pounds, and reads the minus sign a word processor writes', () => {
    // before: a separator alone was £0, '1,2,3' £123, '20,00,000' £2,000,000 and 21 nines 1e+21 (in the messages too)
    for (const bad of [',', '_', '-_', '1,2,3', '1,5', '20,00,000', '1,000_000', '999999999999999999999', '1000000000001', '-1e400', 'NaN', 'Infinity', '0x10', '1e6', '', '.5', '--5', '+5', '１０'])
      expect(parseTarget(`in-year-balance=${bad}@2028-29`), bad).toBeUndefined();
    expect(parseTarget('in-year-balance=−5,000,000@2028-29')).toMatchObject({ amount: -5_000_000, text: 'in-year-balance=-5000000@2028-29' });
    expect(parseTarget('in-year-balance=-£20,000,000.50@2028-29')!.amount).toBe(-20_000_000.5);
    expect(parseTarget('in-year-balance=-0@2028-29')!.text).toBe('in-year-balance=0@2028-29');
    expect(parseTarget('cumulative-balance=-1000000000000@2028-29')!.amount).toBe(-1e12);
    for (const fy of ['2028-30', '99999-00', '２０２８-29']) expect(parseTarget(`in-year-balance=0@${fy}`), fy).toBeUndefined();
  });

  it('picks the in-year or the cumulative balance of the year', () => {
    const lines = [{ fy: 2028, inYearBalance: -3, cumulativeBalance: -10 }];
    expect(targetValue(lines, parseTarget('in-year-balance=0@2028-29')!)).toBe(-3);
    expect(targetValue(lines, parseTarget('cumulative-balance=0@2028-29')!)).toBe(-10);
    expect(targetValue(lines, parseTarget('cumulative-balance=0@2029-30')!)).toBeUndefined();
  });
});

describe('seek', () => {
  it('finds the effect on a straight line exactly (hand-worked: −£4m + £10m × e = 0 → e = 0.4)', () => {
    const r = seek((e) => -4e6 + 10e6 * e, 0);
    expect(r.met).toBe(true);
    expect(r.effect).toBeCloseTo(0.4, 6);
    expect(Math.abs(r.achieved)).toBeLessThanOrEqual(1_000);
    expect(r.range).toEqual([-4e6, 6e6]);
  });

  it('finds it on a curve within the tolerance', () => {
    const r = seek((e) => -4e6 + 10e6 * e * e, 1e6);
    expect(r.met).toBe(true);
    expect(r.effect).toBeCloseTo(Math.sqrt(0.5), 3);
    expect(Math.abs(r.achieved - 1e6)).toBeLessThanOrEqual(1_000);
  });

  it('reports the closest reachable value when no effect meets the target', () => {
    const r = seek((e) => -9e6 + 5e6 * e, 0);
    expect(r).toMatchObject({ met: false, effect: 1, achieved: -4e6, range: [-9e6, -4e6] });
  });
});
