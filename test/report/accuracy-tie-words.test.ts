/**
 * The accuracy section compares the model with the best simple method. North Yorkshire's report (2022 and 2025
 * releases, base January 2022) read "out by 2.1% on average (5 forecasts); better than the best simple method,
 * constant growth (3 years), at 2.1%": the words judged on figures the reader is not shown. Where the two figures
 * read the same as printed, the report now says so ("as accurate as").
 */
import { describe, expect, it } from 'vitest';
import { accuracyParagraphs } from '../../src/report/html/narrative.ts';
import type { BacktestRow } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

const row = (method: string, mape: number): BacktestRow => ({ method, horizon: 1, mape, mdape: mape, wape: mape, bias: 0, coverage80: method === 'model' ? 0.8 : NaN, n: 5 });

describe('the model against the best simple method', () => {
  it('figures that print the same are "as accurate as", whichever is smaller unrounded', () => {
    const r = { ...buildRunReport({ mitigated: false }), backtestAll: undefined };
    for (const [m, b] of [[0.0209, 0.0214], [0.0214, 0.0209]] as const) {
      const text = accuracyParagraphs({ ...r, backtest: [row('model', m), row('growth3', b)] }).join(' ');
      expect(text).toMatch(/out by 2\.1% on average \(5 forecasts\); as accurate as the best simple method, constant growth \(3 years\), at 2\.1%/);
    }
  });

  it('figures that differ as printed keep "better than" and "less accurate than"', () => {
    const r = { ...buildRunReport({ mitigated: false }), backtestAll: undefined };
    expect(accuracyParagraphs({ ...r, backtest: [row('model', 0.021), row('growth3', 0.034)] }).join(' ')).toMatch(/2\.1% on average \(5 forecasts\); better than the best simple method, constant growth \(3 years\), at 3\.4%/);
    expect(accuracyParagraphs({ ...r, backtest: [row('model', 0.06), row('drift3', 0.055)] }).join(' ')).toMatch(/6\.0% on average \(5 forecasts\); less accurate than the best simple method, linear drift \(3 years\), at 5\.5%/);
  });
});
