/**
 * The report's "deficit at 31 March 2028" text against usable reserves of £0: a reserves table giving 0 (or -0) for
 * the last year it covers wrote 'the deficit of £71.3m would be Infinity% of the council’s usable reserves of £0',
 * and run stopped with exit 70 ('refusing to write outputs holding NaN, Infinity …'): the share was worked again in
 * the narrative without the guard general-fund.ts gives deficitShareOfReserves.
 */
import { describe, expect, it } from 'vitest';
import type { GeneralFundYear } from '../../src/budget/types.ts';
import { afterOverrideParagraphs } from '../../src/report/html/budget-narrative.ts';
import type { RunReport } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

function withReserves(usable: number, deficit: number): RunReport {
  const r = buildRunReport({ horizon: 3 });
  const y = (fy: number): GeneralFundYear => ({
    fy, dsgBalance: -deficit, interest: 0, cumulativeInterest: 0, capitalCost: undefined, usableReserves: usable,
    deficitShareOfReserves: usable > 0 ? deficit / usable : undefined, exceedsReserves: deficit > usable,
  });
  return { ...r, budget: { ...r.budget!, generalFund: { interestRate: 0.045, years: [y(2026), y(2027), y(2028)], firstYearDeficitExceedsReserves: usable < deficit ? 2026 : undefined, reservesGiven: true } } };
}

describe('the deficit against usable reserves in words', () => {
  it('usable reserves of £0 (or -0): the deficit exceeds them, no Infinity%', () => {
    for (const usable of [0, -0]) {
      const text = afterOverrideParagraphs(withReserves(usable, 71_300_000)).join(' ');
      expect(text).not.toMatch(/Infinity|NaN/);
      expect(text).toMatch(/At 31 March 2028 the deficit of £71\.3m would exceed the council’s usable reserves, which are £0\./);
    }
  });

  it('usable reserves above £0: the deficit as a share of them, as before', () => {
    expect(afterOverrideParagraphs(withReserves(64_000_000, 32_000_000)).join(' ')).toMatch(/the deficit of £32\.0m would be 50% of the council’s usable reserves of £64\.0m\./);
  });
});
