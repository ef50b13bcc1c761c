/**
 * Single ages from age bands: where a year has single-age counts they are used as they are; otherwise band
 * totals are spread over single ages by a smooth, band-preserving curve (Tobler's pycnophylactic interpolation:
 * start flat within each band, then alternately smooth with a 3-point moving average and rescale each band back
 * to its total). Band sums are preserved exactly and values stay non-negative.
 */
import { N_AGES } from '../../domain/index.ts';
import type { AgeCount } from '../dataset.ts';
import { boundedMemo, numbersKey } from '../../util/bounded-memo.ts';

/**
 * Ranges of one year, most detailed first: the single ages when they hold the year's plans, with the bands at ages
 * no single age covers (the 2025 layout's `under 3` beside `age 3` … `age 25`; a ceased file's `age 20 and over`);
 * else the bands, with any singles outside them. Before, the bands beside single ages were dropped, so the plans
 * of the 2025 layout's `under 3` row counted at no age and the shape scaled to the total moved them to ages 3–25
 * (Kent, January 2025 of a full release: 196 under-3s put at ages 0–2 as none).
 */
export function singleAgeRanges(rows: readonly AgeCount[], year: number): AgeCount[] {
  const ofYear = rows.filter((r) => r.year === year && r.from >= 0 && r.to < N_AGES && r.to >= r.from);
  const singles = ofYear.filter((r) => r.from === r.to);
  const bands = ofYear.filter((r) => r.to > r.from && !(r.from === 0 && r.to === N_AGES - 1));
  const singleSum = singles.reduce((s, r) => s + r.count, 0);
  const bandSum = bands.reduce((s, r) => s + r.count, 0);
  if (singles.length > 0 && (bands.length === 0 || singleSum >= 0.95 * bandSum)) return nonOverlapping([...singles, ...bands]);
  return nonOverlapping([...bands, ...singles]);
}

/** The ranges that overlap none before them (first come). */
function nonOverlapping(ranges: readonly AgeCount[]): AgeCount[] {
  const used = new Uint8Array(N_AGES);
  const out: AgeCount[] = [];
  for (const r of ranges) {
    let clash = false;
    for (let a = r.from; a <= r.to; a++) if (used[a]) clash = true;
    if (clash) continue;
    for (let a = r.from; a <= r.to; a++) used[a] = 1;
    out.push(r);
  }
  return out;
}

/**
 * Counts by single age 0–25 for one year (length N_AGES), or undefined when the year has no age rows.
 * @example singleAges([{ year: 2022, from: 0, to: 4, count: 10 }], 2022)![0] // ≈ 2 (band sum kept: 10)
 */
export function singleAges(rows: readonly AgeCount[], year: number, iterations = 50): Float64Array | undefined {
  const ranges = singleAgeRanges(rows, year);
  if (ranges.length === 0) return undefined;
  return pycnophylactic(ranges, iterations);
}

/**
 * Spreads already made (pycnophylactic), by their ranges: a release's calibration, forecast and backtest origins ask
 * for each LA's ages at each January again and again (2022 release, forecast of every LA and a 3-origin backtest:
 * 28,842 spreads of 7,122 different ranges). Each holds N_AGES doubles.
 */
const SPREADS = boundedMemo<Float64Array>(4096);

/** Smooth band-preserving single ages from non-overlapping ranges (ages outside every range stay 0). */
export function pycnophylactic(ranges: readonly { from: number; to: number; count: number }[], iterations = 50): Float64Array {
  const inputs = new Float64Array(1 + 3 * ranges.length);
  inputs[0] = iterations;
  ranges.forEach((r, i) => inputs.set([r.from, r.to, r.count], 1 + 3 * i));
  const key = numbersKey(inputs);
  return Float64Array.from(SPREADS.get(key, () => spread(ranges, iterations)));
}

function spread(ranges: readonly { from: number; to: number; count: number }[], iterations: number): Float64Array {
  const x = new Float64Array(N_AGES);
  const inRange = new Int16Array(N_AGES).fill(-1);
  ranges.forEach((r, i) => {
    const w = r.to - r.from + 1;
    for (let a = r.from; a <= r.to; a++) {
      x[a] = Math.max(0, r.count) / w;
      inRange[a] = i;
    }
  });
  const tmp = new Float64Array(N_AGES);
  for (let it = 0; it < iterations; it++) {
    for (let a = 0; a < N_AGES; a++) {
      if (inRange[a]! < 0) continue;
      let s = x[a]!;
      let n = 1;
      if (a > 0 && inRange[a - 1]! >= 0) {
        s += x[a - 1]!;
        n++;
      }
      if (a < N_AGES - 1 && inRange[a + 1]! >= 0) {
        s += x[a + 1]!;
        n++;
      }
      tmp[a] = s / n;
    }
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i]!;
      if (r.from === r.to) {
        tmp[r.from] = Math.max(0, r.count);
        continue;
      }
      let s = 0;
      for (let a = r.from; a <= r.to; a++) s += tmp[a]!;
      const f = s > 0 ? Math.max(0, r.count) / s : 0;
      for (let a = r.from; a <= r.to; a++) if (inRange[a] === i) tmp[a] = tmp[a]! * f;
    }
    x.set(tmp);
  }
  return x;
}
