/**
 * The track record of a council a reorganisation made: Cumberland's report (release to January 2026) read "On
 * Cumberland's own history, 1 year ahead, the model's forecasts … were out by 1.2%", while every forecast scored read
 * Cumbria's figures apportioned 55% for the years before January 2024. The report and the Backtest sheet now say
 * whose history it is; an LA no reorganisation made still reads "own history".
 */
import { describe, expect, it } from 'vitest';
import { accuracyParagraphs } from '../../src/report/html/narrative.ts';
import { backtestSheet } from '../../src/report/workbook/sheets/backtest.ts';
import { buildRunReport } from './fixtures/run-report.ts';

describe('the track record of a successor council', () => {
  it('says its history before it existed is its predecessors’, apportioned', () => {
    const base = buildRunReport({ mitigated: false, laName: 'Cumberland' });
    const r = { ...base, la: { oldCode: '942', newCode: 'E06000063', name: 'Cumberland' }, baseYear: Math.max(base.baseYear, 2024) };
    const text = accuracyParagraphs(r).join('\n');
    expect(base.backtest.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/own history/);
    expect(text).toMatch(/On Cumberland's history \(its own from January 2024; before then its predecessors' figures, apportioned, which its forecasts read: Cumbria became/);
    expect(backtestSheet(r).tables[0]!.title).toMatch(/^Accuracy on Cumberland's history \(its own from January 2024;/);
  });

  it('an LA no reorganisation made still reads its own history', () => {
    const r = buildRunReport({ mitigated: false });
    expect(accuracyParagraphs(r).join('\n')).toMatch(new RegExp(`On ${r.la.name}'s own history, 1 year ahead`));
    expect(backtestSheet(r).tables[0]!.title).toBe(`Accuracy on ${r.la.name}'s own history, by horizon (years ahead)`);
  });
});
