import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSen2Blade, sen2BladeCompanionReader, sen2BladeReader } from '../../../src/etl/readers/sen2-blade.ts';
import { readSen2Xml } from '../../../src/etl/readers/sen2-xml.ts';
import { sniffFile } from '../../../src/etl/sniff.ts';
import { BLADE_DIR, BLADE_PERSON, XML_2024, collect, ctx } from './helpers.ts';

describe('SEN2 Blade CSV export reader', () => {
  it('recognises the person module by its header, and the eight others as companions', async () => {
    for (const f of readdirSync(BLADE_DIR)) {
      const sniff = await sniffFile(join(BLADE_DIR, f));
      const isPerson = f.endsWith('_person.csv');
      expect(sen2BladeReader.recognise(sniff), f).toBe(isPerson);
      expect(sen2BladeCompanionReader.recognise(sniff), f).toBe(!isPerson);
    }
  });

  it('companion files give no rows and no errors', async () => {
    const p = join(BLADE_DIR, 'Blade-Export_28-01-2025_senneed.csv');
    const r = await sen2BladeCompanionReader.read(p, collect(), ctx(p));
    expect(r).toMatchObject({ rows: 0, errors: [] });
    expect(r.warnings[0]!.message).toMatch(/Blade-Export_28-01-2025_person\.csv/);
  });

  it('reads the whole return from the person file', async () => {
    const sink = collect();
    const r = await readSen2Blade(BLADE_PERSON, sink, ctx(BLADE_PERSON));
    expect(r.errors).toEqual([]);
    const plans = sink.rows.filter(([t]) => t === 'plan').map(([, x]) => x);
    expect(plans.map((p) => [p.status, p.age, p.need, p.placement, p.urn, p.cease_reason])).toEqual([
      ['active', 11, 'ASD', 'NONE', '100003', null],
      ['ceased', 19, 'UNKNOWN', 'NONE', '100002', 4],
      ['active', 5, 'SLD', 'EOTAS', null, null],
    ]);
    const req = sink.rows.find(([t, x]) => t === 'request' && x.received_date !== null)![1];
    expect(req).toMatchObject({ received_date: '2023-12-04', outcome: 'decided_to_assess', assessment_outcome: 'plan_issued', plan_start_date: '2024-06-01' });
  });

  it('hashes identifiers exactly as the XML reader does (links XML and Blade returns)', async () => {
    const a = collect();
    const b = collect();
    await readSen2Xml(XML_2024, a, ctx());
    await readSen2Blade(BLADE_PERSON, b, ctx());
    const keys = (s: typeof a) => new Set(s.rows.filter(([t]) => t === 'person').map(([, x]) => x.person_key));
    const shared = [...keys(a)].filter((k) => keys(b).has(k));
    expect(shared).toHaveLength(2); // the UPN person and the ULN-only person
  });
});
