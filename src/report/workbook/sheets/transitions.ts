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

function movesTable(tr: RunReport['projection']['transitions']): Table {
  const moves: Cell[][] = tr.flatMap((t) =>
    t.moves.map((m) => [t.year, t.transition, m.from, Placement[m.from].label, m.to, Placement[m.to].label, count(m.count)]),
  );
  return {
    name: 'Transitions_moves',
    title: 'Where plans came from and went to',
    columns: [
      col('Census year', 'year'),
      col('Transition', 'text'),
      col('From code', 'text'),
      col('From placement', 'text'),
      col('To code', 'text'),
      col('To placement', 'text'),
      col('Plans', 'count'),
    ],
    rows: moves.length ? moves : [[null, '(no moves reported)', '', '', '', '', null]],
  };
}
