/**
 * Duplicate rows within one published file: two lines with the same values in every column that is not a
 * measure (the same LA, year, breakdown …). Identical measures → a copy, counted once and said once; different
 * measures → it is unclear which one counts, an error naming both lines. The measure columns are learnt from the
 * rows read so far (the columns a reader parsed as numbers), so no column a reader treats as a figure ever makes
 * two rows look different.
 */
import type { CsvRow } from './csv/read-table.ts';

export type DuplicateVerdict = { kind: 'new' } | { kind: 'copy'; firstLine: number } | { kind: 'conflict'; firstLine: number; column: string };

const SEP = '\u001f';

export class DuplicateRows {
  /** Columns some row of the file was read as a figure from. */
  readonly measures = new Set<string>();
  private readonly seen = new Map<string, { line: number; values: string[] }>();
  /** Copies found (lines repeating an earlier line exactly). */
  copies = 0;
  firstCopy: { line: number; of: number } | undefined;

  /**
   * Checks a row against the earlier rows of the file (and remembers it when it is new).
   * @example const v = dups.check(row); if (v.kind === 'copy') return; // skip: counted once
   */
  check(row: CsvRow): DuplicateVerdict {
    const dims: string[] = [];
    const measures: string[] = [];
    for (const n of row.names) (this.measures.has(n) ? measures : dims).push(n);
    const key = dims.map((n) => row.get(n)).join(SEP);
    const values = measures.map((n) => `${n}=${row.get(n)}`);
    const first = this.seen.get(key);
    if (!first) {
      this.seen.set(key, { line: row.line, values });
      return { kind: 'new' };
    }
    const differs = measures.find((n, i) => first.values[i] !== `${n}=${row.get(n)}`);
    if (differs === undefined && first.values.length === values.length) {
      this.copies++;
      this.firstCopy ??= { line: row.line, of: first.line };
      return { kind: 'copy', firstLine: first.line };
    }
    return { kind: 'conflict', firstLine: first.line, column: differs ?? measures[0] ?? '' };
  }
}
