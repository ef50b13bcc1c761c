/**
 * EES 2025 layout `ceased_plans.csv`: plans ceased in each calendar year by reason (stored as the SEN2
 * CeaseReason code: 1 max age … 9 other, 0 not recorded) and by age when the plan ceased (`age 2 and under`,
 * `age 20 and over`, `Age unknown` are parsed as ranges or skipped).
 */
import { measureFileReader } from './ees-measure-file.ts';

export const ees2025Ceased = measureFileReader({
  id: 'ees-2025-ceased',
  description: 'DfE EHC plans 2025 release: ceased plans by reason (ceased_plans.csv)',
  signature: 'total_ceased',
  measures: {
    total_ceased: { measure: 'ceased' },
    max_age: { measure: 'ceased', reason: '1' },
    needs_met: { measure: 'ceased', reason: '2' },
    he: { measure: 'ceased', reason: '3' },
    employ: { measure: 'ceased', reason: '4' },
    transfer: { measure: 'ceased', reason: '5' },
    no_engage: { measure: 'ceased', reason: '6' },
    moved_outside_eng: { measure: 'ceased', reason: '7' },
    deceased: { measure: 'ceased', reason: '8' },
    other: { measure: 'ceased', reason: '9' },
    not_rec: { measure: 'ceased', reason: '0' },
  },
  ageTopics: ['age plan ceased', 'age when plan ceased', 'age'],
});
