/**
 * The SQL number macros (sql-values.ts) against parseNumber (values.ts): wherever SQL calls a cell ok, parseNumber
 * does too and gives the same number or missing reason; SQL never calls ok a cell parseNumber rejects.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValueMacros } from '../../../src/etl/csv/sql-values.ts';
import { parseNumber, type NumberKind } from '../../../src/etl/csv/values.ts';

const CELLS = [
  '', '0', '-0', '12', '007', '1.5', '1.', '.5', '+3', '-3', '1e3', '1,234', '12,345,678', '1,23', '1,2345', '123,456,789.25',
  '999999999', '1000000000', '1,000,000,000', 'x', 'X', 'z', 'c', ':', 'low', 'LOW', 'Low', 'u', '[c]', '[X]', '[z]', '[low]', '[u]', '[:]', '[e]', '123[p]', '[c', 'n/a', 'abc', '100', '100.0000001',
  '100.000002', '101', '99.9', '\u00a012', '1\u00a0234', '١٢', 'Infinity', 'NaN', '0x10', '1_000', '12 ', ' ',
];

async function sqlParse(cells: string[], kind: NumberKind): Promise<Array<{ ok: boolean; value: number | null; missing: string | null }>> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    await createValueMacros(c);
    await c.run('CREATE TABLE cells (i INTEGER, s VARCHAR)');
    const ap = await c.createAppender('cells');
    cells.forEach((s, i) => {
      ap.appendInteger(i);
      ap.appendVarchar(s);
      ap.endRow();
    });
    ap.closeSync();
    const r = await c.runAndReadAll(`SELECT hn_num_ok(s, '${kind}') AS ok, hn_value(s) AS value, hn_missing(s) AS missing FROM cells ORDER BY i`);
    return r.getRowObjectsJS() as Array<{ ok: boolean; value: number | null; missing: string | null }>;
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

async function expectAgreement(cells: string[]): Promise<number> {
  let oks = 0;
  for (const kind of ['count', 'percent'] as const) {
    const sql = await sqlParse(cells, kind);
    cells.forEach((s, i) => {
      const js = parseNumber(s, kind);
      const q = sql[i]!;
      if (!q.ok) return; // the row reader decides (accepts or names the cell)
      oks++;
      expect({ s, kind, js }).toEqual({ s, kind, js: q.missing !== null ? { ok: true, value: null, missing: q.missing } : { ok: true, value: q.value } });
    });
  }
  return oks;
}

describe('SQL number macros', () => {
  it('agree with parseNumber on every kind of cell they accept', async () => {
    expect(await expectAgreement(CELLS)).toBeGreaterThan(30);
  });

  it('agree on random cells of digits, commas, points and markers', async () => {
    const cell = fc.stringMatching(/^[-+]?[0-9,.]{0,14}$|^\[?(x|z|c|:|low|u|X|Low)\]?$/);
    const cells = fc.sample(cell, { numRuns: 3000, seed: 14 });
    expect(await expectAgreement(cells)).toBeGreaterThan(300);
  });
});
