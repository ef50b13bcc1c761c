/** Data quality sheet: what was loaded, warnings and notes, and the stock identity checked every year. */
import type { RunReport } from '../../run-report.ts';
import type { Cell, Sheet } from '../model.ts';
import { col, count } from '../table-helpers.ts';

export function dataQualitySheet(r: RunReport, suppressionNote?: string): Sheet {
  const notes: Cell[][] = [
    ...r.dataQuality.map((n) => [n.severity, n.message, 'Input data', n.path ?? '', n.line ?? null, n.column ?? '']),
    // The pipeline passes some extraction notes on as data-quality notes too: each message is listed once.
    ...r.dataset.notes.filter((m) => !r.dataQuality.some((n) => n.message === m)).map((m) => ['info', m, 'Data extraction', '', null, '']),
    // the model's notes a run lists among its warnings (a small LA's pooled mixes, a population held, …) were listed
    // twice, as a warning and again as an info line of the projection
    ...r.projection.notes.filter((m) => !r.dataQuality.some((n) => n.message === m)).map((m) => ['info', m, 'Projection', '', null, '']),
    ...(r.budget?.warnings ?? []).filter((m) => !r.dataQuality.some((n) => n.message === m)).map((m) => ['warning', m, 'Budget', '', null, '']),
  ];
  if (suppressionNote) notes.push(['info', suppressionNote, 'Publication', '', null, '']);
  const p = r.projection;
  const identity: Cell[][] = p.flows.map((f) => {
    const i = p.years.indexOf(f.year);
    const before = i > 0 ? p.totalQuantiles[i - 1]!.p50 : NaN;
    const after = i >= 0 ? p.totalQuantiles[i]!.p50 : NaN;
    const expected = before - f.ceased - f.agedOut + f.newPlans + f.netMigration;
    return [f.year, count(before), count(f.newPlans), count(f.ceased), count(f.agedOut), count(f.netMigration), count(after - expected), count(after)];
  });
  return {
    name: 'Data quality',
    title: 'Data quality: what was loaded and what was checked',
    intro: ['Warnings do not stop a run but should be read before the figures are used.'],
    tables: [
      {
        name: 'Data_quality_inputs',
        title: 'Files loaded',
        columns: [col('File', 'text'), col('Reader', 'text'), col('Rows read', 'number'), col('SHA-256', 'text')],
        rows: r.inputs.length ? r.inputs.map((f) => [f.path, f.reader, f.rows, f.sha256]) : [['(none)', '', null, '']],
      },
      {
        name: 'Data_quality_notes',
        title: 'Warnings and notes',
        // the message next to its severity (and in the column that the file list's reader names share, so that
        // the sheet prints on one page width); where it comes from after it
        columns: [col('Severity', 'text'), col('Message', 'text'), col('Stage', 'text'), col('File', 'text'), col('Line', 'number'), col('Column', 'text')],
        rows: notes.length ? notes : [['info', 'No warnings.', '', '', null, '']],
      },
      {
        name: 'Data_quality_identity',
        title: 'Stock and flows: plans(Y) = plans(Y−1) + new − ceased − aged out + net migration + adjustment',
        columns: [
          col('Census year', 'year'),
          col('Plans at previous census', 'count'),
          col('New plans', 'count'),
          col('Ceased (plans)', 'count'),
          col('Aged out (plans)', 'count'),
          col('Net migration (plans)', 'count'),
          col('Adjustment to the median (plans)', 'number'),
          col('Projected plans (central)', 'count'),
        ],
        rows: identity,
        // plans(Y) = previous + new + net migration − ceased − aged out (+ a millionth's adjustment, never hidden): a
        // line a reader can subtract along
        sums: identity.flatMap((_, row) => [
          { total: { row, col: 7 }, parts: [1, 2, 5].map((col) => ({ row, col })), minus: [3, 4].map((col) => ({ row, col })) },
          // a year's plans at the previous census are the year before's projected plans
          ...(row > 0 ? [{ total: { row, col: 1 }, parts: [{ row: row - 1, col: 7 }] }] : []),
        ]),
        note:
          'The engine checks the identity exactly on every simulated future. The central path is the median of those futures, and a median’s year-to-year change is not exactly the flows of any one future: the adjustment column shows the difference.',
      },
    ],
    charts: [],
    freezeColumns: 1,
  };
}
