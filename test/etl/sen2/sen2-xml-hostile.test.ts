/**
 * Hostile SEN2 XML: no DOCTYPE or entity declarations (head or inside a person), an element far larger than any
 * real Person is refused quickly with bounded memory, and a return with no persons is an error.
 */
import { describe, expect, it } from 'vitest';
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSen2Xml } from '../../../src/etl/readers/sen2-xml.ts';
import { withTempDir } from '../../temp.ts';
import { runCliMeasured } from '../../cli/spawn-measured.ts';
import { XML_2024, collect, ctx } from './helpers.ts';

async function readEdited(edit: (xml: string) => string) {
  const xml = await readFile(XML_2024, 'utf8');
  const out = edit(xml);
  expect(out).not.toBe(xml);
  return withTempDir(async (d) => {
    const p = join(d, 'r.xml');
    await writeFile(p, out);
    const sink = collect();
    return { report: await readSen2Xml(p, sink, ctx(p)), rows: sink.rows.length };
  });
}

describe('SEN2 XML against hostile files', () => {
  it('refuses a DOCTYPE with entities in the head, writing nothing', async () => {
    const { report, rows } = await readEdited((x) =>
      x.replace('<Message>', '<!DOCTYPE Message [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<Message>'),
    );
    expect(rows).toBe(0);
    expect(report.errors[0]!.message).toMatch(/DOCTYPE or entity declaration/);
    expect(report.errors[0]!.line).toBeGreaterThan(1);
  });

  it('refuses a DOCTYPE inside a person, naming its line', async () => {
    const { report } = await readEdited((x) => x.replace('<Person>', '<Person><!DOCTYPE x [<!ENTITY e "e">]>'));
    expect(report.errors.some((e) => /DOCTYPE/.test(e.message) && e.path?.startsWith('Message/Persons/Person[1]'))).toBe(true);
  });

  it('refuses an element of several MB quickly, without reading it whole', async () => {
    const big = `<Surname>${'x'.repeat(6 * 1024 * 1024)}</Surname>`;
    const t0 = performance.now();
    const { report } = await readEdited((x) => x.replace('<Person>', `<Person>${big}`));
    expect(report.errors.some((e) => /longer than 4 MB/.test(e.message))).toBe(true);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('a census Year that is not a year, or that disagrees with the ReferenceDate, is an error naming the header', async () => {
    // the census year says which January every plan counts for: read from the date instead, or from one of two
    // that disagree, a return's stock would move to another year without a word
    for (const year of ['-2024', '2024/25', '2023']) {
      const { report, rows } = await readEdited((x) => x.replace('<Year>2024</Year>', `<Year>${year}</Year>`));
      expect(rows, year).toBe(0);
      expect(report.errors[0]!.path, year).toBe('Message/Header/CollectionDetails/Year');
      expect(report.errors[0]!.message, year).toContain(`'${year}'`);
    }
    expect((await readEdited((x) => x.replace('<Year>2024</Year>', '<Year>2023</Year>'))).report.errors[0]!.message).toMatch(/ReferenceDate 2024-01-18/);
    // a Year alone, or a ReferenceDate alone, still says the census
    expect((await readEdited((x) => x.replace(/<ReferenceDate>[^<]*<\/ReferenceDate>/, ''))).report.errors).toEqual([]);
    expect((await readEdited((x) => x.replace('<Year>2024</Year>', ''))).report.errors).toEqual([]);
  });

  it('a ReferenceDate that is there but is no date is an error naming the header, not passed over', async () => {
    // 2024-02-30 or 18/13/2024 was dropped without a word: the return loaded (exit 0) with no check of its Year against
    // the census day, and placements ended before the census no longer told from those still open
    for (const ref of ['2024-02-30', '18/13/2024', 'January 2024']) {
      const { report, rows } = await readEdited((x) => x.replace(/<ReferenceDate>[^<]*<\/ReferenceDate>/, `<ReferenceDate>${ref}</ReferenceDate>`));
      expect(rows, ref).toBe(0);
      expect(report.errors[0], ref).toMatchObject({ line: 4, path: 'Message/Header/CollectionDetails/ReferenceDate' });
      expect(report.errors[0]!.message, ref).toContain(`ReferenceDate must be a date`);
      expect(report.errors[0]!.message, ref).toContain(`'${ref}'`);
    }
  });

  it('a header field or a Header given twice is an error naming it, not one of them taken or dropped', async () => {
    // <Year>2023</Year><Year>2024</Year> read as no Year, so the census came from the ReferenceDate (exit 0); two LEAs
    // said "Got: ''"; a second Header with another LEA (two returns joined) was passed over without a word
    const year = await readEdited((x) => x.replace('<Year>2024</Year>', '<Year>2023</Year><Year>2024</Year>'));
    expect(year.rows).toBe(0);
    expect(year.report.errors[0]).toMatchObject({ path: 'Message/Header/CollectionDetails/Year', message: expect.stringMatching(/Year is given 2 times \('2023', '2024'\)/) });
    const lea = await readEdited((x) => x.replace(/<LEA>(\d+)<\/LEA>/, '<LEA>$1</LEA><LEA>998</LEA>'));
    expect(lea.report.errors[0]).toMatchObject({ path: 'Message/Header/Source/LEA', message: expect.stringMatching(/LEA is given 2 times/) });
    const header = await readEdited((x) => x.replace('<Persons>', `${/<Header>[\s\S]*<\/Header>/.exec(x)![0].replace(/<LEA>\d+/, '<LEA>998')}\n<Persons>`));
    expect(header.rows).toBe(0);
    expect(header.report.errors[0]).toMatchObject({ path: 'Message/Header', message: expect.stringMatching(/a second Header .* first at line 4/) });
  });

  it('a value given twice in one element is an error at its line, neither value taken', async () => {
    // <UPN> twice, two StartDates in a NamedPlan: read as absent, so the plan loaded with no start date (exit 0),
    // and a doubled PersonBirthDate was said to be missing ('Got: nothing')
    const cases: Array<[RegExp, (m: string) => string, string, RegExp]> = [
      [/<UPN>[^<]*<\/UPN>/, (m) => m + m, 'UPN', /Person\[1\]\/UPN$/],
      [/<StartDate>[^<]*<\/StartDate>/, (m) => m + m.replace(/>\d{4}/, '>2001'), 'StartDate', /NamedPlan\[1\]\/StartDate$/],
      [/<PersonBirthDate>[^<]*<\/PersonBirthDate>/, (m) => m + m, 'PersonBirthDate', /Person\[1\]\/PersonBirthDate$/],
    ];
    for (const [re, twice, field, path] of cases) {
      const { report, rows } = await readEdited((x) => x.replace(re, twice));
      expect(rows, field).toBe(0);
      expect(report.errors, field).toHaveLength(1);
      expect(report.errors[0]!.message, field).toContain(`${field} is given more than once here`);
      expect(report.errors[0]!.path, field).toMatch(path);
      expect(report.errors[0]!.line, field).toBeGreaterThan(0);
    }
  });

  it('a return with no persons is an error', async () => {
    const { report } = await readEdited((x) => x.replace(/<Persons>[\s\S]*<\/Persons>/, '<Persons>\n </Persons>'));
    expect(report.errors.map((e) => e.message).join('\n')).toMatch(/no Person elements/);
  });

  it('refuses a DOCTYPE wherever it stands: after the root, between persons, deep inside a person', async () => {
    const doctype = '<!DOCTYPE x [<!ENTITY e "e">]>';
    for (const edit of [
      (x: string) => x.replace('<Header>', `${doctype}<Header>`),
      (x: string) => x.replace('</Person>', `</Person>\n${doctype}`),
      (x: string) => x.replace('</UPN>', `</UPN><Requests><Assessment>${doctype}</Assessment></Requests>`),
    ]) {
      const { report, rows } = await readEdited(edit);
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]!.message).toMatch(/DOCTYPE or entity declaration/);
      expect(report.errors[0]!.line).toBeGreaterThan(1);
      expect(rows).toBeLessThan(20);
    }
  });

  it('refuses elements nested thousands deep with a located message, not a crash', async () => {
    const deep = `${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}`;
    const { report, rows } = await readEdited((x) => x.replace('</UPN>', `</UPN>${deep}`));
    expect(rows).toBe(0);
    expect(report.errors[0]).toMatchObject({ line: expect.any(Number), path: expect.stringMatching(/^Message\/Persons\/Person\[1\]\/a\/a/) });
    expect(report.errors[0]!.message).toMatch(/nested more than 32 deep/);
  });

  it('an element named __proto__ or constructor is just an unknown element', async () => {
    const { report } = await readEdited((x) => x.replace('</UPN>', '</UPN><__proto__><polluted>1</polluted></__proto__><constructor>x</constructor>'));
    expect(report.errors).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('names the element left open when the file is truncated', async () => {
    const { report } = await readEdited((x) => x.slice(0, x.indexOf('</Person>', x.indexOf('</Person>') + 1) - 20));
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.message).toMatch(/ends inside <Person> opened at line \d+: the file looks truncated/);
  });

  it('a 60 MB person element is refused by the command line with a located message, in bounded memory', async () => {
    await withTempDir(async (d) => {
      const p = join(d, 'sen2_big.xml');
      const xml = await readFile(XML_2024, 'utf8');
      const at = xml.indexOf('<Person>') + '<Person>'.length;
      const out = createWriteStream(p);
      out.write(xml.slice(0, at) + '<Surname>');
      const block = 'x'.repeat(1 << 20);
      for (let i = 0; i < 60; i++) if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
      out.end(`</Surname>${xml.slice(at)}`);
      await new Promise<void>((r) => out.once('close', () => r()));
      const r = runCliMeasured(['validate', p]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout + r.stderr).toMatch(/sen2_big\.xml.*line \d+.*longer than 4 MB|sen2_big\.xml.*longer than 4 MB/s);
      expect(r.peakRssMb).toBeLessThan(300);
    });
  }, 60_000);

  it('bytes that are not UTF-8 are an error at their line and element, not read as replacement characters', async () => {
    await withTempDir(async (d) => {
      const xml = await readFile(XML_2024, 'utf8');
      const at = xml.indexOf('<Surname>') + '<Surname>'.length;
      const p = join(d, 'r.xml');
      await writeFile(p, Buffer.concat([Buffer.from(xml.slice(0, at)), Buffer.from([0xe9, 0x41]), Buffer.from(xml.slice(at))]));
      const report = await readSen2Xml(p, collect(), ctx(p));
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toMatchObject({ line: xml.slice(0, at).split('\n').length, path: 'Message/Persons/Person[1]/Surname' });
      expect(report.errors[0]!.message).toMatch(/not UTF-8 text/);
    });
  });

  it('a return that declares Windows-1252 is read in that encoding, as its UTF-8 twin', async () => {
    await withTempDir(async (d) => {
      const xml = (await readFile(XML_2024, 'utf8')).replace('<Surname>', '<Surname>Zoë ');
      const utf8 = join(d, 'u.xml');
      const win = join(d, 'w.xml');
      await writeFile(utf8, xml);
      await writeFile(win, Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="windows-1252"'), 'latin1'));
      const a = collect();
      const b = collect();
      expect((await readSen2Xml(utf8, a, ctx(utf8))).errors).toEqual([]);
      expect((await readSen2Xml(win, b, ctx(win))).errors).toEqual([]);
      expect(b.rows).toEqual(a.rows);
      expect(a.rows.length).toBeGreaterThan(5);
    });
  });
});

