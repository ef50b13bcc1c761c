/**
 * Configuration, not logic: the RequestOutcome and AssessmentOutcome code lists of the SEN2 guide versions
 * (inputs.md: "Code lists … vary between guide versions: keep them in configuration"). Each code maps to one
 * canonical outcome the warehouse stores; the raw code is stored beside it. A new guide version is a new entry.
 */

/** Canonical outcome of a request for an EHC needs assessment. */
export type RequestOutcome = 'decided_to_assess' | 'decided_not_to_assess' | 'withdrawn' | 'pending';
/** Canonical outcome of an EHC needs assessment. */
export type AssessmentOutcome = 'plan_issued' | 'plan_not_issued' | 'withdrawn' | 'pending';

export interface OutcomeCodeList {
  /** Guide version(s) / census years this list describes. */
  guide: string;
  fromCensusYear: number;
  request: Record<string, RequestOutcome>;
  assessment: Record<string, AssessmentOutcome>;
}

/** Code lists by guide, newest last. Codes are matched case-insensitively after trimming. */
export const OUTCOME_CODE_LISTS: readonly OutcomeCodeList[] = [
  {
    guide: 'SEN2 person level guide 2023–2024',
    fromCensusYear: 2023,
    request: { A: 'decided_to_assess', Y: 'decided_to_assess', N: 'decided_not_to_assess', W: 'withdrawn', H: 'pending', P: 'pending' },
    assessment: { Y: 'plan_issued', A: 'plan_issued', N: 'plan_not_issued', W: 'withdrawn', H: 'pending', P: 'pending' },
  },
  {
    guide: 'SEN2 person level guide 2025 onwards',
    fromCensusYear: 2025,
    request: { A: 'decided_to_assess', Y: 'decided_to_assess', N: 'decided_not_to_assess', W: 'withdrawn', H: 'pending', P: 'pending' },
    assessment: { Y: 'plan_issued', A: 'plan_issued', N: 'plan_not_issued', W: 'withdrawn', H: 'pending', P: 'pending' },
  },
];

/** The code list in force for a census year (the newest whose `fromCensusYear` is not after it). */
export function outcomeCodesFor(censusYear: number, lists: readonly OutcomeCodeList[] = OUTCOME_CODE_LISTS): OutcomeCodeList {
  let best = lists[0]!;
  for (const l of lists) if (l.fromCensusYear <= censusYear && l.fromCensusYear >= best.fromCensusYear) best = l;
  return best;
}
