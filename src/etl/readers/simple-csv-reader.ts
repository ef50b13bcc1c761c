/**
 * A reader for a plain CSV table recognised by its required columns: it runs the table checks and hands each
 * row to the definition, which returns warehouse rows. Used by the ONS, GIAS, census and own-table readers.
 */
import type { CsvHeader } from '../csv/header.ts';
import type { CsvRow, TableSpec } from '../csv/read-table.ts';
import { readTable } from '../csv/read-table.ts';
import { ProblemLog } from '../problem-log.ts';
import type { ReadContext, Reader, RowSink, Sniff } from '../reader.ts';
import type { WarehouseTable } from '../schema.ts';

export interface SimpleCsvDef extends TableSpec {
  id: string;
  description: string;
  /** Whether the header (lower-case fields) is this table's; default: every required column is present. */
  matches?: (fields: ReadonlySet<string>) => boolean;
  /** Starts one file: handles rows (emitting through `emit`) and may emit more rows at the end. */
  session(ctx: ReadContext, log: ProblemLog, emit: (table: WarehouseTable, row: Record<string, unknown>) => void): {
    /** The file's header, at its line, before any row. */
    header?(h: CsvHeader, line: number): void;
    row(r: CsvRow): void;
    finish?(): void;
  };
}

/** Makes a Reader from a simple CSV table definition. */
export function simpleCsvReader(def: SimpleCsvDef): Reader {
  const matches = def.matches ?? ((f: ReadonlySet<string>) => def.required.every((c) => f.has(c)));
  return {
    id: def.id,
    description: def.description,
    recognise: (sniff: Sniff) => sniff.headerFields !== undefined && matches(new Set(sniff.headerFields)),
    async read(path: string, sink: RowSink, ctx: ReadContext) {
      const log = new ProblemLog(path);
      let pending: Array<Promise<void>> = [];
      const emit = (table: WarehouseTable, row: Record<string, unknown>): void => {
        const p = sink.add(table, { ...row, file_id: ctx.fileId });
        if (p) pending.push(p);
      };
      const flush = async (): Promise<void> => {
        if (pending.length > 0) {
          const ps = pending;
          pending = [];
          await Promise.all(ps);
        }
      };
      const session = def.session(ctx, log, emit);
      const res = await readTable(
        path,
        def,
        log,
        (row) => {
          session.row(row);
          return pending.length > 0 ? flush() : undefined;
        },
        (h, line) => session.header?.(h, line),
      );
      if (log.errorCount === 0) session.finish?.();
      await flush();
      return { rows: res.rows, ...log.finish() };
    },
  };
}
