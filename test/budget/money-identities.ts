/**
 * The money of a `run --json` document (or of budgetJson, or the explorer's result) checked as a reader would: every
 * figure a whole number of pennies, and every identity that ties the figures exact, compared in whole pennies with
 * `===` (not "close to"): lines add up to the expenditure, in-year balance = income − expenditure, each March
 * balance = the one before + the in-year balance from the opening balance, the balance at 31 March 2028 is that
 * year's, P10 ≤ P50 ≤ P90, and where given, in-year P10 (P90) = income − expenditure P90 (P10).
 */
import { expect } from 'vitest';
import type { BudgetResult } from '../../src/budget/types.ts';
import { groupOf, type Placement } from '../../src/domain/index.ts';

type Q = { p10: number; p50: number; p90: number };

export interface MoneyDoc {
  expenditure_gbp: Record<string, Q>;
  expenditure_by_line_gbp?: Record<string, Record<string, number>>;
  income_gbp?: Record<string, number>;
  in_year_balance_gbp: Record<string, Q>;
  cumulative_balance_gbp: Record<string, Q>;
  opening_balance_gbp?: number;
  balance_at_31_march_2028_gbp?: number | null;
}

/** The whole pennies of a written figure, which must be one (no float noise, nothing below a penny). */
export function pennies(x: number, what: string): number {
  const p = Math.round(x * 100) + 0;
  // expect (toBe is Object.is) only where it fails: called for every figure of every document, it was 0.7 s of CPU
  if (!Object.is(p / 100 + 0, x)) expect(p / 100 + 0, `${what}: ${x} is not a whole number of pennies`).toBe(x);
  return p;
}

const quantiles = (q: Q, what: string): Q => ({ p10: pennies(q.p10, `${what} P10`), p50: pennies(q.p50, `${what} P50`), p90: pennies(q.p90, `${what} P90`) });

/** Checks every figure and identity of `doc`; `tiedRanges`: the in-year P10/P90 must tie to income and expenditure. */
export function expectMoneyIdentities(doc: MoneyDoc, tiedRanges = true): void {
  const fys = Object.keys(doc.expenditure_gbp);
  expect(fys.length).toBeGreaterThan(0);
  let before = doc.opening_balance_gbp === undefined ? undefined : pennies(doc.opening_balance_gbp, 'opening balance');
  for (const fy of fys) {
    const spend = quantiles(doc.expenditure_gbp[fy]!, `${fy} expenditure`);
    const inYear = quantiles(doc.in_year_balance_gbp[fy]!, `${fy} in-year balance`);
    const cum = quantiles(doc.cumulative_balance_gbp[fy]!, `${fy} cumulative balance`);
    for (const [what, q] of [['expenditure', spend], ['in-year balance', inYear], ['cumulative balance', cum]] as const) {
      expect(q.p10 <= q.p50 && q.p50 <= q.p90, `${fy} ${what} P10 ≤ P50 ≤ P90: ${JSON.stringify(q)}`).toBe(true);
    }
    if (doc.expenditure_by_line_gbp) {
      const lines = Object.entries(doc.expenditure_by_line_gbp[fy]!).reduce((s, [k, v]) => s + pennies(v, `${fy} ${k}`), 0);
      expect(lines, `${fy}: the lines add up to the expenditure`).toBe(spend.p50);
    }
    if (doc.income_gbp) {
      const income = pennies(doc.income_gbp[fy]!, `${fy} income`);
      expect(inYear.p50, `${fy}: in-year balance = income − expenditure`).toBe(income - spend.p50);
      if (tiedRanges) {
        expect(inYear.p10, `${fy}: in-year P10 = income − expenditure P90`).toBe(income - spend.p90);
        expect(inYear.p90, `${fy}: in-year P90 = income − expenditure P10`).toBe(income - spend.p10);
      }
    }
    if (before !== undefined) expect(cum.p50, `${fy}: March balance = the one before + in-year balance`).toBe(before + inYear.p50);
    before = cum.p50;
  }
  const m28 = doc.balance_at_31_march_2028_gbp;
  if (m28 !== undefined && m28 !== null) expect(m28).toBe(doc.cumulative_balance_gbp['2027-28']!.p50);
}

/**
 * `b` (a hand-built budget) with its first year made to break the identities when each figure is rounded alone:
 * its parts whole pennies but three, each a third of 1.4p over (each rounds down, their sum of 1.4p rounds up to
 * a penny), its income 0.6p over (rounds up) and so its in-year balance 0.8p under (rounds down: not income −
 * expenditure as rounded), plus float noise (1e-8) as sums of costs leave it; the balance chain carried on as the
 * model carries it, a range around that year, and the P50s the central path, as a run publishes them. Changes `b`.
 */
export function withMoneyNoise(b: BudgetResult): BudgetResult {
  const l0 = b.lines[0]!;
  const penny = (x: number): number => Math.round(x * 100) / 100;
  const third = 0.014 / 3;
  const byPlacement = Object.fromEntries(Object.entries(l0.byPlacement).map(([k, v]) => [k, penny(v)])) as typeof l0.byPlacement;
  byPlacement.MS += third + 1e-8;
  const byGroup = Object.fromEntries(Object.keys(l0.byGroup).map((g) => [g, 0])) as typeof l0.byGroup;
  for (const [p, v] of Object.entries(byPlacement)) byGroup[groupOf(p as Placement)] += v;
  const topUps = Object.values(byPlacement).reduce((a, v) => a + v, 0);
  const placeFunding = penny(l0.placeFunding) + third;
  const otherSpend = penny(l0.otherSpend) + third;
  const spend = placeFunding + topUps + otherSpend;
  const income = penny(l0.income) + 0.006;
  b.lines[0] = { ...l0, byPlacement, byGroup, topUps, placeFunding, otherSpend, expenditure: spend, income, inYearBalance: income - spend };
  let running = b.openingBalance;
  b.lines = b.lines.map((l) => {
    running += l.inYearBalance;
    return { ...l, cumulativeBalance: running };
  });
  b.expenditureQuantiles[0] = { p10: spend - 1e6, p50: spend, p90: spend + 2e6 };
  b.inYearQuantiles[0] = { p10: income - spend - 2e6, p50: income - spend, p90: income - spend + 1e6 };
  b.expenditureQuantiles = b.expenditureQuantiles.map((q, i) => ({ ...q, p50: b.lines[i]!.expenditure }));
  b.inYearQuantiles = b.inYearQuantiles.map((q, i) => ({ ...q, p50: b.lines[i]!.inYearBalance }));
  b.cumulativeQuantiles = b.cumulativeQuantiles.map((q, i) => ({ ...q, p50: b.lines[i]!.cumulativeBalance }));
  return b;
}
