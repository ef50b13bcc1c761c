/**
 * estimate/shared-reads.ts: what the aggregate estimate reads of an LA's fallbacks (its region, England) is made once
 * for a batch at an origin, and every LA's rates are the same doubles as when each LA made it for itself.
 */
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { estimateRatesFromAggregates } from '../../src/model/estimate/aggregate.ts';
import { SharedReads } from '../../src/model/estimate/shared-reads.ts';
import type { Rates } from '../../src/model/rates.ts';
import { writeFixture } from './forecast-fixture.ts';

describe('reads shared by the LAs of a batch', () => {
  it('are made once for the same objects and question, apart for other objects, another order or question', () => {
    const shared = new SharedReads();
    const a = {};
    const b = {};
    let made = 0;
    const make = () => ++made;
    expect(shared.once([a], 'x', make)).toBe(1);
    expect(shared.once([a], 'x', make)).toBe(1);
    expect(shared.once([b], 'x', make)).toBe(2);
    expect(shared.once([a], 'y', make)).toBe(3);
    expect(shared.once([a, b], 'x', make)).toBe(4);
    expect(shared.once([b, a], 'x', make)).toBe(5);
    expect(shared.once([{}], 'x', make)).toBe(6);
    // nothing made is kept as nothing, not made again
    let none = 0;
    expect(shared.once([b], 'none', () => (none++, undefined))).toBeUndefined();
    expect(shared.once([b], 'none', () => (none++, undefined))).toBeUndefined();
    expect(none).toBe(1);
  });

  it("leave every LA's rates as it would make them alone, the LA that borrows a progression whole included", async () => {
    const ees = await datasetsFromEesFiles(writeFixture(2022));
    // a region with ages: an LA of the fixture stands in (its England has totals only), its plans growing 30% a year
    // at every age, so that its progression ratios are above the cap the LA that borrows them whole puts on its own
    const stand = ees.datasets.find((d) => d.la.oldCode === '926')!;
    const stockByAge = stand.stockByAge.map((r) => ({ ...r, count: r.count * 1.3 ** (r.year - 2015) }));
    const region = { ...stand, stockByAge, la: { oldCode: '', newCode: 'E12000006', name: 'East of England' } };
    const las = [...ees.datasets, { ...ees.datasets[0]!, la: { ...ees.datasets[0]!.la, oldCode: 'X1' }, stockByAge: [], newPlansByAge: [] }];
    const flow = { exit: 0.05, newPlansNext: 500 };
    const bits = (r: Rates) =>
      [r.continuation, r.netMigration, r.continuationN, r.incidence, r.incidenceN, r.newMix, r.moves].map((x) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex')).join() +
      r.notes.join('\n');
    const shared = new SharedReads();
    // twice over: the second round reads every fallback's figures from the first
    for (let round = 0; round < 2; round++)
      for (const d of las) {
        const opts = { baseYear: 2022, windowYears: 2, flow, ageFallbacks: [region, ees.national!].filter((x) => x !== undefined) };
        expect(bits(estimateRatesFromAggregates(d, { ...opts, shared }))).toBe(bits(estimateRatesFromAggregates(d, opts)));
      }
  });
});
