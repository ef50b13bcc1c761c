/**
 * The notes of a forecast of total plans whose LA has a year's new-plans total published as a marker (`c`, `x`) inside
 * the years its stock-flow rates read (pool.ts FLOW_WINDOW): those rates (aggregate-flow.ts exitRates, conversions)
 * stop at the first year without new plans, so the forecast is not the one the figure would give. Said by `forecast`
 * (pipeline/forecast.ts) and by `run` (pipeline/totals.ts), for one LA each time.
 */
import { newPlansUnpublished } from '../../messages/new-plans.ts';
import type { LaDataset } from '../dataset.ts';
import { FLOW_WINDOW } from './pool.ts';

/**
 * The note on `ds`'s new plans for a forecast from `origin`, if any: where the years of published new plans, read back
 * from `origin` − 1, first stop at a year a file gives as a marker within the FLOW_WINDOW years read (a year before the
 * first stop is not read at all, and one with no row is not a suppressed figure).
 * @example unpublishedNewPlansNotes(kent, 2022) // ["Kent: new plans of 2021 not published (suppressed) in newplans.csv (line 464). …"]
 */
export function unpublishedNewPlansNotes(ds: Pick<LaDataset, 'la' | 'unpublishedNewPlans' | 'newPlansTotal'>, origin: number): string[] {
  let y = origin - 1;
  while (y >= origin - FLOW_WINDOW && ds.newPlansTotal[y] !== undefined) y--;
  const u = y >= origin - FLOW_WINDOW ? ds.unpublishedNewPlans?.[y] : undefined;
  return u ? [newPlansUnpublished(ds.la.name, y, u, origin)] : [];
}
