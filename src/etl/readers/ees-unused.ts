/**
 * A published EES table the model does not use (annual reviews, personal budgets, residential settings, work-based
 * placements, … of a full release): recognised by the EES leading columns after every EES reader has had its
 * chance, so that a release's whole data folder can be given as downloaded. Nothing is stored; one warning names
 * the table. Without it a full release would stop a `forecast` at its first table of this kind.
 */
import { EES_PLACEMENT_LEAVES, EES_PLACEMENT_TOTALS } from '../../domain/index.ts';
import * as msg from '../../messages/releases.ts';
import type { Reader, Sniff } from '../reader.ts';
import { EES_READERS } from '../ees-readers.ts';
import { measureFileTable } from './ees-measure-file.ts';

/**
 * Columns of the tables the model reads. A file with one of them (or with placement columns) that no EES reader
 * took is one of those tables gone wrong (a renamed or missing column): an error naming the closest layout, not a
 * table to skip.
 */
const MODEL_COLUMNS = new Set([
  'ehcplans', 'new_ehc_plans', 'total_all', 'total_new_all', 'total_ehc', 'characteristic_age', 'establishment_type',
  'requests_received_in_year', 'assess_in_year', 'assess_issued', 'ehc_plans', 'number_asd', 'total_ceased',
  'plans_issued_within_20_weeks', 'phase_transfers_due', 'number_of_plans', 'workbasedehc', 'totmres38weekehc',
  'newallehc',
]);
const PLACEMENT_COLUMNS = new Set<string>([...Object.keys(EES_PLACEMENT_LEAVES), ...EES_PLACEMENT_TOTALS]);

export const EES_UNUSED_READER_ID = 'ees-unused';

/** Whether a header is an EES data file's (time period, geographic level and LA columns). */
export function hasEesLeadingColumns(sniff: Sniff): boolean {
  const f = new Set(sniff.headerFields ?? []);
  return f.has('time_period') && f.has('geographic_level') && (f.has('old_la_code') || f.has('new_la_code'));
}

/** Whether an EES-shaped header is a table the model does not read (not a broken one it does). */
export function isUnusedEesTable(sniff: Sniff): boolean {
  if (!hasEesLeadingColumns(sniff)) return false;
  const fields = sniff.headerFields ?? [];
  return !fields.some((f) => MODEL_COLUMNS.has(f)) && fields.filter((f) => PLACEMENT_COLUMNS.has(f)).length < 2 && !measureTableWithout(fields);
}

/**
 * The flow table the model reads (requests, assessments, timeliness, ceased plans, phase transfers) whose own
 * columns an EES header has two or more of, without its identifying one: a later release that renamed that column,
 * or an edited copy. Taken for a table the model does not use, it was skipped with exit 0 (a `requests.csv` with
 * `requests_received`: Kent run with no requests and no word). The unused tables of a full release (annual reviews,
 * personal budgets, residential and work-based placements) share none of their columns.
 * @example measureTableWithout(['time_period', …, 'requests_received', 'requests_rya', 'requests_decided_to_assess']) // { id: 'ees-2025-requests', signature: 'requests_received_in_year' }
 */
export function measureTableWithout(fields: readonly string[]): { id: string; signature: string } | undefined {
  const have = new Set(fields);
  for (const reader of EES_READERS) {
    const table = measureFileTable(reader);
    if (!table || have.has(table.signature)) continue;
    if ([...table.columns].filter((c) => have.has(c)).length >= 2) return { id: reader.id, signature: table.signature };
  }
  return undefined;
}

export const eesUnusedReader: Reader = {
  id: EES_UNUSED_READER_ID,
  description: 'DfE EHC plans release: a published table the model does not use (skipped with a note)',
  recognise: isUnusedEesTable,
  read(path) {
    return Promise.resolve({ rows: 0, errors: [], warnings: [{ file: path, message: msg.eesTableNotUsed() }] });
  },
};
