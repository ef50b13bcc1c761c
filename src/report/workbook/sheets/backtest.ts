/** Backtest sheet: this model's accuracy on this LA's own history, and across every LA of the release, beside the naive baselines. */
import type { BacktestRow, RunReport } from '../../run-report.ts';
import type { Cell, Sheet, Table } from '../model.ts';
import { backtestMethodName, successorOf } from '../../series.ts';
import { col, share } from '../table-helpers.ts';
import { reportMsg } from '../../../messages/index.ts';

function scoresTable(name: string, title: string, scored: readonly BacktestRow[], note: string): Table {
  const rows: Cell[][] = [...scored]
    .sort((a, b) => a.horizon - b.horizon || a.mape - b.mape)
    .map((b) => [b.horizon, backtestMethodName(b.method), share(b.mape), share(b.mdape), share(b.wape), share(b.bias), share(b.coverage80), b.n]);
  return {
    name,
    title,
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
    rows: rows.length ? rows : [[null, '(not enough history to score: the backtest needs five years before its first starting year)', null, null, null, null, null, null]],
    note,
  };
}

export function backtestSheet(r: RunReport): Sheet {
  const note = reportMsg.FORECASTS_SCORED_NOTE;
  return {
    name: 'Backtest',
    title: 'How accurate has the model been on past years?',
    intro: [
      'The model that produced this run (the same pooling, damping and calibrated ranges) was re-run from earlier years using only the data available then, and compared with what happened.',
      'MAPE = mean absolute percentage error (lower is better); bias > 0 = forecasts too high; coverage = share of outcomes inside the 80% range (about 80% is well calibrated).',
    ],
    tables: [
      scoresTable('Backtest_scores', `Accuracy on ${reportMsg.trackRecordScope(r.la.name, successorOf(r))}, by horizon (years ahead)`, r.backtest, `${note}.`),
      ...(r.backtestAll
        ? [
            scoresTable(
              'Backtest_all_LAs',
              `Accuracy across ${reportMsg.scoredAcross(r.backtestAll.las)}, by horizon (years ahead)`,
              r.backtestAll.rows,
              `${note}, for each LA. One LA's history gives few forecasts to score; across every LA the same model's scores are steadier.`,
            ),
          ]
        : []),
    ],
    charts: [],
    freezeColumns: 2,
  };
}
