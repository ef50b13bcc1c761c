/**
 * Quantiles over Monte Carlo draws (type 7, linear interpolation between order statistics, as in R's default).
 */
import { N_PLACEMENTS, PLACEMENTS, type Placement } from '../../domain/index.ts';
import type { Quantiles } from '../result.ts';
import { quantilesOf as q3 } from '../../util/quantiles.ts';

/**
 * Quantiles of totals and per placement per year from draws × years × N_PLACEMENTS placement totals.
 */
export function summariseDraws(
  totals: Float64Array,
  draws: number,
  nYears: number,
  qs: readonly [number, number, number],
): { totalQuantiles: Quantiles[]; placementQuantiles: Array<Record<Placement, Quantiles>> } {
  const totalQuantiles: Quantiles[] = [];
  const placementQuantiles: Array<Record<Placement, Quantiles>> = [];
  const buf = new Float64Array(draws);
  for (let y = 0; y < nYears; y++) {
    for (let d = 0; d < draws; d++) {
      let s = 0;
      const off = (d * nYears + y) * N_PLACEMENTS;
      for (let p = 0; p < N_PLACEMENTS; p++) s += totals[off + p]!;
      buf[d] = s;
    }
    totalQuantiles.push(q3(buf, qs));
    const rec = {} as Record<Placement, Quantiles>;
    for (let p = 0; p < N_PLACEMENTS; p++) {
      for (let d = 0; d < draws; d++) buf[d] = totals[(d * nYears + y) * N_PLACEMENTS + p]!;
      rec[PLACEMENTS[p]!] = q3(buf, qs);
    }
    placementQuantiles.push(rec);
  }
  return { totalQuantiles, placementQuantiles };
}

/** Degenerate quantiles (P10 = P50 = P90) of a deterministic cube path. */
export function pointQuantiles(byPlacement: Float64Array[]): { totalQuantiles: Quantiles[]; placementQuantiles: Array<Record<Placement, Quantiles>> } {
  const totalQuantiles: Quantiles[] = [];
  const placementQuantiles: Array<Record<Placement, Quantiles>> = [];
  for (const bp of byPlacement) {
    let t = 0;
    const rec = {} as Record<Placement, Quantiles>;
    for (let p = 0; p < N_PLACEMENTS; p++) {
      t += bp[p]!;
      rec[PLACEMENTS[p]!] = { p10: bp[p]!, p50: bp[p]!, p90: bp[p]! };
    }
    totalQuantiles.push({ p10: t, p50: t, p90: t });
    placementQuantiles.push(rec);
  }
  return { totalQuantiles, placementQuantiles };
}
