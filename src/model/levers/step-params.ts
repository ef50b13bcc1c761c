/**
 * Builds the effective step parameters of step k (into census base + k) from (possibly drawn) rates and the
 * prepared levers. Re-uses `P` when given (no allocation per step).
 */
import { N_AGES as N_AGES_, N_NEEDS as N_NEEDS_, N_PLACEMENTS as N_PLACEMENTS_ } from '../../domain/index.ts';
import type { Rates } from '../rates.ts';
import type { StepParams } from '../step.ts';
import { applyMoveShifts, effectiveContinuation, effectiveMoves, fillNewPlans, hasShifts } from './apply.ts';
import type { Prepared } from '../prepared.ts';

// Local copies of the domain sizes: hot loops read locals, not module-namespace bindings (vitest rewrites those).
const N_AGES = N_AGES_;
const N_NEEDS = N_NEEDS_;
const N_PLACEMENTS = N_PLACEMENTS_;

const NP = N_PLACEMENTS;

export function stepParamsFor(
  prep: Prepared,
  rates: Pick<Rates, 'continuation' | 'moves' | 'incidence'>,
  k: number,
  trend: Float64Array,
  P?: StepParams,
  opts: {
    /** Moves already made effective without shifts (effectiveMoves with no shifts): saves work across steps. */
    movesEff?: Float64Array;
    /** Leave `newPlans` unfilled (the stochastic step reads the shapes directly). */
    skipNewPlans?: boolean;
  } = {},
): StepParams {
  const { movesEff } = opts;
  const params: StepParams = P ?? {
    cont: new Float64Array(N_AGES * N_NEEDS),
    moves: new Float64Array(N_AGES * NP * NP),
    newPlans: new Float64Array(N_AGES * N_NEEDS * NP),
    netMig: prep.netMig,
    capacity: prep.capacity.byStep[k - 1]!,
    overflowTo: prep.capacity.overflowTo,
    possible: prep.possible,
  };
  const lv = prep.levers[k - 1]!;
  effectiveContinuation(rates.continuation, lv, params.cont);
  if (movesEff) {
    if (hasShifts(lv.moveShifts)) {
      if (params.moves === movesEff) params.moves = new Float64Array(movesEff.length);
      applyMoveShifts(movesEff, lv.moveShifts, prep.possible, params.moves);
    } else params.moves = movesEff;
  } else {
    if (params.moves === movesEff || params.moves.length === 0) params.moves = new Float64Array(N_AGES * NP * NP);
    effectiveMoves(rates.moves, lv.moveShifts, prep.possible, prep.fallback, params.moves);
  }
  if (!opts.skipNewPlans) fillNewPlans(prep.shapes[k - 1]!.shape, rates.incidence, trend[k]!, params.newPlans);
  params.capacity = prep.capacity.byStep[k - 1]!;
  params.needShifts = hasShifts(lv.moveNeedShifts) ? lv.moveNeedShifts : undefined;
  return params;
}

/**
 * The effective moves every step of a projection reads when no year of it shifts moves (effectiveMoves depends on the
 * rates' moves, the possible placements and the fallback alone then): made once into `out` (a new array without it),
 * for stepParamsFor's `movesEff`, instead of again at every step. Undefined when some year has a move shift.
 */
export function steadyMoves(prep: Prepared, moves: Float64Array, out?: Float64Array): Float64Array | undefined {
  if (prep.levers.some((lv) => hasShifts(lv.moveShifts))) return undefined;
  const eff = out ?? new Float64Array(N_AGES * NP * NP);
  effectiveMoves(moves, [], prep.possible, prep.fallback, eff);
  return eff;
}
