import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../src/etl/csv/header.ts';
import { CsvRow } from '../../src/etl/csv/read-table.ts';
import { DuplicateRows, type DuplicateVerdict } from '../../src/etl/duplicate-rows.ts';

/** The rule as texts: a Map of joined non-measure values to the first line and its `name=value` measures. */
class TextDuplicateRows {
  readonly measures = new Set<string>();
  private readonly seen = new Map<string, { line: number; values: string[] }>();
  check(row: CsvRow): DuplicateVerdict {
    const dims: string[] = [];
    const measures: string[] = [];
    for (const n of row.names) (this.measures.has(n) ? measures : dims).push(n);
    const key = dims.map((n) => row.get(n)).join('\u001f');
    const values = measures.map((n) => `${n}=${row.get(n)}`);
    const first = this.seen.get(key);
    if (!first) {
      this.seen.set(key, { line: row.line, values });
      return { kind: 'new' };
    }
    const differs = measures.find((n, i) => first.values[i] !== `${n}=${row.get(n)}`);
    if (differs === undefined && first.values.length === values.length) return { kind: 'copy', firstLine: first.line };
    return { kind: 'conflict', firstLine: first.line, column: differs ?? measures[0] ?? '' };
  }
}

/** A small deterministic generator (xorshift). */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

describe('DuplicateRows', () => {
  it('gives the verdicts of comparing texts, row for row (copies, conflicts and their column, measures learnt as rows are read)', () => {
    const header = parseHeader(['time_period', 'la_name', 'age', 'total', 'total_pc', 'note']);
    const rnd = random(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const names = ['Barnet', 'Brighton and Hove', 'Bristol, City of', 'Ynys Môn', 'Rhondda Cynon Taf', ' Bury '];
    const long = 'x'.repeat(300);
    const compact = new DuplicateRows();
    const texts = new TextDuplicateRows();
    const kinds = { new: 0, copy: 0, conflict: 0 };
    // enough rows for the table to grow many times and the records to fill several 4 MB chunks
    for (let line = 2; line < 120_000; line++) {
      const fields = [
        String(2000 + Math.floor(rnd() * 30)),
        pick(names),
        String(Math.floor(rnd() * 400)),
        rnd() < 0.02 ? 'c' : String(Math.floor(rnd() * 3)),
        rnd() < 0.5 ? `${long}${Math.floor(rnd() * 2)}` : '12.5',
        rnd() < 0.001 ? 'é'.repeat(Math.floor(rnd() * 3)) : '',
      ];
      const row = new CsvRow(line, fields, header);
      // the readers learn measure columns as they parse them: total first, total_pc after some rows
      for (const m of line > 50 ? ['total', 'total_pc'] : ['total']) {
        compact.measures.add(m);
        texts.measures.add(m);
      }
      if (line === 90_000) {
        compact.measures.add('note');
        texts.measures.add('note');
      }
      const v = compact.check(row);
      expect(v, `line ${line}`).toEqual(texts.check(row));
      kinds[v.kind]++;
    }
    expect(kinds.copy).toBeGreaterThan(1000);
    expect(kinds.conflict).toBeGreaterThan(1000);
    expect(kinds.new).toBeGreaterThan(50_000);
  });

  it('counts copies and remembers the first', () => {
    const header = parseHeader(['la', 'n']);
    const d = new DuplicateRows();
    d.measures.add('n');
    expect(d.check(new CsvRow(2, ['A', '1'], header))).toEqual({ kind: 'new' });
    expect(d.check(new CsvRow(3, ['A', '1'], header))).toEqual({ kind: 'copy', firstLine: 2 });
    expect(d.check(new CsvRow(4, ['A', '2'], header))).toEqual({ kind: 'conflict', firstLine: 2, column: 'n' });
    expect(d.check(new CsvRow(5, [' A ', '1'], header))).toEqual({ kind: 'copy', firstLine: 2 });
    expect([d.copies, d.firstCopy]).toEqual([2, { line: 3, of: 2 }]);
  });
});
