/** The simulated population: persons, their requests, plans and placement spells (days since 1970-01-01). */
import type { Need, Placement } from '../domain/index.ts';
import type { Sen2Setting } from './codes.ts';

/** SEN2 RequestOutcome: A decided to assess, N decided not to assess, W withdrawn before a decision. */
export type RequestOutcomeCode = 'A' | 'N' | 'W';
/** SEN2 AssessmentOutcome: Y plan to be issued, N no plan, W withdrawn before a decision. */
export type AssessmentOutcomeCode = 'Y' | 'N' | 'W';

export interface SimAssessment {
  outcome: AssessmentOutcomeCode;
  outcomeDay: number;
  /** SEN2 Week20: the 20-week time limit exceptions apply. */
  week20Exception: boolean;
}

export interface SimRequest {
  received: number;
  source: string;
  decisionDay: number;
  outcome: RequestOutcomeCode;
  assessment?: SimAssessment;
}

/** Where a person is placed during a spell: a school (URN), a post-16 provider (UKPRN), a setting code, or none. */
export interface Spell {
  placement: Placement;
  /** URN or UKPRN from the sample's establishments. */
  estId?: string;
  setting?: Sen2Setting;
  senUnit: boolean;
  resourcedProvision: boolean;
  entry: number;
  /** Last day in the placement, when it ended before the plan did. */
  leave?: number;
}

export interface SimPlan {
  start: number;
  /** The day the plan became Anyshire's: the start date, or the transfer-in date. */
  arrival: number;
  /** A statement of SEN (before the 2014 reform) until `conversion`. */
  statement: boolean;
  conversion?: number;
  need: Need;
  secondNeed?: Need;
  end?: number;
  /** SEN2 CeaseReason 1–9 (5 = transferred to another LA). */
  reason?: number;
  spells: Spell[];
  transferFrom?: string;
  planRes: boolean;
  personalBudget: boolean;
}

export interface SimPerson {
  id: number;
  birth: number;
  sex: 'M' | 'F';
  ethnicity: string;
  request: SimRequest;
  plan?: SimPlan;
}

export interface Simulation {
  seed: number;
  persons: SimPerson[];
}
