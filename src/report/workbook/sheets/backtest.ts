/** Backtest sheet: this model's accuracy on this LA's own history beside the naive baselines. */
import type { RunReport } from '../../run-report.ts';
import type { Cell, Sheet } from '../model.ts';
import { backtestMethodName } from '../../series.ts';
import { col, share } from '../table-helpers.ts';

export function backtestSheet(r: RunReport): Sheet {
  const rows: Cell[][] = [...r.backtest]
    .sort((a, b) => a.horizon - b.horizon || a.mape - b.mape)
    .map((b) => [b.horizon, backtestMethodName(b.method), share(b.mape), share(b.mdape), share(b.wape), share(b.bias), share(b.coverage80), b.n]);
  return {
    name: 'Backtest',
    title: 'How accurate has the model been on past years?',
    intro: [
      'The model was re-run from earlier years using only the data available then, and compared with what happened.',
      'MAPE = mean absolute percentage error (lower is better); bias > 0 = forecasts too high; coverage = share of outcomes inside the 80% range (about 80% is well calibrated).',
    ],
    tables: [
      {
        name: 'Backtest_scores',
        title: 'Accuracy by horizon (years ahead)',
        columns: [
          col('Horizon (years)', 'number'),
          col('Method', 'text'),
          col('MAPE', 'percent'),
          col('Median APE', 'percent'),
          col('WAPE', 'percent'),
          col('Bias', 'percent'),
          col('Coverage of 80% range', 'percent'),
          col('Forecasts scored', 'number'),
        ],
        rows: rows.length ? rows : [[null, '(no backtest in this run)', null, null, null, null, null, null]],
        note: 'Empty coverage: the simple methods give no range. Forecasts scored: the number of past starting years with a known outcome that many years later.',
      },
    ],
    charts: [],
    freezeColumns: 2,
  };
}
