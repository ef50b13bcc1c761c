/**
 * What `forecast` refuses of the central forecasts the model makes, in one place for `forecast` (it leaves the LA
 * out with the reason) and for `backtest` and a run's track record (they leave the LA out of that origin's scores),
 * so that the track record is of what a user would have been given.
 */
import type { LaDataset } from '../model/dataset.ts';
import { forecastImplausible, projectionProblemText } from '../messages/model.ts';
import { stepProblem } from './plausible.ts';

/**
 * Why a central path of `ds` from `baseYear` (totals at baseYear + 1 …) is refused: a step from the published base,
 * or from one year to the next, beyond ×STEP_MIN–×STEP_MAX, which `run` refuses (pipeline/plausible.ts); undefined
 * when it is published. A copy of a release with made-up age rows under City of London's real total gave 23 → 8
 * plans a year ahead, exit 0.
 * @example forecastRefusal(ds, 2022, [8, 9, 10]) // "its forecast for January 2023 is 8 plans against 23 …"
 */
export function forecastRefusal(ds: Pick<LaDataset, 'stockTotal'>, baseYear: number, path: readonly number[]): string | undefined {
  let before = ds.stockTotal[baseYear];
  for (let h = 0; h < path.length; h++) {
    const step = before === undefined ? undefined : stepProblem(baseYear + h + 1, before, path[h]!);
    if (step) return forecastImplausible(step.year, projectionProblemText(step));
    before = path[h];
  }
  return undefined;
}
