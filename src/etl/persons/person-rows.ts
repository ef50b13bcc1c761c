/**
 * Validates one SEN2 person and turns it into warehouse rows (`person`, `plan`, `request`). The single place
 * where both forms of the return (XML, Blade CSV) are checked and anonymised:
 *   identifiers → keyed hash; birth date → age at census + birth month; names and postcode never read further.
 *
 * Plans: the request carrying ActivePlans is the plan held at the census (status 'active'; need = SENneed of
 * rank 1; placement = PlacementDetail of rank 1, else PlanDetail of rank 1). A NamedPlan with a CeaseDate gives a
 * 'ceased' plan row with its reason. A placement named by URN/UKPRN is stored with placement NONE and its URN,
 * and is placed at dataset time from the establishment table.
 */
import { sen2ActivePlanCeased, sen2AfterReferenceDate, sen2AgeOutOfRange, sen2BadCeaseReason, sen2BadUrn, sen2CeaseBeforeStart, sen2BadDate, sen2BadRank, sen2DateBeforeBirth, sen2DuplicatePerson, sen2FutureDate, sen2MissingBirthDate,
  sen2RepeatedValue, sen2UnknownNeed, sen2UnknownOutcome, sen2UnknownSetting } from '../../messages/sen2.ts';
import type { Need, Placement } from '../../domain/index.ts';
import { MAX_AGE } from '../../domain/index.ts';
import { codeLike } from '../../util/code-like.ts';
import {
  NEED_NOT_RECORDED,
  PLACEMENT_NOT_RECORDED,
  ceaseReasonOf,
  clean,
  RANK_MAX,
  isBadRank,
  isCeaseReason,
  isSet,
  rankOf,
  sen2Need,
  sen2Setting,
} from './codes.ts';
import { ageAtCensus, birthMonth, parseSen2Date, type IsoDate } from './dates.ts';
import { hasIdentifier, personKey, type IdentifierKind } from './hash.ts';
import type { OutcomeCodeList } from './outcome-codes.ts';
import type { ProblemLog } from '../problem-log.ts';
import { fieldRef, type Raw, type RawActivePlan, type RawPerson, type RawPlacement, type ReturnHeader, type SrcRef } from './raw.ts';

export interface ReturnContext {
  header: ReturnHeader;
  fileId: number;
  hashKey: string;
  /** "Today" as ISO date: later dates are errors. */
  today: IsoDate;
  codes: OutcomeCodeList;
}

export type PersonTable = 'person' | 'plan' | 'request';
export type RowOut = [PersonTable, Record<string, unknown>];

/** The columns every row of a person has. */
interface Base {
  census_year: number;
  la_code: string;
  person_key: bigint;
  file_id: number;
}

/** A resolved placement of a plan. */
interface PlacementOut {
  placement: Placement;
  urn: string | null;
  ukprn: string | null;
  senUnit: boolean;
  resourcedProvision: boolean;
}

/**
 * The persons' keys of one return, in file order: a key seen before is a duplicate person (an error naming the
 * first). Keys made for persons without an identifier (`ANON`) are not checked.
 */
class PersonKeys {
  /** Where each key was first seen (its place put in words only for a duplicate). */
  private readonly seen = new Map<bigint, SrcRef>();

  constructor(private readonly log: ProblemLog) {}

  note(kind: IdentifierKind, key: bigint, src: SrcRef): void {
    if (kind === 'ANON') return;
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, src);
      return;
    }
    const where = `${first.path}${first.line !== undefined ? ` (line ${first.line})` : ''}`;
    this.log.error(fieldRef(src, kind === 'UPN' ? 'UPN' : 'UniqueLearnerNumber'), sen2DuplicatePerson(kind, where));
  }
}

/** Builds rows for the persons of one return, its persons' keys checked for duplicates (PersonKeys). */
export class PersonRowBuilder {
  /** Persons with neither UPN nor ULN (counted, not linkable). */
  unidentified = 0;
  persons = 0;
  /** Persons with more than one ActivePlans, and where the first of them is (sen2SeveralActivePlans). */
  severalActive = 0;
  firstSeveralActive: SrcRef | undefined;

  private readonly keys: PersonKeys;

  constructor(
    private readonly ret: ReturnContext,
    private readonly log: ProblemLog,
  ) {
    this.keys = new PersonKeys(log);
  }

  rows(p: RawPerson): RowOut[] {
    this.persons++;
    const { header } = this.ret;
    const key = this.key(p);
    const birth = this.date(p.birthDate, p.src, 'PersonBirthDate');
    for (const r of p.repeated ?? []) this.log.error(r, sen2RepeatedValue(r.path.slice(r.path.lastIndexOf('/') + 1)));
    const birthRepeated = p.repeated?.some((r) => r.path === `${p.src.path}/PersonBirthDate`) === true;
    if (birth === undefined && p.birthDate === undefined && !birthRepeated) this.log.error(fieldRef(p.src, 'PersonBirthDate'), sen2MissingBirthDate());
    const hasActive = p.requests.some((r) => r.activePlans.length > 0);
    let age: number | null = null;
    if (birth) {
      age = Math.max(0, ageAtCensus(birth, header.censusYear));
      const limit = hasActive ? MAX_AGE : MAX_AGE + 1;
      if (age > limit) this.log.error(fieldRef(p.src, 'PersonBirthDate'), sen2AgeOutOfRange(age, header.censusYear, limit));
    }
    // rows are object literals, never `{ ...base, … }`: V8 builds a spread followed by many properties very slowly
    const base: Base = { census_year: header.censusYear, la_code: header.laCode, person_key: key, file_id: this.ret.fileId };
    const out: RowOut[] = [
      ['person', {
        census_year: base.census_year, la_code: base.la_code, person_key: key, file_id: base.file_id,
        age, birth_month: birth ? birthMonth(birth) : null, sex: code(p.sex), ethnicity: code(p.ethnicity),
      }],
    ];
    let activeDone = false;
    let severalNoted = false;
    const ref = header.referenceDate;
    for (const r of p.requests) {
      const received = this.date(r.receivedDate, r.src, 'ReceivedDate', birth);
      const outcomeDate = this.date(r.outcomeDate, r.src, 'RequestOutcomeDate', birth);
      const outcome = this.outcome(r.outcome, r.src, 'RequestOutcome', this.ret.codes.request);
      const a = r.assessments[0];
      let assessOutcome: string | null = null;
      let assessDate: IsoDate | undefined;
      let planStart: IsoDate | undefined;
      let activeStart: IsoDate | undefined;
      // the named plans ceased before the census, and whether one is not ceased (sen2ActivePlanCeased)
      const ceasedBefore: Array<{ src: SrcRef; cease: IsoDate }> = [];
      let open = false;
      for (const as of r.assessments) {
        const o = this.outcome(as.outcome, as.src, 'AssessmentOutcome', this.ret.codes.assessment);
        const d = this.date(as.outcomeDate, as.src, 'AssessmentOutcomeDate', birth);
        if (as === a) [assessOutcome, assessDate] = [o ?? null, d];
        for (const np of as.namedPlans) {
          const start = this.date(np.startDate, np.src, 'StartDate', birth);
          const cease = this.date(np.ceaseDate, np.src, 'CeaseDate', birth);
          if (start && cease && cease < start) this.log.error(fieldRef(np.src, 'CeaseDate'), sen2CeaseBeforeStart(cease, start));
          this.afterCensus(start, np.src, 'StartDate');
          this.afterCensus(cease, np.src, 'CeaseDate');
          planStart ??= start;
          const detail = this.placement(np.details);
          if (!cease) {
            activeStart ??= start;
            open = true;
            continue;
          }
          if (ref !== undefined && cease < ref) ceasedBefore.push({ src: np.src, cease });
          let reason: number | null = null;
          if (np.ceaseReason !== undefined && np.ceaseReason.trim() !== '') {
            reason = ceaseReasonOf(np.ceaseReason);
            if (!isCeaseReason(reason)) {
              this.log.error(fieldRef(np.src, 'CeaseReason'), sen2BadCeaseReason(np.ceaseReason));
              reason = null;
            }
          }
          out.push(['plan', this.planRow(base, age, NEED_NOT_RECORDED, detail, start, 'ceased', { cease, reason })]);
        }
      }
      // a request holding its plan at the census (ActivePlans) whose plans all ceased before that day: counted as held
      // and as ceased, the sample's 2025 return with every plan ceased the day before its census ran from 3,007 plans
      if (r.activePlans.length > 0 && !open) for (const c of ceasedBefore) this.log.error(fieldRef(c.src, 'CeaseDate'), sen2ActivePlanCeased(c.cease, ref!));
      for (const ap of r.activePlans) {
        const need = this.need(ap);
        const chosen = this.placement(ap.placements);
        // the named plans' details were checked with their plans above: not again (each problem once)
        const placement = ap.placements.length > 0 ? chosen : this.placement(r.assessments.flatMap((x) => x.namedPlans.flatMap((n) => n.details)), false);
        this.date(ap.lastReview, ap.src, 'LastReview', birth);
        if (activeDone) {
          if (!severalNoted) {
            severalNoted = true;
            this.severalActive++;
            this.firstSeveralActive ??= ap.src;
          }
          continue;
        }
        activeDone = true;
        out.push(['plan', this.planRow(base, age ?? 0, need, placement, activeStart ?? planStart, 'active', { transferLa: clean(ap.transferLa) })]);
      }
      out.push(['request', {
        census_year: base.census_year, la_code: base.la_code, person_key: key, file_id: base.file_id, age,
        received_date: received ?? null,
        outcome: outcome ?? null, outcome_code: code(r.outcome), outcome_date: outcomeDate ?? null,
        assessment_outcome: assessOutcome, assessment_outcome_code: code(a?.outcome),
        assessment_outcome_date: assessDate ?? null, plan_start_date: planStart ?? null,
        week20: a && clean(a.week20) !== null ? isSet(a.week20) : null,
      }]);
    }
    return out;
  }

  private planRow(
    base: Base, age: number | null, need: Need, pl: PlacementOut, start: IsoDate | undefined,
    status: 'active' | 'ceased', extra: { cease?: IsoDate; reason?: number | null; transferLa?: string | null },
  ): Record<string, unknown> {
    return {
      census_year: base.census_year, la_code: base.la_code, person_key: base.person_key, file_id: base.file_id, age: age ?? 0, need, placement: pl.placement, start_date: start ?? null,
      cease_date: extra.cease ?? null, cease_reason: extra.reason ?? null, transfer_la: extra.transferLa ?? null,
      status, urn: pl.urn, ukprn: pl.ukprn, sen_unit: pl.senUnit, resourced_provision: pl.resourcedProvision,
    };
  }

  private key(p: RawPerson): bigint {
    let kind: IdentifierKind = 'UPN';
    let raw: string;
    if (hasIdentifier(p.upn)) raw = p.upn;
    else if (hasIdentifier(p.uln)) [kind, raw] = ['ULN', p.uln];
    else {
      this.unidentified++;
      [kind, raw] = ['ANON', `${this.ret.header.laCode}:${this.ret.header.censusYear}:${p.src.file}:${p.src.path}`];
    }
    const k = personKey(kind, raw, this.ret.hashKey);
    this.keys.note(kind, k, p.src);
    return k;
  }

  /** The ISO date of element `field` of `src` (its place made only for a message). */
  private date(raw: Raw, src: SrcRef, field: string, birth?: IsoDate): IsoDate | undefined {
    const d = parseSen2Date(raw);
    if (d === undefined) return undefined;
    if (d === null) {
      this.log.error(fieldRef(src, field), sen2BadDate(field, raw!.trim()));
      return undefined;
    }
    if (d > this.ret.today) this.log.error(fieldRef(src, field), sen2FutureDate(field, d, this.ret.today));
    else if (birth !== undefined && d < birth) this.log.error(fieldRef(src, field), sen2DateBeforeBirth(field, d));
    return d;
  }

  /**
   * A NamedPlan date after the return's ReferenceDate (and not in the future, which date() reports): an error at the
   * element (blade-checks.ts checks the same).
   */
  private afterCensus(d: IsoDate | undefined, src: SrcRef, field: 'StartDate' | 'CeaseDate'): void {
    const ref = this.ret.header.referenceDate;
    if (d !== undefined && ref !== undefined && d > ref && d <= this.ret.today) this.log.error(fieldRef(src, field), sen2AfterReferenceDate(field, d, ref));
  }

  private outcome<T extends string>(raw: Raw, src: SrcRef, field: string, list: Record<string, T>): T | undefined {
    const c = clean(raw);
    if (c === null) return undefined;
    const v = list[c.toUpperCase()];
    if (v === undefined) this.log.warn(fieldRef(src, field), sen2UnknownOutcome(field, c, Object.keys(list)));
    return v;
  }

  /** Primary need (lowest SENtypeRank, normally 1); every code is checked. */
  private need(ap: RawActivePlan): Need {
    let best: { rank: number; need: Need } | undefined;
    for (const n of ap.needs) {
      this.rank(n.senTypeRank, n.src, 'SENtypeRank');
      const code = clean(n.senType);
      if (code === null) continue;
      const r = sen2Need(code);
      if (!r.ok) {
        this.log.error(fieldRef(n.src, 'SENtype'), sen2UnknownNeed(code, r.suggestion));
        continue;
      }
      const rank = rankOf(n.senTypeRank);
      if (!best || rank < best.rank) best = { rank, need: r.value };
    }
    return best?.need ?? NEED_NOT_RECORDED;
  }

  /** An unreadable PlacementRank or SENtypeRank (codes.ts isBadRank) is an error at its element. */
  private rank(raw: Raw, src: SrcRef, field: 'PlacementRank' | 'SENtypeRank'): void {
    if (isBadRank(raw)) this.log.error(fieldRef(src, field), sen2BadRank(field, raw!, RANK_MAX));
  }

  /** A placement's URN, UKPRN, SENsetting and PlacementRank: each bad one an error at its element. */
  private checkPlacement(p: RawPlacement): void {
    for (const [field, raw] of [['URN', p.urn], ['UKPRN', p.ukprn]] as const) {
      const v = clean(raw);
      if (v !== null && !URN_SHAPE.test(v)) this.log.error(fieldRef(p.src, field), sen2BadUrn(field, v));
    }
    const code = clean(p.senSetting);
    if (code !== null && !sen2Setting(code).ok) {
      const r = sen2Setting(code);
      this.log.error(fieldRef(p.src, 'SENsetting'), sen2UnknownSetting(code, r.ok ? undefined : r.suggestion));
    }
    this.rank(p.placementRank, p.src, 'PlacementRank');
  }

  /** Placement of rank 1 (still open at the census preferred); every code and rank is checked unless `check` is false. */
  private placement(ps: RawPlacement[], check = true): PlacementOut {
    let best: RawPlacement | undefined;
    let bestScore = Infinity;
    for (const p of ps) {
      if (check) this.checkPlacement(p);
      const left = parseSen2Date(p.leavingDate);
      const closed = typeof left === 'string' && this.ret.header.referenceDate !== undefined && left < this.ret.header.referenceDate;
      const score = rankOf(p.placementRank) * 2 + (closed ? 1 : 0);
      if (score < bestScore) [best, bestScore] = [p, score];
    }
    const out: PlacementOut = { placement: PLACEMENT_NOT_RECORDED, urn: null, ukprn: null, senUnit: false, resourcedProvision: false };
    if (!best) return out;
    out.urn = clean(best.urn);
    out.ukprn = clean(best.ukprn);
    out.senUnit = isSet(best.senUnitIndicator);
    out.resourcedProvision = isSet(best.resourcedProvisionIndicator);
    const code = clean(best.senSetting);
    if (out.urn === null && out.ukprn === null && code !== null) {
      const r = sen2Setting(code);
      if (r.ok) out.placement = r.value;
    }
    return out;
  }
}

/** A URN or UKPRN as stored: digits, up to 8 (blade-checks.ts checks the same). */
const URN_SHAPE = /^[0-9]{1,8}$/;

/**
 * A value kept as given in the warehouse (Sex, Ethnicity, an outcome code as returned): only when it has the shape of
 * a code (codeLike), so that a UPN, name or postcode typed into the element is never stored.
 */
function code(v: Raw): string | null {
  const s = clean(v);
  return s !== null && codeLike(s) ? s : null;
}

