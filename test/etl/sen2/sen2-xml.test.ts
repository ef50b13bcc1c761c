import { describe, expect, it } from 'vitest';
import { readSen2Xml, sen2XmlReader } from '../../../src/etl/readers/sen2-xml.ts';
import { sniffFile } from '../../../src/etl/sniff.ts';
import { XML_2024, XML_2025, collect, ctx } from './helpers.ts';

describe('SEN2 XML reader', () => {
  it('is recognised by its root element', async () => {
    expect(sen2XmlReader.recognise(await sniffFile(XML_2024))).toBe(true);
  });

  it('reads persons, active plans and requests of a return', async () => {
    const sink = collect();
    const r = await readSen2Xml(XML_2024, sink, ctx(XML_2024));
    expect(r.errors).toEqual([]);
    const persons = sink.rows.filter(([t]) => t === 'person').map(([, x]) => x);
    const plans = sink.rows.filter(([t]) => t === 'plan').map(([, x]) => x);
    const requests = sink.rows.filter(([t]) => t === 'request').map(([, x]) => x);
    expect(persons).toHaveLength(5);
    expect(persons.map((p) => p.age)).toEqual([10, 14, 18, 7, 4]);
    expect(persons[0]).toMatchObject({ census_year: 2024, la_code: '999', birth_month: 5, sex: 'M' });
    expect(plans.map((p) => [p.need, p.placement, p.urn, p.status])).toEqual([
      ['ASD', 'NONE', '100001', 'active'],
      ['SEMH', 'EOTAS', null, 'active'],
      ['MLD', 'NONE', '100002', 'active'],
      ['SLCN', 'NONE', '100001', 'active'],
    ]);
    expect(plans[3]).toMatchObject({ sen_unit: true, start_date: '2023-09-01' });
    expect(requests.find((q) => q.outcome_code === 'N')).toMatchObject({ outcome: 'decided_not_to_assess', received_date: '2023-11-01' });
    expect(r.rows).toBe(sink.rows.length);
  });

  it('gives the same person key to the same UPN in two returns (case-insensitive), never the raw UPN', async () => {
    const a = collect();
    const b = collect();
    await readSen2Xml(XML_2024, a, ctx(XML_2024));
    await readSen2Xml(XML_2025, b, ctx(XML_2025));
    const key = (s: typeof a) => s.rows.find(([t]) => t === 'person')![1].person_key as bigint;
    expect(key(a)).toBe(key(b));
    expect(typeof key(a)).toBe('bigint');
    expect(key(a) >= 0n && key(a) < 2n ** 128n).toBe(true);
    const all = JSON.stringify([a.rows, b.rows], (_k, v: unknown) => (typeof v === 'bigint' ? v.toString(16) : v));
    for (const raw of ['X00000000000A', '9990000003', 'Testsurone', 'Testforeone', 'ZZ99 1AA', '2013-05-10']) {
      expect(all.toLowerCase()).not.toContain(raw.toLowerCase());
    }
  });

  it('records ceased plans with their reason', async () => {
    const sink = collect();
    await readSen2Xml(XML_2025, sink, ctx(XML_2025));
    const ceased = sink.rows.filter(([t, x]) => t === 'plan' && x.status === 'ceased').map(([, x]) => [x.cease_date, x.cease_reason]);
    expect(ceased).toEqual([['2024-07-31', 4], ['2024-10-01', 5]]);
  });
});
