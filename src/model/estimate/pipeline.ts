/**
 * Pipeline rates (rates.ts PipelineRates; model.md "State and step", step 3) from an LA's requests series —
 * `requests`, `decidedToAssess`, `assessIssued` / `newPlansTotal` by flow year, whether published or summarised from
 * person-level `request` rows by the ETL — for either estimation route (project-la.ts calls it after the route's rates):
 *
 *   years used     flow years ≤ base − 1 (at most `windowYears`, default 3 … 5) with requests and decided-to-assess
 *   assessShare    Σ decided / Σ requests                                         (evidence: Σ requests)
 *   carryShare     least squares of plans issued on assessments of the same and the previous year,
 *                  issued(y) = A·decided(y) + B·decided(y − 1)  ⇒  ĉ = B / (A + B)  (needs ≥ 2 such years, A, B ≥ 0),
 *                  shrunk towards the statutory-timescale share c₀ = 20/52 with 2 pseudo-years:
 *                  c = (E·ĉ + 2·c₀) / (E + 2), E = years in the fit; c = c₀ when the fit is impossible
 *   issueShare     Σ new plans(y) / Σ [(1 − c)·decided(y) + c·decided(y − 1)]      (plans per assessment completing)
 *   requestIncidence[b] = incidence[b] / (assessShare · issueShare · ((1 − c) + c / (1 + g)))
 *                  (requests have the age profile of new plans; levelled so that on a steady trend g the pipeline
 *                  issues what the direct incidence path issues — the route's incidence, which backtests check, stays
 *                  the level; requests in Flows are the ones this implies)
 *   openAtBase     c × decided(base − 1): the observed backlog, the pipeline's lead on the first projected year
 *
 * c₀: with requests spread evenly over the year and the statutory 20 weeks from request to plan, a year's requests
 * received in its last 20 weeks complete the next year. The default pipeline is on when at least 2 flow years have
 * requests and decided-to-assess; `undefined` otherwise.
 */
import { N_AGES } from '../../domain/index.ts';
import type { LaDataset } from '../dataset.ts';
import type { PipelineRates, Rates } from '../rates.ts';

/** Statutory timescale: 20 weeks from request to plan, out of 52. */
export const STATUTORY_CARRY_SHARE = 20 / 52;
/** Pseudo-years of the prior on carryShare. */
const CARRY_PRIOR_YEARS = 2;
/** Pseudo-assessments per year of evidence on carryShare (for posterior draws). */
const CARRY_N_PER_YEAR = 5;
/** Minimum flow years with requests data for the pipeline to be estimated (and on by default). */
export const MIN_PIPELINE_YEARS = 2;

export interface PipelineOptions {
  baseYear: number;
  /** Flow years used (default 5). */
  windowYears?: number;
}

/** Pipeline rates for `rates` from the dataset's requests series, or undefined when too few years have them. */
export function estimatePipelineRates(
  ds: Pick<LaDataset, 'requests' | 'decidedToAssess' | 'assessIssued' | 'newPlansTotal'>,
  rates: Pick<Rates, 'incidence' | 'trend'>,
  opts: PipelineOptions,
): { pipeline?: PipelineRates; notes: string[] } {
  const window = Math.max(MIN_PIPELINE_YEARS, opts.windowYears ?? 5);
  const years: number[] = [];
  for (let y = opts.baseYear - 1; y >= opts.baseYear - window; y--) {
    if (!(ds.requests[y]! > 0) || !(ds.decidedToAssess[y]! >= 0)) break;
    years.unshift(y);
  }
  if (years.length < MIN_PIPELINE_YEARS) return { notes: [] };
  const issuedAt = (y: number): number | undefined => ds.newPlansTotal[y] ?? ds.assessIssued[y];
  let req = 0;
  let dec = 0;
  for (const y of years) {
    req += ds.requests[y]!;
    dec += ds.decidedToAssess[y]!;
  }
  const assessShare = Math.min(1, dec / req);
  if (!(assessShare > 0)) return { notes: [] };
  // carry share: issued(y) = A·D(y) + B·D(y−1) by least squares (no intercept)
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  let sxz = 0;
  let syz = 0;
  let E = 0;
  for (const y of years) {
    const d0 = ds.decidedToAssess[y];
    const d1 = ds.decidedToAssess[y - 1];
    const iss = issuedAt(y);
    if (d0 === undefined || d1 === undefined || iss === undefined) continue;
    sxx += d0 * d0;
    sxy += d0 * d1;
    syy += d1 * d1;
    sxz += d0 * iss;
    syz += d1 * iss;
    E++;
  }
  let cHat: number | undefined;
  const det = sxx * syy - sxy * sxy;
  if (E >= 2 && Math.abs(det) > 1e-9 * sxx * syy) {
    const A = (sxz * syy - syz * sxy) / det;
    const B = (syz * sxx - sxz * sxy) / det;
    if (A >= 0 && B >= 0 && A + B > 0) cHat = B / (A + B);
  }
  const c0 = STATUTORY_CARRY_SHARE;
  const carryShare = cHat === undefined ? c0 : (E * cHat + CARRY_PRIOR_YEARS * c0) / (E + CARRY_PRIOR_YEARS);
  const carrySource: PipelineRates['carrySource'] = cHat === undefined ? 'default' : 'data+default';
  // issue share: plans per assessment completing
  let num = 0;
  let den = 0;
  for (const y of years) {
    const iss = issuedAt(y);
    if (iss === undefined) continue;
    const d0 = ds.decidedToAssess[y]!;
    const d1 = ds.decidedToAssess[y - 1];
    num += iss;
    den += d1 === undefined ? d0 : (1 - carryShare) * d0 + carryShare * d1;
  }
  const notes: string[] = [];
  if (!(den > 0) || !(num > 0)) return { notes: [`Requests data ${years[0]}–${years[years.length - 1]} have no plans issued to convert: pipeline not used.`] };
  let issueShare = num / den;
  if (issueShare > 1) {
    notes.push(`Pipeline: more plans issued (${Math.round(num)}) than assessments completing (${Math.round(den)}); issue share capped at 1.`);
    issueShare = 1;
  }
  // request incidence: new-plan age profile, levelled to the direct path on a steady trend
  const last = years[years.length - 1]!;
  const g = Math.max(-0.5, rates.trend.growth);
  const scale = 1 / (assessShare * issueShare * (1 - carryShare + carryShare / (1 + g)));
  const requestIncidence = new Float64Array(N_AGES);
  for (let b = 0; b < N_AGES; b++) requestIncidence[b] = rates.incidence[b]! * scale;
  const openAtBase = carryShare * ds.decidedToAssess[last]!;
  const span = `${years[0]}–${last}`;
  notes.push(
    `Pipeline (requests ${span}): ${(assessShare * 100).toFixed(1)}% of requests assessed; ${(issueShare * 100).toFixed(1)}% of assessments completing end in a plan; ` +
      `${(carryShare * 100).toFixed(1)}% of a year's assessments carried into the next (${cHat === undefined ? `statutory 20-week default; the data could not separate the delay` : `fit ${(cHat * 100).toFixed(1)}% over ${E} years, shrunk towards the 20-week default`}); ` +
      `${Math.round(openAtBase)} assessments open at the base census.`,
  );
  return {
    pipeline: {
      requestIncidence,
      requestN: req,
      assessShare,
      assessN: req,
      issueShare,
      issueN: den,
      carryShare,
      carryN: CARRY_N_PER_YEAR * (E + CARRY_PRIOR_YEARS),
      carrySource,
      openAtBase,
      years,
    },
    notes,
  };
}
