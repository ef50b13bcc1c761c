/**
 * Parses one `<Person>` element of an SEN2 XML return (fast-xml-parser) into the source-neutral RawPerson,
 * with the XML path of every element. Names and postcode are never copied out of the parsed element.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { XmlChunk } from './xml-chunks.ts';
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
} from './raw.ts';

const REPEATED = new Set(['Requests', 'Assessment', 'NamedPlan', 'PlanDetail', 'ActivePlans', 'PlacementDetail', 'SENneed']);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => REPEATED.has(name),
});

type Node = Record<string, unknown>;

/** A located XML error inside a record: message and absolute line. */
export interface XmlRecordError {
  message: string;
  line: number;
}

/** Validates and parses one record; returns the element's object or a located error. */
export function parseRecord(chunk: XmlChunk, tag: string): { node: Node } | { error: XmlRecordError } {
  const v = XMLValidator.validate(chunk.text);
  if (v !== true) return { error: { message: v.err.msg, line: chunk.line + v.err.line - 1 } };
  const doc = parser.parse(chunk.text) as Node;
  const node = doc[tag];
  return { node: typeof node === 'object' && node !== null ? (node as Node) : {} };
}

/** Parses a standalone XML fragment (the header) without validation errors thrown. */
export function parseFragment(text: string): Node {
  return parser.parse(text) as Node;
}

function str(n: Node, ...names: string[]): Raw {
  for (const name of names) {
    const v = n[name];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  }
  return undefined;
}

function kids(n: Node, name: string): Node[] {
  const v = n[name];
  if (!Array.isArray(v)) return [];
  return v.map((x) => (typeof x === 'object' && x !== null ? (x as Node) : {}));
}

function at(parent: SrcRef, name: string, i: number): SrcRef {
  return { ...parent, path: `${parent.path}/${name}[${i + 1}]` };
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
export function personFromXml(node: Node, file: string, chunk: XmlChunk): RawPerson {
  const src: SrcRef = { file, line: chunk.line, path: `Message/Persons/Person[${chunk.index}]` };
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
