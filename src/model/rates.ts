/**
 * The one set of rates the engine steps with (model.md). Two routes fill it — person-level SEN2 returns
 * (estimate/person.ts) and aggregate EES series (estimate/aggregate.ts) — so everything downstream ignores where
 * rates came from. Layouts are flat typed arrays.
 */
import { N_AGES, N_NEEDS, N_PLACEMENTS } from '../domain/index.ts';

/** SEN2 cease reasons 1–9 (1 max age … 9 other); index 0 = unknown. */
export const N_CEASE_REASONS = 10;

export interface TrendEstimate {
  /** Yearly growth of incidence at the base year (0.08 = 8%). */
  growth: number;
  /** Standard error of `growth` (drives trend uncertainty in Monte Carlo). */
  se: number;
  /** Share of the gap to the long-run growth closed each year (0 = no damping). */
  damping: number;
  /** Long-run growth the trend decays to. */
  longRun: number;
  /**
   * Trend factors T₀ … T_H (T₀ = 1) solved so that the lever-free projection follows the calibrated total-plans
   * forecast (constrain.ts). When present they replace the growth curve above on the central path.
   */
  path?: number[];
}

/**
 * The requests → assessments → plans pipeline (model.md "State and step", step 3), estimated from requests data
 * (estimate/pipeline.ts). Flow year y: requests(y) = population × requestIncidence × trend × surge × fewer_requests;
 * assessments started = assessShare × requests; of these (1 − carryShare) complete in y and carryShare stay open
 * (the backlog) and complete in y + 1; plans issued = issueShare × lower_conversion × assessments completing.
 */
export interface PipelineRates {
  /** Requests per head by age at the census after the request year (age profile of new plans). Length N_AGES. */
  requestIncidence: Float64Array;
  /** Requests observed (evidence). */
  requestN: number;
  /** Share of requests decided to assess. */
  assessShare: number;
  /** Requests behind `assessShare` (evidence). */
  assessN: number;
  /** Plans issued per assessment completing (assessments withdrawn or ending without a plan count against it). */
  issueShare: number;
  /** Assessments behind `issueShare` (evidence). */
  issueN: number;
  /** Share of a year's assessments still open at the year end (completed the next year). */
  carryShare: number;
  /** Pseudo-assessments of evidence behind `carryShare` (for posterior draws). */
  carryN: number;
  /** Where `carryShare` came from. */
  carrySource: 'data' | 'default' | 'data+default';
  /** Assessments open at the base census (decided in base − 1, not yet completed): the first year's backlog. */
  openAtBase: number;
  /** Flow years of requests data used. */
  years: number[];
}

export interface Rates {
  source: 'person-level' | 'aggregate';
  /** Census year whose stock the rates step from. */
  baseYear: number;
  /** P(plan at age a at census Y is still held, in this LA, at census Y+1), excluding transfers. Length N_AGES. */
  continuation: Float64Array;
  /** Evidence behind `continuation[a]` (plans observed at age a): for posterior draws. Length N_AGES. */
  continuationN: Float64Array;
  /** Share of ceasings at age a by reason: N_AGES × N_CEASE_REASONS, rows sum to 1. */
  ceaseReasonShare: Float64Array;
  /** Placement moves for continuing plans, age a → a+1: N_AGES × N_PLACEMENTS(from) × N_PLACEMENTS(to), rows sum to 1. */
  moves: Float64Array;
  /** Evidence (plans observed) per age and from-placement: N_AGES × N_PLACEMENTS. */
  movesN: Float64Array;
  /** New plans per head of population by age at the next census. Length N_AGES. */
  incidence: Float64Array;
  /** Evidence (new plans observed) per age. Length N_AGES. */
  incidenceN: Float64Array;
  /** New-plan mix at each age: N_AGES × N_NEEDS × N_PLACEMENTS, sums to 1 per age. */
  newMix: Float64Array;
  /** Net migration of plans per year as a share of the stock at each age (+ = inflow). Length N_AGES. */
  netMigration: Float64Array;
  trend: TrendEstimate;
  /** Requests pipeline rates, where requests data exist (absent: new plans come from `incidence` directly). */
  pipeline?: PipelineRates;
  /** Notes on how the rates were estimated (shown in Assumptions). */
  notes: string[];
}

export function moveIndex(age: number, from: number, to: number): number {
  return (age * N_PLACEMENTS + from) * N_PLACEMENTS + to;
}

export function newMixIndex(age: number, need: number, placement: number): number {
  return (age * N_NEEDS + need) * N_PLACEMENTS + placement;
}

/** Element counts of the arrays of `emptyRates`, in the order they sit in its one buffer. */
const RATE_SIZES = {
  continuation: N_AGES,
  continuationN: N_AGES,
  ceaseReasonShare: N_AGES * N_CEASE_REASONS,
  moves: N_AGES * N_PLACEMENTS * N_PLACEMENTS,
  movesN: N_AGES * N_PLACEMENTS,
  incidence: N_AGES,
  incidenceN: N_AGES,
  newMix: N_AGES * N_NEEDS * N_PLACEMENTS,
  netMigration: N_AGES,
};
const RATE_LENGTH = Object.values(RATE_SIZES).reduce((a, b) => a + b, 0);

/**
 * Rates with no evidence: everyone continues in place, no new plans. Estimators start from this. Its arrays are
 * views of one buffer (one allocation instead of nine: the forecast estimates rates for every LA at every origin).
 */
export function emptyRates(baseYear: number, source: Rates['source']): Rates {
  const buffer = new Float64Array(RATE_LENGTH);
  let at = 0;
  const take = (n: number): Float64Array => buffer.subarray(at, (at += n));
  const continuation = take(RATE_SIZES.continuation).fill(1);
  const continuationN = take(RATE_SIZES.continuationN);
  const ceaseReasonShare = take(RATE_SIZES.ceaseReasonShare);
  const moves = take(RATE_SIZES.moves);
  for (let a = 0; a < N_AGES; a++) for (let p = 0; p < N_PLACEMENTS; p++) moves[moveIndex(a, p, p)] = 1;
  return {
    source,
    baseYear,
    continuation,
    continuationN,
    ceaseReasonShare,
    moves,
    movesN: take(RATE_SIZES.movesN),
    incidence: take(RATE_SIZES.incidence),
    incidenceN: take(RATE_SIZES.incidenceN),
    newMix: take(RATE_SIZES.newMix),
    netMigration: take(RATE_SIZES.netMigration),
    trend: { growth: 0, se: 0, damping: 0, longRun: 0 },
    notes: [],
  };
}
