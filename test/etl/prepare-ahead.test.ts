/**
 * A small load prepares its set-based EES files side by side, each in a staging database of its own, and inserts
 * their rows at each file's turn (prepare-ahead.ts, load-files.ts): the warehouse must hold exactly what a load
 * that prepares each file at its turn writes — every table, row for row in the same order —, a failing load must
 * fail with the same problems, and no staging database may be left attached to the warehouse's DuckDB either way.
 * `validate` (scratch-read.ts) prepares side by side too, with the same report.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EES_READERS } from '../../src/etl/ees-readers.ts';
import { withInputFiles } from '../../src/etl/inputs.ts';
import { loadFilesInto } from '../../src/etl/load-files.ts';
import { PREPARE_SLOTS } from '../../src/etl/prepare-ahead.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { WAREHOUSE_TABLES } from '../../src/etl/schema.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { dumpWarehouse, fixtures, repoRoot, TODAY } from './helpers.ts';
import { withTempDir } from '../temp.ts';
import { expectEqual } from '../equal.ts';

interface Loaded {
  tables: Record<string, unknown[]>;
  outcome: unknown;
  /** Databases attached to the warehouse's DuckDB after the load, beyond its own. */
  attached: string[];
  /** Files prepared ahead, and the most prepared at once. */
  prepared: number;
  atOnce: number;
}

/** Runs `fn` counting the files prepared ahead (Reader.prepare; a file prepared at its turn goes through Reader.load) and the most at once. */
async function watchingPrepares<T>(fn: () => Promise<T>): Promise<{ value: T; prepared: number; atOnce: number }> {
  let prepared = 0;
  let running = 0;
  let atOnce = 0;
  const spies = EES_READERS.filter((r) => r.prepare).map((r) => {
    const prepare = r.prepare!.bind(r);
    return vi.spyOn(r, 'prepare').mockImplementation(async (...args) => {
      prepared++;
      atOnce = Math.max(atOnce, ++running);
      try {
        return await prepare(...args);
      } finally {
        running--;
      }
    });
  });
  try {
    return { value: await fn(), prepared, atOnce };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

/**
 * Loads `paths` set-based into a new in-memory warehouse preparing at most `prepareAhead` files side by side,
 * after loading `before` (not watched) when given.
 */
async function load(paths: string[], prepareAhead: number, before: string[] = []): Promise<Loaded> {
  const wh = await Warehouse.open(':memory:');
  try {
    await wh.run(`UPDATE meta SET value = 'one key for every load' WHERE key = 'hash_key'`);
    if (before.length > 0) await withInputFiles(before, (files) => loadFilesInto(wh, files, { unrecognised: 'warn', today: TODAY, setBased: true, prepareAhead: 0 }));
    const { value: outcome, prepared, atOnce } = await watchingPrepares(async () => {
      try {
        return await withInputFiles(paths, (files) => loadFilesInto(wh, files, { unrecognised: 'warn', today: TODAY, setBased: true, prepareAhead }));
      } catch (e) {
        return { error: (e as Error).message, problems: (e as { problems?: unknown }).problems };
      }
    });
    const attached = (await wh.query<{ name: string }>("SELECT database_name AS name FROM duckdb_databases() WHERE NOT internal AND database_name <> current_database()")).map((r) => r.name);
    return { tables: await dumpWarehouse(wh), outcome, attached, prepared, atOnce };
  } finally {
    wh.close();
  }
}

/**
 * Each file at its turn, and two side by side: the same tables and outcome, nothing left attached. Gives the load
 * of each file at its turn, with the files the other load prepared ahead.
 */
async function expectSameEveryWay(paths: string[]): Promise<Loaded> {
  const one = await load(paths, 0);
  expect([one.attached, one.prepared]).toEqual([[], 0]);
  const side = await load(paths, 2);
  expect(side.atOnce, 'two side by side').toBe(Math.min(2, side.prepared));
  expectEqual({ outcome: side.outcome, attached: side.attached }, { outcome: one.outcome, attached: [] });
  for (const t of WAREHOUSE_TABLES) expectEqual({ table: t, rows: side.tables[t] }, { table: t, rows: one.tables[t] });
  return { ...one, prepared: side.prepared };
}

/** The sample's EES files (the files a load prepares) and a row-read file (places.csv, loaded first). */
const sampleFiles = (): string[] => {
  const sample = join(repoRoot, 'data-samples');
  return readdirSync(sample).filter((f) => /^sen2_.*\.csv$|^places\.csv$/.test(f)).map((f) => join(sample, f));
};

describe('preparing set-based files side by side', () => {
  it('loads the sample exactly as a load that prepares each file at its turn', async () => {
    const one = await expectSameEveryWay(sampleFiles());
    expect(one.tables.stock!.length).toBeGreaterThan(100);
    expect(one.tables.flow!.length).toBeGreaterThan(0);
    expect(one.prepared).toBe(3); // the sample's three EES files, prepared ahead
  });

  it('fails with the same problems, and leaves no staging database, when files among them have errors', async () => {
    const bad = join(fixtures, 'bad');
    // errors the set-based path detects (the row reader then names them) before, among and after good files
    const paths = [join(bad, 'negative-count.csv'), ...sampleFiles(), join(bad, 'unknown-need.csv'), join(bad, 'percentage-over-100.csv')];
    const one = await expectSameEveryWay(paths);
    expect(one.outcome).toMatchObject({ error: expect.any(String) });
    expect((one.outcome as { problems: unknown[] }).problems.length).toBeGreaterThanOrEqual(3);
    for (const t of ['stock', 'flow', 'la']) expect(one.tables[t]).toEqual([]);
  });

  it('into a new warehouse prepares while hashing: a file repeated in the load is prepared for nothing, let go, and loaded once', async () => {
    await withTempDir(async (dir) => {
      const files = sampleFiles();
      const ees = files.find((f) => f.includes('sen2_'))!;
      const copy = join(dir, 'copy-of-' + ees.split('/').pop()!);
      copyFileSync(ees, copy);
      const twice = await expectSameEveryWay([...files, copy]);
      expect(twice.prepared, 'the copy is prepared too: its hash was not known yet').toBe(4);
      expect((twice.outcome as { skipped: Array<{ path: string }> }).skipped.map((s) => s.path)).toEqual([copy]);
    });
  });

  it('into a warehouse that holds files already prepares only the files not loaded yet, after hashing them', async () => {
    const files = sampleFiles();
    const first = files.filter((f) => f.includes('sen2_'))[0]!;
    const fresh = await load(files, 0, [first]);
    const side = await load(files, 2, [first]);
    expect(side.prepared, 'the file loaded before is not prepared').toBe(2);
    expectEqual({ outcome: side.outcome, attached: side.attached }, { outcome: fresh.outcome, attached: [] });
    for (const t of WAREHOUSE_TABLES) expectEqual({ table: t, rows: side.tables[t] }, { table: t, rows: fresh.tables[t] });
    expect((side.outcome as { skipped: Array<{ path: string }> }).skipped.map((s) => s.path)).toEqual([first]);
  });

  it('validate prepares its set-based files side by side too, with the same report as validating each alone', async () => {
    const paths = [...sampleFiles(), join(fixtures, 'bad', 'negative-count.csv')]; // four EES files, the last with an error
    const side = await watchingPrepares(() => validatePaths(paths, { today: TODAY, setBased: true }));
    expect([side.prepared, side.atOnce]).toEqual([4, Math.min(PREPARE_SLOTS, 4)]);
    // the files one by one: never two at once
    const one = await watchingPrepares(async () => {
      const files = [];
      for (const p of paths) files.push(...(await validatePaths([p], { today: TODAY, setBased: true })).files);
      return files;
    });
    expect([one.prepared, one.atOnce]).toEqual([4, 1]);
    expectEqual(side.value.files, one.value);
    expect(side.value.files.at(-1)!.errors.length).toBeGreaterThan(0);
  });
});
