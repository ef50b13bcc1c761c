/**
 * Small-count suppression for the explorer's embedded data (`--suppress-small-counts`). The workbook hides counts of
 * 1 to t − 1 behind `[c]`; the page must compute with its data, so instead no count it carries lies in that range:
 * - starting plans: within an age and placement, small need groups join that age and placement's largest need
 *   group; an age and placement still below t joins the nearest age of the same placement that is not (the
 *   placement's total is kept: totals are not suppressed);
 * - evidence counts behind the Monte Carlo ranges (plans observed per age, new plans, requests) below t become t.
 * Rates are smoothed estimates, not counts, and stay. The page states what this changes.
 */
import { N_AGES, N_NEEDS, N_PLACEMENTS } from '../domain/index.ts';
import type { SuppressionEffect } from '../messages/explorer.ts';
import type { EngineInput } from '../model/engine-input.ts';
import type { Rates } from '../model/rates.ts';
import { isSmallCount, suppressedText } from '../report/suppress.ts';
import { computeVariant } from './compute.ts';
import type { ExplorerPayload } from './payload-types.ts';

const idx = (a: number, n: number, p: number): number => (a * N_NEEDS + n) * N_PLACEMENTS + p;

/** The starting cube with no cell and no age × placement total from 1 to t − 1 (placement totals kept). */
export function suppressCube(cube: Float64Array, t: number): Float64Array {
  const out = Float64Array.from(cube);
  const rowTotal = (a: number, p: number): number => {
    let s = 0;
    for (let n = 0; n < N_NEEDS; n++) s += out[idx(a, n, p)]!;
    return s;
  };
  const largestNeed = (a: number, p: number): number => {
    let best = 0;
    for (let n = 1; n < N_NEEDS; n++) if (out[idx(a, n, p)]! > out[idx(a, best, p)]!) best = n;
    return best;
  };
  /** Every plan of age `from` in placement p joins the largest need group of age `to`. */
  const moveRow = (from: number, to: number, p: number): void => {
    const n = largestNeed(to, p);
    for (let m = 0; m < N_NEEDS; m++) {
      out[idx(to, n, p)]! += out[idx(from, m, p)]!;
      out[idx(from, m, p)] = 0;
    }
  };
  // 1. small age × placement rows join the nearest age of the same placement that is not small
  for (let p = 0; p < N_PLACEMENTS; p++) {
    for (let a = 0; a < N_AGES; a++) {
      const tot = rowTotal(a, p);
      if (!isSmallCount(tot, t)) continue;
      let target = -1;
      for (let d = 1; d < N_AGES && target < 0; d++)
        for (const b of [a - d, a + d]) if (b >= 0 && b < N_AGES && rowTotal(b, p) >= t) { target = b; break; }
      if (target < 0) {
        // no age of this placement reaches t: pool all the placement's plans at its largest age (the youngest of
        // equals; an age compared with itself alone kept every age of 1 plan when all held 1)
        let big = 0;
        for (let b = 1; b < N_AGES; b++) if (rowTotal(b, p) > rowTotal(big, p)) big = b;
        for (let b = 0; b < N_AGES; b++) if (b !== big) moveRow(b, big, p);
        continue;
      }
      moveRow(a, target, p);
    }
  }
  // 2. small need groups join the largest need group of their age and placement
  for (let a = 0; a < N_AGES; a++)
    for (let p = 0; p < N_PLACEMENTS; p++) {
      const big = largestNeed(a, p);
      for (let n = 0; n < N_NEEDS; n++) {
        const i = idx(a, n, p);
        if (n === big || !isSmallCount(out[i]!, t)) continue;
        out[idx(a, big, p)]! += out[i]!;
        out[i] = 0;
      }
    }
  return out;
}

function floorAt(a: Float64Array, t: number): Float64Array {
  return a.map((v) => (isSmallCount(v, t) ? t : v));
}

function suppressRates(r: Rates, t: number): Rates {
  const lift = (v: number): number => (isSmallCount(v, t) ? t : v);
  return {
    ...r,
    continuationN: floorAt(r.continuationN, t),
    movesN: floorAt(r.movesN, t),
    incidenceN: floorAt(r.incidenceN, t),
    // the model's notes travel with the rates in the page's data: no small count of plans in their words either
    notes: r.notes.map((n) => suppressedText(n, t)),
    pipeline: r.pipeline && {
      ...r.pipeline,
      requestN: lift(r.pipeline.requestN),
      assessN: lift(r.pipeline.assessN),
      issueN: lift(r.pipeline.issueN),
      carryN: lift(r.pipeline.carryN),
      openAtBase: r.pipeline.openAtBase,
    },
  };
}

/**
 * The engine input with small counts suppressed (the page says so with suppressionNote, measured by suppressionEffect).
 * @example suppressEngineInput(input, 5).initial // no cell from 1 to 4
 */
export function suppressEngineInput<T extends Omit<EngineInput, 'scenario'>>(input: T, t: number): T {
  return { ...input, initial: suppressCube(input.initial, t), rates: suppressRates(input.rates, t) };
}

/**
 * How far the suppressed page's figures, with no lever moved, are from the full data's (which are the run's, `run
 * --draws 0`): the census year of the largest relative difference in total plans and the financial year of the
 * largest difference in the cumulative balance, each left out when no year differs (relative 1e-9). On a large LA
 * merging a few small groups moves the totals by a fraction of a percent; on an LA of 19 plans, where most groups are
 * small, it moved them by a fifth.
 */
export function suppressionEffect(full: ExplorerPayload, suppressed: ExplorerPayload): SuppressionEffect {
  const a = computeVariant(full, full.scenario);
  const b = computeVariant(suppressed, suppressed.scenario);
  const out: SuppressionEffect = {};
  let worst = 1e-9;
  a.projection.years.forEach((year, i) => {
    const run = a.projection.totalQuantiles[i]!.p50;
    const page = b.projection.totalQuantiles[i]!.p50;
    const rel = Math.abs(page - run) / Math.max(Math.abs(run), 1e-9);
    if (rel > worst) [worst, out.plans] = [rel, { year, page, run }];
  });
  let most = 0;
  a.budget.lines.forEach((l, i) => {
    const page = b.budget.lines[i]!.cumulativeBalance;
    const d = Math.abs(page - l.cumulativeBalance);
    if (d > most && d > 1e-9 * Math.max(1, Math.abs(l.cumulativeBalance))) [most, out.balance] = [d, { fy: l.fy, page, run: l.cumulativeBalance }];
  });
  return out;
}
