/**
 * `parseNumber` (values.ts) as DuckDB macros, for the set-based readers: the same markers and, for the usual number
 * shapes, the same values and bounds. Counts and percentages only (money is read by the row readers).
 * test/etl/csv/sql-values.test.ts checks that both agree on every kind of cell.
 *
 *   hn_missing(s)      the reason of a missing value ('blank', a marker's reason) or NULL
 *   hn_value(s)        the number, NULL when missing or not a number
 *   hn_num_ok(s, k)    whether s is a missing value or a number of SHAPE within bounds (then parseNumber(s, k) gives
 *                      hn_value(s)), k = 'count' | 'percent'
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MISSING_MARKERS } from './values.ts';
import { sqlText } from '../sql-quote.ts';

/**
 * The number shapes read in SQL: plain or comma-grouped digits with an optional fraction, at most 999,999,999
 * (within MAX_COUNT), never negative, and for a count no fraction other than zeros. Any other shape (signs,
 * exponents, no-break spaces, larger numbers, or an invalid cell) is not ok here: the file then goes to the row
 * reader, which accepts or names it.
 */
const SHAPE = '(\\d{1,9}|\\d{1,3}(,\\d{3}){1,2})(\\.\\d+)?';

/**
 * Creates (or replaces) the macros on a connection; `s` is a value already trimmed (stage-csv.ts). One call for the
 * three (each call is a round trip to DuckDB's thread, and a set-based file makes them on three connections).
 */
export async function createValueMacros(db: DuckDBConnection): Promise<void> {
  const markers = Object.entries(MISSING_MARKERS).map(([m, reason]) => `WHEN ${sqlText(m)} THEN ${sqlText(reason)}`).join(' ');
  const longest = Math.max(...Object.keys(MISSING_MARKERS).map((m) => m.length));
  await db.run(
    [
      `CREATE OR REPLACE TEMP MACRO hn_missing(s) AS CASE WHEN s = '' THEN 'blank' WHEN length(s) <= ${longest} THEN (CASE lower(s) ${markers} END) END`,
      // the regular expression first: DuckDB's RE2 match is four times faster than a test built of string functions
      `CREATE OR REPLACE TEMP MACRO hn_value(s) AS CASE WHEN regexp_full_match(s, '${SHAPE}') THEN TRY_CAST(replace(s, ',', '') AS DOUBLE) END`,
      `CREATE OR REPLACE TEMP MACRO hn_num_ok(s, k) AS CASE WHEN regexp_full_match(s, '${SHAPE}') THEN (CASE k WHEN 'percent' THEN TRY_CAST(replace(s, ',', '') AS DOUBLE) <= 100 + 1e-6
         WHEN 'count' THEN NOT regexp_matches(s, '\\.\\d*[1-9]') ELSE true END)
         ELSE hn_missing(s) IS NOT NULL END`,
    ].join(';\n'),
  );
}
