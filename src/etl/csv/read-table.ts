/**
 * Reads a CSV file as a table: header checks (required and unknown columns, duplicates, wrong delimiter), row
 * shape checks (short rows, truncated last line, extra non-empty fields), blank rows skipped, and each row handed
 * to the caller with its line number. Problems go to a ProblemLog; this never throws on bad data.
 */
import * as msg from '../../messages/etl.ts';
import { misspeltColumn } from '../../messages/workbooks.ts';
import { nearest } from '../../util/suggest.ts';
import type { ProblemLog } from '../problem-log.ts';
import { otherDelimiter, parseHeader, type CsvHeader } from './header.ts';
import { streamCsv, type TextEncoding } from './read-csv.ts';
import { isBlankRecord } from './tokenizer.ts';

/** What a table must and may hold (lower-case names). */
export interface TableSpec {
  required: readonly string[];
  /** Columns expected besides the required ones; others give a warning. */
  optional?: readonly string[];
  /** Extra test for expected columns (patterns such as year columns; where a column stands in the header). */
  accepts?: (name: string, names: readonly string[]) => boolean;
  /**
   * An unknown column whose name is near that of an optional column the file lacks ('import_export_adjustmnt_gbp'):
   * a warning (default), or an error (the own tables, where every column is a figure the budget uses: left out, the
   * figures of a misspelt column were taken as not given, with exit 0).
   */
  misspeltOptional?: 'warn' | 'error';
  /** A header row without data rows: an error (default), or a "no rows yet" warning (the own tables' templates). */
  headerOnly?: 'error' | 'warn';
}

/** One data row: values by lower-case column name. */
export class CsvRow {
  constructor(
    readonly line: number,
    readonly fields: readonly string[],
    private readonly header: CsvHeader,
  ) {}
  /** The trimmed value of a column, or '' when the column is absent. */
  get(name: string): string {
    const i = this.header.index.get(name);
    return i === undefined ? '' : (this.fields[i] ?? '').trim();
  }
  has(name: string): boolean {
    return this.header.index.has(name);
  }
  /** The lower-case column names of the file. */
  get names(): readonly string[] {
    return this.header.names;
  }
}

export interface TableResult {
  header?: CsvHeader;
  rows: number;
  encoding?: TextEncoding;
}

/**
 * Streams a CSV table to `onRow`, checking its shape against `spec`.
 * @example await readTable('x.csv', { required: ['urn'] }, log, (row) => row.get('urn'))
 */
export async function readTable(
  path: string,
  spec: TableSpec,
  log: ProblemLog,
  onRow: (row: CsvRow, header: CsvHeader) => void | Promise<void>,
  onHeader?: (header: CsvHeader, line: number) => void,
): Promise<TableResult> {
  let header: CsvHeader | undefined;
  let headerLine = 1;
  let stop = false;
  let rows = 0;
  let shortRow: { line: number; n: number } | undefined;
  let lastLine = 0;
  const disagreeing = new Set<string>();
  const known = new Set([...spec.required, ...(spec.optional ?? [])]);
  const end = await streamCsv(path, async (records) => {
    if (stop) return;
    for (const rec of records) {
      lastLine = rec.line;
      if (!header) {
        if (isBlankRecord(rec.fields)) continue;
        if (rec.fields.length === 1) {
          const d = otherDelimiter(rec.fields[0]!);
          if (d) {
            log.error(msg.wrongDelimiter(d), rec.line);
            stop = true;
            return;
          }
        }
        header = parseHeader(rec.fields);
        headerLine = rec.line;
        if (!checkHeader(header, spec, known, log, rec.line)) {
          stop = true;
          return;
        }
        onHeader?.(header, rec.line);
        continue;
      }
      if (isBlankRecord(rec.fields)) continue;
      if (shortRow) {
        log.error(msg.wrongFieldCount(header.names.length, shortRow.n), shortRow.line);
        shortRow = undefined;
      }
      const n = header.names.length;
      if (rec.fields.length < n) {
        shortRow = { line: rec.line, n: rec.fields.length };
        continue;
      }
      if (rec.fields.length > n) {
        const extra = rec.fields.slice(n).findIndex((f) => f.trim() !== '');
        if (extra >= 0) {
          log.error(msg.extraFields(n, rec.fields.length), rec.line);
          continue;
        }
        // empty fields past the header's own (its trailing empty columns, as Excel saves a wider range) are not a
        // trailing comma to ignore: one comma too many inside the line looks the same and shifts the values after
        // it into the wrong columns, so the line is refused rather than read shifted
        if (rec.fields.length > header.width) {
          log.error(msg.moreFieldsThanHeader(header.width, rec.fields.length), rec.line);
          continue;
        }
      }
      for (const name of disagreeingCopies(header, rec.fields)) {
        if (!disagreeing.has(name)) log.error(msg.duplicateColumnDisagrees(name), rec.line, name);
        disagreeing.add(name);
      }
      rows++;
      const r = onRow(new CsvRow(rec.line, rec.fields, header), header);
      if (r) await r;
    }
  });
  if (end.notUtf8AfterBom !== undefined) {
    log.error(msg.notUtf8AfterBom(end.notUtf8AfterBom), end.notUtf8AfterBom);
    return { rows: 0, encoding: end.encoding };
  }
  if (end.nulLine !== undefined) {
    log.error(msg.nulByte(end.nulLine), end.nulLine);
    return { rows: 0, encoding: end.encoding };
  }
  if (end.unterminatedQuote) log.error(msg.unterminatedQuote(), lastLine);
  if (shortRow) {
    if (end.lastLineUnterminated) log.error(msg.truncatedLastLine(header!.names.length, shortRow.n), shortRow.line);
    else log.error(msg.wrongFieldCount(header!.names.length, shortRow.n), shortRow.line);
  }
  if (!header && !stop) log.error(msg.emptyFile(), 1);
  else if (header && !stop && rows === 0 && log.errorCount === 0) {
    if (spec.headerOnly === 'warn') log.warn(msg.noRowsYet(), headerLine);
    else log.error(msg.headerOnly(), headerLine);
  }
  if (header) {
    for (const d of header.duplicates) {
      if (!disagreeing.has(d.name)) log.warn(msg.duplicateColumnAgrees(d.name, d.indexes.length), 1, d.name);
    }
  }
  return { header, rows, encoding: end.encoding };
}

/** The columns given more than once whose copies differ in this row's fields (trimmed). */
export function disagreeingCopies(header: CsvHeader, fields: readonly string[]): string[] {
  return header.duplicates
    .filter((d) => {
      const v0 = (fields[d.indexes[0]!] ?? '').trim();
      return d.indexes.some((ix) => (fields[ix] ?? '').trim() !== v0);
    })
    .map((d) => d.name);
}

/**
 * Checks a header against a spec: missing required columns are errors, unknown and empty names warnings (an unknown
 * name near a missing optional column an error when the spec says so). `emptyNames: false` leaves unnamed columns
 * unsaid (a workbook's blank spacer column or a table starting in column B).
 */
export function checkHeader(header: CsvHeader, spec: TableSpec, known: Set<string>, log: ProblemLog, line: number, emptyNames = true): boolean {
  const unknown = header.names.filter((n) => n !== '' && !known.has(n) && !(spec.accepts?.(n, header.names) ?? false));
  let ok = true;
  for (const r of spec.required) {
    if (!header.index.has(r)) {
      log.error(msg.missingColumn(r, nearest(r, unknown)), line, r);
      ok = false;
    }
  }
  const candidates = [...known];
  const lacking = (spec.optional ?? []).filter((o) => !header.index.has(o));
  for (const u of unknown) {
    const meant = spec.misspeltOptional === 'error' ? nearest(u, lacking) : undefined;
    if (meant !== undefined) {
      log.error(misspeltColumn(u, meant), line, u);
      ok = false;
    } else log.warn(msg.unknownColumn(u, nearest(u, candidates)), line, u);
  }
  if (emptyNames) {
    header.names.forEach((n, i) => {
      if (n === '') log.warn(msg.emptyColumnName(i + 1), line);
    });
  }
  return ok;
}
