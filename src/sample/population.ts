/**
 * Anyshire's synthetic population by single year of age and sex at mid-year: cohorts born into a smoothed,
 * LA-scaled version of England's births, thinned by a Gompertz survival curve, with a young-adult migration bump.
 * About 1/170 of England. The ONS files and the simulation's request incidence both read it.
 */

/** Oldest single age before the "90 and over" group. */
export const MAX_SINGLE_AGE = 89;

/** Births in Anyshire by calendar year (LA-scaled knots, linear between). */
const BIRTH_KNOTS: ReadonlyArray<readonly [number, number]> = [
  [1900, 3300], [1935, 3400], [1947, 4900], [1955, 3900], [1964, 5000], [1977, 3300], [1990, 4000], [2001, 3400],
  [2012, 4000], [2019, 3650], [2022, 3450], [2030, 3420], [2045, 3500],
];

function births(cohort: number): number {
  const k = BIRTH_KNOTS;
  if (cohort <= k[0]![0]) return k[0]![1];
  for (let i = 1; i < k.length; i++) {
    const [y1, b1] = k[i]!;
    const [y0, b0] = k[i - 1]!;
    if (cohort <= y1) return b0 + ((b1 - b0) * (cohort - y0)) / (y1 - y0);
  }
  return k[k.length - 1]![1];
}

function survival(age: number): number {
  const a = 0.00003;
  const b = 0.1;
  return Math.exp(-(a / b) * (Math.exp(b * age) - 1)) * (age === 0 ? 0.997 : 0.996);
}

function migration(age: number, year: number): number {
  const bump = 0.09 * Math.exp(-(((age - 27) / 8) ** 2));
  return (1 + bump) * (1 + 0.003 * (year - 2020));
}

/** Share of males at an age. */
function maleShare(age: number): number {
  return Math.max(0.36, 0.512 - 0.0018 * Math.max(0, age - 45));
}

/** Persons of single age `age` (0–105) at mid-year `year`. */
export function persons(age: number, year: number): number {
  return 1.1 * births(year - age) * survival(age) * migration(age, year);
}

/** Males and females of single age `age` at mid-year `year`. */
export function bySex(age: number, year: number): { males: number; females: number } {
  const p = persons(age, year);
  const m = p * maleShare(age);
  return { males: m, females: p - m };
}

/** Males and females aged 90 and over at mid-year `year`. */
export function bySex90Plus(year: number): { males: number; females: number } {
  let males = 0;
  let females = 0;
  for (let a = MAX_SINGLE_AGE + 1; a <= 105; a++) {
    const s = bySex(a, year);
    males += s.males;
    females += s.females;
  }
  return { males, females };
}
