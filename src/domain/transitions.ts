/**
 * Transition points: the steps between ages at which the phase changes (domain.md). The ages are
 * configuration: the two-tier table is the default; three-tier LAs pass their own.
 */

export const TransitionPoint = {
  'EY-R': { label: 'Early years to Reception', fromAge: 3 },
  'Y6-Y7': { label: 'Primary to secondary', fromAge: 10 },
  'Y11-Y12': { label: 'Secondary to post-16', fromAge: 15 },
  'Y14-P19': { label: 'Post-16 to post-19', fromAge: 18 },
  EXIT: { label: 'Plan ends at the 26th birthday', fromAge: 25 },
} as const;
export type TransitionPoint = keyof typeof TransitionPoint;
export const TRANSITION_POINTS = Object.keys(TransitionPoint) as TransitionPoint[];
export function isTransitionPoint(x: unknown): x is TransitionPoint {
  return typeof x === 'string' && x in TransitionPoint;
}

/** Transition ages: for each point, the age before the step (a → a+1). */
export type TransitionAges = Record<TransitionPoint, number>;

export const DEFAULT_TRANSITION_AGES: TransitionAges = Object.fromEntries(
  TRANSITION_POINTS.map((t) => [t, TransitionPoint[t].fromAge]),
) as TransitionAges;

/** The transition point at the step from `age` to `age + 1`, if any. */
export function transitionAt(age: number, ages: TransitionAges = DEFAULT_TRANSITION_AGES): TransitionPoint | undefined {
  for (const t of TRANSITION_POINTS) if (ages[t] === age) return t;
  return undefined;
}
