/**
 * Monte Carlo projection over worker threads: the pure plan and result of engine.ts around the thread pool
 * (montecarlo/pool.ts). Kept apart from engine.ts so that the engine itself needs no Node built-ins.
 */
import { ExitCode, HighneedsError } from '../errors.ts';
import { invalidDraws } from '../messages/model.ts';
import { monteCarloResult, planMonteCarlo } from './engine.ts';
import type { EngineInput, MonteCarloOptions } from './engine-input.ts';
import { runDrawsParallel } from './montecarlo/pool.ts';
import type { ProjectionResult } from './result.ts';

/**
 * Monte Carlo projection: `draws` paths with parameter, trend and process uncertainty. Quantiles come from the
 * draws; `central` and `flows` are the deterministic path (so the stock identity holds exactly on them). The same
 * seed gives identical output whatever the number of workers.
 * @example const r = await projectMonteCarlo(input, { draws: 1000, seed: 1 }); r.totalQuantiles[10].p90
 */
export async function projectMonteCarlo(input: EngineInput, opts: MonteCarloOptions): Promise<ProjectionResult> {
  if (!Number.isInteger(opts.draws) || opts.draws < 0 || opts.draws > 1_000_000) throw new HighneedsError(ExitCode.INVALID_INPUT, invalidDraws(opts.draws));
  const plan = planMonteCarlo(input, opts);
  if (opts.draws === 0) return { ...plan.det, seed: opts.seed };
  const out = await runDrawsParallel(plan.job, opts.draws, opts.workers);
  return monteCarloResult(plan, opts.draws, opts.seed, out);
}
