/**
 * `load` into a warehouse file not there before begins staging and checking its set-based files while the
 * warehouse's schema is made (load.ts, load-files.ts prepareEarly), and takes them only when the warehouse it gets
 * is empty and has the key they were prepared with: the warehouse holds exactly what a load into an existing empty
 * warehouse writes, each file is prepared once, and files prepared for a warehouse another process made first are
 * let go and prepared afresh.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EES_READERS } from '../../src/etl/ees-readers.ts';
import { withInputFiles } from '../../src/etl/inputs.ts';
import { loadPaths } from '../../src/etl/load.ts';
import { loadFilesInto, prepareEarly, recogniseInputs } from '../../src/etl/load-files.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { dumpWarehouse, hasRealData, realData, TODAY } from './helpers.ts';
import { withTempDir } from '../temp.ts';
import { expectEqual } from '../equal.ts';

// files of a quarter megabyte or more, which a load reads set-based by default (SET_BASED_MIN_BYTES)
const release = join(realData, 'ees-ehcp-2022/data');
const files = [join(release, 'sen2_age_caseload.csv'), join(release, 'sen2_mi.csv')];

/** Runs `fn` noting each file prepared (Reader.prepare) and whether the warehouse's schema was made by then. */
async function watching<T>(fn: () => Promise<T>): Promise<{ value: T; prepared: Array<{ file: string; schemaMade: boolean }> }> {
  const prepared: Array<{ file: string; schemaMade: boolean }> = [];
  let schemaMade = false;
  const proto = Warehouse.prototype as unknown as { init: () => Promise<void> };
  const init = proto.init;
  const spies = [
    vi.spyOn(proto, 'init').mockImplementation(async function (this: unknown) {
      schemaMade = false;
      await init.call(this);
      schemaMade = true;
    }),
    ...EES_READERS.filter((r) => r.prepare).map((r) => {
      const prepare = r.prepare!.bind(r);
      return vi.spyOn(r, 'prepare').mockImplementation(async (path, ctx) => {
        prepared.push({ file: path, schemaMade });
        return prepare(path, ctx);
      });
    }),
  ];
  try {
    return { value: await fn(), prepared };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

/** The tables of a warehouse file, its random hash key left out. */
async function tablesOf(file: string): Promise<Record<string, unknown[]>> {
  const wh = await Warehouse.open(file, { mustExist: true });
  try {
    const tables = await dumpWarehouse(wh);
    return { ...tables, meta: tables.meta!.filter((r) => (r as { key: string }).key !== 'hash_key') };
  } finally {
    wh.close();
  }
}

describe.skipIf(!hasRealData)('preparing files while a new warehouse is made (needs the real files, test/real-data.ts)', () => {
  it('begins before the schema is made, prepares each file once, and writes what a load into an empty warehouse writes', async () => {
    await withTempDir(async (dir) => {
      const fresh = join(dir, 'fresh.duckdb');
      const early = await watching(() => loadPaths(files, { warehouse: fresh, today: TODAY }));
      expect(early.prepared).toEqual(files.map((file) => ({ file, schemaMade: false })));

      // the same files into a warehouse made (empty) by an earlier open: prepared once its schema is there
      const made = join(dir, 'made.duckdb');
      (await Warehouse.open(made)).close();
      const after = await watching(() => loadPaths(files, { warehouse: made, today: TODAY }));
      expect(after.prepared.map((p) => p.schemaMade)).toEqual([true, true]);
      expect(early.value.loaded).toEqual(after.value.loaded);
      expectEqual(await tablesOf(fresh), await tablesOf(made));
    });
  }, 60_000);

  it('lets go of files prepared for a warehouse made meanwhile by another process (another key) and prepares them afresh', async () => {
    const plain = await Warehouse.open(':memory:');
    const other = await Warehouse.open(':memory:');
    try {
      await plain.run(`UPDATE meta SET value = 'k' WHERE key = 'hash_key'`);
      await other.run(`UPDATE meta SET value = 'k' WHERE key = 'hash_key'`);
      await withInputFiles(files, (inputs) => loadFilesInto(plain, inputs, { unrecognised: 'error', today: TODAY }));
      const { value: begun, prepared } = await watching(() =>
        withInputFiles(files, async (inputs) => {
          const making = { hashKey: 'not this warehouse key', staging: () => other.staging(), set: (sql: string) => other.run(sql) };
          const early = prepareEarly(inputs, recogniseInputs(inputs), making, { today: TODAY });
          const close = vi.spyOn((await early)!.prepares, 'close');
          await loadFilesInto(other, inputs, { unrecognised: 'error', today: TODAY, early });
          return close.mock.calls.length;
        }),
      );
      expect(begun, 'the early preparations let go').toBeGreaterThanOrEqual(1);
      expect(prepared.map((p) => p.file)).toEqual([...files, ...files]);
      const attached = await other.query<{ name: string }>("SELECT database_name AS name FROM duckdb_databases() WHERE NOT internal AND database_name <> current_database()");
      expect(attached).toEqual([]);
      expectEqual(await dumpWarehouse(other), await dumpWarehouse(plain));
    } finally {
      plain.close();
      other.close();
    }
  }, 60_000);
});
