/**
 * One person of an SEN2 return in a source-neutral shape. The XML reader and the Blade CSV reader both build
 * these; `personRows` (person-rows.ts) validates them and turns them into warehouse rows, so both forms of the
 * return obey the same rules. Values are the raw strings of the return (undefined when absent); every element
 * carries where it came from, for messages.
 */

/** Where an element of the return came from: file, approximate line, XML path (or Blade module and key). */
export interface SrcRef {
  file: string;
  line?: number;
  path: string;
}

export type Raw = string | undefined;

/** PlanDetail (of a NamedPlan) or PlacementDetail (of ActivePlans). */
export interface RawPlacement {
  src: SrcRef;
  urn: Raw;
  ukprn: Raw;
  senSetting: Raw;
  placementRank: Raw;
  senUnitIndicator: Raw;
  resourcedProvisionIndicator: Raw;
  entryDate: Raw;
  leavingDate: Raw;
}

export interface RawNeed {
  src: SrcRef;
  senType: Raw;
  senTypeRank: Raw;
}

export interface RawNamedPlan {
  src: SrcRef;
  startDate: Raw;
  ceaseDate: Raw;
  ceaseReason: Raw;
  details: RawPlacement[];
}

export interface RawAssessment {
  src: SrcRef;
  outcome: Raw;
  outcomeDate: Raw;
  week20: Raw;
  namedPlans: RawNamedPlan[];
}

export interface RawActivePlan {
  src: SrcRef;
  transferLa: Raw;
  lastReview: Raw;
  placements: RawPlacement[];
  needs: RawNeed[];
}

export interface RawRequest {
  src: SrcRef;
  receivedDate: Raw;
  outcome: Raw;
  outcomeDate: Raw;
  assessments: RawAssessment[];
  activePlans: RawActivePlan[];
}

export interface RawPerson {
  src: SrcRef;
  upn: Raw;
  uln: Raw;
  birthDate: Raw;
  sex: Raw;
  ethnicity: Raw;
  requests: RawRequest[];
  /**
   * Value elements given more than once in one parent (XML: `<UPN>` twice, two `<StartDate>`s in a NamedPlan): each
   * such value is absent, and each is an error (personRows), never one of the two taken silently.
   */
  repeated?: SrcRef[];
}

/** Header facts of one return. */
export interface ReturnHeader {
  collection: string;
  censusYear: number;
  /** ReferenceDate (ISO), when given. */
  referenceDate?: string;
  /** DfE 3-digit LA code (Source/LEA). */
  laCode: string;
}

/** Path of a field of an element. */
export function fieldRef(src: SrcRef, field: string): SrcRef {
  return { ...src, path: `${src.path}/${field}` };
}
