/**
 * The number of forecasts a run's track record says it scored: Cumberland (942, from January 2024) on a release to
 * January 2026 read "out by 1.2% on average (3 forecasts) … 3 of 3 outcomes fell inside its 80% range" and, 2 years
 * ahead, "(2 forecasts) … 2 of 2", while a successor is forecast only from the years it exists, so from the origins
 * 2024 and 2025 alone: 2 forecasts 1 year ahead and 1 two years ahead. The count was the origins with an outcome that
 * many years on (2023, 2024, 2025) times the LAs scored; it is now the forecasts scored.
 */
import { describe, expect, it } from 'vitest';
import type { LaDataset } from '../../src/model/dataset.ts';
import { growingLa } from '../model/growing-la.ts';
import { joinReorganisations } from '../../src/model/reorganise.ts';
import { trackRecord } from '../../src/pipeline/track-record.ts';
import type { RunTotals } from '../../src/pipeline/totals.ts';

const la = (code: string, name: string, first: number, last: number, base: number, g: number): LaDataset => growingLa(code, name, first, last, base, g, 2019);

// Cumbria's 7,340 plans in January 2023 become its successors' 7,200 a year later (with 3,200, 4,517 became 7,200: a
// step of ×1.59 into the successors' first January, which a forecast no longer starts from, model/base-step.ts)
const others = Array.from({ length: 4 }, (_, i) => la(String(800 + i), `LA ${i}`, 2019, 2026, 1000 + 300 * i, 0.06 + 0.005 * i));
const datasets = joinReorganisations([...others, la('909', 'Cumbria', 2019, 2023, 5200, 0.09), la('942', 'Cumberland', 2024, 2026, 2700, 0.08), la('943', 'Westmorland and Furness', 2024, 2026, 2200, 0.08)]);
const record = (code: string) => trackRecord({ forecast: { ds: datasets.find((d) => d.la.oldCode === code)!, baseYear: 2026 }, batch: { datasets, regions: [] } } as unknown as RunTotals).la;
const countsOf = (rows: ReturnType<typeof record>) => Object.fromEntries(rows.filter((r) => r.method === 'model').map((r) => [r.horizon, r.n]));

describe('the forecasts a track record says it scored', () => {
  it('are those of a successor from the years it exists, not every origin', () => {
    expect(datasets.find((d) => d.la.oldCode === '942')!.stockTotal[2023]).toBeGreaterThan(0); // apportioned, read by the forecast
    expect(countsOf(record('942'))).toEqual({ 1: 2, 2: 1 });
  });

  it('are every origin with an outcome for an LA that existed throughout', () => {
    expect(countsOf(record('801'))).toEqual({ 1: 3, 2: 2, 3: 1 });
  });
});
