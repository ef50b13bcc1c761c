/**
 * The published flow measures an LA's dataset reads (model/dataset.ts), by the field they fill. A flow file's other
 * measures (requests withdrawn, assessments not made, …) are stored in the warehouse but read by no projection.
 */
export const FLOW_FIELDS = {
  requests: 'requests',
  decided_to_assess: 'decidedToAssess',
  assess_issued: 'assessIssued',
  assess_not_issued: 'assessNotIssued',
} as const;

/** Whether the model reads a published flow measure (beyond new plans, which the new-plans readers give). */
export function modelReadsFlow(measure: string): measure is keyof typeof FLOW_FIELDS {
  return Object.hasOwn(FLOW_FIELDS, measure);
}
