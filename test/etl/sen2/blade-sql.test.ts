/**
 * The Blade reader's SQL macros (blade-sql.ts MACROS) answer as the JS rules they stand for: `clean` as
 * person-rows.ts trims, `is_set` as codes.ts isSet, `flag` as "blank → NULL, else isSet" — the usual flag values
 * through their shortcut and every other value through the general expression.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { MACROS } from '../../../src/etl/persons/blade-sql.ts';
import { isSet } from '../../../src/etl/persons/codes.ts';
import { sqlText } from '../../../src/etl/sql-quote.ts';

// whitespace here is only what both JS's trim and the macro's list remove (ASCII, no-break space, BOM)
const VALUES = ['1', '0', 'true', 'false', 'TRUE', 'False', ' 1', '1 ', '\ttrue\r\n', '\u00a0yes\ufeff', 'y', 'Y', 't', 'yes', 'no', 'n', 'f',
  '2', '-1', '01', 'truex', '', ' ', '\u00a0', 'x y'];

describe('Blade SQL macros', () => {
  it('is_set and flag give codes.ts isSet (flag: NULL for a blank value), the usual flags and the rest alike', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      for (const m of MACROS) await con.run(m);
      const rows = (await con.runAndReadAll(
        `SELECT v, is_set(v), flag(v), clean(v) FROM (VALUES ${VALUES.map((v) => `(${sqlText(v)})`).join(', ')}, (NULL)) t(v)`,
      )).getRows();
      expect(rows).toHaveLength(VALUES.length + 1);
      for (const [v, set, flag, clean] of rows) {
        const raw = v === null ? undefined : String(v);
        const blank = raw === undefined || raw.trim() === '';
        expect([raw, set]).toEqual([raw, isSet(raw)]);
        expect([raw, flag]).toEqual([raw, blank ? null : isSet(raw)]);
        expect([raw, clean]).toEqual([raw, blank ? null : raw!.trim()]);
      }
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });
});
