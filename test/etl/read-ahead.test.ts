/**
 * Small row-read files are read ahead while DuckDB works on the files before them (load-files.ts, ReadAhead): the
 * warehouse must hold exactly what a load without read-ahead writes — every table, row for row in the same order —
 * and a failing load must fail with the same problems.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withInputFiles } from '../../src/etl/inputs.ts';
import { loadFilesInto, READ_AHEAD_BYTES } from '../../src/etl/load-files.ts';
import { WAREHOUSE_TABLES } from '../../src/etl/schema.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { dumpWarehouse, fixtures, repoRoot, TODAY } from './helpers.ts';
import { expectEqual } from '../equal.ts';

interface Loaded {
  tables: Record<string, unknown[]>;
  outcome: unknown;
}

/** Loads `paths` into a new in-memory warehouse reading ahead at most `readAheadBytes`; every table in rowid order. */
async function load(paths: string[], readAheadBytes: number, setBased?: boolean): Promise<Loaded> {
  const wh = await Warehouse.open(':memory:');
  try {
    await wh.run(`UPDATE meta SET value = 'one key for every load' WHERE key = 'hash_key'`); // same person keys
    let outcome: unknown;
    try {
      outcome = await withInputFiles(paths, (files) => loadFilesInto(wh, files, { unrecognised: 'warn', today: TODAY, readAheadBytes, setBased }));
    } catch (e) {
      outcome = { error: (e as Error).message, problems: (e as { problems?: unknown }).problems };
    }
    return { tables: await dumpWarehouse(wh), outcome };
  } finally {
    wh.close();
  }
}

/** Without read-ahead, with it, and with a window too small for every file at once; `setBased` as in loadFilesInto. */
async function expectSameEveryWay(paths: string[], setBased?: boolean): Promise<Loaded> {
  const none = await load(paths, 0, setBased);
  for (const bytes of [READ_AHEAD_BYTES, 16 * 1024]) {
    const ahead = await load(paths, bytes, setBased);
    expectEqual({ bytes, outcome: ahead.outcome }, { bytes, outcome: none.outcome });
    for (const t of WAREHOUSE_TABLES) expectEqual({ bytes, table: t, rows: ahead.tables[t] }, { bytes, table: t, rows: none.tables[t] });
  }
  return none;
}

describe('reading small files ahead', () => {
  it('loads the sample exactly as without read-ahead when its EES files load set-based between row-read ones', async () => {
    const sample = join(repoRoot, 'data-samples');
    const files = readdirSync(sample).filter((f) => f.endsWith('.csv')).map((f) => join(sample, f));
    const none = await expectSameEveryWay(files, true);
    expect(none.tables.loaded_file!.length).toBeGreaterThan(10);
  });

  it('fails with the same problems when an early file has an error', async () => {
    const bad = join(fixtures, 'bad');
    const good = join(fixtures, 'good');
    const paths = [join(bad, 'negative-count.csv'), ...readdirSync(good).map((f) => join(good, f)), join(bad, 'unknown-need.csv')];
    const none = await expectSameEveryWay(paths);
    expect(none.outcome).toMatchObject({ error: expect.any(String) });
    expect((none.outcome as { problems: unknown[] }).problems.length).toBeGreaterThanOrEqual(2);
    for (const t of ['stock', 'flow', 'la']) expect(none.tables[t]).toEqual([]);
  });
});
