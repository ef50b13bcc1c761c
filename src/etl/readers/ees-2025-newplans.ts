/**
 * EES 2025/2026 layout `newplans.csv`: new plans issued in each calendar (flow) year (`new_ehc_plans`), by
 * placement leaf, for all new plans and by age when the plan started.
 */
import { BreakdownReader } from './ees-breakdown.ts';
import { eesReader } from './ees-reader.ts';
import { is2026Layout, isPlacementColumn, PlacementLeaves } from './ees-placement-leaves.ts';

export const ees2025NewPlans = eesReader({
  id: 'ees-2025-newplans',
  description: 'DfE EHC plans 2025/2026 release: new plans by placement (newplans.csv)',
  yearKind: 'flow',
  required: ['breakdown_topic', 'breakdown', 'new_ehc_plans'],
  accepts: isPlacementColumn,
  matches: (f) => f.has('breakdown_topic') && f.has('new_ehc_plans'),
  layout: (f) => (is2026Layout(f) ? 'ees-2026' : 'ees-2025'),
  session() {
    const breakdowns = new BreakdownReader(['age when plan started', 'age']);
    const leaves = new PlacementLeaves('new_ehc_plans', ['breakdown_topic', 'breakdown', 'new_ehc_plans'], 'flow');
    return {
      row(r) {
        const b = breakdowns.classify(r);
        const total = r.num('new_ehc_plans');
        if (!total) return;
        if (b.kind !== 'all' && b.kind !== 'age') {
          leaves.read(r, total.value);
          return;
        }
        const age = b.kind === 'age' ? { ageFrom: b.from, ageTo: b.to } : {};
        r.flow({ ...age, measure: 'new_plans' }, total);
        for (const [placement, v] of leaves.read(r, total.value)) {
          r.flow({ ...age, placement, measure: 'new_plans' }, v);
        }
      },
      finish: (log) => {
        breakdowns.finish(log);
        leaves.finish(log);
      },
    };
  },
});
