/**
 * A person with more than one active plan (ActivePlans under two requests, or an activeplans record twice): a person
 * holds one EHC plan, and the reader counted the first and dropped the others without a word (the sample's 2025 return
 * with 238 persons' requests repeated validated and ran with no warning). Now one warning per return gives how many
 * persons, at the first one; the count is unchanged (one plan each), in the XML and the Blade export alike.
 */
import { describe, expect, it } from 'vitest';
import { readSen2Blade } from '../../../src/etl/readers/sen2-blade.ts';
import { readSen2Xml } from '../../../src/etl/readers/sen2-xml.ts';
import { XML_2024, bladeCopy, collect, ctx, editedXml } from './helpers.ts';

const active = (rows: Array<[string, Record<string, unknown>]>) => rows.filter(([t, r]) => t === 'plan' && r.status === 'active').length;

describe('a person with more than one active plan', () => {
  it('XML: a warning naming how many persons, at the first; each person counted once', async () => {
    const plain = collect();
    await readSen2Xml(XML_2024, plain, ctx(XML_2024));
    const text = (await import('node:fs')).readFileSync(XML_2024, 'utf8');
    const first = /<Requests>[\s\S]*?<\/Requests>/.exec(text.slice(text.indexOf('<Person>')))![0];
    expect(first).toContain('<ActivePlans>');
    const p = editedXml(XML_2024, first, first + first.replace('<ReceivedDate>', '<ReceivedDate>'));
    const sink = collect();
    const r = await readSen2Xml(p, sink, ctx(p));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      expect.objectContaining({ path: 'Message/Persons/Person[1]/Requests[2]/ActivePlans[1]', message: expect.stringMatching(/^1 person\(s\) have more than one ActivePlans \(the first such record is here\): a person holds one EHC plan, so each is counted once/) }),
    ]);
    expect(active(sink.rows)).toBe(active(plain.rows));
  });

  it('Blade: the same for a second activeplans record of one request', async () => {
    const p = bladeCopy({ edit: { module: 'activeplans', from: '63,63,2,1,23,,,,', to: '63,63,2,1,23,,,,\n62,62,3,1,21,,,,' } });
    const plain = collect();
    const base = bladeCopy();
    await readSen2Blade(base, plain, ctx(base));
    const sink = collect();
    const r = await readSen2Blade(p, sink, ctx(p));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringMatching(/^1 person\(s\) have more than one activeplans record \(the first such record is here\)/) }),
    ]);
    expect(active(sink.rows)).toBe(active(plain.rows));
  });
});
