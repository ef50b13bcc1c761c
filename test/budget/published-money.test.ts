/**
 * Money to the penny with its identities exact (published-money.ts): on a path built to make float noise and
 * penny-rounding break the identities when each figure is rounded alone, and on random paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishMoney, type MoneyYear } from '../../src/budget/published-money.ts';
import { pointQuantiles } from '../../src/util/quantiles.ts';
import { roundPence } from '../../src/util/round.ts';
import { expectMoneyIdentities, type MoneyDoc } from './money-identities.ts';

/** A path as the model makes one: expenditure = Σ lines, each March balance = the one before + income − expenditure. */
function path(opening: number, years: Array<{ income: number; lines: number[]; spread?: [number, number]; cumSpread?: [number, number] }>): MoneyYear[] {
  let running = opening;
  return years.map((y) => {
    const expenditure = y.lines.reduce((a, b) => a + b, 0);
    const inYear = y.income - expenditure;
    running += inYear;
    const [lo, hi] = y.spread ?? [0, 0];
    const [clo, chi] = y.cumSpread ?? [0, 0];
    const spend = { p10: expenditure - lo, p50: expenditure, p90: expenditure + hi };
    return {
      income: y.income,
      expenditure,
      lines: y.lines,
      cumulative: running,
      expenditureRange: spend,
      // income does not vary between draws: the in-year range is the expenditure's, turned over
      inYearRange: { p10: y.income - spend.p90, p50: inYear, p90: y.income - spend.p10 },
      cumulativeRange: y.cumSpread ? { p10: running - clo, p50: running, p90: running + chi } : pointQuantiles(running),
    };
  });
}

/** The published money as the run's document writes it (the keys expectMoneyIdentities reads). */
function asDoc(opening: number, years: MoneyYear[]): { doc: MoneyDoc; published: ReturnType<typeof publishMoney> } {
  const published = publishMoney(opening, years);
  const doc: MoneyDoc = { expenditure_gbp: {}, expenditure_by_line_gbp: {}, income_gbp: {}, in_year_balance_gbp: {}, cumulative_balance_gbp: {}, opening_balance_gbp: published.opening };
  published.years.forEach((y, i) => {
    const k = `FY${i}`;
    doc.expenditure_gbp[k] = y.expenditure;
    doc.expenditure_by_line_gbp![k] = Object.fromEntries(y.lines.map((v, j) => [`line${j}`, v]));
    doc.income_gbp![k] = y.income;
    doc.in_year_balance_gbp[k] = y.inYear;
    doc.cumulative_balance_gbp[k] = y.cumulative;
  });
  return { doc, published };
}

/** Every published figure less than a penny from the model's, and each March balance its own rounded to the penny. */
function expectNear(years: MoneyYear[], published: ReturnType<typeof publishMoney>): void {
  years.forEach((y, i) => {
    const p = published.years[i]!;
    const near = (a: number, b: number, what: string) => expect(Math.abs(a - b), `FY${i} ${what}: ${a} against ${b}`).toBeLessThan(0.01);
    near(p.income, y.income, 'income');
    y.lines.forEach((l, j) => near(p.lines[j]!, l, `line ${j}`));
    for (const k of ['p10', 'p50', 'p90'] as const) {
      near(p.expenditure[k], y.expenditureRange[k], `expenditure ${k}`);
      near(p.inYear[k], y.inYearRange[k], `in-year ${k}`);
      near(p.cumulative[k], y.cumulativeRange[k], `cumulative ${k}`);
    }
    expect(Math.abs(p.cumulative.p50 - y.cumulative)).toBeLessThanOrEqual(0.005 + 1e-6);
  });
}

describe('money to the penny, identities exact', () => {
  // thirds of £3,000,001 (each £1,000,000.333…: three pennies-rounded thirds add up to £3,000,000.99), an income
  // with a fraction of a penny that rounds up while the in-year balance rounds down, and float noise on the total
  const noisy = () =>
    path(-18_400_000, [
      { income: 5_000_000.006, lines: [3_000_001 / 3, 3_000_001 / 3, 3_000_001 / 3, 0.004] },
      { income: 60_945_100, lines: [11_000_000, 0.1 + 0.2, 52_000_000.125, 7_950_000] },
      { income: 64_656_656.59, lines: [69_271_999.99999, 0.00000003, 1_234.565, 17.005] },
    ]);

  it('rounding each figure alone breaks the identities on this path (what the test is about)', () => {
    const y = noisy()[0]!;
    const lines = y.lines.map(roundPence).reduce((a, b) => a + Math.round(b * 100), 0);
    expect(lines).not.toBe(Math.round(roundPence(y.expenditure) * 100));
    expect(Math.round(roundPence(y.income - y.expenditure) * 100)).not.toBe(Math.round(roundPence(y.income) * 100) - Math.round(roundPence(y.expenditure) * 100));
  });

  it('publishes every figure to the penny, the identities exact, each figure less than a penny from its own', () => {
    const years = noisy();
    const { doc, published } = asDoc(-18_400_000, years);
    expectMoneyIdentities(doc);
    expectNear(years, published);
    // figures that are whole pennies in the tables are kept exactly
    expect(published.opening).toBe(-18_400_000);
    expect(published.years[1]!.income).toBe(60_945_100);
    expect(published.years[2]!.income).toBe(64_656_656.59);
    expect(published.years[1]!.lines[0]).toBe(11_000_000);
    // a deterministic run: P10 = P50 = P90
    for (const y of published.years) for (const q of [y.expenditure, y.inYear, y.cumulative]) expect(q.p10 === q.p50 && q.p90 === q.p50).toBe(true);
  });

  it('keeps P10 ≤ P50 ≤ P90 and ties the in-year range to the expenditure range when they are less than a penny apart', () => {
    const years = path(0.004, [
      { income: 1_000_000.005, lines: [999.996, 0.003], spread: [0.004, 0.006], cumSpread: [0.001, 0.002] },
      { income: 2.5, lines: [1.005], spread: [0.0049, 0.0051], cumSpread: [0.009, 0.0001] },
    ]);
    const { doc, published } = asDoc(0.004, years);
    expectMoneyIdentities(doc);
    expectNear(years, published);
  });

  it('holds on random paths (fractions of pennies, float noise, ranges, whole-penny incomes kept)', () => {
    const money = fc.double({ min: -5e8, max: 5e8, noNaN: true });
    const fraction = fc.double({ min: 0, max: 3e6, noNaN: true });
    const year = fc.record({
      income: fc.oneof(fc.integer({ min: 0, max: 2e10 }).map((p) => p / 100), fc.double({ min: 0, max: 2e8, noNaN: true })),
      lines: fc.array(fc.oneof(fraction, fc.integer({ min: 0, max: 1e9 }).map((p) => p / 100), fc.constant(0)), { minLength: 1, maxLength: 18 }),
      spread: fc.option(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true })), { nil: undefined }),
      cumSpread: fc.option(fc.tuple(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e7, noNaN: true })), { nil: undefined }),
    });
    fc.assert(
      fc.property(money, fc.array(year, { minLength: 1, maxLength: 12 }), (opening, ys) => {
        const years = path(opening, ys);
        const { doc, published } = asDoc(opening, years);
        expectMoneyIdentities(doc);
        expectNear(years, published);
        ys.forEach((y, i) => {
          if (Number.isInteger(Math.round(y.income * 100)) && Math.round(y.income * 100) / 100 === y.income) expect(published.years[i]!.income).toBe(y.income);
        });
      }),
      { numRuns: 300 },
    );
  });
});
