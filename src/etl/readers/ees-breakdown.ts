/**
 * The `breakdown_topic` / `breakdown` pair of the 2025 layout: the all-rows total (its label differs per file),
 * age breakdowns (labels parsed into ranges), placement breakdowns, and topics the model does not use.
 */
import { MAX_AGE, MIN_AGE, parseAgeLabel, placementFromEes2022EstablishmentType, placementFromEesColumn, type Placement } from '../../domain/index.ts';
import * as msg from '../../messages/releases.ts';
import type { ProblemLog } from '../problem-log.ts';
import type { EesRow } from './ees-common.ts';

export type Breakdown =
  | { kind: 'all' }
  | { kind: 'age'; from: number; to: number }
  | { kind: 'placement'; placement: Placement }
  | { kind: 'skip' };

/** Whether a topic label is the all-rows total of its file ("All EHC plans", "New EHC plans", …). */
export function isTotalTopic(topic: string): boolean {
  const t = topic.trim().toLowerCase();
  return t === '' || t === 'total' || t.startsWith('all ') || t === 'new ehc plans';
}

/** A breakdown_topic the reader does not know: its rows, first line and first few breakdown labels. */
export interface UnknownTopic {
  topic: string;
  rows: number;
  line: number;
  labels: string[];
  /** Whether it gives more labels than those. */
  more: boolean;
  /** Whether every label reads as an age range (parseAgeLabel) / a placement. */
  ages: boolean;
  placements: boolean;
}

/** The placement a breakdown label names ('Mainstream - academy', 'Special school - independent'), if any. */
function placementOfLabel(label: string): Placement | undefined {
  return placementFromEesColumn(label.replace(/[\s-]+/g, '_')) ?? placementFromEes2022EstablishmentType(label);
}

/** How many breakdown labels of an unknown topic a message shows. */
const SHOWN_LABELS = 3;

/**
 * Counts rows of unused topics so one note per topic is written at the end. A topic it does not know is named with
 * its rows and labels: an error when no row of the file is its all-rows total (a later release renaming "All EHC
 * plans" stopped every LA with 'no stock of plans' and no word of the topic), a warning when it reads as the ages or
 * placements the reader found none of, a note otherwise (sex, ethnicity, …). It is never taken for the total or an
 * age topic: only the file's own label says what a row is.
 */
export class BreakdownReader {
  private readonly skipped = new Map<string, number>();
  private readonly unknown = new Map<string, UnknownTopic>();
  private readonly read = { all: 0, age: 0, placement: 0 };
  constructor(
    private readonly ageTopics: readonly string[],
    private readonly placementTopics: readonly string[] = [],
  ) {}

  /**
   * Classifies one row's breakdown. An age row spanning every age ("Total", "All ages" within the age topic) repeats
   * the file's all-rows total: it is skipped with a note, never stored beside that total (which doubled the stock).
   */
  classify(r: EesRow): Breakdown {
    const topic = r.row.get('breakdown_topic');
    const label = r.row.get('breakdown');
    const b = this.kindOf(r, topic, label);
    if (b.kind !== 'skip') this.read[b.kind]++;
    return b;
  }

  private kindOf(r: EesRow, topic: string, label: string): Breakdown {
    if (isTotalTopic(topic)) return { kind: 'all' };
    const t = topic.toLowerCase();
    if (this.ageTopics.includes(t)) {
      const age = parseAgeLabel(label);
      if (age && age.from <= MIN_AGE && age.to >= MAX_AGE) return this.skip(`${topic}: ${label}`);
      if (age) return { kind: 'age', from: age.from, to: Math.min(age.to, MAX_AGE) };
      if (!/unknown/i.test(label)) r.warn(msg.unknownAgeLabel(label), 'breakdown');
      return this.skip(`${topic}: ${label}`);
    }
    if (this.placementTopics.includes(t)) {
      // a subtotal ('Mainstream - total', 'Educated elsewhere - total') beside its own leaves: never added to them
      if (/\btotal\b/i.test(label)) return this.skip(`${topic}: ${label}`);
      const p = placementOfLabel(label);
      if (p) return { kind: 'placement', placement: p };
      return this.skip(`${topic}: ${label}`);
    }
    this.noteUnknown(topic, label, r.row.line);
    return { kind: 'skip' };
  }

  /** Writes one info warning per skipped topic, and names the topics not known (see the class). */
  finish(log: ProblemLog): void {
    for (const [topic, n] of this.skipped) log.warn(msg.breakdownSkipped(topic, n));
    const unknown = [...this.unknown.values()];
    if (unknown.length === 0) return;
    if (this.read.all === 0) {
      log.error(msg.noTotalTopic(unknown), unknown[0]!.line, 'breakdown_topic');
      return;
    }
    for (const t of unknown) {
      if (t.ages && this.read.age === 0 && this.ageTopics.length > 0) log.warn(msg.unknownTopicLooksLike(t, 'ages', this.ageTopics), t.line, 'breakdown_topic');
      else if (t.placements && this.read.placement === 0 && this.placementTopics.length > 0) log.warn(msg.unknownTopicLooksLike(t, 'placements', this.placementTopics), t.line, 'breakdown_topic');
      else log.warn(msg.breakdownSkipped(t.topic, t.rows));
    }
  }

  private noteUnknown(topic: string, label: string, line: number): void {
    let t = this.unknown.get(topic);
    if (!t) {
      t = { topic, rows: 0, line, labels: [], more: false, ages: true, placements: true };
      this.unknown.set(topic, t);
    }
    t.rows++;
    if (!t.labels.includes(label)) {
      if (t.labels.length < SHOWN_LABELS) t.labels.push(label);
      else t.more = true;
    }
    if (t.ages && !parseAgeLabel(label)) t.ages = false;
    if (t.placements && !placementOfLabel(label)) t.placements = false;
  }

  private skip(topic: string): Breakdown {
    this.skipped.set(topic, (this.skipped.get(topic) ?? 0) + 1);
    return { kind: 'skip' };
  }
}
