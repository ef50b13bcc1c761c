/**
 * The report's "Places and plans" text speaks of plans beyond places only when there is at least half a plan beyond
 * them: a placement the scenario holds at its places (capacity.yaml) sits a hair above them in the model's expected
 * plans, and the report read "by 2034-35 135 plans share 135 places. The 0 plans beyond places cost £0 …" (£2 with
 * another scenario).
 */
import { describe, expect, it } from 'vitest';
import type { PlacesGapRow } from '../../src/budget/types.ts';
import { placesParagraphs } from '../../src/report/html/budget-narrative.ts';
import type { RunReport } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

function row(fy: number, places: number, plans: number): PlacesGapRow {
  const gap = Math.max(0, plans - places);
  return { placement: 'SSM', fy, places, plans, gap, costAsTopUps: gap * 20_000, costAsIssFees: gap * 60_000, costAsPlaces: gap * 30_000 };
}

function withRows(rows: PlacesGapRow[]): RunReport {
  const r = buildRunReport({ horizon: 3 });
  return { ...r, budget: { ...r.budget!, placesVsPlans: rows } };
}

describe('places and plans in words', () => {
  it('says nothing of plans beyond places for a rounding hair above them', () => {
    const text = placesParagraphs(withRows([row(2025, 428, 428.0000001), row(2026, 428, 428.2), row(2027, 454, 454.00001)])).join(' ');
    expect(text).toMatch(/Plans stay within funded places/);
    expect(text).not.toMatch(/0 plans beyond|£0|£2\b/);
  });

  it('says a gap closed by the last year without costing a gap of none', () => {
    const text = placesParagraphs(withRows([row(2025, 428, 460), row(2026, 440, 450), row(2027, 454, 454.0001)])).join(' ');
    expect(text).toMatch(/plans exceed the 428 funded places from 2025-26; by 2027-28 its 454 funded places hold its 454 plans\./);
    expect(text).not.toMatch(/plans beyond places cost/);
  });

  it('costs a real gap in the last year', () => {
    const text = placesParagraphs(withRows([row(2025, 428, 428), row(2026, 428, 440), row(2027, 428, 450)])).join(' ');
    expect(text).toMatch(/from 2026-27; by 2027-28 450 plans share 428 places\. The 22 plans beyond places cost £440k that year as top-ups/);
  });

  it("a gap that shows as one plan reads '1 plan … costs' (Isles of Scilly, 2 SSA places: 'The 1 plans beyond places cost')", () => {
    const text = placesParagraphs(withRows([row(2025, 2, 2), row(2026, 2, 2.4), row(2027, 2, 2.87)])).join(' ');
    expect(text).toMatch(/by 2027-28 3 plans share 2 places\. The 1 plan beyond places costs £17k that year as top-ups/);
    expect(text).not.toMatch(/1 plans/);
  });

  it('says new places are funded from the change month of their first year, in full after (place-funding.ts openingYearShare)', () => {
    const r = withRows([row(2025, 428, 428)]);
    const withChange = { ...r, scenario: { ...r.scenario, capacity: { ...r.scenario.capacity, changes: [{ placement: 'SSA' as const, year: 2027, places: 100 }] } } };
    expect(placesParagraphs(withChange).join(' ')).toMatch(/100 SSA places from January 2027; each adds place funding from the financial year of that census \(from September in that year, in full after\)/);
  });
});
