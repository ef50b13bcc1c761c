/**
 * Calibration of the simulation: national figures of calibration.md scaled to Anyshire, and the shapes the
 * simulation draws from. Figures not published (requests before 2019, the pre-reform ceasing rates) are
 * assumptions, marked as such.
 */
import type { Need, Placement } from '../domain/index.ts';

/** The seed of the committed sample. */
export const SAMPLE_SEED = 20250116;
/** Anyshire holds 1/200 of England's plans and about 1/170 of its population. */
export const PLAN_SCALE = 1 / 200;
/** First calendar year simulated (a burn-in, so the 2015 stock has a full age range). */
export const FIRST_YEAR = 1994;
/** Last census of the sample (January). */
export const LAST_CENSUS = 2025;

/**
 * Requests for assessment received in England by calendar year. 2019–2024 are published; earlier years are
 * assumptions consistent with the published new plans (about 64% of requests become plans).
 */
export function nationalRequests(y: number): number {
  const published: Record<number, number> = {
    2014: 43_000, 2015: 47_000, 2016: 56_000, 2017: 65_000, 2018: 74_000,
    2019: 82_329, 2020: 75_951, 2021: 93_302, 2022: 114_482, 2023: 138_242, 2024: 154_489,
  };
  return published[y] ?? 41_000;
}

/** Share of requests decided to assess, and refused, by calendar year received (the rest are withdrawn). */
export function requestDecision(y: number): { assess: number; refuse: number } {
  if (y <= 2019) return { assess: 0.715, refuse: 0.23 };
  const t: Record<number, { assess: number; refuse: number }> = {
    2020: { assess: 0.735, refuse: 0.215 },
    2021: { assess: 0.72, refuse: 0.225 },
    2022: { assess: 0.7, refuse: 0.225 },
    2023: { assess: 0.68, refuse: 0.24 },
  };
  return t[y] ?? { assess: 0.654, refuse: 0.252 };
}

/** Share of assessments that end in a plan. */
export const ISSUE_RATE = 0.936;

/** Share of plans issued within 20 weeks, by calendar year of issue (published from 2019). */
export function within20Weeks(y: number): number {
  const t: Record<number, number> = { 2019: 0.604, 2020: 0.58, 2021: 0.599, 2022: 0.492, 2023: 0.503, 2024: 0.464 };
  return t[y] ?? (y < 2019 ? 0.62 : 0.464);
}

/** Relative weight of requests by month received (Covid: 2020 spring dip). */
export function monthWeights(y: number): number[] {
  const base = [0.95, 1.0, 1.05, 0.9, 1.0, 1.1, 1.1, 0.65, 0.9, 1.15, 1.2, 1.0];
  if (y !== 2020) return base;
  return base.map((w, m) => (m >= 3 && m <= 5 ? w * 0.62 : m >= 6 ? w * 1.08 : w));
}

/** Relative incidence of a request by academic age (multiplied by the population at that age). */
export const REQUEST_AGE_SHAPE: readonly number[] = [
  0.3, 1.2, 4.0, 11.0, 14.0, 11.0, 7.5, 6.5, 6.0, 5.8, 6.0, 5.5, 3.8, 3.2, 2.8, 2.4, 1.8, 1.3, 0.9, 0.5, 0.3, 0.2, 0.15,
  0.1, 0.05, 0.0,
];

/** Growth of early-years requests relative to other ages after 2018 (under-5 plans rose 94% 2019–2025). */
export function earlyYearsBoost(age: number, y: number): number {
  return age >= 1 && age <= 4 && y > 2018 ? 1 + 0.07 * (y - 2018) : 1;
}

/** Share of plan holders who are male. */
export const MALE_SHARE = 0.71;

/** Primary need of a new plan by phase of age at the request. */
export const NEED_MIX: Record<'early' | 'primary' | 'secondary' | 'post16', Partial<Record<Need, number>>> = {
  early: { SLCN: 38, ASD: 31, SEMH: 5, MLD: 3, SLD: 5, PMLD: 3, PD: 6, HI: 3, VI: 1, MSI: 0.5, OTH: 3, UNKNOWN: 0.5 },
  primary: { ASD: 33, SLCN: 18, SEMH: 23, MLD: 12.5, SPLD: 2, SLD: 3, PD: 3, HI: 1.2, VI: 0.7, MSI: 0.2, PMLD: 0.6, OTH: 1, UNKNOWN: 0.8 },
  secondary: { SEMH: 38, ASD: 30, MLD: 12, SLCN: 8, SPLD: 4, SLD: 2, PD: 2.5, HI: 1, VI: 0.8, MSI: 0.2, PMLD: 0.3, OTH: 1.2, UNKNOWN: 1 },
  post16: { SEMH: 30, ASD: 30, MLD: 13, SLCN: 8, SPLD: 7, SLD: 4, PD: 3, HI: 1.3, VI: 0.8, MSI: 0.3, PMLD: 0.5, OTH: 1.5, UNKNOWN: 1 },
};

/** Placement intensity skew by need: the exponent applied to the person's uniform draw (below 1 = more specialist). */
export const NEED_INTENSITY: Record<Need, number> = {
  ASD: 0.85, SEMH: 0.9, SLCN: 1.6, MLD: 0.95, SLD: 0.35, PMLD: 0.15, SPLD: 2.2, HI: 1.4, VI: 1.4, MSI: 0.5, PD: 1.0,
  DS: 0.5, OTH: 1.1, NSA: 1.5, UNKNOWN: 1.0,
};

/**
 * Annual chance a plan ceases (not counting transfers) during the academic year in which the holder has age `a`,
 * after the 2014 reform (calibration.md, 2024) and before it (an assumption: statements ended with school).
 */
export function ceaseRate(a: number, academicYear: number): number {
  const post = [0.008, 0.008, 0.008, 0.006, 0.005, 0.004, 0.004, 0.004, 0.004, 0.004, 0.004, 0.004, 0.004, 0.004, 0.004,
    0.008, 0.014, 0.036, 0.21, 0.33, 0.35, 0.37, 0.4, 0.46, 0.85, 1.0][a] ?? 1;
  const pre = a < 15 ? 0.012 : ([0.55, 0.35, 0.45, 0.8][a - 15] ?? 1);
  const w = Math.min(1, Math.max(0, (academicYear - 2013) / 5));
  return pre * (1 - w) + post * w;
}

/** Annual chance a plan is transferred to another LA. */
export const TRANSFER_OUT_RATE = 0.022;

/** National stock of plans at January (calibration.md), used to size transfers in. */
export const NATIONAL_STOCK: Record<number, number> = {
  2015: 240_183, 2016: 256_315, 2017: 287_290, 2018: 319_819, 2019: 353_995, 2020: 390_109, 2021: 430_697,
  2022: 473_255, 2023: 517_048, 2024: 576_474, 2025: 638_745,
};

/** Cease reasons (SEN2 1–9, excluding 5 = transfer) by age when the plan ends. */
export function ceaseReasonWeights(age: number): Record<string, number> {
  if (age >= 24) return { 1: 80, 6: 8, 4: 6, 2: 3, 9: 3 };
  if (age >= 19) return { 6: 48, 4: 17, 3: 11, 2: 12, 7: 3, 8: 1, 9: 8 };
  if (age >= 16) return { 6: 50, 2: 16, 4: 10, 3: 8, 7: 4, 8: 1, 9: 11 };
  return { 2: 62, 7: 18, 8: 6, 9: 14 };
}

/** Ages at which a placement is reconsidered beyond the transition points (chance per year of a fresh draw). */
export const YEARLY_REDRAW = 0.06;

/** Off-track placements (not on the intensity ladder) and their shares by phase of age. */
export const OFF_TRACK: Record<'early' | 'school' | 'post16' | 'post19', Partial<Record<Placement, number>>> = {
  early: { EY: 0.22, NONE: 0.05, EOTAS: 0.01 },
  school: { AP: 0.012, EOTAS: 0.045, NONE: 0.03 },
  post16: { NEET: 0.07, EOTAS: 0.04, NONE: 0.035 },
  post19: { NEET: 0.26, EOTAS: 0.06, NONE: 0.04 },
};

/** The intensity ladder by phase of age: placements from least to most specialist with their shares. */
export const LADDER: Record<'early' | 'primary' | 'secondary' | 'post16' | 'post19', Partial<Record<Placement, number>>> = {
  early: { MS: 0.62, RP: 0.05, SSA: 0.13, SSM: 0.17, ISS: 0.015, NMSS: 0.015 },
  primary: { MS: 0.62, IMS: 0.01, RP: 0.065, SSA: 0.12, SSM: 0.16, NMSS: 0.005, ISS: 0.02 },
  secondary: { MS: 0.45, IMS: 0.015, RP: 0.055, SSA: 0.19, SSM: 0.2, NMSS: 0.01, ISS: 0.06 },
  post16: { MS: 0.17, FE: 0.46, WBL: 0.03, RP: 0.015, SSA: 0.13, SSM: 0.14, SPI: 0.025, NMSS: 0.005, ISS: 0.03 },
  post19: { WBL: 0.09, FE: 0.8, SPI: 0.11 },
};
