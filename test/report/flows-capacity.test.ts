/**
 * The Flows sheet's column of arrivals beyond capacity read 0 in every year of a scenario in which no places limit
 * plans (the baseline: no places table used as capacity, no capacity change), as if no plan were beyond its places,
 * while City of London's Places and plans sheet (real 2022 release) had 5 plans in 3 places of its maintained special
 * school by 2031-32. The column is there only where capacity is modelled (or a plan overflows); otherwise the sheet
 * says why it is not.
 */
import { describe, expect, it } from 'vitest';
import { reportMsg } from '../../src/messages/index.ts';
import type { RunReport } from '../../src/report/run-report.ts';
import { flowsSheet } from '../../src/report/workbook/sheets/flows.ts';
import { buildRunReport } from './fixtures/run-report.ts';

const OVERFLOW = 'Overflow beyond capacity (plans)';
const headers = (r: RunReport): string[] => flowsSheet(r).tables[0]!.columns.map((c) => c.header);

describe('the Flows sheet and capacity', () => {
  it('has no overflow column, and says why, where no places limit plans', () => {
    const r = buildRunReport({ horizon: 3 });
    expect(r.projection.flows.every((x) => Object.keys(x.overflow).length === 0)).toBe(true);
    expect(headers(r)).not.toContain(OVERFLOW);
    const sheet = flowsSheet(r);
    expect(sheet.intro).toContain(reportMsg.capacityNotModelled);
    // every row as wide as the header, no 0 standing for "not modelled"
    for (const row of sheet.tables[0]!.rows) expect(row).toHaveLength(sheet.tables[0]!.columns.length);
  });

  it('keeps the column, 0 included, where capacity is modelled or a plan overflows', () => {
    const r = buildRunReport({ horizon: 3 });
    const capped: RunReport = { ...r, projection: { ...r.projection, assumptions: [...r.projection.assumptions, { key: 'capacity', value: 'SSM: places table', unit: 'places', source: 'data' }] } };
    expect(headers(capped)).toContain(OVERFLOW);
    expect(flowsSheet(capped).intro).not.toContain(reportMsg.capacityNotModelled);
    const at = headers(capped).indexOf(OVERFLOW);
    expect(flowsSheet(capped).tables[0]!.rows.map((row) => row[at])).toEqual([0, 0, 0]);
    const long = buildRunReport({ horizon: 6 });
    expect(headers(long)).toContain(OVERFLOW);
  });
});
