/**
 * The one central path every output publishes (workbook, charts, alt texts, report text, `run --json`).
 *
 * A run has two candidate "central" figures: the median (P50) of the simulated futures, and the projection's own
 * central cube (the deterministic path, or the draw-wise mean path). They differ by a little, and printing both is
 * two numbers for one thing. The run publishes one path, chosen here once:
 *   - total plans at each census year = the P50 of the draws (as `forecast` prints for the same LA);
 *   - plans by age, need and placement = the projection's cube scaled to that total (its proportions kept);
 *   - money = that path priced by the budget model, so every budget table adds up year by year; the money P50s
 *     of the run are that path (P10 and P90 stay the draws' own percentiles).
 * Re-projections for sensitivity and single levers are deterministic; they are moved by the same per-year factor
 * as their base run (P50 total / deterministic total), so a tornado bar or a lever's saving is measured from the
 * published path, not from a neighbouring one. With `--draws 0` every factor is 1 and nothing changes. Pure.
 */
import { cubeTotal } from '../model/cube.ts';
import type { ProjectionResult, Quantiles, TransitionFlows, YearFlows } from '../model/result.ts';
import type { BudgetResult } from '../budget/types.ts';

/** Per census year: the factor that moves a cube total onto a target total (1 where either is not positive). */
export function factorsTo(targets: readonly number[], cubes: readonly Float64Array[]): number[] {
  return cubes.map((c, i) => {
    const t = cubeTotal(c);
    const target = targets[i];
    return target !== undefined && t > 0 && target > 0 && Number.isFinite(target) ? target / t : 1;
  });
}

const times = (f: number) => (v: number | undefined) => (v === undefined ? undefined : v * f);
const timesRecord = <K extends string | number>(r: Partial<Record<K, number>>, f: number): Record<K, number> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, (v as number) * f])) as Record<K, number>;

/** The flows of the step into a census year, moved by that year's factor (the path's flows, as its stocks are). */
function scaleFlows(y: YearFlows, f: number): YearFlows {
  const x = times(f);
  return {
    ...y,
    newPlans: y.newPlans * f,
    ceasedByReason: timesRecord(y.ceasedByReason, f),
    ceased: y.ceased * f,
    agedOut: y.agedOut * f,
    netMigration: y.netMigration * f,
    overflow: timesRecord(y.overflow, f),
    requests: x(y.requests),
    assessments: x(y.assessments),
    backlog: x(y.backlog),
    surgeNewPlans: y.surgeNewPlans * f,
    avoidedByMitigation: timesRecord(y.avoidedByMitigation, f),
  };
}

function scaleTransition(t: TransitionFlows, f: number): TransitionFlows {
  return {
    ...t,
    arriving: t.arriving * f,
    moves: t.moves.map((m) => ({ ...m, count: m.count * f })),
    newPlans: t.newPlans * f,
    surgeNewPlans: t.surgeNewPlans * f,
  };
}

/** Each census year's cube multiplied by that year's factor (a cube whose factor is 1 is kept, not copied). */
export function scaleCubes(central: readonly Float64Array[], factors: readonly number[]): Float64Array[] {
  return central.map((c, i) => {
    const f = factors[i] ?? 1;
    if (f === 1) return c;
    const out = new Float64Array(c.length);
    for (let k = 0; k < c.length; k++) out[k] = c[k]! * f;
    return out;
  });
}

/**
 * A projection with each year's cube, and the flows into that year, multiplied by the year's factor; totals follow
 * (P10/P90 kept when draws ran).
 */
export function scaleProjection(p: ProjectionResult, factors: readonly number[]): ProjectionResult {
  if (factors.every((f) => f === 1)) return p;
  const factorOf = (year: number) => factors[p.years.indexOf(year)] ?? 1;
  const central = scaleCubes(p.central, factors);
  const totalQuantiles: Quantiles[] =
    p.draws > 0 ? p.totalQuantiles.map((q, i) => ({ ...q, p50: cubeTotal(central[i]!) })) : central.map((c) => ({ p10: cubeTotal(c), p50: cubeTotal(c), p90: cubeTotal(c) }));
  const flows = p.flows.map((y) => scaleFlows(y, factorOf(y.year)));
  const transitions = p.transitions.map((t) => scaleTransition(t, factorOf(t.year)));
  return { ...p, central, totalQuantiles, flows, transitions };
}

/**
 * The published projection: the central cube moved onto the P50 totals.
 * @example centreOnMedian(run.projection).totalQuantiles[5].p50 === cubeTotal(centreOnMedian(run.projection).central[5])
 */
export function centreOnMedian(p: ProjectionResult): ProjectionResult {
  if (p.draws <= 0) return p;
  return scaleProjection(
    p,
    factorsTo(
      p.totalQuantiles.map((q) => q.p50),
      p.central,
    ),
  );
}

/**
 * The factors that move a deterministic re-projection of a run onto the run's published path: P50 total of the run
 * over the deterministic total of the same inputs.
 */
export function deterministicFactors(published: ProjectionResult, deterministic: ProjectionResult): number[] {
  return factorsTo(
    published.central.map((c) => cubeTotal(c)),
    deterministic.central,
  );
}

/** The budget with its money P50s set to the central path priced (P10/P90 are the draws' own). */
export function publishBudget(b: BudgetResult): BudgetResult {
  const at = <T extends Quantiles>(qs: T[], v: (i: number) => number | undefined): Quantiles[] =>
    qs.map((q, i) => {
      const x = v(i);
      return x === undefined ? q : { ...q, p50: x };
    });
  return {
    ...b,
    expenditureQuantiles: at(b.expenditureQuantiles, (i) => b.lines[i]?.expenditure),
    inYearQuantiles: at(b.inYearQuantiles, (i) => b.lines[i]?.inYearBalance),
    cumulativeQuantiles: at(b.cumulativeQuantiles, (i) => b.lines[i]?.cumulativeBalance),
  };
}
