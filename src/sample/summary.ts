/**
 * Aggregates of the simulated population: who holds a plan at a census, where, with which need; flows by
 * calendar year. Every file and the README's totals are built from these, so they agree with each other.
 */
import type { Need, Placement } from '../domain/index.ts';
import { academicAge, censusDay, yearOf } from './calendar.ts';
import type { SimPerson, SimPlan, Simulation, Spell } from './types.ts';

/** Whether the person holds an Anyshire plan on day `d`. */
export function activeOn(p: SimPerson, d: number): p is SimPerson & { plan: SimPlan } {
  const plan = p.plan;
  return plan !== undefined && plan.arrival <= d && (plan.end === undefined || plan.end > d);
}

/** The placement spell that covers day `d` (the latest one entered by then). */
export function spellOn(plan: SimPlan, d: number): Spell {
  let s = plan.spells[0]!;
  for (const x of plan.spells) if (x.entry <= d) s = x;
  return s;
}

/** Whether the plan was still a statement on day `d`. */
export function isStatementOn(plan: SimPlan, d: number): boolean {
  return plan.statement && (plan.conversion ?? Infinity) > d;
}

/** One plan at one census. */
export interface StockRow {
  person: SimPerson;
  age: number;
  placement: Placement;
  spell: Spell;
  need: Need;
  statement: boolean;
}

/** Plans held at the January census of year `y`. */
export function stockAt(sim: Simulation, y: number): StockRow[] {
  const c = censusDay(y);
  const out: StockRow[] = [];
  for (const p of sim.persons) {
    if (!activeOn(p, c)) continue;
    const spell = spellOn(p.plan, c);
    out.push({ person: p, age: academicAge(p.birth, c), placement: spell.placement, spell, need: p.plan.need, statement: isStatementOn(p.plan, c) });
  }
  return out;
}

/** Plans made by Anyshire (not transferred in) that started in calendar year `y`. */
export function newPlansIn(sim: Simulation, y: number): Array<{ person: SimPerson; age: number; statement: boolean }> {
  const out: Array<{ person: SimPerson; age: number; statement: boolean }> = [];
  for (const p of sim.persons) {
    const plan = p.plan;
    if (!plan || plan.transferFrom !== undefined || yearOf(plan.start) !== y) continue;
    out.push({ person: p, age: academicAge(p.birth, plan.start), statement: plan.statement });
  }
  return out;
}

/** Flow totals of calendar year `y`. */
export interface YearFlows {
  requests: number;
  refused: number;
  assessedNoPlan: number;
  newPlans: number;
  within20Weeks: number;
  ceased: number;
  transfersOut: number;
  transfersIn: number;
}

export function flowsIn(sim: Simulation, y: number): YearFlows {
  const f: YearFlows = { requests: 0, refused: 0, assessedNoPlan: 0, newPlans: 0, within20Weeks: 0, ceased: 0, transfersOut: 0, transfersIn: 0 };
  for (const p of sim.persons) {
    const r = p.request;
    const plan = p.plan;
    if (plan?.transferFrom !== undefined) {
      if (yearOf(plan.arrival) === y) f.transfersIn++;
    } else {
      if (yearOf(r.received) === y) f.requests++;
      if (r.outcome === 'N' && yearOf(r.decisionDay) === y) f.refused++;
      if (r.assessment && r.assessment.outcome !== 'Y' && yearOf(r.assessment.outcomeDay) === y) f.assessedNoPlan++;
      if (plan && yearOf(plan.start) === y) {
        f.newPlans++;
        if (plan.start - r.received <= 140) f.within20Weeks++;
      }
    }
    if (plan?.end !== undefined && yearOf(plan.end) === y) {
      f.ceased++;
      if (plan.reason === 5) f.transfersOut++;
    }
  }
  return f;
}
