/**
 * The notes of a run's total-plans forecast (totals.ts) as each scenario says them, for `run` and `goal-seek`: apart
 * from totals.ts, which loads the data's readers, so that a run of a saved result does not load them.
 */
import { rangesNotScored } from '../messages/model.ts';
import { rangesFromReference } from '../messages/model-pooling.ts';
import type { RunTotals } from './totals.ts';

/**
 * The totals forecast's notes as a scenario of `horizon` years says them: with the years further ahead than the
 * calibration scored past forecasts, as `forecast` says them (the forecast runs to the longest horizon of the run's
 * scenarios; each names its own years), and, for data of too few LAs, that the ranges are a whole release's from the
 * shipped reference. `ranged`: the scenario's figures have a range (draws). Kent on the real 2025
 * layout from January 2022 got 2025's range in run with no word that no past forecast was scored three years ahead,
 * where its forecast said so.
 * @example scenarioTotalsNotes(totals, 10, true) // [...totals.notes, 'Forecasts for January 2025–2032: the ranges were calibrated …']
 */
export function scenarioTotalsNotes(t: Pick<RunTotals, 'notes' | 'scored' | 'forecast' | 'calibratedOn' | 'calibratedFrom'>, horizon: number, ranged: boolean): string[] {
  const unscored = t.scored < horizon ? [rangesNotScored(t.forecast.baseYear, t.scored, horizon, ranged, t.forecast.ds.la.name)] : [];
  // data of too few LAs: the ranges are scaled as a whole release's (the shipped reference), as forecast says
  const c = t.calibratedFrom;
  const scaled = ranged && c ? [rangesFromReference(c.n, t.forecast.baseYear, c.origin, c.firstYear, t.calibratedOn)] : [];
  return [...t.notes, ...scaled, ...unscored];
}
