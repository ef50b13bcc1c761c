/**
 * A set-based read without a warehouse of the caller's: the file is loaded (Reader.load) into a scratch in-memory
 * warehouse inside a transaction that is always rolled back, and its rows are handed to a sink exactly as the row
 * reader would hand them (same tables, same order). `validate` and the EES datasets of `forecast` and `backtest`
 * read this way; a file the set-based path does not take (irregular, with errors, or too large to hold in memory)
 * gives undefined and goes to the row reader.
 */
import { stat } from 'node:fs/promises';
import type { Reader, ReadContext, ReadReport, RowSink } from './reader.ts';
import type { WarehouseTable } from './schema.ts';
import { Warehouse } from './warehouse.ts';

/** Largest file read set-based in a scratch warehouse: larger ones stream through the row reader (bounded memory). */
export const SCRATCH_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Smallest file read set-based unless asked: a set-based load costs a dozen DuckDB statements whatever the size
 * (≈ 0.1–0.3 s), so below about a megabyte the row reader is as fast or faster (a 12-line file: 41 ms against
 * 480 ms; the real 350 kB sen2_mi.csv: about even).
 */
export const SET_BASED_MIN_BYTES = 1024 * 1024;

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

/** A scratch in-memory warehouse, opened on first use. */
export class ScratchWarehouse {
  private wh: Warehouse | undefined;

  /**
   * Reads `path` set-based and hands its rows to `sink` (none: rows are only counted), or gives undefined (also for
   * a small file unless `choice` is true: setBasedFor).
   * @example const report = await scratch.read(reader, 'caseload.csv', sink, ctx) ?? (await reader.read('caseload.csv', sink, ctx));
   */
  async read(reader: Reader, path: string, sink: RowSink | undefined, ctx: ReadContext, choice?: boolean): Promise<ReadReport | undefined> {
    if (!reader.load) return undefined;
    const { size } = await stat(path);
    if (size > SCRATCH_MAX_BYTES || !setBasedFor(choice, size)) return undefined;
    this.wh ??= await Warehouse.open(':memory:');
    const wh = this.wh;
    await wh.run(size < ONE_THREAD_MAX_BYTES ? 'SET threads = 1' : 'RESET threads');
    await wh.run('BEGIN TRANSACTION');
    try {
      const report = await reader.load(path, wh.connection, { ...ctx, staging: (o) => wh.staging(o) });
      if (report && sink) {
        for (const t of TABLES) for (const row of await wh.query(`SELECT * FROM ${t} ORDER BY rowid`)) await sink.add(t, row);
      }
      return report;
    } finally {
      await wh.run('ROLLBACK');
    }
  }

  close(): void {
    this.wh?.close();
    this.wh = undefined;
  }
}
