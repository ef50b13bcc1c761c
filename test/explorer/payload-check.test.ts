import { describe, expect, it } from 'vitest';
import { payloadSource } from './payload-source.ts';
import { payloadBlemishes } from '../../src/explorer/payload-check.ts';
import { explorerPayload } from '../../src/explorer/payload.ts';

const source = () => payloadSource({ stockTotal: { 2023: 2500, 2024: 2700, 2025: 2959 } });

describe('the explorer data check', () => {
  it('passes whole data and keeps only history before the base year', () => {
    const p = explorerPayload(source());
    expect(payloadBlemishes(p)).toEqual([]);
    expect(p.history).toEqual([{ year: 2023, plans: 2500 }, { year: 2024, plans: 2700 }]);
    expect('scenario' in p.input).toBe(false);
  });

  it('finds a non-finite number inside a typed array and NaN in text', () => {
    const s = source();
    s.input.rates.incidence[3] = NaN;
    const p = explorerPayload({ ...s, la: { ...s.la, name: 'LA NaN' } });
    const found = payloadBlemishes(p).map((b) => b.where);
    expect(found).toEqual(expect.arrayContaining(['explorer data.la.name', 'explorer data.input.rates.incidence[3]']));
  });
});
