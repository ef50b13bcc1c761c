/** EES 2022 release `sen2_age_new_plans.csv`: new plans issued in each calendar (flow) year by age band. */
import { parseAgeLabel } from '../../domain/index.ts';
import * as msg from '../../messages/releases.ts';
import { eesReader } from './ees-reader.ts';
import { ageMap } from './ees-set-def.ts';

const MEASURES = ['total_new_st', 'total_new_st_pc', 'total_new_ehc', 'total_new_ehc_pc', 'total_new_all_pc'];

export const ees2022AgeNewPlans = eesReader({
  id: 'ees-2022-age-new-plans',
  description: 'DfE EHC plans 2022 release: new plans by age band (sen2_age_new_plans.csv)',
  yearKind: 'flow',
  required: ['characteristic_age', 'total_new_all'],
  optional: MEASURES,
  matches: (f) => f.has('characteristic_age') && f.has('total_new_all'),
  layout: () => 'ees-2022',
  session: () => ({ row(r) {
    for (const c of MEASURES) if (r.row.has(c)) r.num(c);
    const label = r.row.get('characteristic_age');
    const age = parseAgeLabel(label);
    const v = r.num('total_new_all');
    if (!v) return;
    if (!age) {
      r.warn(msg.unknownAgeLabel(label), 'characteristic_age');
      return;
    }
    r.flow({ measure: 'new_plans', ageFrom: age.from, ageTo: age.to }, v);
  } }),
  set: {
    numbers: (has) => [...MEASURES.filter(has), 'total_new_all'],
    maps: [ageMap('characteristic_age')],
    warnings: [{ when: 'NOT age.ok', column: 'characteristic_age', message: msg.unknownAgeLabel }],
    cells: () => [{ table: 'flow', when: 'age.ok', value: 'total_new_all', measure: "'new_plans'", ageFrom: 'age.age_from', ageTo: 'age.age_to' }],
  },
});
