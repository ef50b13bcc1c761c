/**
 * Breaks in published series (model.md "One model, honest on real data"): an isolated outlier (a requests count of
 * 17 where the neighbouring years have 900) is replaced by its neighbours' geometric mean; a step (an LA's stock
 * jumping 40% in one year while England grew 10%: a boundary change, a caseload clean-up) is kept in the level but
 * not extrapolated: the trend reads the series with that year's growth replaced by England's that year plus the
 * LA's usual gap. Every change is named in a note (Data quality sheet, stderr).
 */

/** A value more than this factor away from both its neighbours (which agree within NEIGHBOUR_AGREE) is an outlier. */
export const OUTLIER_FACTOR = 2.5;
/**
 * ...and further from them than a count's own noise: more than this many Poisson standard deviations (√ref) away.
 * A small LA's counts swing by a factor of 3 from chance alone (1 new plan between years of 3 and 5, 0 between 1
 * and 3): replacing those would present noise as a finding. 17 between years of 900 is 29 deviations away.
 */
export const OUTLIER_NOISE_SD = 3;
const NEIGHBOUR_AGREE = 1.6;
/** A year's log growth further than this from England's that year (and from the LA's own usual gap) is a step. */
export const STEP_LOG = 0.25;

export interface SeriesFix {
  year: number;
  value: number;
  replacement: number;
}

/**
 * Replaces isolated outliers in a series of counts. The last year is judged against the two years before it.
 * @example fixOutliers({ 2016: 900, 2017: 17, 2018: 950 }).fixes // [{ year: 2017, value: 17, replacement: 925 }]
 */
export function fixOutliers(series: Readonly<Record<number, number>>): { series: Record<number, number>; fixes: SeriesFix[] } {
  const out: Record<number, number> = { ...series };
  const fixes: SeriesFix[] = [];
  const years = Object.keys(series).map(Number).sort((a, b) => a - b);
  const far = (v: number, ref: number): boolean =>
    (v <= 0 || Math.abs(Math.log(v / ref)) > Math.log(OUTLIER_FACTOR)) && Math.abs(v - ref) > OUTLIER_NOISE_SD * Math.sqrt(ref);
  for (let i = 0; i < years.length; i++) {
    const y = years[i]!;
    const v = series[y]!;
    const prev = series[y - 1];
    const next = series[y + 1];
    const prev2 = series[y - 2];
    let ref: number | undefined;
    if (prev! > 0 && next! > 0 && Math.abs(Math.log(prev! / next!)) < Math.log(NEIGHBOUR_AGREE)) ref = Math.sqrt(prev! * next!);
    else if (next === undefined && prev! > 0 && prev2! > 0 && Math.abs(Math.log(prev! / prev2!)) < Math.log(NEIGHBOUR_AGREE)) ref = prev! * Math.sqrt(prev! / prev2!);
    if (ref !== undefined && far(v, ref)) {
      out[y] = ref;
      fixes.push({ year: y, value: v, replacement: ref });
    }
  }
  return { series: out, fixes };
}

/**
 * Bridges single missing years of a stock series inside the `window` years before `end` (the years a trend of that
 * window reads): a year with no figure (suppressed, blank or no row) whose neighbours both have one gets their
 * geometric mean. Without it, the trend's run of consecutive growths stopped at the gap, so the LA's own recent
 * growth was measured on the years after it alone, or on one year with a wide variance and pooled towards its region,
 * and its exit rates were England's: a later release with Kent's January 2024 suppressed moved Kent's one-year-ahead
 * forecast by 2.3% without a word. A published 0 is a figure and is kept; two missing years in a row are not bridged.
 * @example bridgeGaps({ 2022: 100, 2024: 121, 2025: 133 }, 2025, 5).bridged // [{ year: 2023, value: 110 }]
 */
export function bridgeGaps(
  series: Readonly<Record<number, number>>,
  end: number,
  window: number,
): { series: Record<number, number>; bridged: Array<{ year: number; value: number }> } {
  const out: Record<number, number> = { ...series };
  const bridged: Array<{ year: number; value: number }> = [];
  for (let y = end - window + 1; y < end; y++) {
    const prev = series[y - 1];
    const next = series[y + 1];
    if (series[y] !== undefined || !(prev! > 0) || !(next! > 0)) continue;
    out[y] = Math.sqrt(prev! * next!);
    bridged.push({ year: y, value: out[y] });
  }
  return { series: out, bridged };
}

/** A January more than this factor from both neighbours, in opposite directions, is a spike (see bridgeSpikes). */
export const SPIKE_FACTOR = 1.5;
/** The most Januaries in a row a spike spans: two wrong years (a January and the next both doubled) and then back. */
export const SPIKE_RUN = 2;

/** Januaries in a row out of line with the January before them and the one after, both ways (see spikeRuns). */
export interface SpikeRun {
  years: number[];
  values: number[];
  /** The January before the run and the one after it. */
  before: number;
  after: number;
  /** What the trend reads for each year: the sides' geometric interpolation. */
  replacements: number[];
  /** Whether the sides agree (within ×NEIGHBOUR_AGREE per two years apart): only then is the run bridged. */
  bridged: boolean;
}

/**
 * Runs of one or two Januaries more than ×SPIKE_FACTOR above (or below) the January before the run, the one after
 * it, and each what those two give for it (their geometric interpolation), and further from that than a count's
 * noise (OUTLIER_NOISE_SD Poisson deviations).
 * No LA's published plans of the real 2022 or 2025 releases have one (not even the Isles of Scilly's 6, 10, 7).
 * @example spikeRuns({ 2019: 1743, 2020: 3880, 2021: 4328, 2022: 2413 })[0].years // [2020, 2021]
 */
export function spikeRuns(series: Readonly<Record<number, number>>): SpikeRun[] {
  const runs: SpikeRun[] = [];
  const years = Object.keys(series).map(Number).sort((a, b) => a - b);
  const far = Math.log(SPIKE_FACTOR);
  for (let i = 0; i < years.length; i++) {
    const y = years[i]!;
    for (let k = 1; k <= SPIKE_RUN; k++) {
      const run = Array.from({ length: k }, (_, j) => y + j);
      const values = run.map((x) => series[x]!);
      const [before, after] = [series[y - 1]!, series[y + k]!];
      if (!(before > 0) || !(after > 0) || !values.every((v) => v > 0)) continue;
      const replacements = run.map((_, j) => before * (after / before) ** ((j + 1) / (k + 1)));
      // into the run and out of it, and every January of it from what the sides give for it, all beyond ×SPIKE_FACTOR one way
      const logs = [Math.log(values[0]! / before), Math.log(values[k - 1]! / after), ...values.map((v, j) => Math.log(v / replacements[j]!))];
      if (!logs.every((l) => l > far) && !logs.every((l) => l < -far)) continue;
      if (!values.every((v, j) => Math.abs(v - replacements[j]!) > OUTLIER_NOISE_SD * Math.sqrt(replacements[j]!))) continue;
      const bridged = Math.abs(Math.log(after / before)) < (Math.log(NEIGHBOUR_AGREE) * (k + 1)) / 2;
      runs.push({ years: run, values, before, after, replacements, bridged });
      i += k - 1;
      break;
    }
  }
  return runs;
}

/**
 * Bridges spikes in a stock series (spikeRuns whose sides agree): each January of the run is read as the geometric
 * interpolation of the January before it and the one after, like a missing January. A year doubled (a revision, a
 * typing error in an extract) and then back to normal is not a step in the level: read as two steps, the fall out of
 * it became growth wherever England's growth that year was not given (a January past the reference), and Anyshire's
 * January 2035 moved from 9,123 plans to 3,748; with January 2021 and 2022 both doubled, to 3,770. Two years moving
 * the same way (City of London's −24% and −23% into January 2011 and 2012) and the last January (no year after it)
 * are left to removeSteps; a run whose sides disagree is not bridged (forecast/select.ts refuses it where the trend
 * reads it).
 * @example bridgeSpikes({ 2020: 100, 2021: 220, 2022: 121 }).spikes // [{ year: 2021, value: 220, replacement: 110 }]
 */
export function bridgeSpikes(series: Readonly<Record<number, number>>): { series: Record<number, number>; spikes: SeriesFix[]; runs: SpikeRun[] } {
  const out: Record<number, number> = { ...series };
  const runs = spikeRuns(series).filter((r) => r.bridged);
  const spikes: SeriesFix[] = [];
  for (const r of runs)
    r.years.forEach((y, j) => {
      out[y] = r.replacements[j]!;
      spikes.push({ year: y, value: r.values[j]!, replacement: r.replacements[j]! });
    });
  return { series: out, spikes, runs };
}

/**
 * The series with steps taken out of its growth (for estimating a trend, not for the level): a year whose log growth
 * differs from England's that year by more than STEP_LOG beyond the LA's median gap has its growth replaced by
 * England's plus that median gap; earlier values are rescaled so later ones are unchanged.
 * @example removeSteps({ 2019: 100, 2020: 143, 2021: 157 }, { 2019: 1, 2020: 1.1, 2021: 1.21 }).steps[0].year // 2020
 */
export function removeSteps(
  series: Readonly<Record<number, number>>,
  national: Readonly<Record<number, number>>,
): { series: Record<number, number>; steps: Array<{ year: number; growth: number; national: number }> } {
  const years = Object.keys(series).map(Number).sort((a, b) => a - b);
  const gaps: Array<{ y: number; g: number; n: number }> = [];
  for (const y of years) {
    const a = series[y - 1];
    const b = series[y];
    const na = national[y - 1];
    const nb = national[y];
    if (a! > 0 && b! > 0 && na! > 0 && nb! > 0) gaps.push({ y, g: Math.log(b! / a!), n: Math.log(nb! / na!) });
  }
  const steps: Array<{ year: number; growth: number; national: number }> = [];
  if (gaps.length < 3) return { series: { ...series }, steps };
  const devs = gaps.map((x) => x.g - x.n).sort((a, b) => a - b);
  const median = devs[Math.floor(devs.length / 2)]!;
  const out: Record<number, number> = { ...series };
  // Walk from the latest year back, so each rescale applies to everything before the step.
  for (const x of [...gaps].reverse()) {
    if (Math.abs(x.g - x.n - median) <= STEP_LOG) continue;
    const shift = x.g - (x.n + median);
    for (const y of years) if (y < x.y) out[y] = out[y]! * Math.exp(shift);
    steps.push({ year: x.y, growth: x.g, national: x.n });
  }
  return { series: out, steps };
}
