/** EES 2025 layout `timeliness_20_week.csv`: plans issued and those issued within 20 weeks, by calendar year. */
import { measureFileReader } from './ees-measure-file.ts';

export const ees2025Timeliness = measureFileReader({
  id: 'ees-2025-timeliness',
  description: 'DfE EHC plans 2025 release: 20-week timeliness (timeliness_20_week.csv)',
  signature: 'plans_issued_within_20_weeks',
  measures: {
    plans_issued_den: { measure: 'plans_issued' },
    plans_issued_den_ex: { measure: 'plans_issued_ex' },
    plans_issued_within_20_weeks: { measure: 'issued_within_20_weeks' },
    plans_issued_20_weeks_ex: { measure: 'issued_within_20_weeks_ex' },
  },
  columns: ['plans_issued_gt_1_year', 'plans_issued_gt_1_year_ex', 'plans_issued_gt20weeks_ltyear', 'plans_issued_gt20weeks_ltyear_ex'],
  ageTopics: ['child or young persons age', "child or young person's age", 'age'],
});
