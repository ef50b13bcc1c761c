/** The DuckDB databases a warehouse opens take their thread count from HIGHNEEDS_DUCKDB_THREADS (src/etl/duckdb-options.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import { duckdbOptions } from '../../src/etl/duckdb-options.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';

const before = process.env.HIGHNEEDS_DUCKDB_THREADS;
afterEach(() => {
  if (before === undefined) delete process.env.HIGHNEEDS_DUCKDB_THREADS;
  else process.env.HIGHNEEDS_DUCKDB_THREADS = before;
});

describe('duckdbOptions', () => {
  it('adds the thread count HIGHNEEDS_DUCKDB_THREADS gives, and only a whole number from 1', () => {
    process.env.HIGHNEEDS_DUCKDB_THREADS = '3';
    expect(duckdbOptions({ temp_directory: '' })).toEqual({ temp_directory: '', threads: '3' });
    for (const v of ['0', '-1', '1.5', 'two', '']) {
      process.env.HIGHNEEDS_DUCKDB_THREADS = v;
      expect(duckdbOptions({ temp_directory: '' }), v).toEqual({ temp_directory: '' });
    }
    delete process.env.HIGHNEEDS_DUCKDB_THREADS;
    expect(duckdbOptions()).toEqual({});
  });

  it('a warehouse runs on that many threads', async () => {
    process.env.HIGHNEEDS_DUCKDB_THREADS = '1';
    const wh = await Warehouse.open(':memory:');
    try {
      const r = await wh.connection.runAndReadAll(`SELECT current_setting('threads')::INTEGER AS n`);
      expect(r.getRowObjects()[0]!.n).toBe(1);
    } finally {
      wh.close();
    }
  });
});
