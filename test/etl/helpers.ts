/** Test helpers: fixture paths, the real published files (test/real-data.ts), temp dirs. */
import { join, resolve } from 'node:path';
import { WAREHOUSE_TABLES } from '../../src/etl/schema.ts';
import type { Warehouse } from '../../src/etl/warehouse.ts';
import { tempDir as makeTempDir } from '../temp.ts';
import { HAVE_REAL_DATA, REAL_DATA } from '../real-data.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const fixtures = join(repoRoot, 'test/fixtures/etl');
export const realData = REAL_DATA;
export const hasRealData = HAVE_REAL_DATA;
export const TODAY = new Date('2026-03-01T00:00:00Z');

export function tempDir(): string {
  return makeTempDir('highneeds-etl-');
}

/** Every warehouse table, each in insertion order, the load time masked: what two loads are compared by. */
export async function dumpWarehouse(wh: Warehouse): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of WAREHOUSE_TABLES) {
    const rows = await wh.query<Record<string, unknown>>(`SELECT * FROM ${t} ORDER BY rowid`);
    out[t] = rows.map((r) => ({ ...r, ...(t === 'loaded_file' ? { loaded_at: '*' } : {}) }));
  }
  return out;
}
