/**
 * `highneeds backtest --ees`: reads EES files (every year: the backtest cuts the data at each origin itself) and
 * runs the rolling-origin backtest over the chosen LAs.
 */
import { datasetsFromEesFiles } from '../../etl/ees-datasets.ts';
import type { Batch } from '../forecast/pool.ts';
import { resolveLaCodes } from '../forecast/forecast.ts';
import { backtestBatch, type BacktestResult } from './backtest.ts';

/**
 * @example await backtestFromEes({ files, all: true, origins: [2017, 2018, 2019], horizon: 3 })
 */
export async function backtestFromEes(opts: {
  files: string[];
  las?: string[];
  all?: boolean;
  origins: number[];
  horizon: number;
  /** Accepted for symmetry with forecast; the backtest scores the deterministic engine path (see docs). */
  draws?: number;
  seed?: number;
}): Promise<BacktestResult> {
  const ees = await datasetsFromEesFiles(opts.files);
  const batch: Batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
  const only = opts.all || !opts.las?.length ? undefined : resolveLaCodes(batch, opts.las);
  return backtestBatch(batch, { origins: opts.origins, horizon: opts.horizon, only });
}
