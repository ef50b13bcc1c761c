/**
 * The rows datasetsFromWarehouse reads (etl/persons/sql-source.ts) come a chunk at a time, each made plain as it comes,
 * so that a whole release's 205,215 stock rows are not held three times over (DuckDB's chunks, their row objects
 * and the plain rows): every row, in the query's order, past DuckDB's chunk of 2,048 rows, with whole numbers as
 * numbers and parameters bound.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { sqlFromConnection } from '../../src/etl/persons/sql-source.ts';

describe('rows read from a DuckDB connection', () => {
  it('are every row past the first chunk, in order, with plain values', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      const sql = sqlFromConnection(con);
      const rows = await sql.all(`SELECT i, 'LA ' || i AS name, CAST(i AS DOUBLE) / 2 AS half, CASE WHEN i % 3 = 0 THEN NULL ELSE i END AS c FROM range(?, 5000) t(i) ORDER BY i`, [0]);
      expect(rows).toHaveLength(5000);
      expect(rows[0]).toEqual({ i: 0, name: 'LA 0', half: 0, c: null });
      expect(rows[4999]).toEqual({ i: 4999, name: 'LA 4999', half: 2499.5, c: 4999 });
      expect(rows.every((r, k) => r.i === k)).toBe(true);
      expect(await sql.all('SELECT 1 AS x WHERE false')).toEqual([]);
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });
});
