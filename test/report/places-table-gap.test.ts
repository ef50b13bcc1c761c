/**
 * The report's table of places against plans costed a gap its own words call rounding: Isles of Scilly on the real
 * 2022 release read 'AP | 0 places | 0 plans | 0 beyond places | £4k | £7k | £19k' and 'RP | 1 | 1 | 0 | £0k | £0k | £2k'
 * (0.3 and 0.03 of a plan beyond places in the model's expected plans), while the paragraph above it speaks of a gap
 * only from half a plan (budget-narrative.ts). A gap under half a plan now reads 0 with no cost ('–'), by the same
 * rule; a real gap is costed as before.
 */
import { describe, expect, it } from 'vitest';
import type { PlacesGapRow } from '../../src/budget/types.ts';
import { buildReportHtml } from '../../src/report/html/report-html.ts';
import type { RunReport } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

function row(placement: PlacesGapRow['placement'], places: number, plans: number): PlacesGapRow {
  const gap = Math.max(0, plans - places);
  return { placement, fy: 2027, places, plans, gap, costAsTopUps: gap * 15_000, costAsIssFees: gap * 64_000, costAsPlaces: gap * 25_000 };
}

function placesRows(html: string): string[][] {
  const t = /Places against plans in [^<]*<\/caption>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((c) => c[1]!)).filter((r) => r.length && r[0] !== 'Placement');
}

describe('report: places against plans, a gap under half a plan', () => {
  it('is not costed, as the words above the table do not speak of it', () => {
    const r0 = buildRunReport({ horizon: 3 });
    const r: RunReport = { ...r0, budget: { ...r0.budget!, placesVsPlans: [row('AP', 0, 0.3), row('RP', 1, 1.03), row('FE', 3, 7)] } };
    const rows = placesRows(buildReportHtml(r, []));
    expect(rows[0]).toEqual(['AP', '0', '0', '0', '–', '–', '–']);
    expect(rows[1]).toEqual(['RP', '1', '1', '0', '–', '–', '–']);
    expect(rows[2]!.slice(0, 4)).toEqual(['FE', '3', '7', '4']);
    expect(rows[2]!.slice(4).every((c) => /^£\d/.test(c))).toBe(true);
  });
});
