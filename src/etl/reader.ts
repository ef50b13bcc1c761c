/**
 * The one interface every input reader implements (inputs.md). A reader is chosen by content — the header row or
 * the XML root — never by file name, and validates as it reads. It writes harmonised rows to a sink (schema.ts);
 * `validate` gives it a counting sink, `load` one that appends inside the load's single transaction.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Problem } from '../errors.ts';
import type { WarehouseTable } from './schema.ts';
import type { Staging, StagingOptions } from './staging.ts';

/** What a reader may look at to recognise a file: decoded head of the file, header fields or XML root. */
export interface Sniff {
  path: string;
  /** Size in bytes. */
  size: number;
  /** The first bytes, decoded (UTF-8, or Windows-1252 when not valid UTF-8), BOM removed. */
  head: string;
  /** Header fields of the first non-blank line when the file looks like CSV, lower-cased and trimmed. */
  headerFields?: string[];
  /** Root element name when the file looks like XML. */
  xmlRoot?: string;
  /** Sheet names when the file is XLSX. */
  sheets?: string[];
  /** Set when a ZIP file is too large to open as a workbook: why (the file is then refused). */
  sheetsProblem?: string;
  /** True when the head holds NUL bytes or is not text at all. */
  binary: boolean;
  /** What a binary file looks like, for a helpful message: UTF-16 text (Excel's "Unicode text"), gzip, PDF. */
  binaryKind?: 'utf-16' | 'gzip' | 'pdf';
  /** The first line of a UTF-16 file, decoded: no reader reads it, but it tells a table from a note (registry.ts). */
  utf16FirstLine?: string;
  /**
   * True when a text file that is not XML has no line break in its first bytes (sniff.ts HEAD_BYTES): no table's
   * header comes near that length, and a reader that took the file by the columns at its start read the whole line
   * (a header of 3 million columns ran for minutes; a column name of 50 MB was echoed in a warning).
   */
  firstLineTooLong?: boolean;
}

/** Where a reader puts harmonised rows. */
export interface RowSink {
  add(table: WarehouseTable, row: Record<string, unknown>): void | Promise<void>;
  /**
   * The tables whose rows the sink wants (every table when absent): a scratch read (scratch-read.ts) hands it only
   * these, and queries no other; a row reader hands every row, and the sink passes over the others.
   */
  tables?: readonly WarehouseTable[];
}

/** Context for one file: its id in the load, the identifier hash key, and the run's limits. */
export interface ReadContext {
  fileId: number;
  path: string;
  /** Key for hashing UPN/ULN (per warehouse). */
  hashKey: string;
  /** The census year "now", for future-date checks (passed in: the core reads no clock). */
  today: Date;
}

export interface ReadReport {
  rows: number;
  errors: Problem[];
  warnings: Problem[];
}

export interface Reader {
  /** Stable id, shown to users ("ees-2025-caseload"). */
  id: string;
  /** One line for users: which format this is. */
  description: string;
  /** Whether this reader takes the file. */
  recognise(sniff: Sniff): boolean;
  /** Reads and validates the whole file, streaming rows to `sink`. Must not throw on bad data: report errors. */
  read(path: string, sink: RowSink, ctx: ReadContext): Promise<ReadReport>;
  /**
   * Optional set-based load (DuckDB reads the file, SQL checks and reshapes it) into the warehouse tables on `db`
   * (inside the load's transaction: a statement that fails there fails the whole load), writing exactly what `read`
   * writes, in the same order. Gives undefined, having written nothing, when the file must be read by `read`
   * instead (an irregular file, or one whose errors only `read` names); a report with errors only when it has
   * written nothing.
   */
  load?(path: string, db: DuckDBConnection, ctx: LoadContext): Promise<ReadReport | undefined>;
  /**
   * Optional first half of `load`, so that files can be read side by side (load-files.ts): reads and checks the file
   * in a staging database of its own, outside the load's transaction, and gives what writes its rows at the file's
   * turn, or undefined (nothing staged) when `load` would give undefined. A reader with `prepare` has a `load` that
   * is `prepare` then `insert`.
   */
  prepare?(path: string, ctx: PrepareContext): Promise<PreparedLoad | undefined>;
}

/** Context for Reader.prepare: no file id yet (it is known at the file's turn), a staging database to open. */
export interface PrepareContext extends Omit<ReadContext, 'fileId'> {
  staging: (opts?: StagingOptions) => Promise<Staging | undefined>;
}

/** A file read and checked set-based (Reader.prepare), its rows not yet written. */
export interface PreparedLoad {
  /** Rows, errors and warnings of the file, as `load` reports them. */
  report: ReadReport;
  /** Writes the file's rows into the warehouse tables on `db` (inside the load's transaction) as file `fileId`. */
  insert(db: DuckDBConnection, fileId: number): Promise<void>;
  /** Lets go of the staged tables (idempotent). */
  close(): Promise<void>;
}

/** Context for a set-based load (Reader.load). */
export interface LoadContext extends ReadContext {
  /**
   * Opens a staging database on the warehouse's DuckDB (staging.ts: its own connection, outside the load's
   * transaction; never spilled to disk unless `personal` is false), or gives undefined when none can be opened;
   * absent: none. The reader closes it.
   */
  staging?: (opts?: StagingOptions) => Promise<Staging | undefined>;
}

/**
 * `load` as `prepare` then `insert`, for a reader with `prepare`: undefined without a staging database, and the
 * rows inserted only when the file has no error.
 */
export function loadByPreparing(prepare: NonNullable<Reader['prepare']>): NonNullable<Reader['load']> {
  return async (path, db, ctx) => {
    if (!ctx.staging) return undefined;
    const prepared = await prepare(path, { path: ctx.path, hashKey: ctx.hashKey, today: ctx.today, staging: ctx.staging });
    return prepared && insertPrepared(prepared, db, ctx.fileId);
  };
}

/** Inserts a prepared file's rows as file `fileId` when it has no error, lets go of its staged tables, gives its report. */
export async function insertPrepared(prepared: PreparedLoad, db: DuckDBConnection, fileId: number): Promise<ReadReport> {
  try {
    if (prepared.report.errors.length === 0) await prepared.insert(db, fileId);
    return prepared.report;
  } finally {
    await prepared.close();
  }
}
