/**
 * What the data say about one January census, as published: the figures every output labels "actual". The model
 * starts from a fitted state at the base year (aggregate data: single ages apportioned from bands, placements fitted
 * to the ages by iterative proportional fitting, plans with no placement recorded placed as the recorded ones), which
 * is not the published figure: Kent's January 2022 (real 2022 release) was fitted as 4,480.000778 plans in state
 * mainstream schools and 754.999527 in specialist post-16 institutions against the published 4,480 and 755. Pure.
 */
import { N_AGES, NEEDS, PLACEMENTS, type Need, type Placement } from '../domain/index.ts';
import { cubeByAge, cubeByPlacement, cubeTotal } from './cube.ts';
import type { LaDataset } from './dataset.ts';

export interface ObservedCensus {
  year: number;
  /** All plans at the census, as the data give it. */
  total?: number;
  /** Plans by placement, when the data give placements for that January (a placement they do not name: 0). */
  byPlacement?: Record<Placement, number>;
  /** Plans by primary need, when the data give needs for that January. */
  byNeed?: Record<Need, number>;
  /** Plans by single age 0–25, when the data give single ages for that January (a SEN2 return, or single-age rows). */
  byAge?: Float64Array;
}

/**
 * The published figures of a January census in a dataset: only what the data give for that very January (a
 * breakdown of an earlier year, or one apportioned from bands, is the model's estimate, not an observation).
 * @example observedCensus(ds, 2022).byPlacement?.MS // 4480 for Kent on the real 2022 release
 */
export function observedCensus(ds: LaDataset, year: number): ObservedCensus {
  const cube = ds.stockCube[year];
  const out: ObservedCensus = { year };
  const total = ds.stockTotal[year] ?? (cube ? cubeTotal(cube) : undefined);
  if (total !== undefined && Number.isFinite(total)) out.total = total;
  const byP = ds.stockByPlacement[year];
  if (byP && Object.keys(byP).length > 0) out.byPlacement = Object.fromEntries(PLACEMENTS.map((p) => [p, byP[p] ?? 0])) as Record<Placement, number>;
  const byN = ds.stockByNeed[year];
  if (byN && Object.keys(byN).length > 0) out.byNeed = Object.fromEntries(NEEDS.map((n) => [n, byN[n] ?? 0])) as Record<Need, number>;
  const ages = cube ? cubeByAge(cube) : singleAges(ds, year);
  if (ages) out.byAge = ages;
  return out;
}

/** Single ages 0–25 from the dataset's single-age rows of a January, when every age has one; else undefined. */
function singleAges(ds: LaDataset, year: number): Float64Array | undefined {
  const out = new Float64Array(N_AGES);
  const seen = new Set<number>();
  for (const r of ds.stockByAge) {
    if (r.year !== year || r.from !== r.to || r.from < 0 || r.from >= N_AGES) continue;
    out[r.from] = r.count;
    seen.add(r.from);
  }
  return seen.size === N_AGES ? out : undefined;
}

/** One figure where the model's starting state and the data differ by more than rounding (they show differently). */
export interface StartGap {
  /** `total` or a placement code. */
  what: 'total' | Placement;
  observed: number;
  fitted: number;
}

/**
 * Where the projection's starting cube differs from the data's figures for its January by more than rounding (the
 * two round to different whole plans): the total and each placement the data give, largest gap first.
 * Float residue of the fit (Kent's 4,480.000778) is not a gap; a fit that could not match the data (more plans in
 * post-16 settings than plans aged 16–25) or plans with no placement recorded placed as the recorded ones are.
 * @example startGaps(observedCensus(ds, 2022), initial) // [] when the fit holds the published figures
 */
export function startGaps(obs: ObservedCensus, start: Float64Array): StartGap[] {
  const out: StartGap[] = [];
  if (obs.total !== undefined) out.push({ what: 'total', observed: obs.total, fitted: cubeTotal(start) });
  if (obs.byPlacement) {
    const fitted = cubeByPlacement(start);
    PLACEMENTS.forEach((p, i) => out.push({ what: p, observed: obs.byPlacement![p], fitted: fitted[i]! }));
  }
  return out.filter((g) => Math.round(g.fitted) !== Math.round(g.observed)).sort((a, b) => Math.abs(b.fitted - b.observed) - Math.abs(a.fitted - a.observed));
}
