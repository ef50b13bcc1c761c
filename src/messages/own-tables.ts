/**
 * Messages about the cells and rows of the project's own money tables (unit costs, places, funding, other spend,
 * opening balance, reserves, Section 251 outturn) as a council's spreadsheet writes them: each names what was found
 * and says what to write instead. The readers add the file, line (sheet and cell) and column.
 */
import { fmtMoneyExact } from '../report/format.ts';

/** A row whose figure is the sum of other rows of its year: a total or subtotal row without (or with another) label. */
export function totalRowByFigures(label: string, year: string, amount: number, count: number, lines: readonly number[]): string {
  const runs = lines.every((l, i) => i === 0 || l === lines[i - 1]! + 1);
  const at = runs ? `lines ${lines[0]}–${lines[lines.length - 1]}` : `lines ${lines.slice(0, 6).join(', ')}${lines.length > 6 ? ', …' : ''}`;
  return (
    `'${label}' (${year}, ${fmtMoneyExact(amount)}) is the sum of the ${count} rows of ${year} above it (${at}): a total or ` +
    `subtotal row, which read as a line of its own would count them twice. Delete it (the tool adds up the lines itself); ` +
    `if it is a line of spend of its own, check its figure, which cannot be all the others together`
  );
}
