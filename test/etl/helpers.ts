/** Test helpers: fixture paths, the real published files (test/real-data.ts), temp dirs. */
import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { HighneedsError } from '../../src/errors.ts';
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

/** The error a promise is rejected with (a test's own failure if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<HighneedsError> {
  try {
    await p;
  } catch (e) {
    return e as HighneedsError;
  }
  throw new Error('expected an error');
}

/** One LA row of a 2022-layout table (`file`, with its value `column`), for `year`, written into `dir`. */
export function laRow2022(
  dir: string,
  file: string,
  column: string,
  la: { regionCode: string; regionName: string; oldCode: string; newCode: string; name: string },
  year: number,
  n: number,
): string {
  const header = `time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,characteristic_age,${column}`;
  const path = join(dir, file);
  writeFileSync(path, `${header}\n${year},Calendar year,Local authority,E92000001,England,${la.regionCode},${la.regionName},${la.oldCode},${la.newCode},${la.name},Total,${n}\n`);
  return path;
}

