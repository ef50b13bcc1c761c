/**
 * Ages, national curriculum years and phases (domain.md). Age is age on 31 August before the academic year.
 */

export const MIN_AGE = 0;
export const MAX_AGE = 25;
/** Number of single ages 0–25 carried by the engine. */
export const N_AGES = MAX_AGE - MIN_AGE + 1;
export const AGES: readonly number[] = Array.from({ length: N_AGES }, (_, i) => i);

export const Phase = {
  EARLY_YEARS: { label: 'Early years', from: 0, to: 3 },
  PRIMARY: { label: 'Primary', from: 4, to: 10 },
  SECONDARY: { label: 'Secondary', from: 11, to: 15 },
  POST16: { label: 'Post-16', from: 16, to: 18 },
  POST19: { label: 'Post-19', from: 19, to: 25 },
} as const;
export type Phase = keyof typeof Phase;
export const PHASES = Object.keys(Phase) as Phase[];
export function isPhase(x: unknown): x is Phase {
  return typeof x === 'string' && x in Phase;
}

/** The phase of an age. */
export function phaseOfAge(age: number): Phase {
  for (const p of PHASES) if (age >= Phase[p].from && age <= Phase[p].to) return p;
  throw new RangeError(`age must be between ${MIN_AGE} and ${MAX_AGE}. Got: ${age}`);
}

/** Whether an age is inside 0–25. */
export function isPlanAge(age: number): boolean {
  return Number.isInteger(age) && age >= MIN_AGE && age <= MAX_AGE;
}

/**
 * National curriculum year label of an age (NCY = age − 4).
 * @example ncyLabel(4) // 'R'
 * @example ncyLabel(11) // 'Y7'
 */
export function ncyLabel(age: number): string {
  if (age === 2) return 'N1';
  if (age === 3) return 'N2';
  if (age < 2) return 'EY';
  if (age === 4) return 'R';
  if (age <= 18) return `Y${age - 4}`;
  return 'Post-19';
}

/** Age of a national curriculum year number (Reception = 0). */
export function ageOfNcy(ncy: number): number {
  return ncy + 4;
}

/** The EES age bands of the 2022 release and the DSG management plan. */
export const AgeBand = {
  UNDER_5: { label: 'Under 5', from: 0, to: 4 },
  AGE_5_10: { label: 'Age 5 to 10', from: 5, to: 10 },
  AGE_11_15: { label: 'Age 11 to 15', from: 11, to: 15 },
  AGE_16_19: { label: 'Age 16 to 19', from: 16, to: 19 },
  AGE_20_25: { label: 'Age 20 to 25', from: 20, to: 25 },
} as const;
export type AgeBand = keyof typeof AgeBand;
export const AGE_BANDS = Object.keys(AgeBand) as AgeBand[];

export function ageBandOf(age: number): AgeBand {
  for (const b of AGE_BANDS) if (age >= AgeBand[b].from && age <= AgeBand[b].to) return b;
  throw new RangeError(`age must be between ${MIN_AGE} and ${MAX_AGE}. Got: ${age}`);
}

/** An inclusive age range parsed from a label. */
export interface AgeRange {
  from: number;
  to: number;
}

/**
 * Parses the age labels of the EES releases into ranges: `Under 5`, `Age 5 to 10`, `under 3`, `age 3`,
 * `age 2 and under`, `age 20 and over`, `Total`; `aged` reads as `age` and `Under age 5` as `Under 5`. Returns undefined
 * for `Age unknown` and unrecognised labels, and for a range that starts beyond MAX_AGE or ends before it starts
 * (`Age 400`, `Age 10 to 5`: a label typed wrong, not plans an EHC plan can hold; it was read as age 400, and the
 * row's plans left the model without a word). Open-ended upper labels are capped at 25.
 * @example parseAgeLabel('Age 5 to 10') // { from: 5, to: 10 }
 * @example parseAgeLabel('under 3') // { from: 0, to: 2 }
 */
export function parseAgeLabel(label: string): AgeRange | undefined {
  const r = ageRangeOf(label);
  return r && r.from <= MAX_AGE && r.from <= r.to ? r : undefined;
}

function ageRangeOf(label: string): AgeRange | undefined {
  // 'aged' is read as 'age', and 'under age 5' as 'under 5'
  const s = label.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\baged\b/g, 'age').replace(/^(age )?under age (\d)/, '$1under $2');
  if (s === 'total' || s === 'all ages' || s === 'all') return { from: MIN_AGE, to: MAX_AGE };
  let m = /^(?:age )?under (\d+)$/.exec(s);
  if (m) return { from: 0, to: Number(m[1]) - 1 };
  m = /^(?:age )?(\d+) and under$/.exec(s);
  if (m) return { from: 0, to: Number(m[1]) };
  m = /^(?:age )?(\d+) (?:and over|\+|and above)$/.exec(s) ?? /^(?:age )?(\d+)\+$/.exec(s);
  if (m) return { from: Number(m[1]), to: MAX_AGE };
  m = /^(?:age )?(\d+) (?:to|-) (\d+)$/.exec(s) ?? /^(?:age )?(\d+)-(\d+)$/.exec(s);
  if (m) return { from: Number(m[1]), to: Number(m[2]) };
  m = /^(?:age )?(\d+)$/.exec(s);
  if (m) return { from: Number(m[1]), to: Number(m[1]) };
  return undefined;
}
