/**
 * The track record a run shows: the model's scores on the LA's own history and, when the run's data hold a
 * release's worth of LAs, across all of them (Backtest sheet and the report's accuracy chapter); a history too short
 * to score says so in words, never NaN. The LAs scored across are those with a past forecast to score, not "all
 * N LAs of the data" (City of London on the real 2022 release read 'Across all 154 LAs of the data' of 156).
 */
import { describe, expect, it } from 'vitest';
import { buildRunReport } from './fixtures/run-report.ts';
import { backtestSheet } from '../../src/report/workbook/sheets/backtest.ts';
import { uncertaintySheet } from '../../src/report/workbook/sheets/uncertainty.ts';
import { accuracyParagraphs, uncertaintyParagraphs } from '../../src/report/html/narrative.ts';
import { buildReportHtml } from '../../src/report/html/report-html.ts';

describe('track record', () => {
  it('shows the LA and every LA of the data side by side', () => {
    const base = buildRunReport();
    const rows = base.backtest.map((b) => ({ ...b, mape: b.mape / 2, n: b.n * 150 }));
    const r = { ...base, backtestAll: { las: 152, rows } };
    const sheet = backtestSheet(r);
    expect(sheet.tables.map((t) => t.name)).toEqual(['Backtest_scores', 'Backtest_all_LAs']);
    expect(sheet.tables[1]!.title).toBe('Accuracy across the 152 LAs of the data with past forecasts to score, by horizon (years ahead)');
    expect(sheet.tables[1]!.rows.length).toBe(rows.length);
    const text = accuracyParagraphs(r).join('\n');
    expect(text).toMatch(new RegExp(`On ${r.la.name}'s own history, 1 year ahead`));
    expect(text).toMatch(/Across the 152 LAs of the data with past forecasts to score, 1 year ahead, the model’s forecasts of total plans were out by/);
    const html = buildReportHtml(r, []);
    expect(html).toContain('Accuracy across the 152 LAs of the data with past forecasts to score');
    expect(backtestSheet(base).tables).toHaveLength(1);
  });

  it('gives the coverage of fewer than ten forecasts as a count, not a share ("100%" of one forecast)', () => {
    const base = buildRunReport();
    const model = base.backtest.find((b) => b.coverage80 !== undefined && Number.isFinite(b.coverage80))!;
    const one = { ...base, backtest: [{ ...model, n: 1, coverage80: 1 }] };
    expect(accuracyParagraphs(one).join('\n')).toMatch(/on average \(1 forecast\); .*1 of 1 outcome fell inside its 80% range\./);
    const two = { ...base, backtest: [{ ...model, n: 2, coverage80: 0 }] };
    expect(accuracyParagraphs(two).join('\n')).toMatch(/\(2 forecasts\); .*0 of 2 outcomes fell inside/);
    const many = { ...base, backtest: [{ ...model, n: 304, coverage80: 0.54 }] };
    expect(accuracyParagraphs(many).join('\n')).toMatch(/\(304 forecasts\); .*54% of outcomes fell inside/);
  });

  it('says in words when the history is too short to score', () => {
    const r = { ...buildRunReport(), backtest: [] };
    expect(accuracyParagraphs(r)).toEqual([expect.stringMatching(/too short a history to score/)]);
    const sheet = backtestSheet(r);
    expect(JSON.stringify(sheet.tables[0]!.rows)).toMatch(/not enough history to score/);
    expect(buildReportHtml(r, [])).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('the uncertainty chapter and the track record', () => {
  it('says when the run reaches beyond the longest horizon the backtest scored', () => {
    const r = buildRunReport({ horizon: 5 });
    const span = r.projection.years[r.projection.years.length - 1]! - r.baseYear;
    expect(span).toBe(5);
    const short = { ...r, backtest: r.backtest.map((b) => ({ ...b, horizon: Math.min(b.horizon, 2) })) };
    expect(uncertaintyParagraphs(short).join('\n')).toMatch(
      new RegExp(`checked against what happened up to 2 years ahead .*The years after January ${r.baseYear + 2} were never scored`),
    );
    // the workbook's Uncertainty sheet says it too, pointing to its Backtest sheet
    expect(uncertaintySheet(short).intro.join('\n')).toMatch(/up to 2 years ahead \(the Backtest sheet\)\. The years after January \d{4} were never scored/);
    expect(uncertaintySheet({ ...r, backtest: r.backtest.map((b) => ({ ...b, horizon: span })) }).intro.join('\n')).not.toMatch(/never scored/);
    // the longest horizon of either track record counts
    const all = { ...short, backtestAll: { las: 152, rows: short.backtest.map((b) => ({ ...b, horizon: 4 })) } };
    expect(uncertaintyParagraphs(all).join('\n')).toMatch(/up to 4 years ahead/);
    // a track record as long as the run: nothing to say
    const long = { ...r, backtest: r.backtest.map((b) => ({ ...b, horizon: span })) };
    expect(uncertaintyParagraphs(long).join('\n')).not.toMatch(/never scored/);
    // no track record: the accuracy chapter says so, not this one
    expect(uncertaintyParagraphs({ ...r, backtest: [] }).join('\n')).not.toMatch(/never scored/);
  });
});
