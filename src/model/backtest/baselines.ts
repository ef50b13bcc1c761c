/**
 * The naive baselines of model.md "Accuracy", forecasting a yearly series `h` years past its last value at
 * `origin`: last value, linear drift over the last 3 and 5 years, constant growth rate over the last 3 and 5 years.
 */

export const BASELINES = ['naive_last', 'drift3', 'drift5', 'growth3', 'growth5'] as const;
export type Baseline = (typeof BASELINES)[number];

/**
 * Forecast of `series` at `origin + h` by a naive baseline, or undefined when the series lacks the years needed.
 * @example baselineForecast('drift3', { 2019: 70, 2022: 100 }, 2022, 2) // 120
 * @example baselineForecast('growth3', { 2019: 100, 2022: 133.1 }, 2022, 1) // 146.41
 */
export function baselineForecast(
  name: Baseline,
  series: Record<number, number>,
  origin: number,
  h: number,
): number | undefined {
  const last = series[origin];
  if (last === undefined) return undefined;
  if (name === 'naive_last') return last;
  const k = name.endsWith('3') ? 3 : 5;
  const first = series[origin - k];
  if (first === undefined) return undefined;
  if (name.startsWith('drift')) return last + (h * (last - first)) / k;
  if (!(first > 0) || !(last > 0)) return undefined;
  return last * (last / first) ** (h / k);
}
