import { describe, expect, it } from 'vitest';
import type { ReadReport } from '../../../src/etl/reader.ts';
import { readSen2Blade } from '../../../src/etl/readers/sen2-blade.ts';
import { readSen2Xml } from '../../../src/etl/readers/sen2-xml.ts';
import { AmpersandScan, bareAmpersand } from '../../../src/etl/persons/xml-ampersand.ts';
import { XML_2024, XML_2025, bladeCopy, collect, ctx, editedXml, tempFile } from './helpers.ts';

async function xml(path: string): Promise<ReadReport> {
  return readSen2Xml(path, collect(), ctx(path));
}

function only(r: ReadReport): { file?: string; line?: number; path?: string; message: string } {
  expect(r.errors.length).toBeGreaterThan(0);
  return r.errors[0]!;
}

describe('SEN2 bad input', () => {
  it('malformed XML: names the person, path and line', async () => {
    const p = editedXml(XML_2024, '<Sex>F</Sex>', '<Sex>F</Sexx>');
    const e = only(await xml(p));
    expect(e.file).toBe(p);
    expect(e.path).toBe('Message/Persons/Person[2]');
    expect(e.line).toBe(54); // the line of </Sexx>
    expect(e.message).toMatch(/malformed XML/);
  });

  it('truncated XML', async () => {
    const text = (await import('node:fs')).readFileSync(XML_2024, 'utf8');
    const p = tempFile('cut.xml', text.slice(0, text.indexOf('<Surname>Testsurfive')));
    const e = only(await xml(p));
    expect(e.message).toMatch(/truncated/);
    expect(e.line).toBe(112); // where the unclosed <Person> opens
  });

  it('XML of another collection', async () => {
    const p = editedXml(XML_2024, '<Collection>SEN2</Collection>', '<Collection>CIN</Collection>');
    const e = only(await xml(p));
    expect(e.path).toBe('Message/Header/CollectionDetails/Collection');
    expect(e.message).toMatch(/collection 'CIN', not SEN2/);
  });

  it('XML with another root', async () => {
    const p = tempFile('other.xml', '<?xml version="1.0"?><Envelope><Body/></Envelope>');
    expect(only(await xml(p)).message).toMatch(/root is <Message>. Got: <Envelope>/);
  });

  it('duplicate persons (same UPN twice)', async () => {
    const p = editedXml(XML_2024, '<UPN>X00000000000B</UPN>', '<UPN>X00000000000A</UPN>');
    const e = only(await xml(p));
    expect(e.path).toBe('Message/Persons/Person[2]/UPN');
    expect(e.message).toMatch(/duplicate person.*first at Message\/Persons\/Person\[1\]/);
  });

  it('dates in the future', async () => {
    const p = editedXml(XML_2024, '<StartDate>2023-06-01</StartDate>', '<StartDate>2026-06-01</StartDate>');
    const e = only(await xml(p));
    expect(e.path).toBe('Message/Persons/Person[2]/Requests[1]/Assessment[1]/NamedPlan[1]/StartDate');
    expect(e.message).toMatch(/2026-06-01 is in the future/);
  });

  it('dates before birth', async () => {
    const p = editedXml(XML_2024, '<ReceivedDate>2023-04-01</ReceivedDate>', '<ReceivedDate>2015-04-01</ReceivedDate>');
    const e = only(await xml(p));
    expect(e.path).toBe('Message/Persons/Person[4]/Requests[1]/ReceivedDate');
    expect(e.message).toMatch(/before the person's date of birth/);
  });

  it('age outside 0–25', async () => {
    const p = editedXml(XML_2024, '<PersonBirthDate>2005-01-15</PersonBirthDate>', '<PersonBirthDate>1990-01-15</PersonBirthDate>');
    const e = only(await xml(p));
    expect(e.path).toBe('Message/Persons/Person[3]/PersonBirthDate');
    expect(e.message).toMatch(/between 0 and 25. Got: 33/);
  });

  it('unknown need code, with a suggestion', async () => {
    const p = editedXml(XML_2024, '<SENtype>SEMH</SENtype>', '<SENtype>SEHM</SENtype>');
    const e = only(await xml(p));
    expect(e.path).toBe('Message/Persons/Person[2]/Requests[1]/ActivePlans[1]/SENneed[1]/SENtype');
    expect(e.message).toMatch(/unknown SENtype 'SEHM' \(did you mean 'SEMH'\?\)/);
  });

  it('unknown setting code', async () => {
    const p = editedXml(XML_2024, '<SENsetting>OLA</SENsetting>', '<SENsetting>OLX</SENsetting>');
    const e = only(await xml(p));
    expect(e.path).toBe('Message/Persons/Person[2]/Requests[1]/ActivePlans[1]/PlacementDetail[1]/SENsetting');
    expect(e.message).toMatch(/unknown SENsetting 'OLX'/);
  });

  it('Blade: missing sibling module file', async () => {
    const p = bladeCopy({ drop: ['senneed'] });
    const r = await readSen2Blade(p, collect(), ctx(p));
    const e = only(r);
    expect(e.file).toBe(p);
    expect(e.message).toMatch(/'senneed' module file is missing: expected .*Blade-Export_28-01-2025_senneed\.csv/);
  });

  it('Blade: unknown need code names the module file, line and key path', async () => {
    const p = bladeCopy({ edit: { module: 'senneed', from: '83,83,2,1,63,1,SLD', to: '83,83,2,1,63,1,SDL' } });
    const e = only(await readSen2Blade(p, collect(), ctx(p)));
    expect(e.file).toMatch(/_senneed\.csv$/);
    expect(e.line).toBe(3);
    expect(e.path).toBe('person[persontableid=13]/requests[requeststableid=23]/activeplans[activeplanstableid=63]/senneed[senneedtableid=83]/SENtype');
  });

  it('Blade: another collection', async () => {
    const p = bladeCopy({ edit: { module: 'sen2', from: ',SEN2,', to: ',CIN,' } });
    expect(only(await readSen2Blade(p, collect(), ctx(p))).message).toMatch(/not SEN2/);
  });
});

describe('SEN2: a plan ceased before it started', () => {
  it('is an error at its CeaseDate naming both dates, in the XML and the Blade export (it was read without a word)', async () => {
    const p = editedXml(XML_2024, '<StartDate>2023-06-01</StartDate>', '<StartDate>2023-06-01</StartDate><CeaseDate>2023-05-01</CeaseDate><CeaseReason>2</CeaseReason>');
    const e = only(await xml(p));
    expect(e.path).toBe('Message/Persons/Person[2]/Requests[1]/Assessment[1]/NamedPlan[1]/CeaseDate');
    expect(e.message).toBe("CeaseDate 2023-05-01 is before the plan's StartDate 2023-06-01: a plan cannot cease before it starts; correct whichever date is wrong");
    const b = bladeCopy({ edit: { module: 'namedplan', from: '2015-Jan-01 00:00:00,,,,,,2024-Jul-31 00:00:00,4', to: '2015-Jan-01 00:00:00,,,,,,2014-Jul-31 00:00:00,4' } });
    const be = only(await readSen2Blade(b, collect(), ctx(b)));
    expect(be.file).toMatch(/_namedplan\.csv$/);
    expect(be.line).toBe(3);
    expect(be.message).toBe("CeaseDate 2014-07-31 is before the plan's StartDate 2015-01-01: a plan cannot cease before it starts; correct whichever date is wrong");
  });
});

describe("SEN2: a plan started or ceased after the return's census day", () => {
  // the sample's 2025 return with 300 of its 3,007 plans starting on 1 March 2025 loaded with exit 0, and run counted
  // them in the January 2025 stock and left them out of 2024's new plans
  it('is an error at its StartDate or CeaseDate naming the date and the ReferenceDate, in the XML and the Blade export', async () => {
    const p = editedXml(XML_2024, '<StartDate>2023-06-01</StartDate>', '<StartDate>2024-02-01</StartDate>');
    const e = only(await xml(p));
    expect(e.path).toBe('Message/Persons/Person[2]/Requests[1]/Assessment[1]/NamedPlan[1]/StartDate');
    expect(e.message).toBe("StartDate 2024-02-01 is after the return's ReferenceDate 2024-01-18: the return holds the plans as they stood on its census day, " +
      "so a plan in it cannot start later; if the date is right the plan belongs in the next year's return, otherwise correct the date");
    const c = only(await xml(editedXml(XML_2024, '<StartDate>2015-01-01</StartDate>', '<StartDate>2015-01-01</StartDate><CeaseDate>2024-02-10</CeaseDate><CeaseReason>2</CeaseReason>')));
    expect(c.path).toMatch(/NamedPlan\[1\]\/CeaseDate$/);
    expect(c.message).toMatch(/^CeaseDate 2024-02-10 is after the return's ReferenceDate 2024-01-18: .* cannot cease later/);
    const b = bladeCopy({ edit: { module: 'namedplan', from: '2024-Jun-01 00:00:00', to: '2025-Feb-01 00:00:00' } });
    const be = only(await readSen2Blade(b, collect(), ctx(b)));
    expect([be.file?.endsWith('_namedplan.csv'), be.line, be.path]).toEqual([true, 4, 'person[persontableid=13]/requests[requeststableid=23]/assessment[assessmenttableid=33]/namedplan[namedplantableid=43]/StartDate']);
    expect(be.message).toBe(e.message.replace('2024-02-01', '2025-02-01').replace('2024-01-18', '2025-01-16'));
    const bc = bladeCopy({ edit: { module: 'namedplan', from: '2024-Jul-31 00:00:00', to: '2025-Feb-10 00:00:00' } });
    expect(only(await readSen2Blade(bc, collect(), ctx(bc))).message).toMatch(/^CeaseDate 2025-02-10 is after the return's ReferenceDate 2025-01-16/);
  });
  it('a date on the census day is allowed, and one after today is the future-date error alone', async () => {
    expect((await xml(editedXml(XML_2024, '<StartDate>2023-06-01</StartDate>', '<StartDate>2024-01-18</StartDate>'))).errors).toEqual([]);
    const f = await xml(editedXml(XML_2024, '<StartDate>2023-06-01</StartDate>', '<StartDate>2025-06-01</StartDate>'));
    expect(f.errors.map((x) => x.message)).toEqual(['StartDate 2025-06-01 is in the future (after 2025-03-01)']);
  });
});

describe('SEN2 XML: a bare ampersand', () => {
  it("is malformed XML at its own line, not 'an element longer than 4 MB' at the file's last line", async () => {
    // saxes reads what follows a bare & as an entity's name until a ';': a large return was refused as an oversize
    // element at its last line, and a small one as unclosed tags at its end
    const p = editedXml(XML_2024, '<Surname>Testsurone</Surname>', '<Surname>Test & Co</Surname>');
    const e = only(await xml(p));
    expect(e.line).toBe(21);
    expect(e.path).toBe('Message/Persons/Person[1]/Surname');
    expect(e.message).toBe("malformed XML: a bare '&' (in XML an ampersand is written &amp;): the file was not saved as XML by the software that made it");
    expect(e.message).not.toContain('Co');
  });

  it('passes over references, and one cut by the end of a chunk', () => {
    expect(bareAmpersand('a &amp; b &#38; c &#x26; d &lt;')).toBe(-1);
    expect(bareAmpersand('x &am')).toBe(-1);
    expect(bareAmpersand('x & y')).toBe(2);
    expect(bareAmpersand('&amp; &x y;')).toBe(6);
  });

  it('is allowed in CDATA sections, comments and processing instructions, also across chunks', async () => {
    // valid XML: both were refused as 'a bare &' by the first scan, which did not look at markup
    for (const [from, to] of [
      ['<Surname>Testsurone</Surname>', '<Surname><![CDATA[Test & Co]]></Surname>'],
      ['<Surname>Testsurone</Surname>', '<!-- Smith & Co --><Surname>Testsurone</Surname>'],
    ] as const) {
      const p = editedXml(XML_2024, from, to);
      expect((await xml(p)).errors, to).toEqual([]);
    }
    const chunked = (parts: string[]): number[] => {
      const scan = new AmpersandScan();
      return parts.map((c) => scan.find(c));
    };
    expect(chunked(['<a><![CDATA[x & y]]></a><b>x & y</b>'])).toEqual([29]);
    expect(chunked(['<a><![CD', 'ATA[x & y]]', '></a>', 'x & y'])).toEqual([-1, -1, -1, 2]);
    expect(chunked(['<!-', '- a & b -', '-><b>&</b>'])).toEqual([-1, -1, 5]);
    expect(chunked(['<', '?pi a & b ?><c>a &amp; b</c>'])).toEqual([-1, -1]);
    // references before, between and after markup: where the next marker is, is carried from one `&` to the next
    expect(chunked(['&amp;<?p & ?>&lt; &#38;<!-- & --><![CDATA[&]]>&gt; & '])).toEqual([51]);
    expect(chunked(['&amp; &amp;<!-- & -->&amp;<? & ?>&amp;&x'])).toEqual([-1]);
  });

  it('reads a chunk of many references in one pass (the markers were looked for up to the end from each &)', () => {
    // 1 MiB holding 174,763 `&amp;` and no markup: 3.0 s at load 4 before (quadratic: a 100 MB return with six
    // `&amp;` a person read in 22.6 s against 3 s), 20 ms now
    const chunk = 'a&amp;'.repeat(174_763);
    const t0 = performance.now();
    expect(new AmpersandScan().find(chunk)).toBe(-1);
    expect(new AmpersandScan().find(`${chunk}<b>&</b>`)).toBe(chunk.length + 3);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('SEN2: a CeaseReason written as a number in another form', () => {
  it.each(['0x4', '4e0', '+4', '0o4'])('%s is an error at its line, in the XML and the Blade export (Number() read it as 4)', async (written) => {
    const p = editedXml(XML_2025, '<CeaseReason>5</CeaseReason>', `<CeaseReason>${written}</CeaseReason>`);
    const e = only(await xml(p));
    expect(e.path).toMatch(/NamedPlan\[1\]\/CeaseReason$/);
    expect(e.message).toBe(`CeaseReason must be a code from 1 to 9. Got: '${written}'`);
    const b = bladeCopy({ edit: { module: 'namedplan', from: '2024-Jul-31 00:00:00,4', to: `2024-Jul-31 00:00:00,${written}` } });
    const be = only(await readSen2Blade(b, collect(), ctx(b)));
    expect(be.file).toMatch(/_namedplan\.csv$/);
    expect(be.message).toBe(`CeaseReason must be a code from 1 to 9. Got: '${written}'`);
  });

  it('4.0 and 04 are 4, as before', async () => {
    for (const written of ['4.0', '04', ' 4 ']) {
      const b = bladeCopy({ edit: { module: 'namedplan', from: '2024-Jul-31 00:00:00,4', to: `2024-Jul-31 00:00:00,${written}` } });
      expect((await readSen2Blade(b, collect(), ctx(b))).errors).toEqual([]);
    }
  });
});

describe('SEN2: a PlacementRank or SENtypeRank that is no rank', () => {
  // Number() read '0x1' as 1 and '-0' as 0, and 'NaN', '1e400', 'abc' as a blank (after every rank given), so the
  // placement or primary need was chosen from them without a word; each is quoted (a number of up to 4 digits, as
  // '1e400', is no personal data: it was 'a value of 5 characters (not shown …)')
  const BAD = ['NaN', '1e400', '-0', '0x1', 'abc', '0', '100', '1.5'];
  const msg = (field: string, v: string) =>
    `${field} must be blank or a whole number from 1 to 99 (1 = the ${field === 'SENtypeRank' ? 'primary need' : 'main placement'}). Got: '${v}'`;

  it.each(BAD)('PlacementRank %s is an error at its element (XML) and its line (Blade)', async (v) => {
    const p = editedXml(XML_2025, '<PlanDetail><URN>100002</URN><PlacementRank>1</PlacementRank>', `<PlanDetail><URN>100002</URN><PlacementRank>${v}</PlacementRank>`);
    const e = only(await xml(p));
    expect(e.path).toMatch(/NamedPlan\[1\]\/PlanDetail\[1\]\/PlacementRank$/);
    expect(e.message).toBe(msg('PlacementRank', v));
    for (const [module, from, to] of [['plandetail', '100002,,,,1,', `100002,,,,${v},`], ['placementdetail', '100003,,,,1,', `100003,,,,${v},`]]) {
      const b = bladeCopy({ edit: { module: module!, from: from!, to: to! } });
      const be = only(await readSen2Blade(b, collect(), ctx(b)));
      expect(be.file).toMatch(new RegExp(`_${module}\\.csv$`));
      expect(be.line).toBe(2);
      expect(be.path).toMatch(/\/PlacementRank$/);
      expect(be.message).toBe(msg('PlacementRank', v));
    }
  });

  it.each(BAD)('SENtypeRank %s is an error in both readers', async (v) => {
    const p = editedXml(XML_2025, '<SENtype>ASD</SENtype><SENtypeRank>1</SENtypeRank>', `<SENtype>ASD</SENtype><SENtypeRank>${v}</SENtypeRank>`);
    const e = only(await xml(p));
    expect(e.path).toMatch(/SENneed\[1\]\/SENtypeRank$/);
    expect(e.message).toBe(msg('SENtypeRank', v));
    const b = bladeCopy({ edit: { module: 'senneed', from: '61,1,ASD', to: `61,${v},ASD` } });
    const be = only(await readSen2Blade(b, collect(), ctx(b)));
    expect(be.file).toMatch(/_senneed\.csv$/);
    expect(be.line).toBe(2);
    expect(be.message).toBe(msg('SENtypeRank', v));
  });

  it.each(['', ' ', '01', '1.0', ' 2 ', '99'])('%j is a rank (or a blank) as before', async (v) => {
    const p = editedXml(XML_2025, '<SENtype>ASD</SENtype><SENtypeRank>1</SENtypeRank>', `<SENtype>ASD</SENtype><SENtypeRank>${v}</SENtypeRank>`);
    expect((await xml(p)).errors).toEqual([]);
    const b = bladeCopy({ edit: [{ module: 'senneed', from: '61,1,ASD', to: `61,${v},ASD` }, { module: 'plandetail', from: '100002,,,,1,', to: `100002,,,,${v},` }] });
    expect((await readSen2Blade(b, collect(), ctx(b))).errors).toEqual([]);
  });
});
