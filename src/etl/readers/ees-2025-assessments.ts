/** EES 2025 layout `assessments.csv`: EHC needs assessments completed and their outcomes, by calendar year. */
import { measureFileReader } from './ees-measure-file.ts';

export const ees2025Assessments = measureFileReader({
  id: 'ees-2025-assessments',
  description: 'DfE EHC plans 2025 release: needs assessments (assessments.csv)',
  signature: 'assess_issued',
  measures: {
    assess_in_year: { measure: 'assessments' },
    assess_issued: { measure: 'assess_issued' },
    assess_not_issued: { measure: 'assess_not_issued' },
    assess_not_made: { measure: 'assess_not_made' },
    assess_withdrawn: { measure: 'assess_withdrawn' },
  },
  columns: [
    'number_assess_mediation', 'number_assess_tribunal', 'number_asssess_mediation_tribunal', 'number_other_mediation',
    'number_other_mediation_tribunal', 'number_other_tribunal', 'outcome_decision_over_time', 'outcome_decision_within_time',
  ],
  ageTopics: ['child or young persons age', "child or young person's age", 'age'],
});
