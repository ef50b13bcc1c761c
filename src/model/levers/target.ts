/**
 * Which (age, need) cells a lever's target selects (scenario schema `Target`): all given filters must match; an
 * empty target selects everyone. Ages are either the age at the census the flow arrives in (`destination`: new
 * plans, moves into a placement) or the age at the census the flow leaves (`origin`: ceasing).
 */
import { N_AGES, N_NEEDS, NEEDS, phaseOfAge, type TransitionAges } from '../../domain/index.ts';
import type { Target } from '../../scenario/schema.ts';

export type AgeKind = 'destination' | 'origin';

/** 1/0 mask over N_AGES × N_NEEDS (index a·N_NEEDS + n) for the step whose census (of `kind`) is `censusYear`. */
export function targetMask(target: Target, transitionAges: TransitionAges, censusYear: number, kind: AgeKind): Float64Array {
  const mask = new Float64Array(N_AGES * N_NEEDS);
  const needs = target.needs ? new Set<string>(target.needs) : undefined;
  for (let a = 0; a < N_AGES; a++) {
    if (!ageMatches(target, transitionAges, censusYear, kind, a)) continue;
    for (let n = 0; n < N_NEEDS; n++) if (!needs || needs.has(NEEDS[n]!)) mask[a * N_NEEDS + n] = 1;
  }
  return mask;
}

/** Whether age `a` at census `censusYear` matches the age, phase, transition and cohort filters of a target. */
export function ageMatches(target: Target, transitionAges: TransitionAges, censusYear: number, kind: AgeKind, a: number): boolean {
  if (target.ages && !target.ages.includes(a)) return false;
  if (target.phases && !(target.phases as string[]).includes(phaseOfAge(a))) return false;
  if (target.transitions) {
    // A transition t is the step transitionAges[t] → +1: its arrivals are at the age after it, its leavers at the age before.
    const stepFrom = kind === 'destination' ? a - 1 : a;
    if (!target.transitions.some((t) => transitionAges[t as keyof TransitionAges] === stepFrom)) return false;
  }
  if (target.cohorts) {
    // Same birth cohort: census year − age is constant as the children age.
    const key = censusYear - a;
    const { ages, in_census_year } = target.cohorts;
    if (!ages.some((x) => in_census_year - x === key)) return false;
  }
  return true;
}
