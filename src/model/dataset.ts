/**
 * The data one LA's projection needs, extracted from the warehouse (src/etl/dataset.ts) or straight from EES
 * files (forecast/backtest). Pure data: the model never reads files or the database.
 *
 * Year keys: `census year` for stocks (January snapshot), `flow year` (calendar year) for flows.
 * Flat cubes are indexed by `cellIndex(age, need, placement)` of src/model/cube.ts.
 */
import type { LaIdentity, Need, Placement } from '../domain/index.ts';

export interface AgeCount {
  year: number;
  /** Inclusive age range: a band (5–10) or a single age (from = to). */
  from: number;
  to: number;
  count: number;
}

/** One linked person-level movement between consecutive returns (census Y → Y+1), aggregated. */
export interface LinkedMove {
  /** Census year of the earlier return. */
  fromYear: number;
  /** Age at the earlier census. */
  age: number;
  need: Need;
  from: Placement;
  /** Placement at the next census, or why the plan is not in it. */
  to: Placement | 'CEASED' | 'TRANSFERRED_OUT';
  /** SEN2 CeaseReason (1–9) when `to` is CEASED and the reason is known. */
  ceaseReason?: number;
  count: number;
}

export interface LaDataset {
  la: LaIdentity;
  regionCode?: string;
  regionName?: string;
  /** Plans at each January census, all ages (the best source for each year). */
  stockTotal: Record<number, number>;
  /** Plans at census by age range (bands and/or single ages; several granularities may coexist for a year). */
  stockByAge: AgeCount[];
  /** Plans at census by placement. */
  stockByPlacement: Record<number, Partial<Record<Placement, number>>>;
  /** Plans at census by primary need. */
  stockByNeed: Record<number, Partial<Record<Need, number>>>;
  /** Person-level stock cubes (age × need × placement) at census years with a SEN2 return. */
  stockCube: Record<number, Float64Array>;
  /** New plans issued in each flow (calendar) year, all ages. */
  newPlansTotal: Record<number, number>;
  /** New plans by age range and flow year (`year` is the flow year). */
  newPlansByAge: AgeCount[];
  /** Person-level new-plan cubes (age at the next census × need × first placement) by flow year. */
  newPlansCube: Record<number, Float64Array>;
  /** Requests for EHC needs assessment received in each flow year. */
  requests: Record<number, number>;
  /** Requests decided to assess, by flow year. */
  decidedToAssess: Record<number, number>;
  /** Assessments completed with a plan issued / not issued, by flow year. */
  assessIssued: Record<number, number>;
  assessNotIssued: Record<number, number>;
  /** Plans ceased by flow year, age range and SEN2 reason code (0 = unknown). */
  ceased: Array<{ year: number; from: number; to: number; reason: number; count: number }>;
  /** Linked person-level movements between consecutive SEN2 returns. */
  linkedMoves: LinkedMove[];
  /** Population by census year and single age 0–25 (length 26). */
  population: Record<number, Float64Array>;
  /** The files each census year's population was read from (etl/persons/dataset-population.ts), for the gates' messages. */
  populationFiles?: Record<number, string[]>;
  /** Data-quality notes that the report's Data quality sheet shows. */
  notes: string[];
  /**
   * Plans at a January that two releases give differently (a later release revising it), each as
   * messages/releases.ts releaseRevision lists it: `stockTotal` holds the newer release's figure.
   */
  revisions?: string[];
  /** New plans of a calendar year that two releases give differently (messages/releases.ts newPlansRevision). */
  newPlanRevisions?: string[];
  /** The note of ONS codes changing inside the LA's history in a way domain/la.ts does not know (etl/code-change.ts). */
  codeChange?: string;
  /** The note of new plans reaching as far as the plans or further, a year early (etl/new-plans-reach.ts). */
  newPlansAhead?: string;
  /**
   * SEN2 plans of the LA at a URN/UKPRN the establishment table does not hold, by census year: counted as placement
   * not recorded (NONE), which the budget costs at £0 (etl/persons/dataset-persons.ts; gates.ts checkUnplaced).
   */
  unplaced?: Record<number, { plans: number; of: number; urns: string[] }>;
  /**
   * The LA's plans at each census year its own SEN2 returns hold, and the return they were counted from (the last
   * loaded): they replace the published stock of that year in the cubes, while the total forecast keeps the published
   * series, so the two must agree (gates.ts checkPersonLevelStock).
   */
  personLevel?: Record<number, { plans: number; file: string }>;
  /**
   * Census years whose SEN2 return of the LA (the last loaded) holds persons but no plan held at the census: how many
   * persons, how many of its plans ceased during the year, and the file (person-level-gate.ts checkReturnsHoldPlans).
   */
  returnsWithoutPlans?: Record<number, { persons: number; ceased: number; file: string }>;
  /**
   * Census years whose SEN2 return of the LA holds many plans but no date after the spring of the year before its
   * census: an earlier year's return relabelled (dataset-persons.ts STALE_RETURN, person-level-gate.ts).
   */
  staleReturns?: Record<number, { plans: number; latest: string; file: string }>;
  /**
   * Januaries whose "All EHC plans" total a file gives with no figure (`x`, `c`): why, and where (etl/suppressed-ages.ts),
   * so that a forecast skipping the LA at such a January says which file and line.
   */
  unpublishedTotals?: Record<number, { reason: string; file?: string; line?: number }>;
  /**
   * Flow years whose all-ages new-plans total a file gives with no figure (`c`, `x`) and no file gives with one: why,
   * and where, so that a run given no new plans for that year says the figure is unpublished, not absent.
   */
  unpublishedNewPlans?: Record<number, { reason: string; file?: string; line?: number }>;
  /** Set when the history before a reorganisation was joined from predecessors (model/reorganise.ts). */
  history?: { succession: { from: string[]; to: string[]; fromCensusYear: number; note: string }; share: number; keyYear: number; note?: string };
}

/** An empty dataset for an LA, to be filled by an extractor. */
export function emptyDataset(la: LaIdentity): LaDataset {
  return {
    la,
    stockTotal: {},
    stockByAge: [],
    stockByPlacement: {},
    stockByNeed: {},
    stockCube: {},
    newPlansTotal: {},
    newPlansByAge: [],
    newPlansCube: {},
    requests: {},
    decidedToAssess: {},
    assessIssued: {},
    assessNotIssued: {},
    ceased: [],
    linkedMoves: [],
    population: {},
    notes: [],
  };
}

/**
 * The last January with a stock of plans (above 0) in an LA's series; undefined when it has none.
 * @example lastJanuaryWithPlans(ds) // 2022
 */
export function lastJanuaryWithPlans(d: Pick<LaDataset, 'stockTotal'>): number | undefined {
  const years = Object.entries(d.stockTotal).flatMap(([y, v]) => (v !== undefined && v > 0 ? [Number(y)] : []));
  return years.length ? Math.max(...years) : undefined;
}
