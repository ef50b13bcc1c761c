/** Transitions sheet: per transition point and year, plans arriving, new plans, surge, and where plans moved. */
import { isTransitionPoint, Placement, TransitionPoint } from '../../../domain/index.ts';
import { reportMsg } from '../../../messages/index.ts';
import type { RunReport } from '../../run-report.ts';
import { movesObserved } from '../../series.ts';
import type { Cell, Sheet, Table } from '../model.ts';
import { col, count } from '../table-helpers.ts';

function tpLabel(t: string): string {
  return isTransitionPoint(t) ? TransitionPoint[t].label : t;
}

export function transitionsSheet(r: RunReport): Sheet {
  const tr = r.projection.transitions;
  // published totals record no moves between settings: arrivals and new plans stand, moves would be an artefact
  const observed = movesObserved(r);
  const summary: Cell[][] = tr.map((t) => {
    const moved = t.moves.filter((m) => m.from !== m.to).reduce((s, m) => s + m.count, 0);
    return [t.year, t.transition, tpLabel(t.transition), count(t.arriving), ...(observed ? [count(moved)] : []), count(t.newPlans), count(t.surgeNewPlans)];
  });
  return {
    name: 'Transitions',
    title: 'Transition points: arrivals, moves and new plans',
    intro: [
      'A row for the step into each census year (for example Y6-Y7 in 2026 = plans aged 10 in January 2025 moving to age 11 in January 2026).',
      ...(observed ? [] : [reportMsg.transitionsNeedPersonData()]),
    ],
    tables: [
      {
        name: 'Transitions_summary',
        title: 'By transition point and year',
        columns: [
          col('Census year', 'year'),
          col('Transition', 'text'),
          col('Step', 'text'),
          col('Plans arriving', 'count'),
          ...(observed ? [col('Plans changing placement', 'count')] : []),
          col('New plans at this point', 'count'),
          col('Of which surge (plans)', 'count'),
        ],
        rows: summary.length ? summary : [[null, '(no transitions reported)', '', null, ...(observed ? [null] : []), null, null]],
      },
      ...(observed ? [movesTable(tr)] : []),
    ],
    charts: observed ? ['sankey-y6-y7'] : [],
    freezeColumns: 2,
  };
}

/**
 * Moves at each transition point, one row per point, from and to placement, one column per census year: a table
 * that prints on a few pages (a row per year as well ran to some 25 pages of A4).
 */
function movesTable(tr: RunReport['projection']['transitions']): Table {
  const years = [...new Set(tr.map((t) => t.year))].sort((a, b) => a - b);
  const rows = new Map<string, { transition: string; from: Placement; to: Placement; byYear: Map<number, number> }>();
  for (const t of tr) {
    for (const m of t.moves) {
      const key = `${t.transition}\u0000${m.from}\u0000${m.to}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { transition: t.transition, from: m.from, to: m.to, byYear: new Map() }));
      row.byYear.set(t.year, (row.byYear.get(t.year) ?? 0) + m.count);
    }
  }
  const moves: Cell[][] = [...rows.values()].map((m) => [
    m.transition,
    Placement[m.from].label,
    Placement[m.to].label,
    ...years.map((y) => count(m.byYear.get(y) ?? 0)),
  ]);
  return {
    name: 'Transitions_moves',
    title: 'Where plans came from and went to (plans, by census year of arrival)',
    columns: [
      col('Transition', 'text'),
      col('From placement', 'text'),
      col('To placement', 'text'),
      ...years.map((y) => col(`Jan ${y} (plans)`, 'count')),
    ],
    rows: moves.length ? moves : [['(no moves reported)', '', '', ...years.map(() => null)]],
  };
}
