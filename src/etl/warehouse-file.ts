/**
 * Guards around the warehouse file: it must be a DuckDB database made by highneeds (a CSV or someone else's
 * database given as `--warehouse` is refused, never written into), readable and writable, and only one process
 * writes it at a time: a second writer waits for the first (up to a limit) and then fails with a clear message.
 */
import { open } from 'node:fs/promises';
import type { DuckDBInstance } from '@duckdb/node-api';
import { HighneedsError, inputError } from '../errors.ts';
import * as msg from '../messages/warehouse.ts';
import { checkOutputFile } from '../paths/check-path.ts';

/** How long a second writer waits for the first to finish before giving up. */
export const LOCK_WAIT_MS = 120_000;

/** Every DuckDB database file holds this at byte 8. */
const DUCKDB_MAGIC = 'DUCK';

/**
 * Checks the path of a warehouse; returns whether the file exists. An existing file must be a DuckDB database;
 * a missing one is an error when `mustExist` (status), else it will be created (load).
 */
export async function checkWarehouseFile(file: string, mustExist: boolean): Promise<boolean> {
  await checkOutputFile(file, '--warehouse', 'warehouse.duckdb');
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      if (mustExist) throw inputError(msg.notAWarehouse(file), [{ file, message: msg.notAWarehouse(file) }]);
      return false;
    }
    throw inputError(msg.warehouseUnreadable(file, (e as Error).message), [{ file, message: (e as Error).message }]);
  }
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await fh.read(head, 0, 12, 0);
    if (bytesRead < 12 || head.subarray(8, 12).toString('latin1') !== DUCKDB_MAGIC) {
      throw inputError(msg.notDuckDbFile(file), [{ file, message: msg.notDuckDbFile(file) }]);
    }
  } finally {
    await fh.close();
  }
  return true;
}

function isLockConflict(e: unknown): boolean {
  return /could not set lock|conflicting lock/i.test((e as Error | undefined)?.message ?? '');
}

/**
 * Runs `open` (which opens the DuckDB file and reads from it), again while another process holds the file's lock,
 * for up to `waitMs`; a damaged file is an input error. `open` closes what it opened before it throws.
 */
export async function openWaitingForLock<T>(file: string, waitMs: number, open: () => Promise<T>): Promise<T> {
  const until = Date.now() + waitMs;
  let delay = 100;
  for (;;) {
    try {
      return await open();
    } catch (e) {
      if (e instanceof HighneedsError) throw e;
      if (isLockConflict(e)) {
        if (Date.now() >= until) throw inputError(msg.warehouseBusy(file, Math.round(waitMs / 1000)), [{ file, message: (e as Error).message }]);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(1000, delay * 2);
        continue;
      }
      throw inputError(msg.warehouseUnreadable(file, (e as Error).message), [{ file, message: (e as Error).message }]);
    }
  }
}

/** Refuses a DuckDB database that highneeds did not make (no `meta.created_by = 'highneeds'`). */
export async function checkMadeByHighneeds(file: string, instance: DuckDBInstance): Promise<void> {
  const c = await instance.connect();
  try {
    let ours = false;
    try {
      const r = await c.runAndReadAll(`SELECT value FROM meta WHERE key = 'created_by'`);
      ours = r.getRowObjectsJS().some((row) => row.value === 'highneeds');
    } catch {
      ours = false;
    }
    if (!ours) throw inputError(msg.notOurWarehouse(file), [{ file, message: msg.notOurWarehouse(file) }]);
  } finally {
    c.closeSync();
  }
}
