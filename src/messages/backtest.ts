/** User-facing messages of `highneeds backtest`: its table's coverage and what its scores rest on. */
import { SHARE_FROM_FORECASTS } from '../model/backtest/metrics.ts';
export const STAGE = 'model';

/**
 * A coverage as `backtest` prints it: a share (0.86) from SHARE_FROM_FORECASTS forecasts on, below that the count
 * ('2 of 3'), and 'n/a' with none. One LA's three origins printed '1y 1.00' and '1y 0.50' of three and two forecasts.
 * @example coverageShown(2 / 3, 3) // "2 of 3"
 */
export function coverageShown(share: number | null | undefined, forecasts: number): string {
  if (share === null || share === undefined || !Number.isFinite(share) || forecasts === 0) return 'n/a';
  return forecasts >= SHARE_FROM_FORECASTS ? share.toFixed(2) : `${Math.round(share * forecasts)} of ${forecasts}`;
}

/**
 * A backtest whose model is scored on fewer than SHARE_FROM_FORECASTS forecasts at some horizon (one LA over a few
 * origins): what its MAPE and coverage can and cannot say.
 * @example fewForecasts([{ h: 1, n: 3 }, { h: 2, n: 2 }]) // "Few forecasts scored: 3 at 1 year ahead, 2 at 2 years ahead. …"
 */
export function fewForecasts(counts: ReadonlyArray<{ h: number; n: number }>): string {
  const each = counts.map((c) => `${c.n} at ${c.h} year${c.h === 1 ? '' : 's'} ahead`).join(', ');
  return (
    `Few forecasts scored: ${each}. A MAPE of so few is what those years happened to give, and one more year could move it far; ` +
    `so few outcomes cannot show whether the 80% ranges hold 80% of outcomes, so coverage is given as the count inside the range ` +
    `where a horizon has fewer than ${SHARE_FROM_FORECASTS} forecasts. Scoring many LAs (backtest --ees FILE… --all) measures the same model on more.`
  );
}
