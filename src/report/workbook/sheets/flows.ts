/** Flows sheet: per year new plans, ceased (by reason), aged out, net migration, and the assessment pipeline. */
import type { RunReport } from '../../run-report.ts';
import type { Cell, Sheet } from '../model.ts';
import { col, count, rowSums } from '../table-helpers.ts';
import { reportMsg } from '../../../messages/index.ts';

/** SEN2 CeaseReason codes (DfE SEN2 guide) in words. */
const CEASE_REASONS: Record<number, string> = {
  1: 'reached maximum age',
  2: 'needs met without a plan',
  3: 'moved to higher education',
  4: 'moved into employment',
  5: 'transferred to another LA',
  6: 'no longer engaging',
  7: 'moved outside England',
  8: 'deceased',
  9: 'other reason',
};

/** Header of a SEN2 ceasing reason column: "Ceased: needs met without a plan (plans)". */
export function reasonHeader(code: number): string {
  const words = CEASE_REASONS[code];
  return words ? `Ceased: ${words} (plans)` : code === 0 ? 'Ceased: reason not recorded (plans)' : `Ceased: SEN2 reason ${code} (plans)`;
}

export function flowsSheet(r: RunReport): Sheet {
  const f = r.projection.flows;
  const reasons = [...new Set(f.flatMap((x) => Object.keys(x.ceasedByReason).map(Number)))].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
  const hasPipeline = f.some((x) => x.requests !== undefined);
  const overflowOf = (x: (typeof f)[number]): number => Object.values(x.overflow).reduce((s, v) => s + (v ?? 0), 0);
  // no places limit plans (no places table used as capacity, no capacity change): a column of 0 said "no plan beyond
  // capacity" beside a Places and plans sheet whose plans exceed their places (City of London's SSM, 5 plans in 3)
  const capacityModelled = r.projection.assumptions.some((a) => a.key === 'capacity') || f.some((x) => overflowOf(x) > 0);
  const rows: Cell[][] = f.map((x) => [
    x.year,
    count(x.newPlans),
    count(x.surgeNewPlans),
    count(x.ceased),
    count(x.agedOut),
    count(x.netMigration),
    ...(capacityModelled ? [count(overflowOf(x))] : []),
    count(Object.values(x.avoidedByMitigation).reduce((s, v) => s + v, 0)),
    ...(hasPipeline ? [count(x.requests), count(x.assessments), count(x.backlog)] : []),
  ]);
  // ceased plans by reason in a table of their own, so that each table prints on one page width
  const byReason: Cell[][] = f.map((x) => [x.year, count(x.ceased), ...reasons.map((c) => count(x.ceasedByReason[c] ?? 0))]);
  const d = r.dataset;
  const histYears = [...new Set([...Object.keys(d.newPlansTotal), ...Object.keys(d.requests)].map(Number))].sort((a, b) => a - b);
  const hist: Cell[][] = histYears.map((y) => [y, count(d.newPlansTotal[y]), count(d.requests[y]), count(d.decidedToAssess[y]), count(d.assessIssued[y]), count(d.assessNotIssued[y])]);
  return {
    name: 'Flows',
    title: 'Flows: new plans, ceased plans, migration and assessments',
    intro: [
      'Projected flows are for the step into each census year: new plans issued in the calendar year before appear at the January census.',
      'Ceased excludes transfers to other LAs, which are part of net migration (+ = more plans arriving than leaving).',
      // published totals record neither: say that these two columns are the model's, not the data's
      ...(d.ceased.length === 0 && d.linkedMoves.length === 0
        ? [
            'The data loaded record no ceased plans or transfers: ceased plans are estimated from the stock-flow exit rate, and net migration is the growth of an age cohort of plans from one January to the next beyond what it keeps (transfers in, and plans the new-plan count does not show).',
          ]
        : []),
      ...(capacityModelled ? [] : [reportMsg.capacityNotModelled]),
    ],
    tables: [
      {
        name: 'Flows_projected',
        title: 'Projected flows by census year',
        columns: [
          col('Census year', 'year'),
          col('New plans', 'count'),
          col('Of which surge (plans)', 'count'),
          col('Ceased (plans)', 'count'),
          col('Aged out at 25 (plans)', 'count'),
          col('Net migration (plans)', 'count'),
          ...(capacityModelled ? [col('Overflow beyond capacity (plans)', 'count')] : []),
          col('Avoided by mitigations (plans)', 'count'),
          ...(hasPipeline ? [col('Requests for assessment', 'count'), col('Assessments completed', 'count'), col('Backlog of open assessments', 'count')] : []),
        ],
        rows,
        // the same figures on the Data quality sheet's stock identity (its rows are these years) and, for ceased plans,
        // beside their reasons: one hidden in one table and shown in the other would be given back there
        sums: f.flatMap((_, row) => [
          ...([[1, 2], [3, 3], [4, 4], [5, 5]] as const).map(([col, at]) => ({ total: { row, col }, parts: [{ table: 'Data_quality_identity', row, col: at }] })),
          ...(reasons.length > 0 ? [{ total: { row, col: 3 }, parts: [{ table: 'Flows_ceased_by_reason', row, col: 1 }] }] : []),
        ]),
      },
      ...(reasons.length > 0
        ? [
            {
              name: 'Flows_ceased_by_reason',
              title: 'Projected ceased plans by reason',
              columns: [col('Census year', 'year'), col('Ceased (plans)', 'count'), ...reasons.map((c) => col(reasonHeader(c), 'count'))],
              rows: byReason,
              sums: rowSums(byReason.map((_, k) => k), 1, reasons.map((_, k) => 2 + k)),
            },
          ]
        : []),
      {
        name: 'Flows_history',
        title: 'Recorded flows by calendar year',
        columns: [
          col('Calendar year', 'year'),
          col('New plans issued', 'count'),
          col('Requests for assessment', 'count'),
          col('Decided to assess', 'count'),
          col('Assessed, plan issued', 'count'),
          col('Assessed, no plan', 'count'),
        ],
        rows: hist.length ? hist : [[null, null, null, null, null, null]],
        note: 'Empty cells: not in the data loaded for this run.',
      },
    ],
    charts: [],
    freezeColumns: 1,
  };
}
