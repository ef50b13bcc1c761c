/** EES 2025 layout `requests.csv`: requests for EHC needs assessment and decisions, by calendar year. */
import { measureFileReader } from './ees-measure-file.ts';

export const ees2025Requests = measureFileReader({
  id: 'ees-2025-requests',
  description: 'DfE EHC plans 2025 release: requests for assessment (requests.csv)',
  signature: 'requests_received_in_year',
  measures: {
    requests_received_in_year: { measure: 'requests' },
    requests_rya: { measure: 'requests_rya' },
    requests_decided_to_assess: { measure: 'decided_to_assess' },
    requests_decided_not_to_assess: { measure: 'decided_not_to_assess' },
    requests_decision_not_made: { measure: 'decision_not_made' },
    requests_withdrawn: { measure: 'requests_withdrawn' },
  },
  columns: ['mediation_related_request', 'request_outcome_over_6_weeks', 'request_outcome_six_weeks', 'tribunal_after_mediation_request', 'tribunal_related_request'],
  percentColumns: ['request_assess_pc', 'request_not_assess_pc', 'request_outstanding_pc', 'request_withdrawn_pc', 'request_outcome_six_weeks_pc', 'request_outcome_over_6_weeks_pc'],
  ageTopics: ['child or young persons age', "child or young person's age", 'age'],
});
