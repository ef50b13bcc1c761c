/**
 * The Data quality sheet listed each model note that a run counts among its warnings twice: City of London (real
 * 2022 release) read 'Too few plans at each age for City of London …', 'Few new plans by age …', 'Too few plans to
 * show a placement mix …' and both population notes once as a warning and again as an info line of the projection
 * (22 lines for 16 messages). Each message is now listed once, as the sheet already did for the data's own notes and
 * the budget's warnings.
 */
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/report/run-report.ts';
import { dataQualitySheet } from '../../src/report/workbook/sheets/data-quality.ts';
import { buildRunReport } from './fixtures/run-report.ts';

describe('the Data quality sheet', () => {
  it('lists a model note that is also a warning once, as a warning, and keeps the other notes of the projection', () => {
    const r0 = buildRunReport({ horizon: 3 });
    const pooled = 'Too few plans to show a placement mix for Anyshire (19 placed plans at January 2025): …';
    const own = 'Progression ratios scaled by 1.002 so that 4.2% of the 2025 stock exits in the first year (stock-flow exit rate).';
    const r: RunReport = {
      ...r0,
      projection: { ...r0.projection, notes: [...r0.projection.notes, pooled, own] },
      dataQuality: [...r0.dataQuality, { severity: 'warning', message: pooled }],
    };
    const rows = dataQualitySheet(r).tables[1]!.rows;
    const of = (m: string) => rows.filter((row) => row[1] === m);
    expect(of(pooled)).toEqual([['warning', pooled, 'Input data', '', null, '']]);
    expect(of(own)).toEqual([['info', own, 'Projection', '', null, '']]);
    const messages = rows.map((row) => row[1]);
    expect(new Set(messages).size).toBe(messages.length);
  });
});
