/**
 * A set-based read without a warehouse of the caller's: the file is loaded (Reader.load) into a scratch in-memory
 * warehouse inside a transaction that is always rolled back, and its rows are handed to a sink exactly as the row
 * reader would hand them (same tables, same order). `validate` and the EES datasets of `forecast` and `backtest`
 * read this way; a file the set-based path does not take (irregular, with errors, or too large to hold in memory)
 * gives undefined and goes to the row reader.
 */
import { stat } from 'node:fs/promises';
import { PrepareAhead, PREPARE_SLOTS } from './prepare-ahead.ts';
import { insertPrepared, type Reader, type ReadContext, type ReadReport, type RowSink } from './reader.ts';
import type { StagingOptions } from './staging.ts';
import type { WarehouseTable } from './schema.ts';
import { Warehouse } from './warehouse.ts';

/** Largest file read set-based in a scratch warehouse: larger ones stream through the row reader (bounded memory). */
export const SCRATCH_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Smallest file read set-based unless asked: a set-based load costs a dozen DuckDB statements whatever the size, so
 * for small files the row reader is as fast or faster. Measured by `load` of one file, whole process, since the
 * set-based files are prepared side by side (prepare-ahead.ts): the first 1,000 lines of the real sen2_mi.csv
 * (275 kB) about even (CPU 1.08–1.27 s either way), the first 300 lines (83 kB) a tenth slower set-based, the whole
 * 350 kB file 0.84 s against 0.95 s set-based; in a load of the real 2022 release, that file read row by row was
 * the last 0.2 s of the load, after every other file had finished.
 */
export const SET_BASED_MIN_BYTES = 256 * 1024;

/**
 * Below this much input a load (or a scratch read) runs DuckDB on one thread. Its tables are then a row group or so
 * (122,880 rows), which DuckDB scans on one thread anyway; idle workers only contend with the readers' JavaScript
 * (`load` of the real 2022 release, 15 MB, whole process: 1.96 s against 2.54 s, and a quarter less CPU).
 */
export const ONE_THREAD_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Whether a file of `bytes` goes to the set-based path: `choice` true always (where the reader has one: the
 * equivalence tests), false never, undefined when the file is at least SET_BASED_MIN_BYTES.
 */
export function setBasedFor(choice: boolean | undefined, bytes: number): boolean {
  return choice ?? bytes >= SET_BASED_MIN_BYTES;
}

/** Tables a set-based reader writes, in the order their rows are handed on. */
const TABLES: readonly WarehouseTable[] = ['la', 'stock', 'flow', 'person', 'plan', 'request'];

/** A file a scratch warehouse may prepare ahead (ScratchWarehouse.prepareAhead). */
export interface ScratchFile {
  reader: Reader;
  /** The file read. */
  path: string;
  /** The path users see, for problems' places (the read's ctx.path). */
  shownAs: string;
  /** As read()'s `choice`. */
  choice?: boolean;
}

/** A scratch in-memory warehouse, opened on first use. */
export class ScratchWarehouse {
  private wh: Warehouse | undefined;
  private ahead: { paths: Array<string | undefined>; prepares: PrepareAhead } | undefined;

  private async open(): Promise<Warehouse> {
    this.wh ??= await Warehouse.open(':memory:');
    return this.wh;
  }

  /**
   * Starts preparing side by side (prepare-ahead.ts) the files read() will read set-based, when they are less than
   * ONE_THREAD_MAX_BYTES in all; read() then takes each (any order). Call before the reads.
   * @example await scratch.prepareAhead(files, { hashKey: '', today }); for (const f of files) await scratch.read(…);
   */
  async prepareAhead(files: readonly ScratchFile[], ctx: { hashKey: string; today: Date }): Promise<void> {
    const sizes = await Promise.all(files.map(async (f) => (f.reader.prepare ? (await stat(f.path)).size : 0)));
    const takes = files.map((f, i) => f.reader.prepare !== undefined && sizes[i]! <= SCRATCH_MAX_BYTES && setBasedFor(f.choice, sizes[i]!));
    const total = sizes.reduce((s, n, i) => s + (takes[i] ? n : 0), 0);
    if (this.ahead || !takes.some(Boolean) || total >= ONE_THREAD_MAX_BYTES) return;
    const wh = await this.open();
    await wh.run('SET threads = 1');
    const staging = (o?: StagingOptions) => wh.staging(o);
    const items = files.map((f, i) =>
      takes[i] ? { size: sizes[i]!, prepare: () => f.reader.prepare!(f.path, { path: f.shownAs, hashKey: ctx.hashKey, today: ctx.today, staging }) } : undefined,
    );
    this.ahead = { paths: files.map((f) => f.path), prepares: new PrepareAhead(items, PREPARE_SLOTS) };
  }

  /**
   * Reads `path` set-based and hands its rows to `sink` (none: rows are only counted), or gives undefined (also for
   * a small file unless `choice` is true: setBasedFor).
   * @example const report = await scratch.read(reader, 'caseload.csv', sink, ctx) ?? (await reader.read('caseload.csv', sink, ctx));
   */
  async read(reader: Reader, path: string, sink: RowSink | undefined, ctx: ReadContext, choice?: boolean): Promise<ReadReport | undefined> {
    const i = this.ahead?.paths.indexOf(path) ?? -1;
    const ready = i >= 0 ? await this.ahead!.prepares.take(i) : undefined;
    if (i >= 0) this.ahead!.paths[i] = undefined; // a second read of the same file reads it afresh
    if (ready) {
      const prepared = ready.prepared;
      return prepared && this.rollingBack(sink, (wh) => insertPrepared(prepared, wh.connection, ctx.fileId));
    }
    if (!reader.load) return undefined;
    const { size } = await stat(path);
    if (size > SCRATCH_MAX_BYTES || !setBasedFor(choice, size)) return undefined;
    const wh = await this.open();
    await wh.run(size < ONE_THREAD_MAX_BYTES ? 'SET threads = 1' : 'RESET threads');
    return this.rollingBack(sink, (wh) => reader.load!(path, wh.connection, { ...ctx, staging: (o) => wh.staging(o) }));
  }

  /** Runs a load in a transaction always rolled back, handing what it wrote to `sink` first. */
  private async rollingBack(sink: RowSink | undefined, load: (wh: Warehouse) => Promise<ReadReport | undefined>): Promise<ReadReport | undefined> {
    const wh = await this.open();
    await wh.run('BEGIN TRANSACTION');
    try {
      const report = await load(wh);
      if (report && sink) {
        for (const t of TABLES.filter((t) => sink.tables?.includes(t) ?? true)) for (const row of await wh.query(`SELECT * FROM ${t} ORDER BY rowid`)) await sink.add(t, row);
      }
      return report;
    } finally {
      await wh.run('ROLLBACK');
    }
  }

  /** Lets go of what was prepared and not read, and closes the warehouse. */
  async close(): Promise<void> {
    await this.ahead?.prepares.close();
    this.ahead = undefined;
    this.wh?.close();
    this.wh = undefined;
  }
}
