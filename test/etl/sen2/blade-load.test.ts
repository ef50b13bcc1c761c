/**
 * The set-based load of a Blade export (sen2BladeReader.load: read and checked in a staging database beside the
 * warehouse, rows written by INSERT … SELECT) writes exactly what the row path writes through the sink: every
 * warehouse table, row for row in the same order, the same warnings; an export with errors gives the same
 * problems and leaves the warehouse as it was; no staging database, no setting and no raw identifier is left behind.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { HighneedsError } from '../../../src/errors.ts';
import { withInputFiles } from '../../../src/etl/inputs.ts';
import { loadFilesInto, type LoadOutcome } from '../../../src/etl/load-files.ts';
import { sen2BladeReader } from '../../../src/etl/readers/sen2-blade.ts';
import { WAREHOUSE_TABLES } from '../../../src/etl/schema.ts';
import { Warehouse } from '../../../src/etl/warehouse.ts';
import { writeBladeExport } from '../../../bench/gen/sen2-blade.ts';
import { tempDir } from '../../temp.ts';
import { expectEqual } from '../../equal.ts';
import { BLADE_DIR, BLADE_PERSON, bladeCopy } from './helpers.ts';
import { dumpWarehouse } from '../helpers.ts';

const TODAY = new Date('2025-03-01T00:00:00Z');


interface Loaded {
  tables: Record<string, unknown[]>;
  out?: LoadOutcome;
  failure?: unknown;
  /** Exports the set-based path wrote (its load gave a report). */
  setLoads: number;
  /** What the warehouse's DuckDB holds afterwards besides the warehouse: attached databases, the spill setting. */
  after: unknown;
}

/** Loads `dir` into a new warehouse (in memory, or the file `file`), row by row or set-based. */
async function loadInto(dir: string, setBased: boolean, file = ':memory:'): Promise<Loaded> {
  const wh = await Warehouse.open(file);
  const load = sen2BladeReader.load!.bind(sen2BladeReader);
  let setLoads = 0;
  const spy = vi.spyOn(sen2BladeReader, 'load').mockImplementation(async (...args) => {
    const report = await load(...args);
    if (report) setLoads++;
    return report;
  });
  try {
    await wh.run(`UPDATE meta SET value = 'one key for both loads' WHERE key = 'hash_key'`); // same person keys
    let out: LoadOutcome | undefined;
    let failure: unknown;
    try {
      out = await withInputFiles([dir], (files) => loadFilesInto(wh, files, { unrecognised: 'error', today: TODAY, setBased }));
    } catch (e) {
      failure = e;
    }
    const after = await wh.query(`SELECT (SELECT list(database_name ORDER BY database_name) FROM duckdb_databases()) AS dbs,
      current_setting('temp_directory') AS spill`);
    return { tables: await dumpWarehouse(wh), setLoads, out, failure, after };
  } finally {
    spy.mockRestore();
    wh.close();
  }
}

/** Loads `dir` both ways and expects the same warehouse; returns the set-based load. */
async function expectSameLoad(dir: string): Promise<Loaded> {
  const rows = await loadInto(dir, false);
  const set = await loadInto(dir, true);
  expect(rows.setLoads).toBe(0);
  expect(set.setLoads).toBe(1);
  expect(set.out).toEqual(rows.out);
  expect(String(set.failure)).toEqual(String(rows.failure));
  if (rows.failure instanceof HighneedsError) expect((set.failure as HighneedsError).problems).toEqual(rows.failure.problems);
  for (const t of WAREHOUSE_TABLES) expectEqual({ table: t, rows: set.tables[t] }, { table: t, rows: rows.tables[t] });
  expect(set.after).toEqual(rows.after);
  return set;
}

/** A copy of the fixture export with every text rewritten by `f`. */
function rewritten(f: (text: string, module: string) => string, encoding: BufferEncoding = 'utf8'): string {
  const dir = tempDir('sen2-load-');
  for (const name of readdirSync(BLADE_DIR)) {
    const module = /_([a-z0-9]+)\.csv$/.exec(name)![1]!;
    writeFileSync(join(dir, name), f(readFileSync(join(BLADE_DIR, name), 'utf8'), module), encoding);
  }
  return dir;
}

describe('set-based Blade load', () => {
  it('writes the same tables as the row path on the fixture', async () => {
    const set = await expectSameLoad(BLADE_DIR);
    expect(set.tables.person!.length).toBe(3);
    expect(set.tables.plan!.length).toBeGreaterThan(0);
    expect(set.tables.request!.length).toBeGreaterThan(0);
  });

  it('on a generated export (the bench generator)', async () => {
    const dir = tempDir('sen2-load-');
    await writeBladeExport(dir, 300, 2);
    const set = await expectSameLoad(dir);
    expect(set.tables.person!.length).toBe(300);
  });

  it('on ids that are text or have leading zeros, values with spaces, and a Latin-1 file', async () => {
    const odd = rewritten((text, m) => {
      const ids = text.replace(/(^|\n|,)(1\d)(?=,)/g, (_m, p: string, id: string) => `${p}${Number(id) % 2 ? `T-${id}` : `0${id}`}`);
      const spaced = m === 'senneed' || m === 'placementdetail' ? ids.replace(/,([A-Z]{2,4})(?=,|\n)/g, ', $1 ') : ids;
      return m === 'person' ? spaced.replace(/Testsur/g, 'Tést') : spaced;
    }, 'latin1');
    expect(readFileSync(join(odd, 'Blade-Export_28-01-2025_person.csv'), 'latin1')).toMatch(/T-11,.*Tést/);
    await expectSameLoad(odd);
  });

  it('an export with errors: the same problems, and the warehouse as it was', async () => {
    const bad = dirname(bladeCopy({ edit: { module: 'senneed', from: 'ASD', to: 'ASDX' } }));
    const set = await expectSameLoad(bad);
    expect(set.failure).toBeInstanceOf(HighneedsError);
    expect((set.failure as HighneedsError).problems.some((p) => /ASDX/.test(p.message))).toBe(true);
    for (const t of ['person', 'plan', 'request', 'loaded_file']) expect({ t, n: set.tables[t]!.length }).toEqual({ t, n: 0 });
    const ragged = dirname(bladeCopy({ edit: { module: 'requests', from: '22,22,2,1,12,,,,,,,', to: '22,22,2,1,12,,,,,,,,x' } }));
    const r = await expectSameLoad(ragged);
    expect((r.failure as HighneedsError).problems).toEqual([expect.objectContaining({ line: expect.any(Number) })]);
  });

  it('leaves no staging database and restores spilling; no raw identifier or birth date reaches the warehouse file', async () => {
    const dir = tempDir('sen2-load-pd-');
    const file = join(dir, 'warehouse.duckdb');
    const set = await loadInto(BLADE_DIR, true, file);
    expect(set.setLoads).toBe(1);
    expect(set.after).toEqual([{ dbs: ['system', 'temp', 'warehouse'], spill: `${file}.tmp` }]);
    const bytes = readFileSync(file);
    const hay = [bytes.toString('latin1'), bytes.toString('utf16le')].join('\n').toLowerCase();
    const secrets = new Set<string>();
    for (const line of readFileSync(BLADE_PERSON, 'utf8').split('\n').slice(1)) {
      const f = line.split(',');
      for (const i of [5, 6, 7, 10, 11, 12]) if (f[i]) secrets.add(f[i]!);
    }
    expect(secrets.size).toBeGreaterThan(10);
    for (const s of secrets) expect(hay.includes(s.toLowerCase()), s).toBe(false);
  });
});
