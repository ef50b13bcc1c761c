/**
 * The deterministic projection taken one census at a time, the new-plan trend factor of each step given as the step
 * is taken (constrain.ts solves the factors year by year with it):
 *
 *   prepare(input) once ──► step k: stepParamsFor(trend factor t) (+ pipeline year k) ──► stepDeterministic ──► S[k]
 *
 * Stepping with factors T₁ … T_k gives, bit for bit, `central[k]` of `projectDeterministic` with the trend path
 * [1, T₁, …, T_k]: the same prepared levers, step parameters, pipeline year and step, in the same order. Only the
 * stock (and the pipeline's backlog) is carried: no flows, no attribution. Pure.
 */
import { N_AGES, N_NEEDS } from '../domain/index.ts';
import type { EngineInput } from './engine-input.ts';
import { prepare } from './levers/prepare.ts';
import { stepParamsFor } from './levers/step-params.ts';
import { initialBacklog, issuedToCube, pipelineYear } from './pipeline.ts';
import { newStepWork, stepDeterministic, type StepParams } from './step.ts';

export interface DeterministicStepper {
  /** Steps taken so far: the stock held is census base + k. */
  readonly k: number;
  /** The stock after one more step with trend factor `t`, without taking it. */
  trial(t: number): Float64Array;
  /** Takes the next step with trend factor `t` and returns the new stock. */
  advance(t: number): Float64Array;
}

/**
 * A stepper over `input` (its scenario's levers, capacity and pipeline apply as in projectDeterministic; its trend
 * does not: each step's factor is the caller's).
 * @example const s = deterministicStepper(input); const t1 = cubeTotal(s.trial(1)); s.advance(0.9);
 */
export function deterministicStepper(input: EngineInput): DeterministicStepper {
  const prep = prepare(input);
  const { rates } = input;
  const pp = prep.pipeline;
  const pl = rates.pipeline;
  const trend = new Float64Array(prep.horizon + 1);
  trend[0] = 1;
  let S = Float64Array.from(input.initial);
  let bIn: Float64Array = pp ? initialBacklog(pp, new Float64Array(N_AGES * N_NEEDS)) : new Float64Array(0);
  let bOut: Float64Array = new Float64Array(N_AGES * N_NEEDS);
  const spare = new Float64Array(N_AGES * N_NEEDS);
  const issued = new Float64Array(N_AGES * N_NEEDS);
  const w = newStepWork();
  let P: StepParams | undefined;
  let k = 0;
  const step = (t: number, take: boolean): Float64Array => {
    const kk = k + 1;
    if (kk > prep.horizon) throw new RangeError(`deterministicStepper: step ${kk} is beyond the horizon (${prep.horizon})`);
    trend[kk] = t;
    P = stepParamsFor(prep, rates, kk, trend, P, { skipNewPlans: pp !== undefined });
    if (pp) {
      pipelineYear(pp, prep.levers[kk - 1]!, kk, pl!.requestIncidence, trend[kk]!, pl!, bIn, take ? bOut : spare, issued);
      issuedToCube(pp, kk, issued, P.newPlans);
    }
    const next = new Float64Array(S.length);
    stepDeterministic(S, P, next, w);
    if (take) {
      S = next;
      k = kk;
      [bIn, bOut] = [bOut, bIn];
    }
    return next;
  };
  return {
    get k() {
      return k;
    },
    trial: (t) => step(t, false),
    advance: (t) => step(t, true),
  };
}
