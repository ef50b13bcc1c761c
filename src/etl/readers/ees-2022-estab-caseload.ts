/**
 * EES 2022 release `sen2_estab_caseload.csv`: plans at census by establishment type. `Total` rows are subtotals
 * (by group and overall) and are not stored, so the leaves are never double counted; each leaf type maps to a
 * placement (several types may share one, and the warehouse sums them).
 */
import { placementFromEes2022EstablishmentType } from '../../domain/index.ts';
import * as msg from '../../messages/etl.ts';
import { eesReader } from './ees-reader.ts';
import { establishmentMap } from './ees-set-def.ts';

const MEASURES = ['total_st', 'total_st_pc', 'total_ehc', 'total_ehc_pc', 'total_all_pc'];

export const ees2022EstabCaseload = eesReader({
  id: 'ees-2022-estab-caseload',
  description: 'DfE EHC plans 2022 release: caseload by establishment type (sen2_estab_caseload.csv)',
  yearKind: 'census',
  required: ['establishment_type', 'total_all'],
  optional: ['establishment_group', ...MEASURES],
  matches: (f) => f.has('establishment_type') && f.has('total_all'),
  layout: () => 'ees-2022',
  session: () => ({ row(r) {
    for (const c of MEASURES) if (r.row.has(c)) r.num(c);
    const type = r.row.get('establishment_type');
    const v = r.num('total_all');
    if (!v || type.toLowerCase() === 'total') return;
    const placement = placementFromEes2022EstablishmentType(type);
    if (!placement) {
      r.warn(msg.unknownEstablishmentType(type), 'establishment_type');
      return;
    }
    r.stock({ placement }, v);
  } }),
  set: {
    numbers: (has) => [...MEASURES.filter(has), 'total_all'],
    maps: [establishmentMap('establishment_type')],
    warnings: [{ when: "est.total = 0 AND est.placement = ''", column: 'establishment_type', message: msg.unknownEstablishmentType }],
    cells: () => [{ table: 'stock', when: "est.total = 0 AND est.placement <> ''", value: 'total_all', placement: 'est.placement' }],
  },
});
