/**
 * EES 2022 release `sen2_estab_new_plans.csv` (inside the release zip): new plans issued in each calendar (flow)
 * year by the establishment type of the placement. Same rows and mapping as `sen2_estab_caseload.csv`: `Total`
 * rows are subtotals (by group and overall) and are not stored, so leaves are never double counted; each leaf type
 * maps to a placement (several types may share one, and the warehouse sums them). Stored as flow `new_plans` by
 * placement; the all-placements total comes from `sen2_age_new_plans.csv`.
 */
import { placementFromEes2022EstablishmentType } from '../../domain/index.ts';
import * as msg from '../../messages/etl.ts';
import { eesReader } from './ees-reader.ts';
import { establishmentMap } from './ees-set-def.ts';

const MEASURES = ['total_new_st', 'total_new_st_pc', 'total_new_ehc', 'total_new_ehc_pc', 'total_new_all_pc'];

export const ees2022EstabNewPlans = eesReader({
  id: 'ees-2022-estab-new-plans',
  description: 'DfE EHC plans 2022 release: new plans by establishment type (sen2_estab_new_plans.csv)',
  yearKind: 'flow',
  required: ['establishment_type', 'total_new_all'],
  optional: ['establishment_group', ...MEASURES],
  matches: (f) => f.has('establishment_type') && f.has('total_new_all'),
  layout: () => 'ees-2022',
  session: () => ({ row(r) {
    for (const c of MEASURES) if (r.row.has(c)) r.num(c);
    const type = r.row.get('establishment_type');
    const v = r.num('total_new_all');
    if (!v || type.toLowerCase() === 'total') return;
    const placement = placementFromEes2022EstablishmentType(type);
    if (!placement) {
      r.warn(msg.unknownEstablishmentType(type), 'establishment_type');
      return;
    }
    r.flow({ measure: 'new_plans', placement }, v);
  } }),
  set: {
    numbers: (has) => [...MEASURES.filter(has), 'total_new_all'],
    maps: [establishmentMap('establishment_type')],
    warnings: [{ when: "est.total = 0 AND est.placement = ''", column: 'establishment_type', message: msg.unknownEstablishmentType }],
    cells: () => [{ table: 'flow', when: "est.total = 0 AND est.placement <> ''", value: 'total_new_all', measure: "'new_plans'", placement: 'est.placement' }],
  },
});
