/**
 * The forecast's one door into the projection engine (engine.ts): total plans per census year (base … base + H)
 * for an LA's aggregate rates, deterministic or as the P50 of Monte Carlo draws.
 */
import { projectDeterministicTotals } from '../engine.ts';
import type { EngineInput } from '../engine-input.ts';
import { projectMonteCarlo } from '../project-monte-carlo.ts';

export type ProjectionInput = Pick<EngineInput, 'rates' | 'initial' | 'population' | 'baseYear' | 'horizon'>;

/** Total plans at census base … base + horizon, deterministic (projectDeterministic's totals, bit for bit). */
export function projectTotals(input: ProjectionInput): number[] {
  return projectDeterministicTotals(input);
}

/** P50 of total plans at census base … base + horizon over Monte Carlo draws. */
export async function projectTotalsMonteCarlo(
  input: ProjectionInput,
  opts: { draws: number; seed: number; workers?: number },
): Promise<number[]> {
  const r = await projectMonteCarlo(input, opts);
  return r.totalQuantiles.map((q) => q.p50);
}
