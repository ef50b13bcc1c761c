/**
 * The notes `run` and `goal-seek` say on stderr, and the Data quality sheet lists, in the order a reader should meet
 * them: first those that say a figure is probably wrong (NoteKind 'suspect': an input in the wrong units or out of
 * scale, a money rate or amount slipped, a lever that changes nothing, a starting stock that is not the data's, a
 * money table left out or of no named LA), then those that say how the run fills or pools what the data lack
 * ('caveat': a small LA's pooled mixes, a population held flat, a table's year taken back, a later release's revision).
 * `run` lists the first RUN_NOTES_LISTED on stderr: the budget's notes came last, and Rutland's places note (real 2022
 * release with the sample's money tables, 10 notes) sat behind '… and 2 more'. Each source says the kind of its notes
 * where it adds them; this is the one place that orders them, and nothing is dropped.
 */

/** 'suspect': a figure the note names is probably wrong; 'caveat': the figures rest on something the note explains. */
export type NoteKind = 'suspect' | 'caveat';

/** How many notes `run` lists on stderr before '… and N more' (all are on the Data quality sheet). */
export const RUN_NOTES_LISTED = 8;

/** The notes of a run, each once (the first time it is added, or suspect if any source says so), suspect ones first. */
export class RunNotes {
  private readonly kinds = new Map<string, NoteKind>();

  add(kind: NoteKind, messages: Iterable<string>): void {
    for (const m of messages) if (this.kinds.get(m) !== 'suspect') this.kinds.set(m, kind);
  }

  isSuspect(message: string): boolean {
    return this.kinds.get(message) === 'suspect';
  }

  /** Every note, those that say a figure is probably wrong first, each kind in the order its notes were added. */
  ordered(): string[] {
    return suspectFirst([...this.kinds.keys()], (m) => this.isSuspect(m));
  }
}

/** `items` with those `isSuspect` holds of first, the order within each kind kept. */
export function suspectFirst<T>(items: readonly T[], isSuspect: (item: T) => boolean): T[] {
  return [...items.filter(isSuspect), ...items.filter((i) => !isSuspect(i))];
}
