/**
 * A large SEN2 XML return is read in parts (xml-parts.ts): it must give exactly what reading it whole gives — the
 * same rows in the same order, the same errors and warnings with the same lines, paths and Person numbers — on the
 * fixtures, the samples and generated returns cut into many small parts, also when the file holds what a part cannot
 * be read alone with (then the file is read whole again, with no row given twice).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSen2Xml, type Sen2XmlOptions } from '../../../src/etl/readers/sen2-xml.ts';
import { writeSen2Xml } from '../../../bench/gen/sen2-xml.ts';
import { tempDir } from '../../temp.ts';
import { FIXTURES, XML_2024, XML_2025, collect, ctx } from './helpers.ts';

const SAMPLES = join(import.meta.dirname, '../../../data-samples');

async function read(path: string, opts: Sen2XmlOptions) {
  const sink = collect();
  const report = await readSen2Xml(path, sink, ctx(path), opts);
  return { rows: sink.rows, report };
}

/** Reads `path` whole and in parts of `partBytes`; expects the same; says whether the parts were given up. */
async function sameInParts(path: string, partBytes: number, workers = 0): Promise<{ givenUp: boolean; rows: number; errors: number }> {
  const whole = await read(path, { partsFromBytes: Infinity });
  let givenUp = false;
  const parts = await read(path, { partsFromBytes: 0, partBytes, workers, onGivenUp: () => (givenUp = true) });
  expect(parts.report, path).toStrictEqual(whole.report);
  expect(parts.rows.length, path).toBe(whole.rows.length);
  expect(parts.rows, path).toStrictEqual(whole.rows);
  // the rows' columns in the same order too (what toStrictEqual does not compare)
  expect(parts.rows.map(([t, r]) => `${t}:${Object.keys(r).join(',')}`)).toEqual(whole.rows.map(([t, r]) => `${t}:${Object.keys(r).join(',')}`));
  return { givenUp, rows: whole.rows.length, errors: whole.report.errors.length };
}

describe('SEN2 XML read in parts', () => {
  const dir = tempDir('sen2-parts-');
  const generated = join(dir, 'gen.xml');
  const made = writeSen2Xml(generated, 400_000, 7, 2025);

  it('gives the rows and problems of the whole read on the fixtures and the samples', async () => {
    for (const path of [XML_2024, XML_2025, join(FIXTURES, 'bad/duplicate-person.xml'), ...['2023', '2024', '2025'].map((y) => join(SAMPLES, `sen2_${y}.xml`))]) {
      for (const partBytes of [600, 5000]) {
        const r = await sameInParts(path, partBytes);
        expect(r.givenUp, path).toBe(false);
      }
    }
  });

  it('gives the rows and problems of the whole read on a generated return, with a worker thread', async () => {
    await made;
    const r = await sameInParts(generated, 20_000, 1);
    expect(r.givenUp).toBe(false);
    expect(r.rows).toBeGreaterThan(1000);
  }, 30_000);

  it('gives the same problems, and the same rows until the first error, when persons are wrong in many parts', async () => {
    await made;
    let n = 0;
    // a bad date in three persons of four, a duplicate UPN in every 3rd (of a person in an earlier part), no UPN in every 13th
    const xml = readFileSync(generated, 'utf8').replace(/<Person>([\s\S]*?)<\/Person>/g, (all, body: string) => {
      n++;
      let b = body;
      if (n % 4 !== 0) b = b.replace(/<PersonBirthDate>[^<]*</, '<PersonBirthDate>2013-02-30<');
      if (n % 3 === 0) b = b.replace(/<UPN>[^<]*</, '<UPN>Z000000000003<');
      if (n % 13 === 0) b = b.replace(/<UPN>[^<]*<\/UPN>/, '');
      return b === body ? all : `<Person>${b}</Person>`;
    });
    const p = join(dir, 'many-errors.xml');
    writeFileSync(p, xml);
    // small parts, and parts each with more errors than a log lists (200: the "… and N more" line counts the same)
    for (const partBytes of [3000, 300_000]) {
      const r = await sameInParts(p, partBytes);
      expect(r.givenUp).toBe(false);
      expect(r.errors).toBe(201);
    } // past the log's cap of 200: the "… and N more" line counts the same
  });

  it('reads the file whole again, with no row given twice, when a part cannot be read alone', async () => {
    await made;
    const text = readFileSync(generated, 'utf8');
    const at = (k: number) => {
      let i = -1;
      for (let j = 0; j < k; j++) i = text.indexOf('</Person>', i + 1);
      return i + '</Person>'.length;
    };
    const edits: Array<[string, string]> = [
      ['an end tag inside a comment', `${text.slice(0, at(150))}\n<!-- </Person> -->${text.slice(at(150))}`],
      ['an end tag inside CDATA', text.slice(0, at(150)).replace(/<Surname>([^<]*)<\/Surname>(?![\s\S]*<Surname>)/, '<Surname><![CDATA[x</Person>y]]></Surname>') + text.slice(at(150))],
      ['a self-closing person', `${text.slice(0, at(120))}\n<Person/>${text.slice(at(120))}`],
      ['an end tag with a space', `${text.slice(0, at(130) - 1)} >${text.slice(at(130))}`],
      ['a DOCTYPE between persons', `${text.slice(0, at(160))}\n<!DOCTYPE x [<!ENTITY e "e">]>${text.slice(at(160))}`],
      ['text between persons', `${text.slice(0, at(170))}\nstray text${text.slice(at(170))}`],
      ['malformed XML in a person', `${text.slice(0, at(180))}\n<Person><UPN>x</Sex></Person>${text.slice(at(180))}`],
      ['a truncated file', text.slice(0, at(200) - 30)],
      ['a second header', `${text.slice(0, at(100))}\n<Header><CollectionDetails><Collection>SEN2</Collection></CollectionDetails></Header>${text.slice(at(100))}`],
      ['a missing end of the root', text.replace('</Message>', '')],
    ];
    for (const [what, xml] of edits) {
      expect(xml, what).not.toBe(text);
      const p = join(dir, 'edited.xml');
      writeFileSync(p, xml);
      const r = await sameInParts(p, 3000);
      expect(r.givenUp, what).toBe(true);
    }
  });

  it('gives up the parts, holding no more than about 12 MB, when no record ends for longer than a record may be', async () => {
    const xml = readFileSync(XML_2024, 'utf8');
    const at = xml.indexOf('<Surname>') + '<Surname>'.length;
    const p = join(dir, 'long.xml');
    writeFileSync(p, xml.slice(0, at) + 'x'.repeat(13 * 1024 * 1024) + xml.slice(at));
    const r = await sameInParts(p, 1000);
    expect(r.givenUp).toBe(true);
    expect(r.errors).toBe(1);
  }, 30_000);

  it('gives the lines of the whole read whatever the line ends, and reads Windows-1252', async () => {
    await made;
    const text = readFileSync(generated, 'utf8').replace('<Surname>Testsur5<', '<Surname>Zoë<');
    const bad = (t: string) => t.replace(/<PersonBirthDate>[^<]*</g, (m, i: number) => (i % 3 === 0 ? '<PersonBirthDate>bad<' : m));
    for (const [what, xml, encoding] of [
      ['CRLF', bad(text.replace(/\n/g, '\r\n')), 'utf8'],
      ['CR', bad(text.replace(/\n/g, '\r')), 'utf8'],
      ['Windows-1252', bad(text.replace('encoding="UTF-8"', 'encoding="windows-1252"')), 'latin1'],
    ] as const) {
      const p = join(dir, 'ends.xml');
      writeFileSync(p, Buffer.from(xml, encoding));
      const r = await sameInParts(p, 3000);
      expect(r.givenUp, what).toBe(false);
      expect(r.errors, what).toBeGreaterThan(10);
    }
  });
});
