/**
 * EES 2026 layout `phase_transfers.csv`: phase transfer reviews and whether the amended plan was issued by the
 * statutory deadline. Every numeric `phase_transfer*` column is stored as a flow measure of the same name.
 */
import { measureFileReader } from './ees-measure-file.ts';

const COLUMNS = [
  'phase_transfers_due',
  'phase_transfers_by_deadline',
  'phase_transfers_after_deadline',
  'phase_transfers_not_issued',
];

export const ees2026PhaseTransfers = measureFileReader({
  id: 'ees-2026-phase-transfers',
  description: 'DfE EHC plans 2026 release: phase transfers (phase_transfers.csv)',
  signature: 'phase_transfers_due',
  measures: Object.fromEntries(COLUMNS.map((c) => [c, { measure: c }])),
  ageTopics: ['phase transfer', 'age'],
  accepts: (n) => n.startsWith('phase_transfer'),
  layout: 'ees-2026',
});
