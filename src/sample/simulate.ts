/**
 * The cohort microsimulation: every request for an EHC needs assessment in Anyshire from FIRST_YEAR to 2024,
 * its decision, assessment and plan, and each plan's life year by year (placements, transfer out, ceasing), plus
 * plans transferred in from other LAs. Persons are independent, so each is simulated to the end in one go;
 * every output file is an aggregate or an extract of this one population.
 */
import { NEEDS, type Need } from '../domain/index.ts';
import { academicAge, academicYearOf, censusDay, day, yearOf } from './calendar.ts';
import { N } from './codes.ts';
import { choosePlacement, samePlace, type LadderPhase, type PlacementDraws } from './placement-choice.ts';
import {
  FIRST_YEAR, ISSUE_RATE, LAST_CENSUS, MALE_SHARE, NATIONAL_STOCK, NEED_INTENSITY, NEED_MIX, PLAN_SCALE,
  REQUEST_AGE_SHAPE, TRANSFER_OUT_RATE, ceaseRate, earlyYearsBoost, ceaseReasonWeights, monthWeights, nationalRequests,
  requestDecision, within20Weeks,
} from './params.ts';
import { persons as population } from './population.ts';
import { Rng } from '../util/rng.ts';
import type { SimPerson, SimPlan, SimRequest, Simulation, Spell } from './types.ts';

/** Nothing after this day is simulated: the last census plus a margin. */
export const HORIZON = censusDay(LAST_CENSUS) + 14;
/** Requests received before this day were made under the old system and led to statements. */
const REFORM_DAY = day(2014, 9, 1);

const ETHNICITY: Record<string, number> = {
  WBRI: 72, WIRI: 0.4, WOTH: 4, WROM: 0.4, MWBC: 2, MWBA: 0.8, MWAS: 1.2, MOTH: 1.8, AIND: 1.8, APKN: 2.5, ABAN: 0.8,
  AOTH: 1.2, BCRB: 0.6, BAFR: 2.5, BOTH: 0.4, CHNE: 0.3, OOTH: 1.5, REFU: 1.0, NOBT: 2.0,
};
const REQUEST_SOURCE: Record<string, number> = { P: 52, S: 33, H: 8, Y: 3, O: 4 };
/** LAs that plans are transferred in from (neighbours of the fictional Anyshire, real DfE codes). */
const NEIGHBOUR_LAS = ['800', '802', '803', '865', '866', '878', '908', '916'];
/** National single-age profile of plans, January 2025 (calibration.md): the ages of plans transferred in. */
const STOCK_AGE_SHAPE = [
  178, 178, 177, 4302, 22517, 30847, 31867, 34082, 36412, 38381, 41405, 46775, 47172, 47359, 47125, 44886, 42005, 36484,
  28598, 20815, 14495, 9805, 6258, 4030, 2221, 371,
];

function needMixFor(age: number): Partial<Record<Need, number>> {
  if (age <= 4) return NEED_MIX.early;
  if (age <= 10) return NEED_MIX.primary;
  if (age <= 15) return NEED_MIX.secondary;
  return NEED_MIX.post16;
}

/** A uniform day inside a month. */
function dayInMonth(rng: Rng, y: number, month: number): number {
  const first = day(y, month, 1);
  const next = month === 12 ? day(y + 1, 1, 1) : day(y, month + 1, 1);
  return first + Math.floor(rng.uniform() * (next - first));
}

/** A birth date giving academic age `age` in the academic year that holds `d`, before `d`. */
function birthFor(rng: Rng, age: number, d: number): number {
  const ay = academicYearOf(d);
  const from = day(ay - age - 1, 9, 1);
  const to = Math.min(day(ay - age, 8, 31), d - 30);
  return from + Math.floor(rng.uniform() * Math.max(1, to - from + 1));
}

function draws(rng: Rng, need: Need): PlacementDraws {
  const phases: LadderPhase[] = ['early', 'primary', 'secondary', 'post16', 'post19'];
  const phase = Object.fromEntries(phases.map((p) => [p, [rng.uniform(), rng.uniform(), rng.uniform()]])) as PlacementDraws['phase'];
  return { intensity: rng.uniform() ** NEED_INTENSITY[need], phase };
}

/** Cumulative share of statements converted to EHC plans by a date (national, calibration.md). */
function conversionDay(rng: Rng): number {
  const knots: Array<[number, number]> = [
    [day(2014, 9, 1), 0], [day(2015, 1, 15), 0.02], [day(2016, 1, 15), 0.29], [day(2017, 1, 15), 0.61],
    [day(2018, 1, 15), 0.89], [day(2018, 3, 31), 1],
  ];
  const u = rng.uniform();
  for (let i = 1; i < knots.length; i++) {
    const [d1, c1] = knots[i]!;
    const [d0, c0] = knots[i - 1]!;
    if (u <= c1) return Math.round(d0 + ((u - c0) / (c1 - c0)) * (d1 - d0));
  }
  return knots[knots.length - 1]![0];
}

/** Simulates one plan from its arrival to its end or the horizon: placements, transfer out, ceasing. */
function livePlan(rng: Rng, person: SimPerson, plan: SimPlan, d: PlacementDraws): void {
  if (plan.statement) {
    const forced = day(academicYearOf(person.birth) + 20, 9, 1);
    plan.conversion = Math.max(plan.arrival + 1, Math.min(conversionDay(rng), forced));
  }
  let current: Spell | undefined;
  for (let ay = academicYearOf(plan.arrival); day(ay, 9, 1) <= HORIZON; ay++) {
    const yearStart = Math.max(plan.arrival, day(ay, 9, 1));
    const yearEnd = day(ay + 1, 8, 31);
    const age = academicAge(person.birth, yearStart);
    const statementNow = plan.statement && (plan.conversion ?? 0) > day(ay + 1, 1, 15);
    const place = choosePlacement(d, age, ay - academicYearOf(plan.start), statementNow);
    if (!current || !samePlace(current, place)) {
      if (current) current.leave = day(ay, 7, 22);
      current = { ...place, entry: current ? day(ay, 9, 1) + (ay % 3) + 1 : yearStart };
      plan.spells.push(current);
    }
    const fraction = (yearEnd - yearStart + 1) / 365;
    let endDay: number | undefined;
    let reason: number | undefined;
    if (rng.chance(TRANSFER_OUT_RATE * fraction)) {
      endDay = yearStart + Math.floor(rng.uniform() * (yearEnd - yearStart + 1));
      reason = 5;
    }
    if (rng.chance(age >= 25 ? 1 : ceaseRate(age, ay) * (age >= 15 ? 1 : fraction))) {
      const c = age >= 15
        ? day(ay + 1, 7, 1) + Math.floor(rng.uniform() * 61)
        : yearStart + Math.floor(rng.uniform() * (yearEnd - yearStart + 1));
      const cap = age >= 25 ? Math.min(c, person.birth + Math.round(26 * 365.25) - 1) : c;
      if (endDay === undefined || cap < endDay) {
        endDay = Math.max(yearStart, cap);
        reason = Number(rng.pick(ceaseReasonWeights(age)));
      }
    }
    if (endDay !== undefined) {
      if (endDay > HORIZON) return;
      plan.end = endDay;
      plan.reason = reason;
      if (current.entry > endDay) current.entry = endDay;
      return;
    }
  }
}

function newPlan(rng: Rng, person: SimPerson, start: number, arrival: number): { plan: SimPlan; d: PlacementDraws } {
  const age = academicAge(person.birth, start);
  const need = rng.pick(needMixFor(age));
  const secondNeed = rng.chance(0.3) ? NEEDS[rng.int(0, 12)] : undefined;
  const plan: SimPlan = {
    start, arrival, statement: person.request.received < REFORM_DAY && age < 19, need,
    secondNeed: secondNeed && secondNeed !== need && secondNeed !== N.DS && need !== N.UNKNOWN ? secondNeed : undefined,
    spells: [], planRes: rng.chance(0.02), personalBudget: rng.chance(0.06),
  };
  return { plan, d: draws(rng, need) };
}

function makeRequest(rng: Rng, received: number): SimRequest {
  const y = yearOf(received);
  const decisionDay = received + rng.int(26, 48);
  const dec = requestDecision(y);
  const r = rng.uniform();
  const outcome = r < dec.assess ? 'A' : r < dec.assess + dec.refuse ? 'N' : 'W';
  const req: SimRequest = { received, source: rng.pick(REQUEST_SOURCE), decisionDay, outcome };
  if (outcome !== 'A') return req;
  if (rng.chance(ISSUE_RATE)) {
    const exception = rng.chance(0.04);
    const p20 = within20Weeks(yearOf(received + 120));
    const u = rng.uniform();
    const weeks = exception ? rng.int(21, 40) : u < p20 ? rng.int(13, 20) : u < p20 + (1 - p20) * 0.86 ? rng.int(21, 52) : rng.int(53, 70);
    const outcomeDay = received + weeks * 7 - rng.int(0, 6);
    req.assessment = { outcome: 'Y', outcomeDay, week20Exception: exception };
  } else {
    req.assessment = { outcome: rng.chance(0.8) ? 'N' : 'W', outcomeDay: received + rng.int(90, 150), week20Exception: false };
  }
  return req;
}

function newPerson(rng: Rng, id: number, age: number, when: number): SimPerson {
  return {
    id,
    birth: birthFor(rng, age, when),
    sex: rng.chance(MALE_SHARE) ? 'M' : 'F',
    ethnicity: rng.pick(ETHNICITY),
    request: { received: when, source: 'P', decisionDay: when, outcome: 'A' },
  };
}

/** Runs the whole simulation for a seed. Pure: same seed, same population. */
export function simulate(seed: number): Simulation {
  const rng = new Rng(seed);
  const persons: SimPerson[] = [];
  for (let y = FIRST_YEAR; y <= LAST_CENSUS - 1; y++) {
    const ageWeights = REQUEST_AGE_SHAPE.map((w, a) => w * earlyYearsBoost(a, y) * population(a, y));
    const months = monthWeights(y);
    const n = Math.round(nationalRequests(y) * PLAN_SCALE * (1 + 0.005 * rng.normal()));
    for (let i = 0; i < n; i++) {
      const received = dayInMonth(rng, y, rng.weighted(months) + 1);
      const person = newPerson(rng, persons.length + 1, rng.weighted(ageWeights), received);
      person.request = makeRequest(rng, received);
      const a = person.request.assessment;
      if (a?.outcome === 'Y' && a.outcomeDay <= HORIZON) {
        const { plan, d } = newPlan(rng, person, a.outcomeDay, a.outcomeDay);
        person.plan = plan;
        livePlan(rng, person, plan, d);
      }
      persons.push(person);
    }
    const stock = (NATIONAL_STOCK[y + 1] ?? NATIONAL_STOCK[2015]! * 0.985 ** (2014 - y)) * PLAN_SCALE;
    const transfersIn = rng.poisson(stock * TRANSFER_OUT_RATE);
    for (let i = 0; i < transfersIn; i++) {
      const arrival = dayInMonth(rng, y, rng.int(1, 12));
      const age = rng.weighted(STOCK_AGE_SHAPE);
      const person = newPerson(rng, persons.length + 1, age, arrival);
      const start = Math.max(person.birth + 200, arrival - rng.int(150, 1500));
      person.request = {
        received: start - rng.int(100, 180), source: rng.pick(REQUEST_SOURCE), decisionDay: start - rng.int(60, 90), outcome: 'A',
        assessment: { outcome: 'Y', outcomeDay: start, week20Exception: false },
      };
      if (person.request.received <= person.birth) person.request.received = person.birth + 1;
      if (person.request.decisionDay <= person.request.received) person.request.decisionDay = person.request.received + 1;
      const { plan, d } = newPlan(rng, person, start, arrival);
      plan.transferFrom = NEIGHBOUR_LAS[rng.int(0, NEIGHBOUR_LAS.length - 1)];
      person.plan = plan;
      livePlan(rng, person, plan, d);
      persons.push(person);
    }
  }
  return { seed, persons };
}
