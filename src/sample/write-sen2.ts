/**
 * SEN2 person-level XML returns (DfE schema, inputs.md §2) for a census year: the persons with a plan active at
 * the census, plus those with a request, decision, assessment or ceasing during the preceding calendar year or
 * work still open at the census. Everything after the census date is withheld. Identities are fake and stable
 * across returns (UPN `A999…`), so the three returns link by UPN.
 */
import { SAMPLE_LA } from '../domain/index.ts';
import { academicAge, censusDay, day, isoDate } from './calendar.ts';
import { N, P } from './codes.ts';
import { establishment } from './establishments.ts';
import { activeOn, spellOn } from './summary.ts';
import type { SimPerson, Simulation, Spell } from './types.ts';
import { escapeHtml } from '../report/safe-text.ts';

const FORENAMES = ['Testchild', 'Sample', 'Example', 'Dummy', 'Fictional', 'Placeholder'];

function letters(n: number): string {
  let s = '';
  let x = n;
  do {
    s = String.fromCharCode(97 + (x % 26)) + s;
    x = Math.floor(x / 26);
  } while (x > 0);
  return s;
}

/** The fake UPN of a person: 'A', LA 999, then 9 digits of the person's id. */
export function fakeUpn(id: number): string {
  return `A${SAMPLE_LA.oldCode}${String(id).padStart(9, '0')}`;
}

class XmlOut {
  readonly lines: string[] = [];
  private depth = 0;
  open(tag: string): void {
    this.lines.push(`${' '.repeat(this.depth)}<${tag}>`);
    this.depth++;
  }
  close(tag: string): void {
    this.depth--;
    this.lines.push(`${' '.repeat(this.depth)}</${tag}>`);
  }
  el(tag: string, value: string | number | boolean | undefined): void {
    if (value === undefined) return;
    this.lines.push(`${' '.repeat(this.depth)}<${tag}>${escapeHtml(String(value))}</${tag}>`);
  }
}

/** Whether the person belongs in the return of census year `y`. */
function inReturn(p: SimPerson, y: number): boolean {
  const c = censusDay(y);
  const from = day(y - 1, 1, 1);
  const to = day(y - 1, 12, 31);
  if (activeOn(p, c)) return true;
  const plan = p.plan;
  if (plan?.end !== undefined && plan.end >= from && plan.end <= to && plan.arrival <= c) return true;
  if (plan?.transferFrom !== undefined) return false;
  const r = p.request;
  if (r.received > c) return false;
  const last = r.assessment?.outcomeDay ?? r.decisionDay;
  return r.received >= from || last >= from;
}

function placementFields(x: XmlOut, s: Spell): void {
  if (s.estId) {
    const e = establishment(s.estId);
    x.el(e.idKind, e.id);
  }
  x.el('SENsetting', s.setting);
  x.el('PlacementRank', 1);
}

function unitFlags(x: XmlOut, s: Spell): void {
  if (!s.estId || establishment(s.estId).idKind !== 'URN') return;
  x.el('SENunitIndicator', s.senUnit);
  x.el('ResourcedProvisionIndicator', s.resourcedProvision);
}

function writePerson(x: XmlOut, p: SimPerson, y: number): void {
  const c = censusDay(y);
  const from = day(y - 1, 1, 1);
  x.open('Person');
  x.el('Surname', `Test-${letters(p.id)}`);
  x.el('Forename', FORENAMES[p.id % FORENAMES.length]);
  x.el('PersonBirthDate', isoDate(p.birth));
  x.el('Sex', p.sex);
  x.el('Ethnicity', p.ethnicity);
  x.el('PostCode', `ZZ99 ${p.id % 10}ZZ`);
  x.el('UPN', fakeUpn(p.id));
  if (academicAge(p.birth, c) >= 16) x.el('UniqueLearnerNumber', `99${String(p.id).padStart(8, '0')}`);
  const r = p.request;
  const plan = p.plan;
  x.open('Requests');
  x.el('ReceivedDate', isoDate(r.received));
  x.el('RequestSource', r.source);
  x.el('RYA', false);
  if (r.decisionDay <= c) {
    x.el('RequestOutcomeDate', isoDate(r.decisionDay));
    x.el('RequestOutcome', r.outcome);
  }
  const a = r.assessment;
  if (a && r.decisionDay <= c) {
    x.open('Assessment');
    if (a.outcomeDay <= c) {
      x.el('AssessmentOutcome', a.outcome);
      x.el('AssessmentOutcomeDate', isoDate(a.outcomeDay));
    }
    if (a.outcomeDay <= c && a.outcome === 'Y') x.el('Week20', a.week20Exception);
    if (plan && plan.start <= c) {
      x.open('NamedPlan');
      x.el('StartDate', isoDate(plan.start));
      if (plan.planRes) x.el('PlanRes', true);
      if (plan.spells.some((s) => s.placement === P.WBL && s.entry <= c)) x.el('PlanWBP', true);
      x.el('PB', plan.personalBudget);
      if (plan.end !== undefined && plan.end <= c) {
        x.el('CeaseDate', isoDate(plan.end));
        x.el('CeaseReason', plan.reason);
      }
      const named = plan.spells[0]!;
      if (named.placement !== P.NONE) {
        x.open('PlanDetail');
        placementFields(x, named);
        unitFlags(x, named);
        x.close('PlanDetail');
      }
      x.close('NamedPlan');
    }
    x.close('Assessment');
  }
  if (activeOn(p, c)) writeActivePlan(x, p, c, from);
  x.close('Requests');
  x.close('Person');
}

function writeActivePlan(x: XmlOut, p: SimPerson & { plan: NonNullable<SimPerson['plan']> }, c: number, from: number): void {
  const plan = p.plan;
  x.open('ActivePlans');
  if (plan.transferFrom !== undefined && plan.arrival >= from) x.el('TransferLA', plan.transferFrom);
  const yearsHeld = Math.floor((c - plan.start) / 365.25);
  if (yearsHeld >= 1) {
    const review = plan.start + Math.round(yearsHeld * 365.25) - ((p.id * 7) % 28);
    x.el('LastReview', isoDate(Math.min(review, c - 1)));
  }
  const current = spellOn(plan, c);
  for (const s of plan.spells) {
    const ended = s.leave !== undefined && s.leave >= from && s.leave <= c;
    if ((s !== current && !ended) || s.placement === P.NONE) continue;
    x.open('PlacementDetail');
    placementFields(x, s);
    x.el('EntryDate', isoDate(s.entry));
    if (s.leave !== undefined && s.leave <= c) x.el('LeavingDate', isoDate(s.leave));
    unitFlags(x, s);
    x.close('PlacementDetail');
  }
  if (plan.need !== N.UNKNOWN) {
    x.open('SENneed');
    x.el('SENtype', plan.need);
    x.el('SENtypeRank', 1);
    x.close('SENneed');
    if (plan.secondNeed) {
      x.open('SENneed');
      x.el('SENtype', plan.secondNeed);
      x.el('SENtypeRank', 2);
      x.close('SENneed');
    }
  }
  x.close('ActivePlans');
}

/** The SEN2 XML return of census year `y`. */
export function sen2Xml(sim: Simulation, y: number): string {
  const x = new XmlOut();
  x.lines.push('<?xml version="1.0" encoding="UTF-8"?>');
  x.open('Message');
  x.open('Header');
  x.open('CollectionDetails');
  x.el('Collection', 'SEN2');
  x.el('Year', y);
  x.el('ReferenceDate', isoDate(censusDay(y)));
  x.close('CollectionDetails');
  x.open('Source');
  x.el('SourceLevel', 'L');
  x.el('LEA', SAMPLE_LA.oldCode);
  x.el('SoftwareCode', 'highneeds-sample');
  x.el('Release', '1.0');
  x.el('SerialNo', y - 2022);
  x.el('DateTime', `${isoDate(censusDay(y) + 5)}T09:30:00`);
  x.close('Source');
  x.close('Header');
  x.open('Persons');
  for (const p of sim.persons) if (inReturn(p, y)) writePerson(x, p, y);
  x.close('Persons');
  x.close('Message');
  return x.lines.join('\n') + '\n';
}
