/** Warnings of a file said once per kind (ees-datasets.ts: `forecast` and `backtest` print them as notes). */
import { formatProblem, type Problem } from '../errors.ts';
import * as msg from '../messages/etl.ts';

/** Warnings that repeat one kind on many lines of a file (leaves not adding up on 200 lines) said once, with the first. */
export function groupedWarnings(warnings: readonly Problem[], max = 3): string[] {
  const groups = new Map<string, Problem[]>();
  for (const w of warnings) {
    // the area a row's warning names ("(Kent, January 2025; kept …)") does not make it another kind
    const kind = `${w.file ?? ''}|${w.column ?? ''}|${w.message.replace(/\([^;()]*; /, '(').replace(/\d+(\.\d+)?/g, '#')}`;
    groups.set(kind, [...(groups.get(kind) ?? []), w]);
  }
  return [...groups.values()].flatMap((ws) => (ws.length <= max ? ws.map(formatProblem) : [msg.repeatedWarning(ws.length, formatProblem(ws[0]!))]));
}
