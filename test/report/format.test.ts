import { describe, expect, it } from 'vitest';
import { fmtBalance, fmtCount, fmtMoney, fmtPercent, roundPlanParts, roundPlans } from '../../src/report/format.ts';
import { formatUnit } from '../../src/report/charts/render.ts';

describe('formats', () => {
  it('formats counts, money, balances and shares for prose', () => {
    expect(fmtCount(3240.4)).toBe('3,240');
    expect(fmtMoney(-82_500_000)).toBe('-£82.5m');
    expect(fmtMoney(450_000)).toBe('£450k');
    expect(fmtMoney(950)).toBe('£950');
    expect(fmtBalance(-1_200_000)).toBe('a deficit of £1.2m');
    expect(fmtBalance(2_000_000)).toBe('a surplus of £2.0m');
    expect(fmtPercent(0.0812)).toBe('8.1%');
  });
  it('never writes a minus on nothing ("-0", "-£0")', () => {
    expect(fmtCount(-0.3)).toBe('0');
    expect(fmtMoney(-0.4)).toBe('£0');
    expect(fmtMoney(-1)).toBe('-£1');
  });
  it('formats chart ticks', () => {
    expect(formatUnit(-12.5, 'moneyM')).toBe('-£12.5m');
    expect(formatUnit(-200, 'moneyM')).toBe('-£200m');
    expect(formatUnit(6000, 'count')).toBe('6,000');
  });
  it('writes plan counts to a millionth, without float noise, parts adding up to their total', () => {
    expect(roundPlans(6.4 + 9.8 + 2.8)).toBe(19);
    expect(roundPlans(19.437211433571093)).toBe(19.437211);
    expect(Object.is(roundPlans(-1e-9), -0) || roundPlans(-1e-9) === 0).toBe(true);
    // 16 parts of 0.0000004 each: rounded alone they are all 0, against a total of 0.0000064 → 0.000006
    const parts = Array.from({ length: 16 }, () => 1000.0000004);
    const r = roundPlanParts(parts);
    expect(r.reduce((a, b) => a + b, 0)).toBeCloseTo(roundPlans(parts.reduce((a, b) => a + b, 0)), 9);
    expect(r.filter((x) => x === 1000.000001)).toHaveLength(6);
    expect(roundPlanParts([6.4, 9.8, 2.8])).toEqual([6.4, 9.8, 2.8]);
  });
});
