/**
 * The SEN2 XML reader builds each RawPerson straight from the parser's events (PersonBuilder); it must give what
 * reading the `<Person>` whole as a tree and turning the tree into a RawPerson gave (xml-person-reference.ts): on the
 * fixtures, the samples, and persons of random shape (values repeated or holding elements, lists holding text,
 * unknown and misplaced elements, CDATA, comments, self-closing elements).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PersonBuilder } from '../../../src/etl/persons/xml-person.ts';
import { TreeBuilder, xmlRecords, type RecordAt, type RecordBuilder, type XmlNode } from '../../../src/etl/persons/xml-records.ts';
import type { RawPerson } from '../../../src/etl/persons/raw.ts';
import { expectStrictEqual } from '../../equal.ts';
import { withTempDir } from '../../temp.ts';
import { FIXTURES, XML_2024, XML_2025 } from './helpers.ts';
import { REPEATED, personFromXml } from './xml-person-reference.ts';

const SAMPLES = join(import.meta.dirname, '../../../data-samples');

/** Gives the parser's events of each record to both builders: the file is read and parsed once for the two. */
class BothBuilders implements RecordBuilder<[RawPerson, XmlNode]> {
  constructor(
    private readonly person: PersonBuilder,
    private readonly tree: TreeBuilder,
  ) {}

  begin(at: RecordAt): void {
    this.person.begin(at);
    this.tree.begin();
  }

  open(name: string): void {
    this.person.open(name);
    this.tree.open(name);
  }

  text(t: string): void {
    this.person.text(t);
    this.tree.text(t);
  }

  close(): void {
    this.person.close();
    this.tree.close();
  }

  end(): [RawPerson, XmlNode] {
    return [this.person.end(), this.tree.end()];
  }
}

/** Each person as PersonBuilder builds it and as the reference makes it from the element's tree, of one reading. */
async function both(path: string): Promise<{ built: RawPerson[]; reference: RawPerson[] }> {
  const built: RawPerson[] = [];
  const reference: RawPerson[] = [];
  const build = new BothBuilders(new PersonBuilder(path), new TreeBuilder(REPEATED));
  for await (const e of xmlRecords(path, { header: 'Header', record: 'Person', build })) {
    if (e.kind !== 'record') continue;
    // the element trees have no list of repeated values (a repeated value is absent in both): compared without it
    built.push(withoutRepeated(e.value[0]));
    reference.push(personFromXml(e.value[1], path, e.at));
  }
  return { built, reference };
}

function withoutRepeated(p: RawPerson): RawPerson {
  const q = { ...p };
  delete q.repeated;
  return q;
}

const NAMES = [
  'UPN', 'UniqueLearnerNumber', 'ULN', 'PersonBirthDate', 'Sex', 'GenderCurrent', 'Ethnicity', 'Requests',
  'ReceivedDate', 'RequestOutcome', 'RequestOutcomeDate', 'Assessment', 'ActivePlans', 'AssessmentOutcome',
  'AssessmentOutcomeDate', 'Week20', 'NamedPlan', 'StartDate', 'CeaseDate', 'CeaseReason', 'PlanDetail', 'TransferLA',
  'LastReview', 'PlacementDetail', 'SENneed', 'URN', 'UKPRN', 'SENsetting', 'PlacementRank', 'SENunitIndicator',
  'ResourcedProvisionIndicator', 'EntryDate', 'LeavingDate', 'SENtype', 'SENtypeRank', 'Surname', 'Other', '__proto__',
];
const TEXTS = ['', ' ', '1', ' A ', '2024-01-05', '\n  x\n', 'Zoë', '&amp;b'];

/** Random content of an element: elements (down to `depth`), text, CDATA and comments. */
function content(depth: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    fc.constantFrom(...TEXTS),
    fc.constantFrom(...TEXTS).map((t) => `<![CDATA[${t}]]>`),
    fc.constant('<!-- c -->'),
  );
  if (depth === 0) return fc.array(leaf, { maxLength: 2 }).map((xs) => xs.join(''));
  const element = fc.tuple(fc.constantFrom(...NAMES), content(depth - 1), fc.boolean()).map(([name, inner, selfClose]) =>
    selfClose && inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`,
  );
  // two siblings of one name: a value given twice, a list of two
  const pair = fc.tuple(fc.constantFrom(...NAMES), content(depth - 1), content(depth - 1)).map(([name, a, b]) => `<${name}>${a}</${name}><${name}>${b}</${name}>`);
  return fc.array(fc.oneof({ weight: 3, arbitrary: element }, { weight: 1, arbitrary: pair }, { weight: 1, arbitrary: leaf }), { maxLength: 5 }).map((xs) => xs.join(''));
}

describe('SEN2 XML persons read from the parser events', () => {
  it('are the persons of the element trees on the fixtures and the samples', async () => {
    for (const path of [XML_2024, XML_2025, join(FIXTURES, 'bad/duplicate-person.xml'), ...['2023', '2024', '2025'].map((y) => join(SAMPLES, `sen2_${y}.xml`))]) {
      const { built, reference } = await both(path);
      expect(built.length, path).toBeGreaterThan(1);
      expectStrictEqual(built, reference, path);
    }
  });

  it('are the persons of the element trees for persons of any shape', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'r.xml');
      await fc.assert(
        fc.asyncProperty(fc.array(content(4), { minLength: 1, maxLength: 4 }), async (persons) => {
          const head = '<?xml version="1.0" encoding="UTF-8"?>\n<Message><Header><CollectionDetails><Collection>SEN2</Collection></CollectionDetails></Header>\n<Persons>\n';
          writeFileSync(path, `${head}${persons.map((p) => `<Person>${p}</Person>\n`).join('')}</Persons></Message>\n`);
          const { built, reference } = await both(path);
          expect(built).toHaveLength(persons.length);
          expectStrictEqual(built, reference);
        }),
        { numRuns: 300, seed: 14 },
      );
    });
  });
});
