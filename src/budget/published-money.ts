/**
 * The money of a run as it is written as numbers (`run --json`, the explorer's result and CSV): to the penny, with
 * the identities that tie the figures exact in pennies, not off by one where each figure was rounded alone.
 *
 *   opening ─┬─ + income − expenditure ─► cumulative balance at 31 March ─┬─ + income − expenditure ─► …
 *            └──────────── in-year balance = income − expenditure ───────┘
 *   expenditure = Σ lines (place funding, top-ups by placement, other spend)
 *   P10/P90: in-year P10 = income − expenditure P90 (and P90 = income − expenditure P10) where the model's figures
 *   tie so; P10 ≤ P50 ≤ P90 kept; a deterministic run's P10 = P50 = P90 kept
 *
 * How (all in whole pennies): the central path is rounded as running totals (opening, then income and expenditure
 * year by year), each figure being the step between two rounded running totals. So every cumulative balance is its
 * figure rounded to the nearest penny, every other figure is less than a penny from its own, a figure that is a
 * whole number of pennies (an income or opening balance from a table) is kept exactly, and rounding never drifts
 * along the years. Lines are the largest-remainder parts of their year's expenditure. Pure.
 */
import type { Quantiles } from '../model/result.ts';
import { roundUnits } from '../util/round.ts';

/** One financial year of a path as the model gives it (unrounded pounds). */
export interface MoneyYear {
  income: number;
  /** Central expenditure: Σ `lines`. */
  expenditure: number;
  /** The parts of the expenditure, in the order they are written. */
  lines: number[];
  /** The central cumulative balance at 31 March (opening + Σ (income − expenditure) to this year). */
  cumulative: number;
  /** Ranges whose P50 is the central path's figure; that figure at every level when there is no range (a P10 or P90
   *  equal to its P50 is written as the P50). */
  expenditureRange: Quantiles;
  inYearRange: Quantiles;
  cumulativeRange: Quantiles;
}

/** The same year to the penny, the identities exact (module comment). */
export interface PublishedYear {
  income: number;
  lines: number[];
  expenditure: Quantiles;
  inYear: Quantiles;
  cumulative: Quantiles;
}

// `+ 0`: a figure that rounds to nothing is 0, never -0
const pence = (gbp: number): number => Math.round(gbp * 100) + 0;
const gbp = (p: number): number => p / 100 + 0;

/**
 * @example publishMoney(-18_400_000, years).years[0].cumulative.p50 // the first March balance, to the penny
 */
export function publishMoney(opening: number, years: readonly MoneyYear[]): { opening: number; years: PublishedYear[] } {
  const openingP = pence(opening);
  let before = opening; // the model's running balance (pounds)
  let beforeP = openingP; // the published one (pennies)
  const out = years.map((y) => {
    // two running totals a year: after its income, and after its expenditure (the March balance)
    const afterIncomeP = pence(before + y.income);
    const cumP = pence(y.cumulative);
    const incomeP = afterIncomeP - beforeP;
    const spendP = afterIncomeP - cumP;
    const inYearP = cumP - beforeP;
    const linesP = roundUnits(
      y.lines.map((l) => l * 100),
      spendP,
    );
    // in-year P10 goes with expenditure P90 and in-year P90 with expenditure P10 (income is one figure)
    const hi = side(y.expenditureRange.p90, y.expenditure, spendP, 1, y.inYearRange.p10, y.income, incomeP);
    const lo = side(y.expenditureRange.p10, y.expenditure, spendP, -1, y.inYearRange.p90, y.income, incomeP);
    const spend = { p10: lo.spendP, p50: spendP, p90: hi.spendP };
    const inYear = {
      p10: hi.inYearP ?? alone(y.inYearRange.p10, y.inYearRange.p50, inYearP, -1),
      p50: inYearP,
      p90: lo.inYearP ?? alone(y.inYearRange.p90, y.inYearRange.p50, inYearP, 1),
    };
    const cumulative = { p10: alone(y.cumulativeRange.p10, y.cumulative, cumP, -1), p50: cumP, p90: alone(y.cumulativeRange.p90, y.cumulative, cumP, 1) };
    before = y.cumulative;
    beforeP = cumP;
    return { income: gbp(incomeP), lines: linesP.map(gbp), expenditure: toGbp(spend), inYear: toGbp(inYear), cumulative: toGbp(cumulative) };
  });
  return { opening: gbp(openingP), years: out };
}

function toGbp(q: Quantiles): Quantiles {
  return { p10: gbp(q.p10), p50: gbp(q.p50), p90: gbp(q.p90) };
}

/**
 * A P10 (`side` −1) or P90 (+1) in pennies, beside its published central figure `centralP`: the central figure itself
 * when the model gives the same (a deterministic run), else rounded to the penny and kept on its side of the central
 * figure where the model has it there (rounding must not swap a P10 less than a penny below the median above it).
 */
function alone(x: number, central: number, centralP: number, side: -1 | 1): number {
  if (x === central) return centralP;
  const p = pence(x);
  if (side < 0 && x <= central) return Math.min(p, centralP);
  if (side > 0 && x >= central) return Math.max(p, centralP);
  return p;
}

/**
 * An expenditure P10 (`dir` −1) or P90 (+1) in pennies, and the in-year balance on the other side (P90 or P10)
 * as income − it when the model's figures tie so (they do with the default, symmetric levels: income does not vary
 * between draws; `inYearP` undefined when they do not). Of the pennies either side of the figure, the one that also
 * leaves that in-year balance less than a penny from its own value is taken.
 */
function side(x: number, central: number, centralP: number, dir: -1 | 1, inYear: number, income: number, incomeP: number): { spendP: number; inYearP?: number } {
  const scale = Math.max(1, Math.abs(income), Math.abs(x));
  const tied = Math.abs(inYear - (income - x)) <= scale * 1e-12;
  const nearest = alone(x, central, centralP, dir);
  if (!tied) return { spendP: nearest };
  const ordered = (p: number): boolean => (dir < 0 ? x > central || p <= centralP : x < central || p >= centralP);
  const fits = (p: number): boolean => Math.abs(p - x * 100) < 1 && Math.abs(incomeP - p - inYear * 100) < 1 && ordered(p);
  const spendP = [nearest, Math.floor(x * 100), Math.ceil(x * 100)].find(fits) ?? nearest;
  return { spendP, inYearP: incomeP - spendP };
}
