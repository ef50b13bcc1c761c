/**
 * A value of a person-level return that a message quotes, or that the warehouse keeps as given, is never personal
 * data: a UPN, postcode, name or birth date typed into the wrong element was echoed to stderr and `validate --json`
 * ("unknown SENtype 'A999000002194'", "PersonBirthDate must be a date … Got: '2001-13-30'", "CeaseReason must be a
 * code from 1 to 9. Got: 'ZZ99 4ZZ'"), and a UPN in RequestOutcome (a warning) or a surname in Sex was stored in the
 * warehouse as given. Now only a value of a code's shape (1 to 4 letters or digits) is quoted or stored; a date other
 * than the birth date is quoted when written in digits and separators; the birth date never.
 */
import { describe, expect, it } from 'vitest';
import type { ReadReport } from '../../../src/etl/reader.ts';
import { readSen2Blade } from '../../../src/etl/readers/sen2-blade.ts';
import { readSen2Xml } from '../../../src/etl/readers/sen2-xml.ts';
import { XML_2024, bladeCopy, collect, ctx, editedXml } from './helpers.ts';

const UPN = 'A999000002194';

function texts(r: ReadReport): string {
  return [...r.errors, ...r.warnings].map((e) => e.message).join('\n');
}

describe('SEN2 values that may be personal data', () => {
  it.each([
    ['PersonBirthDate', '<PersonBirthDate>2013-05-10</PersonBirthDate>', '<PersonBirthDate>2013-13-10</PersonBirthDate>', '2013-13-10', /PersonBirthDate must be a date .*Got: a value of 10 characters \(not shown: a birth date is personal data\)/],
    ['SENtype', '<SENtype>ASD</SENtype>', `<SENtype>${UPN}</SENtype>`, UPN, /unknown SENtype of 13 characters \(not shown: it may be personal data, a UPN, name, postcode or birth date in the wrong place\)/],
    ['ReceivedDate', /<ReceivedDate>[^<]*<\/ReceivedDate>/, '<ReceivedDate>2013-05-10 Testsurone</ReceivedDate>', 'Testsurone', /ReceivedDate must be a date .*Got: a value of 21 characters \(not shown/],
  ])('XML: a bad %s is described, not quoted', async (_f, from, to, value, message) => {
    const p = editedXml(XML_2024, from, to);
    const r = await readSen2Xml(p, collect(), ctx(p));
    expect(texts(r)).toMatch(message);
    expect(texts(r)).not.toContain(value);
  });

  it('XML: text between two persons is described, not quoted (it printed its first 40 characters)', async () => {
    const p = editedXml(XML_2024, '</Person>', `</Person>Testsurone ${UPN}`);
    const r = await readSen2Xml(p, collect(), ctx(p));
    expect(texts(r)).toMatch(/unexpected text between elements: a value of 24 characters \(not shown/);
    expect(texts(r)).not.toContain(UPN);
    expect(texts(r)).not.toContain('Testsurone');
  });

  it('a UPN typed as a URN or UKPRN is an error that does not quote it (it was stored and named in notes)', async () => {
    const p = editedXml(XML_2024, '<PlanDetail><URN>100001</URN>', `<PlanDetail><URN>${UPN}</URN>`);
    const r = await readSen2Xml(p, collect(), ctx(p));
    expect(r.errors.map((e) => e.message)).toContain("URN must be a school's URN (6 digits) or a provider's UKPRN (8 digits). Got: a value of 13 characters (not shown: it may be personal data, a UPN, name, postcode or birth date in the wrong place)");
    expect(texts(r)).not.toContain(UPN);
    const b = bladeCopy({ edit: { module: 'plandetail', from: '51,51,1,1,42,100002,', to: `51,51,1,1,42,100002,${UPN}` } });
    const rb = await readSen2Blade(b, collect(), ctx(b));
    expect(rb.errors).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/^UKPRN must be a school's URN \(6 digits\) or a provider's UKPRN \(8 digits\)\. Got: a value of 13 characters/) })]);
  });

  it('a rank that is a short number in another notation is quoted; digits that may be a ULN or a birth date are not', async () => {
    for (const [rank, shown] of [['1e400', "'1e400'"], ['-1.25', "'-1.25'"], ['9990000003', 'a value of 10 characters (not shown'], ['100513', 'a value of 6 characters (not shown'], ['10.05.13', 'a value of 8 characters (not shown']]) {
      const p = editedXml(XML_2024, '<PlacementRank>1</PlacementRank>', `<PlacementRank>${rank}</PlacementRank>`);
      const t = texts(await readSen2Xml(p, collect(), ctx(p)));
      expect(t).toContain(`PlacementRank must be blank or a whole number from 1 to 99 (1 = the main placement). Got: ${shown}`);
      if (!shown.startsWith("'")) expect(t).not.toContain(rank);
    }
  });

  it('XML: a code-shaped typo is still quoted with its suggestion', async () => {
    const p = editedXml(XML_2024, '<SENtype>ASD</SENtype>', '<SENtype>SEHM</SENtype>');
    expect(texts(await readSen2Xml(p, collect(), ctx(p)))).toMatch(/unknown SENtype 'SEHM' \(did you mean 'SEMH'\?\)/);
  });

  it('XML: a UPN in RequestOutcome and a name in Sex are neither quoted nor stored; a code is stored as given', async () => {
    let p = editedXml(XML_2024, '<RequestOutcome>A</RequestOutcome>', `<RequestOutcome>${UPN}</RequestOutcome>`);
    const sink = collect();
    const r = await readSen2Xml(p, sink, ctx(p));
    expect(r.errors).toEqual([]);
    expect(texts(r)).toMatch(/unknown RequestOutcome of 13 characters \(not shown: .*\); not stored, not counted/);
    expect(JSON.stringify(sink.rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(UPN);
    p = editedXml(XML_2024, '<Sex>M</Sex>', '<Sex>Testsurone</Sex>');
    const persons = collect();
    await readSen2Xml(p, persons, ctx(p));
    const sexes = persons.rows.filter(([t]) => t === 'person').map(([, row]) => row.sex);
    expect(sexes).not.toContain('Testsurone');
    expect(sexes).toContain(null);
    expect(sexes).toContain('F');
    p = editedXml(XML_2024, '<RequestOutcome>A</RequestOutcome>', '<RequestOutcome>Q</RequestOutcome>');
    const coded = collect();
    expect(texts(await readSen2Xml(p, coded, ctx(p)))).toMatch(/unknown RequestOutcome 'Q' .*; stored as given, not counted/);
    expect(coded.rows.some(([t, row]) => t === 'request' && row.outcome_code === 'Q')).toBe(true);
  });

  it('Blade: the same, for a birth date, a need, a name in gendercurrent and a UPN in requestoutcome', async () => {
    // two reads, not one per value: a Blade read is about 0.4 s of CPU, and each read's report names every value it
    // met. The birth date and the need are errors, read together; the name and the UPN in requestoutcome are not
    // (the rows are written), read together so that what is stored can be looked at
    let p = bladeCopy({ edit: [
      { module: 'person', from: '2013-May-10 00:00:00', to: '2013-Maj-10 00:00:00' },
      { module: 'senneed', from: '81,81,1,1,61,1,ASD', to: `81,81,1,1,61,1,${UPN}` },
    ] });
    let r = await readSen2Blade(p, collect(), ctx(p));
    expect(texts(r)).toMatch(/PersonBirthDate must be a date .*Got: a value of 20 characters \(not shown: a birth date is personal data\)/);
    expect(texts(r)).not.toContain('2013-Maj-10');
    expect(texts(r)).toMatch(/unknown SENtype of 13 characters \(not shown/);
    expect(texts(r)).not.toContain(UPN);
    p = bladeCopy({ edit: [
      { module: 'person', from: '2013-May-10 00:00:00,M,', to: '2013-May-10 00:00:00,Testsurone,' },
      { module: 'requests', from: '21,21,1,1,11,,,,,', to: `21,21,1,1,11,,,,${UPN},` },
    ] });
    const rows = collect();
    r = await readSen2Blade(p, rows, ctx(p));
    expect(r.errors).toEqual([]);
    const sexes = rows.rows.filter(([t]) => t === 'person').map(([, row]) => row.sex);
    expect(sexes).not.toContain('Testsurone');
    expect(sexes).toContain(null);
    expect(texts(r)).toMatch(/unknown RequestOutcome of 13 characters/);
    expect(rows.rows.some(([t]) => t === 'request')).toBe(true);
    expect(JSON.stringify(rows.rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(UPN);
  });
});
