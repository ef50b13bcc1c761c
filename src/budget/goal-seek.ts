/**
 * Goal-seek (cli.md `goal-seek`): the effect of one lever, from 0 to 1, at which a money target is met on the
 * deterministic path, everything else held fixed. Pure: the caller passes `evaluate(effect)`, the target's value
 * on the path priced with the lever at that effect.
 *
 * The search assumes the value moves one way as the effect grows (a lever that saves more as it does more). It
 * brackets the target between the two ends and narrows the bracket (regula falsi, Illinois variant, falling back to
 * halving) until the value is within `tolerance` of the target; when the target is outside what the ends reach, it
 * reports the closest end instead.
 */
import { financialYearLabel, parseFinancialYear } from '../domain/index.ts';
import { MAX_AMOUNT } from '../etl/csv/values.ts';
import type { BudgetJson } from './budget-json.ts';
import type { FinancialYearLines } from './types.ts';

export const TARGET_KINDS = { 'in-year-balance': 'inYearBalance', 'cumulative-balance': 'cumulativeBalance' } as const;
export type TargetKind = keyof typeof TARGET_KINDS;

export interface GoalTarget {
  kind: TargetKind;
  amount: number;
  /** Financial year (start). */
  fy: number;
  /** The target as written: `in-year-balance=0@2028-29`. */
  text: string;
}

/**
 * Reads `in-year-balance=AMOUNT@FY` or `cumulative-balance=AMOUNT@FY` (AMOUNT in pounds, up to £1,000bn either way,
 * `,` or `_` between groups of three digits, an optional `£`, `-` or the minus sign `−` a word processor writes; FY
 * like `2028-29`). Returns undefined when the text is not a target. A separator alone (`=,@`) was read as £0, `1,2,3`
 * as £123 and 21 nines as 1e+21.
 * @example parseTarget('in-year-balance=0@2028-29') // { kind: 'in-year-balance', amount: 0, fy: 2028, text: … }
 */
export function parseTarget(text: string): GoalTarget | undefined {
  const m = /^\s*(in-year-balance|cumulative-balance)\s*=\s*([-\u2212]?)£?(\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+|\d+)(\.\d+)?\s*@\s*(\S+)\s*$/i.exec(text);
  if (!m) return undefined;
  const amount = Number(`${m[2] ? '-' : ''}${m[3]!.replace(/[_,]/g, '')}${m[4] ?? ''}`) || 0;
  const fy = parseFinancialYear(m[5]!);
  if (!Number.isFinite(amount) || Math.abs(amount) > MAX_AMOUNT || fy === undefined) return undefined;
  const kind = m[1]!.toLowerCase() as TargetKind;
  return { kind, amount, fy, text: `${kind}=${amount}@${financialYearLabel(fy)}` };
}

/** The target's value on a priced path, or undefined when the path does not reach its financial year. */
export function targetValue(lines: readonly Pick<FinancialYearLines, 'fy' | 'inYearBalance' | 'cumulativeBalance'>[], target: GoalTarget): number | undefined {
  const l = lines.find((x) => x.fy === target.fy);
  return l === undefined ? undefined : l[TARGET_KINDS[target.kind]];
}

/**
 * The target's figure as `run --json` writes it (to the penny, with its identities: budget-json.ts): what a run of
 * the goal scenario prints for it, where `targetValue` is the model's unrounded figure.
 */
export function publishedTargetValue(json: Pick<BudgetJson, 'in_year_balance_gbp' | 'cumulative_balance_gbp'>, target: GoalTarget): number | undefined {
  const byYear = target.kind === 'in-year-balance' ? json.in_year_balance_gbp : json.cumulative_balance_gbp;
  return byYear[financialYearLabel(target.fy)]?.p50;
}

export interface SeekResult {
  /** Whether an effect in [0, 1] meets the target (within the tolerance). */
  met: boolean;
  /** The effect found, or the end closest to the target when not met. */
  effect: number;
  /** The target's value at that effect. */
  achieved: number;
  /** Values at effect 0 and 1: the range the lever can reach. */
  range: [number, number];
  evaluations: number;
}

/**
 * Finds the effect in [0, 1] at which `evaluate(effect)` equals `target` within `tolerance`.
 * @example seek((e) => -1e6 + 2e6 * e, 0).effect // 0.5
 */
export function seek(evaluate: (effect: number) => number, target: number, tolerance = 1_000, maxEvaluations = 60): SeekResult {
  let n = 0;
  const f = (e: number): number => {
    n++;
    return evaluate(e) - target;
  };
  let [a, b] = [0, 1];
  let [fa, fb] = [f(a), f(b)];
  const range: [number, number] = [fa + target, fb + target];
  if (Math.abs(fa) <= tolerance) return { met: true, effect: a, achieved: fa + target, range, evaluations: n };
  if (Math.abs(fb) <= tolerance) return { met: true, effect: b, achieved: fb + target, range, evaluations: n };
  if (Math.sign(fa) === Math.sign(fb)) {
    const closest = Math.abs(fa) <= Math.abs(fb) ? { effect: a, achieved: fa + target } : { effect: b, achieved: fb + target };
    return { met: false, ...closest, range, evaluations: n };
  }
  let side = 0;
  let best = Math.abs(fa) < Math.abs(fb) ? { effect: a, fx: fa } : { effect: b, fx: fb };
  while (n < maxEvaluations) {
    // regula falsi, with the Illinois halving of a stale end; plain halving when the step is degenerate
    let c = (a * fb - b * fa) / (fb - fa);
    if (!Number.isFinite(c) || c <= a || c >= b) c = (a + b) / 2;
    const fc = f(c);
    if (Math.abs(fc) < Math.abs(best.fx)) best = { effect: c, fx: fc };
    if (Math.abs(fc) <= tolerance || b - a < 1e-12) break;
    if (Math.sign(fc) === Math.sign(fb)) {
      [b, fb] = [c, fc];
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      [a, fa] = [c, fc];
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  return { met: Math.abs(best.fx) <= tolerance, effect: best.effect, achieved: best.fx + target, range, evaluations: n };
}
