/**
 * The warnings of the council's own tables, for `run`'s stderr: each is about a figure of its money (a column or a
 * sheet left out, a column given twice), and they were on the workbook's Data quality sheet only (funding.csv headed
 * 'sbt_gbp' for the schools block transfer ran with £1.25m a year left out of income, the analyst told nothing).
 * An empty template's "no rows yet" changes no figure and is left to the Data quality sheet.
 */
import type { LoadedFile } from '../etl/load-files.ts';
import { OWN_TABLES } from '../etl/readers/own-table-defs.ts';
import { ownTablesXlsx } from '../etl/readers/own-tables.ts';
import { EMPTY_TEMPLATE } from '../messages/etl.ts';
import { MEASURE_COLUMN_NOT_READ } from '../messages/releases.ts';
import type { DataQualityNote } from '../report/run-report.ts';

const OWN_READERS = new Set([...OWN_TABLES.map((d) => d.id), ownTablesXlsx.id]);

/** Whether a Data quality note is a warning of one of the own tables among `loaded` (each says a money figure is probably wrong or left out). */
export function isOwnTableWarning(loaded: readonly LoadedFile[]): (n: DataQualityNote) => boolean {
  const own = new Set(loaded.filter((f) => OWN_READERS.has(f.reader)).map((f) => f.path));
  return (n) => n.severity === 'warning' && n.path !== undefined && own.has(n.path) && !n.message.includes(EMPTY_TEMPLATE);
}

const located = (n: DataQualityNote): string => `${n.path}${n.line === undefined ? '' : `:${n.line}`}${n.column === undefined ? '' : ` [${n.column}]`}: ${n.message}`;

/** Each warning of an own table among `notes`, as `path:line [column]: message`. */
export function ownTableWarnings(notes: readonly DataQualityNote[], loaded: readonly LoadedFile[]): string[] {
  return notes.filter(isOwnTableWarning(loaded)).map(located);
}

/**
 * Each warning of a published flow file's column not read where the file lacks a measure column it is near
 * (messages/releases.ts measureColumnNotRead), as ownTableWarnings: on the Data quality sheet only before, while the
 * run went on without that measure.
 */
export function measureColumnWarnings(notes: readonly DataQualityNote[]): string[] {
  return notes.filter((n) => n.severity === 'warning' && n.message.startsWith(MEASURE_COLUMN_NOT_READ)).map(located);
}
