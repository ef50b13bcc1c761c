/** EES 2022 release `sen2_age_caseload.csv`: plans at January census by age band (`Total_all`). */
import { parseAgeLabel } from '../../domain/index.ts';
import * as msg from '../../messages/releases.ts';
import { eesReader } from './ees-reader.ts';
import { ageMap } from './ees-set-def.ts';

const MEASURES = ['total_st', 'total_st_pc', 'total_ehc', 'total_ehc_pc', 'total_all_pc'];

export const ees2022AgeCaseload = eesReader({
  id: 'ees-2022-age-caseload',
  description: 'DfE EHC plans 2022 release: caseload by age band (sen2_age_caseload.csv)',
  yearKind: 'census',
  required: ['characteristic_age', 'total_all'],
  optional: MEASURES,
  matches: (f) => f.has('characteristic_age') && f.has('total_all'),
  layout: () => 'ees-2022',
  session: () => ({ row(r) {
    for (const c of MEASURES) if (r.row.has(c)) r.num(c);
    const label = r.row.get('characteristic_age');
    const age = parseAgeLabel(label);
    const v = r.num('total_all');
    if (!v) return;
    if (!age) {
      r.warn(msg.unknownAgeLabel(label), 'characteristic_age');
      return;
    }
    r.stock({ ageFrom: age.from, ageTo: age.to }, v);
  } }),
  set: {
    numbers: (has) => [...MEASURES.filter(has), 'total_all'],
    maps: [ageMap('characteristic_age')],
    warnings: [{ when: 'NOT age.ok', column: 'characteristic_age', message: msg.unknownAgeLabel }],
    cells: () => [{ table: 'stock', when: 'age.ok', value: 'total_all', ageFrom: 'age.age_from', ageTo: 'age.age_to' }],
  },
});
