/**
 * The Blade reader's SQL macros (blade-sql.ts MACROS) answer as the JS rules they stand for: `clean` as
 * person-rows.ts trims, `is_set` as codes.ts isSet, `flag` as "blank → NULL, else isSet" — the usual flag values
 * through their shortcut and every other value through the general expression. The id facts of a parent table are the
 * same whether its number ids are counted or known all different because they are their rows plus a constant. The
 * query for a module's new raw dates looks each distinct value up in lk_dates once: DuckDB keeps its NOT EXISTS above
 * the DISTINCT (a filter on a DISTINCT's column can be moved below it, where it runs on every row: ees-set.ts).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { BLADE_MODULES, type BladeModule } from '../../../src/etl/persons/blade-modules.ts';
import { MACROS, idFactsQuery, idsByRowQuery, moduleDatesQuery } from '../../../src/etl/persons/blade-sql.ts';
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

  it('idsByRowQuery holds only for number ids that are all different, and then idFactsQuery counts the text ids alone to the same facts', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    // ids in file order (a number or a text id); `byRow`: whether idsByRowQuery holds
    const layouts: Array<[ids: Array<number | string>, byRow: boolean]> = [
      [[1, 2, 3, 4], true], [[21, 22, 23], true], [[7], true], [[11, 'T-1', 13, 'T-2'], true], [[11, 'T-1', 13, 'T-1'], true],
      [[5, 7, 9], false], [[1, 2, 2, 3], false], [[3, 2, 1], false], [[1, 1], false], [['A', 'B'], false], [['A', 'A'], false],
    ];
    try {
      for (const [ids, byRow] of layouts) {
        const values = ids.map((v) => (typeof v === 'number' ? `(${v}, NULL)` : `(NULL, ${sqlText(v)})`)).join(', ');
        // m_person in file order; x_person holds its records once each (here all, in another order)
        await con.run(`CREATE OR REPLACE TABLE m_person AS SELECT * FROM (VALUES ${values}) t(idn, ids)`);
        await con.run('CREATE OR REPLACE TABLE x_person AS SELECT * FROM m_person ORDER BY random()');
        const held = (await con.runAndReadAll(idsByRowQuery('person'))).getRows()[0]![0] === true;
        expect({ ids, held }).toEqual({ ids, held: byRow });
        const exact = (await con.runAndReadAll(idFactsQuery('person'))).getRows()[0];
        if (held) expect({ ids, facts: (await con.runAndReadAll(idFactsQuery('person', true))).getRows()[0] }).toEqual({ ids, facts: exact });
        const numbers = ids.filter((v) => typeof v === 'number');
        if (held) expect(new Set(numbers).size).toBe(numbers.length);
      }
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });

  it('moduleDatesQuery gives the distinct raw dates not yet parsed, and no join of it sees more rows than there are distinct values', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const cols = {} as Record<BladeModule, Set<string>>;
    for (const m of BLADE_MODULES) cols[m] = new Set(m === 'requests' ? ['receiveddate', 'requestoutcomedate'] : []);
    try {
      // 20,000 requests, their two date columns holding 60 distinct values (and blanks); 10 of them already parsed
      await con.run(`CREATE TABLE m_requests AS SELECT 'd' || (i % 50) AS receiveddate,
        CASE WHEN i % 3 = 0 THEN NULL ELSE 'd' || (40 + i % 20) END AS requestoutcomedate FROM range(20000) r(i)`);
      await con.run("CREATE TABLE lk_dates AS SELECT 'd' || (i * 6) AS raw, NULL::VARCHAR AS iso, false AS bad FROM range(10) r(i)");
      const query = moduleDatesQuery(cols, 'requests')!;
      const got = (await con.runAndReadAll(query)).getRows().map((r) => String(r[0])).sort();
      const want = Array.from({ length: 60 }, (_, i) => `d${i}`).filter((v) => !/^d(0|6|12|18|24|30|36|42|48|54)$/.test(v)).sort();
      expect(got).toEqual(want);
      const plan = JSON.parse(String((await con.runAndReadAll(`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`)).getRows()[0]![1])) as Op;
      const joinInputs: number[] = [];
      const walk = (op: Op): void => {
        if (/JOIN/.test(op.operator_name ?? '')) for (const c of op.children ?? []) joinInputs.push(c.operator_cardinality ?? 0);
        for (const c of op.children ?? []) walk(c);
      };
      walk(plan);
      expect(joinInputs.length).toBeGreaterThan(0);
      expect(Math.max(...joinInputs)).toBeLessThanOrEqual(60);
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });
});

interface Op {
  operator_name?: string;
  operator_cardinality?: number;
  children?: Op[];
}
