/**
 * A 2025-layout flow file whose measures are plain columns (requests, assessments, timeliness, ceased plans,
 * phase transfers): the listed columns become flow measures for all rows and age breakdowns; the file's other
 * published columns (and any percentage column) are still checked as numbers (count, or percentage for `_pc`
 * columns). A column the file does not publish is warned of and not read, as in the caseload: a later release's
 * text column ('release_note') refused the whole file, one error per row, before.
 */
import * as msg from '../../messages/releases.ts';
import { editDistance, nearest } from '../../util/suggest.ts';
import { isPercentColumn } from '../csv/values.ts';
import { modelReadsFlow } from '../flow-fields.ts';
import { unknownPercentColumns } from './ees-percent.ts';
import type { ProblemLog } from '../problem-log.ts';
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
  /** The percentage columns the layout publishes (lower-cased) besides the shares of known columns ('x_pc'). */
  percentColumns?: readonly string[];
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
      let names: readonly string[] | undefined;
      return {
        row(r) {
          names ??= r.row.names;
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
        finish: (log) => {
          breakdowns.finish(log);
          if (!names) return;
          noteMeasuresNotRead(def, names, accepts, log);
          const pc = unknownPercentColumns(names, (b) => known.has(b), def.percentColumns);
          if (pc.length > 0) log.warn(msg.percentColumnsNotKnown(pc), 1, pc[0]);
        },
      };
    },
  });
  TABLES.set(reader, { signature: def.signature, columns: known });
  return reader;
}

/**
 * An unknown column near a measure column the file lacks (a later release's 'requests_decided_assess' for
 * 'requests_decided_to_assess'): a warning naming both, what the model reads that measure for and what it does
 * without it, or that the model does not read it. 'unknown column … did you mean' alone was on validate and the Data
 * quality sheet, never on run's stderr, while the run went on without the LA's requests decided to assess.
 */
function noteMeasuresNotRead(def: MeasureFileDef, names: readonly string[], accepts: (name: string) => boolean, log: ProblemLog): void {
  const lacking = Object.keys(def.measures).filter((c) => !names.includes(c));
  const unknown = names.filter((n) => n !== '' && !isCommonColumn(n) && n !== 'breakdown_topic' && n !== 'breakdown' && !accepts(n));
  for (const [name, meant] of renamings(unknown, lacking)) {
    const measure = def.measures[meant]!.measure;
    log.warn(msg.measureColumnNotRead(name, meant, modelReadsFlow(measure) ? measure : undefined), 1, name);
  }
}

/**
 * Each unknown column paired with the lacking column it is likeliest a renaming of, one to one: of the pairs close
 * enough to be one (nearest), those differing by fewest words first, then by fewest letters: 'requests_decided_not_assess'
 * is 'requests_decided_not_to_assess' (one word apart), not 'requests_decided_to_assess' (two words, though two letters).
 */
function renamings(unknown: readonly string[], lacking: readonly string[]): Array<[string, string]> {
  const words = (c: string): Set<string> => new Set(c.split('_'));
  const apart = (a: string, b: string): number => {
    const [x, y] = [words(a), words(b)];
    return [...x].filter((w) => !y.has(w)).length + [...y].filter((w) => !x.has(w)).length;
  };
  const pairs = unknown.flatMap((u) => lacking.filter((l) => nearest(u, [l]) !== undefined).map((l) => ({ u, l, w: apart(u, l), d: editDistance(u, l) })));
  pairs.sort((a, b) => a.w - b.w || a.d - b.d);
  const out: Array<[string, string]> = [];
  const used = new Set<string>();
  for (const p of pairs) {
    if (used.has(p.u) || used.has(p.l)) continue;
    used.add(p.u).add(p.l);
    out.push([p.u, p.l]);
  }
  return out.sort((a, b) => unknown.indexOf(a[0]) - unknown.indexOf(b[0]));
}
