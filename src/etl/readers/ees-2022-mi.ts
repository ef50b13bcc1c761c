/**
 * EES 2022 release `sen2_mi.csv` (management information, calendar years): requests, assessment outcomes and
 * 20-week timeliness, mapped to the flow measures of the 2025 layout where they mean the same thing.
 */
import { sqlText } from '../sql-quote.ts';
import { eesReader } from './ees-reader.ts';

/** sen2_mi column → flow measure. */
const MEASURE_OF: Record<string, string> = {
  inreqehc: 'requests',
  assrefusedehc: 'decided_not_to_assess',
  newallehc: 'assess_issued',
  assnoneehc: 'assess_not_issued',
  newallehc_assnoneehc_sum: 'assessments',
  assnodecisionehc: 'assess_not_made',
  totincexcehc: 'plans_issued',
  incexc20weekehc: 'issued_within_20_weeks',
  totnoexcehc: 'plans_issued_ex',
  noexc20weekehc: 'issued_within_20_weeks_ex',
};

export const ees2022Mi = eesReader({
  id: 'ees-2022-mi',
  description: 'DfE EHC plans 2022 release: requests, assessments and timeliness (sen2_mi.csv)',
  yearKind: 'flow',
  required: ['inreqehc', 'newallehc'],
  accepts: () => true,
  matches: (f) => f.has('inreqehc') && f.has('newallehc'),
  layout: () => 'ees-2022',
  session: () => ({ row(r) {
    for (const [col, measure] of Object.entries(MEASURE_OF)) {
      if (!r.row.has(col)) continue;
      const v = r.num(col);
      if (v) r.flow({ measure }, v);
    }
  } }),
  set: {
    numbers: (has) => Object.keys(MEASURE_OF).filter(has),
    cells: (has) => Object.entries(MEASURE_OF).filter(([col]) => has(col)).map(([col, measure]) => ({ table: 'flow' as const, value: col, measure: sqlText(measure) })),
  },
});
