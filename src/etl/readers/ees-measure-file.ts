/**
 * A 2025-layout flow file whose measures are plain columns (requests, assessments, timeliness, ceased plans,
 * phase transfers): the listed columns become flow measures for all rows and age breakdowns; the file's other
 * published columns (and any percentage column) are still checked as numbers (count, or percentage for `_pc`
 * columns). A column the file does not publish is warned of and not read, as in the caseload: a later release's
 * text column ('release_note') refused the whole file, one error per row, before.
 */
import { isPercentColumn } from '../csv/values.ts';
import type { Reader } from '../reader.ts';
import { BreakdownReader } from './ees-breakdown.ts';
import { isCommonColumn, type EesLayout } from './ees-common.ts';
import { eesReader } from './ees-reader.ts';

export interface MeasureFileDef {
  id: string;
  description: string;
  /** Column whose presence identifies the file. */
  signature: string;
  /** Column → flow measure (and optional SEN2 reason code). */
  measures: Record<string, { measure: string; reason?: string }>;
  ageTopics: readonly string[];
  /** The file's other published columns (its data guidance), lower-cased: checked as numbers, not stored. */
  columns?: readonly string[];
  /** Whether any other column of the file is known (no warning), beside `measures`, `columns` and percentages. */
  accepts?: (name: string) => boolean;
  layout?: EesLayout;
}

/** Each measure-file reader's table: its identifying column and its own columns (measures and the others it publishes). */
const TABLES = new WeakMap<Reader, { signature: string; columns: ReadonlySet<string> }>();

/** The table a measure-file reader reads, for a reader made by measureFileReader. */
export function measureFileTable(reader: Reader): { signature: string; columns: ReadonlySet<string> } | undefined {
  return TABLES.get(reader);
}

/** Makes a reader for a measure-per-column flow file. */
export function measureFileReader(def: MeasureFileDef): Reader {
  const known = new Set([...Object.keys(def.measures), ...(def.columns ?? [])]);
  const accepts = (name: string): boolean => known.has(name) || isPercentColumn(name) || (def.accepts?.(name) ?? false);
  const reader = eesReader({
    id: def.id,
    description: def.description,
    yearKind: 'flow',
    required: [def.signature],
    optional: ['breakdown_topic', 'breakdown', ...Object.keys(def.measures)],
    accepts,
    matches: (f) => f.has(def.signature),
    layout: () => def.layout ?? 'ees-2025',
    session() {
      const breakdowns = new BreakdownReader(def.ageTopics);
      return {
        row(r) {
          const b = r.row.has('breakdown_topic') ? breakdowns.classify(r) : ({ kind: 'all' } as const);
          for (const name of r.row.names) {
            if (name === '' || isCommonColumn(name) || name === 'breakdown_topic' || name === 'breakdown' || !accepts(name)) continue;
            const v = r.num(name);
            const m = def.measures[name];
            if (!v || !m || (b.kind !== 'all' && b.kind !== 'age')) continue;
            const age = b.kind === 'age' ? { ageFrom: b.from, ageTo: b.to } : {};
            r.flow({ ...age, measure: m.measure, reason: m.reason }, v);
          }
        },
        finish: (log) => breakdowns.finish(log),
      };
    },
  });
  TABLES.set(reader, { signature: def.signature, columns: known });
  return reader;
}
