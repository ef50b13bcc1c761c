/**
 * A URN given on two lines of one establishment file (the own lookup or a GIAS extract). The warehouse keeps one
 * placement per URN, so two different placements would leave it to chance which one every plan at that school gets;
 * that is an error naming both lines. The same placement twice (a pasted row) is counted once, with one warning (at
 * the first such line: a file of many pasted rows does not fill the Data quality sheet).
 */
import * as msg from '../../messages/etl.ts';
import type { ProblemLog } from '../problem-log.ts';

export class UrnRepeats {
  private readonly seen = new Map<string, { line: number; value: string }>();
  private warned = false;
  /** `what` names the value that places a plan, for the message ('placements', 'establishment types'). */
  constructor(private readonly what: string) {}

  /** Whether the row is new (to be stored); logs an error or a warning on the row's line when it is not. */
  accept(urn: string, value: string, line: number, column: string, log: ProblemLog): boolean {
    const first = this.seen.get(urn);
    if (first === undefined) {
      this.seen.set(urn, { line, value });
      return true;
    }
    if (first.value.toLowerCase() === value.toLowerCase()) {
      if (!this.warned) log.warn(msg.urnRepeated(urn, first.line), line, column);
      this.warned = true;
    } else log.error(msg.urnPlacedTwice(urn, this.what, value, first.value, first.line), line, column);
    return false;
  }
}
