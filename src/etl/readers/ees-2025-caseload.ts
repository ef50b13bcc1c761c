/**
 * EES 2025/2026 layout `caseload.csv`: plans at January census (`ehcplans`) with one column per placement leaf,
 * for all plans and (from 2023/24) by single year of age. Other breakdowns (sex, ethnicity, …) are not stored.
 */
import { BreakdownReader } from './ees-breakdown.ts';
import { eesReader } from './ees-reader.ts';
import { is2026Layout, isPlacementColumn, PlacementLeaves } from './ees-placement-leaves.ts';

export const ees2025Caseload = eesReader({
  id: 'ees-2025-caseload',
  description: 'DfE EHC plans 2025/2026 release: caseload by placement (caseload.csv)',
  yearKind: 'census',
  required: ['breakdown_topic', 'breakdown', 'ehcplans'],
  accepts: isPlacementColumn,
  matches: (f) => f.has('breakdown_topic') && f.has('ehcplans'),
  layout: (f) => (is2026Layout(f) ? 'ees-2026' : 'ees-2025'),
  session() {
    const breakdowns = new BreakdownReader(['child or young persons age', "child or young person's age", 'age']);
    const leaves = new PlacementLeaves('ehcplans', ['breakdown_topic', 'breakdown', 'ehcplans'], 'census');
    return {
      row(r) {
        const b = breakdowns.classify(r);
        const total = r.num('ehcplans');
        if (!total) return;
        if (b.kind !== 'all' && b.kind !== 'age') {
          leaves.read(r, total.value);
          return;
        }
        const age = b.kind === 'age' ? { ageFrom: b.from, ageTo: b.to } : {};
        r.stock(age, total);
        for (const [placement, v] of leaves.read(r, total.value)) r.stock({ ...age, placement }, v);
      },
      finish: (log) => {
        breakdowns.finish(log);
        leaves.finish(log);
      },
    };
  },
});
