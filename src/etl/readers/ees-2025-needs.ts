/**
 * EES 2025 layout `sen_needs_all_plans.csv` and 2026 `sen_needs_caseload.csv` (with `number_ds`): plans at census
 * by primary need, for all plans, by age and by placement; need columns must sum to `ehc_plans` (a warning).
 * `sen_need_newplans.csv` has the same columns but calendar-year periods (2024, not 202425): new plans issued in
 * that year by primary need, stored as `new_plans` flows by need, never as a stock.
 */
import { needFromEesColumn, type Need } from '../../domain/index.ts';
import * as msg from '../../messages/releases.ts';
import { BreakdownReader } from './ees-breakdown.ts';
import type { StockCell } from './ees-common.ts';
import { eesReader } from './ees-reader.ts';
import { rowArea } from './ees-placement-leaves.ts';

const isNeedColumn = (n: string): boolean => n.startsWith('number_') || n.endsWith('_pc');

export const ees2025Needs = eesReader({
  id: 'ees-2025-needs',
  description: 'DfE EHC plans 2025/2026 release: caseload by primary need (sen_needs_all_plans.csv, sen_needs_caseload.csv)',
  yearKind: 'census',
  calendarMeansFlow: true,
  required: ['ehc_plans', 'number_asd'],
  optional: ['breakdown_topic', 'breakdown'],
  accepts: isNeedColumn,
  matches: (f) => f.has('ehc_plans') && f.has('number_asd'),
  layout: (f) => (f.has('number_ds') ? 'ees-2026' : 'ees-2025'),
  session() {
    const breakdowns = new BreakdownReader(['child or young persons age', "child or young person's age", 'age'], ['type of placement']);
    return {
      row(r) {
        const b = r.row.has('breakdown_topic') ? breakdowns.classify(r) : ({ kind: 'all' } as const);
        const total = r.num('ehc_plans');
        const byNeed = new Map<Need, { value: number | null; missing?: string }>();
        let sum = 0;
        let suppressed = false;
        for (const name of r.row.names) {
          if (!isNeedColumn(name)) continue;
          const v = r.num(name);
          const need = needFromEesColumn(name);
          if (!v || !need) continue;
          if (v.value !== null) sum += v.value;
          else suppressed = true;
          byNeed.set(need, v);
        }
        // needs not published (`c`, `x`) can explain a shortfall, not an excess (as placement leaves: ees-placement-leaves.ts)
        if (total?.value != null && byNeed.size > 0 && (sum > total.value + 0.5 || (sum < total.value - 0.5 && !suppressed))) {
          r.warn(msg.needsDoNotSum('ehc_plans', total.value, sum, rowArea(r)), 'ehc_plans');
        }
        if (b.kind === 'skip') return;
        const cell: StockCell =
          b.kind === 'age' ? { ageFrom: b.from, ageTo: b.to } : b.kind === 'placement' ? { placement: b.placement } : {};
        // the release's stock files use academic-year codes; a calendar year here is new plans of that year
        for (const [need, v] of byNeed) {
          if (r.academic) r.stock({ ...cell, need }, v);
          else r.flow({ ...cell, need, measure: 'new_plans' }, v);
        }
      },
      finish: (log) => breakdowns.finish(log),
    };
  },
});
