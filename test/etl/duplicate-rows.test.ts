import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../src/etl/csv/header.ts';
import { CsvRow } from '../../src/etl/csv/read-table.ts';
import { DESCRIPTIVE_COLUMNS, DuplicateRows, fnv1a, unreadColumns, type DuplicateVerdict } from '../../src/etl/duplicate-rows.ts';
import { Rng } from '../../src/util/rng.ts';

/** The rule as texts: a Map of joined non-measure values (descriptive columns aside) to the first line and its `name=value` measures. */
class TextDuplicateRows {
  readonly measures = new Set<string>();
  private readonly seen = new Map<string, { line: number; values: string[] }>();
  check(row: CsvRow): DuplicateVerdict {
    const dims: string[] = [];
    const measures: string[] = [];
    for (const n of row.names) if (this.measures.has(n) || !DESCRIPTIVE_COLUMNS.has(n)) (this.measures.has(n) ? measures : dims).push(n);
    const key = dims.map((n) => row.get(n)).join('\u001f');
    const values = measures.map((n) => `${n}=${row.get(n)}`);
    const first = this.seen.get(key);
    if (!first) {
      this.seen.set(key, { line: row.line, values });
      return { kind: 'new' };
    }
    const differs = measures.find((n, i) => first.values[i] !== `${n}=${row.get(n)}`);
    if (differs === undefined && first.values.length === values.length) return { kind: 'copy', firstLine: first.line, unreadDiffer: [] };
    return { kind: 'conflict', firstLine: first.line, column: differs ?? measures[0] ?? '' };
  }
}

describe('DuplicateRows', () => {
  it('gives the verdicts of comparing texts, row for row (copies, conflicts and their column, measures learnt as rows are read)', () => {
    // `breakdown` takes the names: `la_name` is descriptive (not in the key), which the next test checks
    const header = parseHeader(['time_period', 'breakdown', 'age', 'total', 'total_pc', 'note']);
    const g = new Rng(7);
    const rnd = () => g.uniform();
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
      const t = texts.check(row);
      // expect only where the two are not identical (toEqual is the judge; 120,000 calls of it were 1.5 s of CPU)
      if (!isDeepStrictEqual(v, t)) expect(v, `line ${line}`).toEqual(t);
      kinds[v.kind]++;
    }
    expect(kinds.copy).toBeGreaterThan(1000);
    expect(kinds.conflict).toBeGreaterThan(1000);
    expect(kinds.new).toBeGreaterThan(50_000);
  });

  it('leaves descriptive columns (the name beside the code, the period label) out of the key, and out of the figures', () => {
    const header = parseHeader(['time_period', 'time_identifier', 'old_la_code', 'new_la_code', 'la_name', 'total']);
    const dups = new DuplicateRows();
    dups.measures.add('total');
    expect(dups.check(new CsvRow(2, ['202526', 'Academic year', '925', 'E10000019', 'Lincolnshire', '1200'], header)).kind).toBe('new');
    expect(dups.check(new CsvRow(3, ['202526', 'Academic Year', '925', 'E06000099', 'Lincolnshire County Council', '1200'], header))).toEqual({ kind: 'copy', firstLine: 2, unreadDiffer: [] });
    expect(dups.check(new CsvRow(4, ['202526', 'Academic year', '925', 'E10000019', 'Lincs', '1300'], header))).toEqual({ kind: 'conflict', firstLine: 2, column: 'total' });
    expect(dups.check(new CsvRow(5, ['202526', 'Academic year', '926', 'E10000019', 'Lincolnshire', '1200'], header)).kind).toBe('new');
  });

  it('tells apart two keys with the same hash: it compares their bytes, never the hash alone', () => {
    // a key is its number of values, then each value's number (in order of first appearance) as a varint
    const varint = (n: number): number[] => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, n >> 7]);
    const key = (i: number, j: number) => Buffer.from([2, ...varint(i), ...varint(j)]);
    // two keys that share a hash: found by hashing every pair of value numbers from 128 to 1,399 (FNV-1a does not
    // collide on keys of four bytes or fewer); search again if the hash ever changes
    const pair: [[number, number], [number, number]] = [[837, 1175], [1067, 512]];
    const [a, b] = pair.map(([i, j]) => key(i, j));
    expect(fnv1a(a!, 0, a!.length), 'the two keys share a hash').toBe(fnv1a(b!, 0, b!.length));
    const header = parseHeader(['a', 'b', 'n']);
    const d = new DuplicateRows();
    d.measures.add('n');
    let line = 2;
    // row k brings value vk (number k) in both columns: key (k, k), never one of the pair (i ≠ j)
    for (let k = 0; k < 1200; k++) expect(d.check(new CsvRow(line++, [`v${k}`, `v${k}`, '0'], header)).kind).toBe('new');
    const [[i1, j1], [i2, j2]] = pair;
    const first = line;
    expect(d.check(new CsvRow(line++, [`v${i1}`, `v${j1}`, '1'], header))).toEqual({ kind: 'new' });
    expect(d.check(new CsvRow(line++, [`v${i2}`, `v${j2}`, '2'], header))).toEqual({ kind: 'new' });
    expect(d.check(new CsvRow(line++, [`v${i1}`, `v${j1}`, '1'], header))).toEqual({ kind: 'copy', firstLine: first, unreadDiffer: [] });
    expect(d.check(new CsvRow(line++, [`v${i2}`, `v${j2}`, '3'], header))).toEqual({ kind: 'conflict', firstLine: first + 1, column: 'n' });
  });

  it('leaves columns not read out of the key and the figures, and names those in which a copy differs', () => {
    const header = parseHeader(['la', '', 'notes', 'n', 'extra']);
    const d = new DuplicateRows();
    d.measures.add('n');
    d.ignore(unreadColumns(header.names, { required: ['la'], optional: ['n'] }));
    // 'extra' is not declared, yet read as a figure: a figure
    d.measures.add('extra');
    expect(d.check(new CsvRow(2, ['A', '', 'a', '1', '5'], header))).toEqual({ kind: 'new' });
    expect(d.check(new CsvRow(3, ['A', '', 'a', '1', '5'], header))).toEqual({ kind: 'copy', firstLine: 2, unreadDiffer: [] });
    expect(d.check(new CsvRow(4, ['A', 'x', 'b', '1', '5'], header))).toEqual({ kind: 'copy', firstLine: 2, unreadDiffer: ['', 'notes'] });
    expect(d.check(new CsvRow(5, ['A', '', 'b', '2', '5'], header))).toEqual({ kind: 'conflict', firstLine: 2, column: 'n' });
    expect(d.check(new CsvRow(6, ['A', '', 'a', '1', '6'], header))).toEqual({ kind: 'conflict', firstLine: 2, column: 'extra' });
    expect(d.check(new CsvRow(7, ['B', '', 'a', '1', '5'], header))).toEqual({ kind: 'new' });
    expect([d.copies, d.unreadDiffer]).toEqual([2, ['', 'notes']]);
  });

  it('counts copies and remembers the first', () => {
    const header = parseHeader(['la', 'n']);
    const d = new DuplicateRows();
    d.measures.add('n');
    expect(d.check(new CsvRow(2, ['A', '1'], header))).toEqual({ kind: 'new' });
    expect(d.check(new CsvRow(3, ['A', '1'], header))).toEqual({ kind: 'copy', firstLine: 2, unreadDiffer: [] });
    expect(d.check(new CsvRow(4, ['A', '2'], header))).toEqual({ kind: 'conflict', firstLine: 2, column: 'n' });
    expect(d.check(new CsvRow(5, [' A ', '1'], header))).toEqual({ kind: 'copy', firstLine: 2, unreadDiffer: [] });
    expect([d.copies, d.firstCopy]).toEqual([2, { line: 3, of: 2 }]);
  });
});
