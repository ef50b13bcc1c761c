/**
 * Reads one `<Person>` element of an SEN2 XML return straight from the parser's events (xml-records.ts) into the
 * source-neutral RawPerson, with the XML path of every element. Only the elements a RawPerson holds are kept, each
 * read as the element tree would give it (test/etl/sen2/xml-person.test.ts compares the two):
 * - a value (`UPN`, `StartDate`, …) is its trimmed text, when it occurs once in its parent and has no child
 *   element; otherwise it is absent, and a value given more than once is listed in the person's `repeated` (an
 *   error: two facts for one field, neither of which may be taken);
 * - a repeated element (`Requests`, `Assessment`, …) is a list, each in document order, whatever it holds;
 * - any other element, and all it holds, is passed over.
 * Names and postcode are never copied out of the file.
 */
import type { RecordAt, RecordBuilder } from './xml-records.ts';
import { fieldRef, type Raw, type RawActivePlan, type RawAssessment, type RawNamedPlan, type RawNeed, type RawPerson, type RawPlacement, type RawRequest, type SrcRef } from './raw.ts';

/** The kinds of element read into a RawPerson, and the values and lists each holds. */
const K = { Person: 0, Request: 1, Assessment: 2, NamedPlan: 3, ActivePlan: 4, Placement: 5, Need: 6 } as const;
type K = (typeof K)[keyof typeof K];

/** A child element a kind reads: a value (its slot) or a list (which of the two, and the kind of its elements). */
type Child = { name: string; slot: number } | { name: string; list: 0 | 1; kind: K };

interface Shape {
  /**
   * The children read, by the length of their names: an element's name (a new string from the parser each time) is
   * compared with the few of its length, where a Map had to hash it first (0.1 s of a 100 MB return's 2.7).
   */
  byLength: ReadonlyArray<readonly Child[] | undefined>;
  /** The value elements' names, by slot (for the path of a repeated one). */
  valueNames: readonly string[];
}

function shape(values: string[], lists: Array<[string, K]> = []): Shape {
  const children: Child[] = [...values.map((name, slot) => ({ name, slot })), ...lists.map(([name, kind], i) => ({ name, list: i as 0 | 1, kind }))];
  const byLength: Child[][] = [];
  for (const c of children) (byLength[c.name.length] ??= []).push(c);
  return { byLength, valueNames: values };
}

/** The child `name` of an element of shape `s`, or undefined (an element passed over). */
function childOf(s: Shape, name: string): Child | undefined {
  const same = s.byLength[name.length];
  if (same === undefined) return undefined;
  for (const c of same) if (c.name === name) return c;
  return undefined;
}

const SHAPES: readonly Shape[] = [
  shape(['UPN', 'UniqueLearnerNumber', 'ULN', 'PersonBirthDate', 'Sex', 'GenderCurrent', 'Ethnicity'], [['Requests', K.Request]]),
  shape(['ReceivedDate', 'RequestOutcome', 'RequestOutcomeDate'], [['Assessment', K.Assessment], ['ActivePlans', K.ActivePlan]]),
  shape(['AssessmentOutcome', 'AssessmentOutcomeDate', 'Week20'], [['NamedPlan', K.NamedPlan]]),
  shape(['StartDate', 'CeaseDate', 'CeaseReason'], [['PlanDetail', K.Placement]]),
  shape(['TransferLA', 'LastReview'], [['PlacementDetail', K.Placement], ['SENneed', K.Need]]),
  shape(['URN', 'UKPRN', 'SENsetting', 'PlacementRank', 'SENunitIndicator', 'ResourcedProvisionIndicator', 'EntryDate', 'LeavingDate']),
  shape(['SENtype', 'SENtypeRank']),
];


/** An open element read into the person: a kind (K) with its values and lists, or a value element (`kind` −1). */
interface Frame {
  kind: K | -1;
  src: SrcRef;
  vals: Raw[];
  /** Value slots already seen once (bit per slot): a second occurrence makes the value absent. */
  seen: number;
  /** Value slots seen more than once (bit per slot), each listed once in the person's `repeated`. */
  repeated: number;
  lists: [unknown[], unknown[]];
  /** For a value element: its slot in the parent, its text, whether a child element opened in it. */
  slot: number;
  text: string;
  hasChild: boolean;
}

function at(parent: SrcRef, name: string, i: number): SrcRef {
  const src: SrcRef = { file: parent.file, path: `${parent.path}/${name}[${i + 1}]` };
  if (parent.line !== undefined) src.line = parent.line;
  return src;
}

/** Builds the RawPerson of each `<Person>` at `Message/Persons/Person[index]` of `file`. */
export class PersonBuilder implements RecordBuilder<RawPerson> {
  /** Open elements read into the person (reused from person to person). */
  private readonly frames: Frame[] = [];
  private depth = 0;
  /** Depth inside an element passed over (or inside a value element's child). */
  private skip = 0;
  /** The value elements of the person being read given more than once in their parent. */
  private repeated: SrcRef[] = [];

  constructor(private readonly file: string) {}

  begin(where: RecordAt): void {
    this.depth = 0;
    this.skip = 0;
    this.repeated = [];
    this.push(K.Person, { file: this.file, line: where.line, path: `Message/Persons/Person[${where.index}]` }, -1);
  }

  open(name: string): void {
    if (this.skip > 0) {
      this.skip++;
      return;
    }
    const top = this.frames[this.depth - 1]!;
    if (top.kind === -1) {
      top.hasChild = true;
      this.skip = 1;
      return;
    }
    const c = childOf(SHAPES[top.kind]!, name);
    if (c === undefined) this.skip = 1;
    else if ('slot' in c) this.push(-1, top.src, c.slot);
    else this.push(c.kind, at(top.src, name, top.lists[c.list].length), c.list);
  }

  text(t: string): void {
    if (this.skip > 0) return;
    const top = this.frames[this.depth - 1]!;
    if (top.kind === -1 && !top.hasChild) top.text += t;
  }

  close(): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const f = this.frames[--this.depth]!;
    const parent = this.frames[this.depth - 1]!;
    if (f.kind === -1) {
      const bit = 1 << f.slot;
      if ((parent.seen & bit) !== 0) {
        parent.vals[f.slot] = undefined;
        if ((parent.repeated & bit) === 0) {
          parent.repeated |= bit;
          this.repeated.push(fieldRef(parent.src, SHAPES[parent.kind]!.valueNames[f.slot]!));
        }
      } else {
        parent.seen |= bit;
        parent.vals[f.slot] = f.hasChild ? undefined : f.text.trim();
      }
    } else parent.lists[f.slot as 0 | 1].push(value(f));
  }

  end(): RawPerson {
    const person = value(this.frames[--this.depth]!) as RawPerson;
    if (this.repeated.length > 0) person.repeated = this.repeated;
    return person;
  }

  private push(kind: K | -1, src: SrcRef, slot: number): void {
    let f = this.frames[this.depth];
    if (f === undefined) {
      f = { kind, src, vals: [], seen: 0, repeated: 0, lists: [[], []], slot, text: '', hasChild: false };
      this.frames.push(f);
    } else {
      f.kind = kind;
      f.src = src;
      f.seen = 0;
      f.repeated = 0;
      f.slot = slot;
      f.text = '';
      f.hasChild = false;
      if (kind !== -1) {
        f.vals = [];
        f.lists = [[], []];
      }
    }
    this.depth++;
  }
}

/** The Raw… object of a closed element of kind `f.kind` (its values and lists are handed over, not copied). */
function value(f: Frame): RawPerson | RawRequest | RawAssessment | RawNamedPlan | RawActivePlan | RawPlacement | RawNeed {
  const v = f.vals;
  const src = f.src;
  switch (f.kind) {
    case K.Person:
      return {
        src, upn: v[0], uln: v[1] ?? v[2], birthDate: v[3], sex: v[4] ?? v[5], ethnicity: v[6],
        requests: f.lists[0] as RawRequest[],
      };
    case K.Request:
      return {
        src, receivedDate: v[0], outcome: v[1], outcomeDate: v[2],
        assessments: f.lists[0] as RawAssessment[], activePlans: f.lists[1] as RawActivePlan[],
      };
    case K.Assessment:
      return { src, outcome: v[0], outcomeDate: v[1], week20: v[2], namedPlans: f.lists[0] as RawNamedPlan[] };
    case K.NamedPlan:
      return { src, startDate: v[0], ceaseDate: v[1], ceaseReason: v[2], details: f.lists[0] as RawPlacement[] };
    case K.ActivePlan:
      return { src, transferLa: v[0], lastReview: v[1], placements: f.lists[0] as RawPlacement[], needs: f.lists[1] as RawNeed[] };
    case K.Placement:
      return {
        src, urn: v[0], ukprn: v[1], senSetting: v[2], placementRank: v[3], senUnitIndicator: v[4],
        resourcedProvisionIndicator: v[5], entryDate: v[6], leavingDate: v[7],
      };
    case K.Need:
      return { src, senType: v[0], senTypeRank: v[1] };
    default:
      throw new Error('a value element has no Raw object');
  }
}
