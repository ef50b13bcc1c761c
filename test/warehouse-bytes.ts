/**
 * What a warehouse file holds, byte for byte: the file and its write-ahead log (`<file>.wal`, where DuckDB keeps
 * committed changes not yet written into the file). For a test that a refused command left a warehouse exactly as
 * it was: the same bytes are the same warehouse, so what `status` would read need not be read again (opening a
 * warehouse, checking its schema and counting its tables is about 45 ms of CPU); when the bytes differ, the test
 * compares what `status` reads, as the bytes alone cannot tell a harmless rewrite from a change.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface WarehouseBytes {
  file: Buffer;
  wal?: Buffer;
}

/** The bytes of the warehouse file and of its write-ahead log, if it has one. */
export function warehouseBytes(file: string): WarehouseBytes {
  const wal = `${file}.wal`;
  return { file: readFileSync(file), wal: existsSync(wal) ? readFileSync(wal) : undefined };
}

/** Whether the warehouse holds the same bytes as `before` (file and log). */
export function sameBytes(file: string, before: WarehouseBytes): boolean {
  const now = warehouseBytes(file);
  return now.file.equals(before.file) && (now.wal === undefined ? before.wal === undefined : before.wal !== undefined && now.wal.equals(before.wal));
}
