/**
 * Batch statistics: the figures a forecast of one LA takes from the other LAs it is forecast with (model.md "Trend",
 * "Batch statistics"): the between-LA variance of growth (tau²) of total plans and of new plans, their median
 * year-to-year variance (s₀²), and the between-LA variance of exit rates and of requests-to-plans conversions. A
 * batch of fewer than MIN_BATCH_LAS forecastable LAs (an LA's own folder, made by `init --from` a release) takes them
 * from the shipped reference (reference/batch-statistics.csv, made by scripts/make-reference.ts from a whole
 * release), so that its forecast of an LA is the whole release's.
 */

export interface BatchStatistics {
  stockTau2: number;
  stockResidualMedian: number;
  newPlansTau2: number;
  newPlansResidualMedian: number;
  exitTau2: number;
  conversionTau2?: number;
}

/**
 * The calibration of a whole release's 80% ranges with `origin` as base year (calibrate.ts calibration, default
 * settings): the scale k[h] of each horizon h = 1 … (later horizons take the last), how many years ahead its past
 * forecasts were scored, and of how many LAs.
 */
export interface RangeCalibration {
  scale: number[];
  scored: number;
  las: number;
}

/** Statistics of a whole release at one origin; `firstYear`: the release's first January of England's plans. */
export interface ReferenceStatistics extends BatchStatistics {
  origin: number;
  firstYear: number;
  /** The release's range calibration at that base year (absent from a table made before it was shipped). */
  ranges?: RangeCalibration;
}

/**
 * Fewest forecastable LAs whose spreads a batch estimates itself. Kent, Rutland and City of London with n − 1 other
 * LAs of the 2022 release drawn at random (origin 2022, 20 draws): their January 2025 moved from the whole release's
 * by a median 1.3 / 1.2 / 1.0 / 0.7% (Kent, n = 5 / 20 / 40 / 80), 0.37 / 0.31 / 0.20 / 0.13% (Rutland), 0.78 / 0.31
 * / 0.12 / 0.11% (City of London): from 40 the small LAs' dependence on the draw is about what 80 gives (docs/model.md
 * "Batch statistics").
 */
export const MIN_BATCH_LAS = 40;

const KEYS = ['stockTau2', 'stockResidualMedian', 'newPlansTau2', 'newPlansResidualMedian', 'exitTau2', 'conversionTau2'] as const;
const HEADER = 'origin,first_year,statistic,value';

/** The range calibration's statistics: `rangeScale1`, `rangeScale2` … (k[h]), `rangeScored`, `rangeLas`. */
const SCALE = 'rangeScale';
const SCORED = 'rangeScored';
const LAS = 'rangeLas';

/** The reference statistics as CSV text (one row per origin and statistic). */
export function statisticsCsv(rows: readonly ReferenceStatistics[]): string {
  const lines = [HEADER];
  for (const r of rows) {
    const at = (k: string, v: number): number => lines.push(`${r.origin},${r.firstYear},${k},${v}`);
    for (const k of KEYS) if (r[k] !== undefined) at(k, r[k]);
    if (!r.ranges) continue;
    r.ranges.scale.forEach((v, i) => at(`${SCALE}${i + 1}`, v));
    at(SCORED, r.ranges.scored);
    at(LAS, r.ranges.las);
  }
  return lines.join('\n') + '\n';
}

/**
 * Parses statisticsCsv's text; an origin without all five required statistics is left out, and its range
 * calibration kept only whole (a positive scale for each horizon from 1, a count of years scored and of LAs).
 */
export function parseStatistics(text: string): ReferenceStatistics[] {
  const by = new Map<string, { r: Partial<ReferenceStatistics>; scale: number[]; scored?: number; las?: number }>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [o, f, k, v] = line.split(',');
    const value = Number(v);
    if (!k || !v || !Number.isFinite(value) || value < 0) continue;
    const key = `${o}|${f}`;
    const e = by.get(key) ?? { r: { origin: Number(o), firstYear: Number(f) }, scale: [] };
    by.set(key, e);
    if ((KEYS as readonly string[]).includes(k) && value > 0) (e.r as Record<string, number>)[k] = value;
    else if (k.startsWith(SCALE) && /^[1-9]\d*$/.test(k.slice(SCALE.length)) && value > 0) e.scale[Number(k.slice(SCALE.length)) - 1] = value;
    else if ((k === SCORED || k === LAS) && Number.isInteger(value)) e[k === SCORED ? 'scored' : 'las'] = value;
  }
  const out: ReferenceStatistics[] = [];
  for (const { r, scale, scored, las } of by.values()) {
    if (!KEYS.slice(0, 5).every((k) => r[k] !== undefined)) continue;
    const whole = scale.length > 0 && Array.from(scale).every((x) => x !== undefined) && scored !== undefined && las !== undefined;
    out.push({ ...(r as ReferenceStatistics), ...(whole ? { ranges: { scale, scored, las } } : {}) });
  }
  return out;
}

/**
 * Years after the latest January the reference holds whose forecasts still take that January's statistics and range
 * calibration. Every LA of the 2022 release forecast alone from each January 2016–2021 and scored against what
 * followed (to January 2022; 906 / 752 / 598 forecasts one / two / three years ahead), with a reference of L Januaries
 * before the origin against the LA's own spreads and calibration: P50 a median 0.26 / 0.65 / 1.06% from the whole
 * release's at L = 3 and 0.33 / 0.77 / 1.22% at L = 4, against 0.56 / 0.90 / 1.33% on its own; MAPE 4.27 / 7.55 /
 * 10.97 (L = 3) and 4.25 / 7.54 / 10.96 (L = 4) against 4.36 / 7.65 / 11.02; 80% coverage 0.81 / 0.76 / 0.74 and
 * 0.79 / 0.76 / 0.73 against 0.77 / 0.74 / 0.71; interval score 22.9 / 39.4 / 57.8% and 22.5 / 39.3 / 57.2% of the
 * outcome against 23.8 / 41.7 / 61.0%. At L = 5 and 6 the LA's own did as well or better on MAPE and coverage
 * (L = 5, three years ahead: MAPE 8.77 against 8.61, coverage 0.827 against 0.834) (docs/model.md "Batch statistics").
 */
export const MAX_REFERENCE_LAG = 4;

/**
 * The reference statistics for a batch at `origin` whose England series starts in `firstYear`: the latest January
 * at or before `origin` (at most MAX_REFERENCE_LAG before) and, of that January's, the release whose series starts
 * nearest `firstYear` (a release from 2019 estimates each LA's growth from fewer years than one from 2010). Undefined
 * when none is that recent.
 */
export function referenceStatisticsAt(rows: readonly ReferenceStatistics[], origin: number, firstYear: number | undefined): ReferenceStatistics | undefined {
  const near = rows.filter((r) => r.origin <= origin && r.origin >= origin - MAX_REFERENCE_LAG);
  if (!near.length) return undefined;
  const latest = Math.max(...near.map((r) => r.origin));
  const at = near.filter((r) => r.origin === latest);
  const f = firstYear ?? Math.min(...at.map((r) => r.firstYear));
  return at.reduce((a, b) => (Math.abs(b.firstYear - f) < Math.abs(a.firstYear - f) ? b : a));
}
