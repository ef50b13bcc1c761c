/**
 * Single ages of an LA's stocks and new plans where its data give age bands only (the 2022 release: under 5, 5–10,
 * 11–15, 16–19, 20–25), apportioned consistently with the cohort flow between censuses.
 *
 * A smooth curve over each band (aggregate-apportion.ts) is right for a band whose plans are spread over its ages,
 * not for the youngest: nearly all under-5 plans are at age 4, and most under-5 new plans are issued at 3–4. Spread
 * smoothly, the under-5 stock put 40% of its plans at age 4 (England's single ages put about 80% there) and the new
 * plans as many at age 0 as at 4, so the band's plans at 0–3 seemed to vanish each year (the band's progression
 * ratio was about 0.2) and the first projected year showed single-age jumps no band total implied: Bournemouth,
 * Christchurch and Poole's age 4 went 52.7 → 30.9 and age 0 12 → 20.
 *
 * The band's own flows say how many of its plans are at its top age: a band that starts at age 0 gains no plans
 * from below, so over a step Y → Y+1 the plans leaving it at the top are B(Y) + N(Y) − B(Y+1) (stock B, new plans N
 * of the band; ceasing and moves before age 5 are taken as nil). That share ρ, pooled over the steps up to the
 * base year, puts ρ·B at the top age and the rest over the band's younger ages (smoothly); the band's new plans are
 * then split so that its younger ages carry on, age by age: N(a) = S(Y+1)(a) − S(Y)(a−1) for a < t, the rest at t.
 * Progression (age by age, aggregate-cohort.ts) and incidence read these single ages, so the first projected year
 * moves each young age with its band.
 */
import type { AgeCount, LaDataset } from '../dataset.ts';
import { pycnophylactic, singleAgeRanges } from './aggregate-apportion.ts';

/** Steps Y → Y+1 (ending at the last census) pooled for the youngest band's top-age share. */
export const TOP_SHARE_STEPS = 5;

type AgeRange = { from: number; to: number; count: number };

/** Single-age stocks (census years) and new plans (flow years) of one dataset, with its rows up to `lastCensus`. */
export interface BandedAges {
  stock(year: number): Float64Array | undefined;
  newPlans(flowYear: number): Float64Array | undefined;
  /** The share of the youngest band's plans at its top age, when its flows give one. */
  topShare: number | undefined;
}

/** The youngest band [0, t] (t ≥ 1) among a year's ranges, if the year is banded there. */
function youngestBand(ranges: readonly AgeRange[]): AgeRange | undefined {
  return ranges.find((r) => r.from === 0 && r.to >= 1);
}

/** Total of the youngest band [0, to] in a year's rows (undefined when that year does not have it as a band). */
function bandTotal(rows: readonly AgeCount[], year: number, to: number): number | undefined {
  const b = youngestBand(singleAgeRanges(rows, year));
  return b && b.to === to ? b.count : undefined;
}

/**
 * ρ = Σ (B(Y) + N(Y) − B(Y+1)) / Σ B(Y) over the steps with Y+1 ≤ lastCensus (at most TOP_SHARE_STEPS), bounded to
 * [1/(t+1), 1] (no less than an even spread); undefined without a step whose three figures are published.
 */
export function youngestTopShare(ds: Pick<LaDataset, 'stockByAge' | 'newPlansByAge'>, lastCensus: number): number | undefined {
  const band = youngestBand(singleAgeRanges(ds.stockByAge, lastCensus));
  if (!band) return undefined;
  let out = 0;
  let den = 0;
  for (let y = lastCensus - TOP_SHARE_STEPS; y < lastCensus; y++) {
    const b0 = bandTotal(ds.stockByAge, y, band.to);
    const b1 = bandTotal(ds.stockByAge, y + 1, band.to);
    const n = bandTotal(ds.newPlansByAge, y, band.to);
    if (b0 === undefined || b1 === undefined || n === undefined || !(b0 > 0)) continue;
    out += b0 + n - b1;
    den += b0;
  }
  if (!(den > 0)) return undefined;
  return Math.min(1, Math.max(1 / (band.to + 1), out / den));
}

/** The ranges with the youngest band [0, t] split into [0, t−1] and the single age t holding `share` of it. */
function splitYoungest(ranges: readonly AgeRange[], topCount: (band: AgeRange) => number): AgeRange[] {
  return ranges.flatMap((r) => {
    if (r !== youngestBand(ranges)) return [r];
    const top = Math.min(r.count, Math.max(0, topCount(r)));
    return [
      { from: 0, to: r.to - 1, count: r.count - top },
      { from: r.to, to: r.to, count: top },
    ];
  });
}

/**
 * Stocks and new plans by single age for `ds`, the youngest band split by its flows (above); every other range as
 * aggregate-apportion.ts spreads it. Without a top-age share (no step with published flows) it is that spread alone.
 * @example bandedAges(ds, 2022).stock(2022) // single ages 0–25 of January 2022
 */
export function bandedAges(ds: Pick<LaDataset, 'stockByAge' | 'newPlansByAge'>, lastCensus: number): BandedAges {
  const topShare = youngestTopShare(ds, lastCensus);
  const stocks = new Map<number, Float64Array | undefined>();
  const stock = (year: number): Float64Array | undefined => {
    if (!stocks.has(year)) {
      const ranges = singleAgeRanges(ds.stockByAge, year);
      const split = topShare === undefined ? ranges : splitYoungest(ranges, (b) => topShare * b.count);
      stocks.set(year, split.length ? pycnophylactic(split) : undefined);
    }
    return stocks.get(year);
  };
  const newPlans = (flowYear: number): Float64Array | undefined => {
    const ranges = singleAgeRanges(ds.newPlansByAge, flowYear);
    if (!ranges.length) return undefined;
    const s0 = stock(flowYear);
    const s1 = stock(flowYear + 1);
    const band = youngestBand(ranges);
    if (topShare === undefined || !band || !s0 || !s1) return pycnophylactic(ranges);
    // the younger ages' stock at Y+1 less what carried on into them from Y: their new plans; the rest is at the top
    const younger: AgeRange[] = [];
    let sum = 0;
    for (let a = 0; a < band.to; a++) {
      const n = Math.max(0, s1[a]! - (a > 0 ? s0[a - 1]! : 0));
      younger.push({ from: a, to: a, count: n });
      sum += n;
    }
    const f = sum > band.count ? band.count / sum : 1;
    for (const r of younger) r.count *= f;
    const rest = ranges.filter((r) => r !== band);
    return pycnophylactic([...younger, { from: band.to, to: band.to, count: band.count - sum * f }, ...rest]);
  };
  return { stock, newPlans, topShare };
}
