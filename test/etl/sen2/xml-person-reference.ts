/**
 * The former way an SEN2 XML `<Person>` became a RawPerson, kept as the reference the reader is checked against
 * (test/etl/sen2/xml-person.test.ts): the element read whole as a tree (xml-records.ts TreeBuilder, with REPEATED
 * names always lists), then the tree turned into a RawPerson. The reader now builds the RawPerson straight from the
 * parser's events (src/etl/persons/xml-person.ts PersonBuilder), which must give the same.
 */
import type { RecordAt, XmlNode } from '../../../src/etl/persons/xml-records.ts';
import type {
  Raw,
  RawActivePlan,
  RawAssessment,
  RawNamedPlan,
  RawNeed,
  RawPerson,
  RawPlacement,
  RawRequest,
  SrcRef,
} from '../../../src/etl/persons/raw.ts';

/** Elements of a Person that may occur more than once: always arrays in its tree. */
export const REPEATED: ReadonlySet<string> = new Set(['Requests', 'Assessment', 'NamedPlan', 'PlanDetail', 'ActivePlans', 'PlacementDetail', 'SENneed']);

type Node = XmlNode;

function str(n: Node, ...names: string[]): Raw {
  for (const name of names) {
    const v = n[name];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') return v;
  }
  return undefined;
}

function kids(n: Node, name: string): Node[] {
  const v = n[name];
  if (!Array.isArray(v)) return [];
  return v.map((x) => (typeof x === 'object' && x !== null ? (x as Node) : {}));
}

function at(parent: SrcRef, name: string, i: number): SrcRef {
  const src: SrcRef = { file: parent.file, path: `${parent.path}/${name}[${i + 1}]` };
  if (parent.line !== undefined) src.line = parent.line;
  return src;
}

function placements(n: Node, name: string, parent: SrcRef): RawPlacement[] {
  return kids(n, name).map((p, i) => ({
    src: at(parent, name, i),
    urn: str(p, 'URN'),
    ukprn: str(p, 'UKPRN'),
    senSetting: str(p, 'SENsetting'),
    placementRank: str(p, 'PlacementRank'),
    senUnitIndicator: str(p, 'SENunitIndicator'),
    resourcedProvisionIndicator: str(p, 'ResourcedProvisionIndicator'),
    entryDate: str(p, 'EntryDate'),
    leavingDate: str(p, 'LeavingDate'),
  }));
}

function namedPlans(n: Node, parent: SrcRef): RawNamedPlan[] {
  return kids(n, 'NamedPlan').map((np, i) => {
    const src = at(parent, 'NamedPlan', i);
    return {
      src,
      startDate: str(np, 'StartDate'),
      ceaseDate: str(np, 'CeaseDate'),
      ceaseReason: str(np, 'CeaseReason'),
      details: placements(np, 'PlanDetail', src),
    };
  });
}

function assessments(n: Node, parent: SrcRef): RawAssessment[] {
  return kids(n, 'Assessment').map((a, i) => {
    const src = at(parent, 'Assessment', i);
    return {
      src,
      outcome: str(a, 'AssessmentOutcome'),
      outcomeDate: str(a, 'AssessmentOutcomeDate'),
      week20: str(a, 'Week20'),
      namedPlans: namedPlans(a, src),
    };
  });
}

function needs(n: Node, parent: SrcRef): RawNeed[] {
  return kids(n, 'SENneed').map((x, i) => ({
    src: at(parent, 'SENneed', i),
    senType: str(x, 'SENtype'),
    senTypeRank: str(x, 'SENtypeRank'),
  }));
}

function activePlans(n: Node, parent: SrcRef): RawActivePlan[] {
  return kids(n, 'ActivePlans').map((ap, i) => {
    const src = at(parent, 'ActivePlans', i);
    return {
      src,
      transferLa: str(ap, 'TransferLA'),
      lastReview: str(ap, 'LastReview'),
      placements: placements(ap, 'PlacementDetail', src),
      needs: needs(ap, src),
    };
  });
}

/** The RawPerson of a parsed `<Person>` at `Message/Persons/Person[index]`. */
export function personFromXml(node: Node, file: string, where: RecordAt): RawPerson {
  const src: SrcRef = { file, line: where.line, path: `Message/Persons/Person[${where.index}]` };
  const requests: RawRequest[] = kids(node, 'Requests').map((r, i) => {
    const rs = at(src, 'Requests', i);
    return {
      src: rs,
      receivedDate: str(r, 'ReceivedDate'),
      outcome: str(r, 'RequestOutcome'),
      outcomeDate: str(r, 'RequestOutcomeDate'),
      assessments: assessments(r, rs),
      activePlans: activePlans(r, rs),
    };
  });
  return {
    src,
    upn: str(node, 'UPN'),
    uln: str(node, 'UniqueLearnerNumber', 'ULN'),
    birthDate: str(node, 'PersonBirthDate'),
    sex: str(node, 'Sex', 'GenderCurrent'),
    ethnicity: str(node, 'Ethnicity'),
    requests,
  };
}
