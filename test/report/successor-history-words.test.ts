/**
 * A council made by a reorganisation, in its first January: North and West Northamptonshire on the releases to January
 * 2022 (every real successor whose own series starts at the base year). Their report said "The data loaded has no
 * earlier totals to show a trend", while the projection read a trend of 9–10% a year from Northamptonshire's history,
 * apportioned (stderr: "history before January 2022 joined from Northamptonshire (928), 50.0% …"). The report now says
 * the council is new and that its projection reads its predecessors' history.
 */
import { describe, expect, it } from 'vitest';
import { dataParagraphs } from '../../src/report/html/narrative.ts';
import { buildRunReport } from './fixtures/run-report.ts';

describe('the data paragraph of a successor council in its first January', () => {
  it("says it is new and that its projection reads its predecessors' history", () => {
    const r = buildRunReport({ mitigated: false, laName: 'Cumberland' });
    const base = r.baseYear;
    const only = { ...r, la: { oldCode: '942', newCode: 'E06000063', name: 'Cumberland' }, dataset: { ...r.dataset, stockTotal: { [base]: r.dataset.stockTotal[base]! } } };
    const text = dataParagraphs(only).join(' ');
    expect(text).not.toMatch(/no earlier totals to show a trend/);
    expect(text).toMatch(/Cumberland maintained [\d,]+ EHC plans/);
    expect(text).toMatch(/Cumbria became Cumberland and Westmorland and Furness/);
    expect(text).toMatch(/its projection reads the history of its predecessors/);
  });

  it('an LA no reorganisation made still says it has no earlier totals', () => {
    const r = buildRunReport({ mitigated: false });
    const only = { ...r, dataset: { ...r.dataset, stockTotal: { [r.baseYear]: r.dataset.stockTotal[r.baseYear]! } } };
    expect(dataParagraphs(only).join(' ')).toMatch(/no earlier totals to show a trend/);
  });
});
