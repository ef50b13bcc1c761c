import { withoutInvisible } from '../../util/invisible.ts';

/**
 * A CSV header: names matched case-insensitively, trailing empty columns dropped, duplicated columns found.
 * Pure.
 */

export interface CsvHeader {
  /** Lower-cased, trimmed names, in file order (trailing empty names removed). */
  names: string[];
  /** Names as written in the file. */
  original: string[];
  /** First index of each lower-cased name. */
  index: Map<string, number>;
  /** Columns that appear more than once: name and every index. */
  duplicates: Array<{ name: string; indexes: number[] }>;
  /** Fields of the header line, its trailing empty names included: the most a row may hold (the rest empty). */
  width: number;
}

/** Normalises a header name: trim, strip NBSP, BOM and other invisible characters (invisible.ts), lower-case. */
export function normaliseName(s: string): string {
  return withoutInvisible(s.replace(/[\u00a0\ufeff]/g, ' ')).trim().toLowerCase();
}

/**
 * Builds a header from the first record's fields.
 * @example parseHeader(['A', 'b', 'a', '']).duplicates // [{ name: 'a', indexes: [0, 2] }]
 */
export function parseHeader(fields: readonly string[]): CsvHeader {
  const original = [...fields];
  while (original.length > 0 && original[original.length - 1]!.trim() === '') original.pop();
  const names = original.map(normaliseName);
  const index = new Map<string, number>();
  const seen = new Map<string, number[]>();
  names.forEach((n, i) => {
    if (!index.has(n)) index.set(n, i);
    const list = seen.get(n);
    if (list) list.push(i);
    else seen.set(n, [i]);
  });
  const duplicates = [...seen.entries()].filter(([n, ix]) => n !== '' && ix.length > 1).map(([name, indexes]) => ({ name, indexes }));
  return { names, original, index, duplicates, width: fields.length };
}

/**
 * The delimiter a one-column header line was probably written with, if not a comma: three fields or more, or two
 * that are both column names (`financial_year;dsg_cumulative_balance_gbp`, a two-column table saved with semicolons,
 * was an 'unknown layout').
 */
export function otherDelimiter(line: string): string | undefined {
  const name = (f: string) => /^[A-Za-z_][\w ]*$/.test(f.trim().replace(/^"(.*)"$/, '$1'));
  for (const d of [';', '\t', '|']) {
    const fields = line.split(d);
    if (fields.length > 2 || (fields.length === 2 && fields.every(name))) return d;
  }
  return undefined;
}
