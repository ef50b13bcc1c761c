/** Transitions sheet: per transition point and year, plans arriving, new plans, surge, and where plans moved. */
import { isTransitionPoint, Placement, TransitionPoint } from '../../../domain/index.ts';
import type { RunReport } from '../../run-report.ts';
import type { Cell, Sheet } from '../model.ts';
import { col, count } from '../table-helpers.ts';

function tpLabel(t: string): string {
  return isTransitionPoint(t) ? TransitionPoint[t].label : t;
}

export function transitionsSheet(r: RunReport): Sheet {
  const tr = r.projection.transitions;
  const summary: Cell[][] = tr.map((t) => {
    const moved = t.moves.filter((m) => m.from !== m.to).reduce((s, m) => s + m.count, 0);
    return [t.year, t.transition, tpLabel(t.transition), count(t.arriving), count(moved), count(t.newPlans), count(t.surgeNewPlans)];
  });
  const moves: Cell[][] = tr.flatMap((t) =>
    t.moves.map((m) => [t.year, t.transition, m.from, Placement[m.from].label, m.to, Placement[m.to].label, count(m.count)]),
  );
  return {
    name: 'Transitions',
    title: 'Transition points: arrivals, moves and new plans',
    intro: ['A row for the step into each census year (for example Y6-Y7 in 2026 = plans aged 10 in January 2025 moving to age 11 in January 2026).'],
    tables: [
      {
        name: 'Transitions_summary',
        title: 'By transition point and year',
        columns: [
          col('Census year', 'year'),
          col('Transition', 'text'),
          col('Step', 'text'),
          col('Plans arriving', 'count'),
          col('Plans changing placement', 'count'),
          col('New plans at this point', 'count'),
          col('Of which surge (plans)', 'count'),
        ],
        rows: summary.length ? summary : [[null, '(no transitions reported)', '', null, null, null, null]],
      },
      {
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
      },
    ],
    charts: ['sankey-y6-y7'],
    freezeColumns: 2,
  };
}
