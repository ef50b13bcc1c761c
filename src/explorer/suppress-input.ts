/**
 * Small-count suppression for the explorer's embedded data (`--suppress-small-counts`). The workbook hides counts of
 * 1 to t − 1 behind `[c]`; the page must compute with its data, so instead no count it carries lies in that range:
 * - starting plans: first the placements the workbook hides in the base year are pooled (placementPools: the
 *   placement chart's grey band into its largest placement, the hidden placements of a group it shows into the
 *   largest of them), so that no placement's total the page carries is small or gives a hidden one back against the
 *   workbook's shown cells; then within an age and placement, small need groups join that age and placement's
 *   largest need group, and an age and placement still below t joins the nearest age of the same placement that is
 *   not. Every cell is then 0 or at least t, and so is every sum of cells the page can make;
 * - evidence counts behind the Monte Carlo ranges (plans observed per age, new plans, requests) below t become t.
 * Rates are smoothed estimates, not counts, and stay. The page states what this changes.
 */
import { N_AGES, N_NEEDS, N_PLACEMENTS, PLACEMENT_GROUPS, PLACEMENTS, STATUTORY_OVERRIDE_END_FY, UNPAID_PLACEMENTS, type PlacementGroup, groupOf } from '../domain/index.ts';
import type { SuppressionEffect } from '../messages/explorer.ts';
import type { EngineInput } from '../model/engine-input.ts';
import type { Rates } from '../model/rates.ts';
import { isSmallCount, smallGroupsBanded, suppressedText, type PlacementsShown } from '../report/suppress.ts';

export type { PlacementsShown } from '../report/suppress.ts';
import { cubeByPlacement } from '../model/cube.ts';
import { computeVariant } from './compute.ts';
import type { ExplorerPayload } from './payload-types.ts';

const idx = (a: number, n: number, p: number): number => (a * N_NEEDS + n) * N_PLACEMENTS + p;

/** A set of placements (indices into PLACEMENTS) whose starting plans the page carries in one, `into`. */
export interface PlacementPool {
  into: number;
  from: number[];
  /** The placement chart's grey band (else a group's hidden placements). */
  band?: true;
}

/**
 * The placement of `qs` holding most plans, one with a cost where there is one: pooled plans are priced at its costs,
 * and the sample's early years plans pooled into its NEET were priced at nothing.
 */
function largest(qs: readonly number[], counts: readonly number[]): number {
  const paid = qs.filter((q) => !UNPAID_PLACEMENTS.includes(PLACEMENTS[q]!) && counts[q]! > 0);
  return (paid.length ? paid : qs).reduce((a, b) => (counts[b]! > counts[a]! ? b : a));
}

/**
 * The placements the page pools so that it carries no placement's total the workbook hides, nor one that gives a
 * hidden one back by subtraction: the placements of the groups in the chart's grey band (whose height the chart shows,
 * not small) into the largest of them; in each group the workbook shows, its hidden placements into the largest of
 * them (their sum is the group's shown count less its shown placements), or the whole group into its largest
 * placement where they are one alone or their sum is small.
 * @example placementPools({ counts, band: ['INDEPENDENT_SPECIAL', 'OTHER'], hidden: [0, 6, 12] }, 10) // [{ into: 6, from: [0, 6, 12] }]
 */
export function placementPools(shown: PlacementsShown, t: number): PlacementPool[] {
  const held = (qs: number[]): number[] => qs.filter((q) => shown.counts[q]! > 0);
  const of = (g: PlacementGroup): number[] => PLACEMENTS.flatMap((p, q) => (groupOf(p) === g ? [q] : []));
  const pools: PlacementPool[] = [];
  const band = held(shown.band.flatMap(of));
  if (band.length > 1) pools.push({ into: largest(band, shown.counts), from: band, band: true });
  for (const g of PLACEMENT_GROUPS) {
    if (shown.band.includes(g)) continue;
    const all = held(of(g));
    const hid = all.filter((q) => shown.hidden.includes(q));
    if (!hid.length) continue;
    const sum = hid.reduce((s, q) => s + shown.counts[q]!, 0);
    const from = hid.length > 1 && !isSmallCount(sum, t) ? hid : all;
    if (from.length > 1) pools.push({ into: largest(from, shown.counts), from });
  }
  return pools;
}

/**
 * What the workbook would show of a cube's placements, for a page built without the run's report: the cube's own
 * counts, the band smallGroupsBanded draws of its groups, and its small placements.
 */
export function placementsShownOf(cube: Float64Array, t: number): PlacementsShown {
  const counts = Array.from(cubeByPlacement(cube));
  const groups = PLACEMENT_GROUPS.map((g) => ({ label: g as string, values: [PLACEMENTS.reduce((s, p, q) => (groupOf(p) === g ? s + counts[q]! : s), 0)] }));
  const band = smallGroupsBanded(groups, t).flatMap((s) => ('members' in s ? (s.members as PlacementGroup[]) : []));
  return { counts, band, hidden: counts.flatMap((v, q) => (isSmallCount(v, t) ? [q] : [])) };
}

/**
 * The starting cube with no cell, and so no sum of cells (age × placement, placement, need, age), from 1 to t − 1: the
 * placements pooled (placementPools over `shown`, else the cube's own placementsShownOf), then small ages and needs
 * merged within each placement. The total is kept.
 */
export function suppressCube(cube: Float64Array, t: number, shown: PlacementsShown = placementsShownOf(cube, t)): Float64Array {
  const out = Float64Array.from(cube);
  const pool = (into: number, from: readonly number[]): void => {
    for (const q of from)
      if (q !== into)
        for (let a = 0; a < N_AGES; a++)
          for (let n = 0; n < N_NEEDS; n++) {
            out[idx(a, n, into)]! += out[idx(a, n, q)]!;
            out[idx(a, n, q)] = 0;
          }
  };
  for (const p of placementPools(shown, t)) pool(p.into, p.from);
  // a placement still small here (the model's start is not the data's count to the plan) joins the largest
  const totals = cubeByPlacement(out);
  const big = largest(PLACEMENTS.map((_, q) => q), Array.from(totals));
  pool(big, PLACEMENTS.flatMap((_, q) => (isSmallCount(totals[q]!, t) ? [q] : [])));
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
export function suppressEngineInput<T extends Omit<EngineInput, 'scenario'>>(input: T, t: number, shown?: PlacementsShown): T {
  return { ...input, initial: suppressCube(input.initial, t, shown), rates: suppressRates(input.rates, t) };
}

/**
 * How far the suppressed page's figures, with no lever moved, are from the full data's (which are the run's, `run
 * --draws 0`): the census year of the largest relative difference in total plans and the financial year of the
 * largest difference in the cumulative balance, each left out when no year differs (relative 1e-9). On a large LA
 * merging a few small groups moves the totals by a fraction of a percent; on an LA of 19 plans, where most groups are
 * small, it moved them by a fifth.
 */
export function suppressionEffect(full: ExplorerPayload, suppressed: ExplorerPayload, pools: readonly PlacementPool[] = []): SuppressionEffect {
  const a = computeVariant(full, full.scenario);
  const b = computeVariant(suppressed, suppressed.scenario);
  const out: SuppressionEffect = pools.length ? { pooled: pools.map((p) => ({ into: PLACEMENTS[p.into]!, from: p.from.map((q) => PLACEMENTS[q]!), ...(p.band ? { band: true as const } : {}) })) } : {};
  // the pooled plans priced at their new setting's costs (an independent special school's fee at a mainstream top-up),
  // in the year the statutory override ends, where it moves that year's expenditure by 0.5% or more
  const i = a.budget.lines.findIndex((l) => l.fy === STATUTORY_OVERRIDE_END_FY);
  const [run, page] = [a.budget.lines[i]?.expenditure, b.budget.lines[i]?.expenditure];
  if (pools.length && run !== undefined && page !== undefined && Math.abs(page - run) >= 0.005 * Math.abs(run)) out.spend = { fy: STATUTORY_OVERRIDE_END_FY, page, run };
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
