/**
 * An LA whose data hold no ages (a release with totals only) takes its cohort progression from a fallback series
 * with ages (its region, England, the reference table), scaled to its own exit rate, instead of a ratio of 1 at
 * every age: with 1, plans stayed at the ages new plans arrive at until they aged out, and on the 2025 layout alone
 * Kent's under-5s went from 676 to 3,171 in six years (661 to 1,330 from its own ages).
 */
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { estimateRatesFromAggregates } from '../../src/model/estimate/aggregate.ts';
import { writeFixture } from './forecast-fixture.ts';

describe('cohort progression of an LA without ages', () => {
  it("is the fallback's, scaled to the LA's own exit rate", async () => {
    const ees = await datasetsFromEesFiles(writeFixture(2022));
    const withAges = ees.datasets.find((d) => d.la.oldCode === '925')!;
    const noAges = { ...withAges, stockByAge: [], newPlansByAge: [] };
    // the fixture's England has totals only: another LA with ages stands in for the series with ages
    const england = { ...ees.datasets.find((d) => d.la.oldCode === '926')!, la: { oldCode: '', newCode: 'E92000001', name: 'England' } };
    const flow = { exit: 0.05, newPlansNext: 500 };
    const own = estimateRatesFromAggregates(noAges, { baseYear: 2022, windowYears: 2, flow });
    const borrowed = estimateRatesFromAggregates(noAges, { baseYear: 2022, windowYears: 2, flow, ageFallbacks: [england] });
    const fromEngland = estimateRatesFromAggregates({ ...england, stockTotal: withAges.stockTotal }, { baseYear: 2022, windowYears: 2, flow });
    expect(borrowed.notes.join(' ')).toMatch(/cohort progression of England's stocks by age over 2 year\(s\)/);
    // no ages and no fallback: one ratio at every age (scaled to the exit rate)
    expect(new Set(Array.from(own.continuation.slice(0, 24), (x) => x.toFixed(9))).size).toBe(1);
    // with the fallback: England's age pattern, not a flat line
    expect(new Set(Array.from(borrowed.continuation.slice(0, 24), (x) => x.toFixed(9))).size).toBeGreaterThan(1);
    expect(Array.from(borrowed.continuation)).toEqual(Array.from(fromEngland.continuation));
  });
});
