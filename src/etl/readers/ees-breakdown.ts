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

/** Counts rows of unused topics so one note per topic is written at the end. */
export class BreakdownReader {
  private readonly skipped = new Map<string, number>();
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
      const p = placementFromEesColumn(label.replace(/[\s-]+/g, '_')) ?? placementFromEes2022EstablishmentType(label);
      if (p) return { kind: 'placement', placement: p };
      return this.skip(`${topic}: ${label}`);
    }
    return this.skip(topic);
  }

  /** Writes one info warning per skipped topic. */
  finish(log: ProblemLog): void {
    for (const [topic, n] of this.skipped) log.warn(msg.breakdownSkipped(topic, n));
  }

  private skip(topic: string): Breakdown {
    this.skipped.set(topic, (this.skipped.get(topic) ?? 0) + 1);
    return { kind: 'skip' };
  }
}
