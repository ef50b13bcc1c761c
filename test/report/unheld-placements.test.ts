/**
 * A placement category the LA held no plan in at any recent January, into which its projection puts plans from the
 * pooled placement mix, is said to be other LAs' placements beside the figures (the report's data paragraphs and
 * the Plans by placement sheet): Isles of Scilly on the real 2022 release, no plan in a state special school from
 * January 2019 to 2022, read 7 there by January 2032 (13% of its plans) with no word.
 */
import { describe, expect, it } from 'vitest';
import { placementMixPooled } from '../../src/messages/model-pooling.ts';
import { dataParagraphs } from '../../src/report/html/narrative.ts';
import { unheldPlacementGroups } from '../../src/report/unheld-placements.ts';
import { plansByPlacementSheet } from '../../src/report/workbook/sheets/plans-by-placement.ts';
import type { RunReport } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

/** The fixture with no state special plan at the January given (moved to mainstream) and, if `pooled`, the pooling note. */
function withoutStateSpecial(years: readonly number[], pooled: boolean): RunReport {
  const r = buildRunReport({ horizon: 3, laName: 'Isles of Scilly' });
  const stockByPlacement = { ...r.dataset.stockByPlacement };
  for (const y of years) {
    const p = { ...stockByPlacement[y]! };
    p.MS = (p.MS ?? 0) + (p.SSM ?? 0) + (p.SSA ?? 0);
    p.SSM = 0;
    p.SSA = 0;
    stockByPlacement[y] = p;
  }
  const note = placementMixPooled('Isles of Scilly', r.baseYear, 16, 0.39, "South West's (January 2025)", 25);
  const assumptions = [...r.projection.assumptions, ...(pooled ? [{ key: 'rates.note.1', value: note, source: 'data' as const }] : [])];
  return { ...r, dataset: { ...r.dataset, stockByPlacement }, projection: { ...r.projection, assumptions } };
}

const all = [2022, 2023, 2024, 2025];

describe('placement categories the LA has not used', () => {
  it('are said to come from the pooled mix, with the plans and share projected, in the report and on the sheet', () => {
    const r = withoutStateSpecial(all, true);
    const [u, ...rest] = unheldPlacementGroups(r);
    expect(rest).toEqual([]);
    expect(u).toMatchObject({ group: 'STATE_SPECIAL', from: 2022, to: 2025, year: 2028 });
    expect(u!.plans).toBeGreaterThan(100);
    const text = dataParagraphs(r).join(' ');
    expect(text).toMatch(/Isles of Scilly had no plans in the ‘State special’ category at any January from 2022 to 2025; its projection puts [\d,]+ plans there by January 2028 \(\d+% of its plans\) from the placement mix of its region or England/);
    expect(text).toContain('not that Isles of Scilly will place children there');
    expect(plansByPlacementSheet(r).intro.join(' ')).toContain('had no plans in the ‘State special’ category');
  });

  it('are not flagged when the mix was not pooled, or when the LA had a plan there at one of those Januaries', () => {
    expect(unheldPlacementGroups(withoutStateSpecial(all, false))).toEqual([]);
    expect(unheldPlacementGroups(withoutStateSpecial([2023, 2024, 2025], true))).toEqual([]);
    expect(dataParagraphs(buildRunReport({ horizon: 3 })).join(' ')).not.toContain('had no plans in the');
  });
});
