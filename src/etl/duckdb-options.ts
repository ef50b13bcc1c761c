/**
 * The options each DuckDB database this tool opens is created with: DuckDB's own (as many threads as cores), or
 * as many threads as HIGHNEEDS_DUCKDB_THREADS says (a whole number from 1; any other value is not used). `npm test`
 * sets 1 (test/global-setup.mjs): its two test processes and their child processes each open many small databases
 * on a 2-core machine, where a second thread per database gained nothing and cost CPU (whole suite, user+sys, two
 * alternated rounds at load 6-15: 147.1 / 145.5 -> 142.5 / 138.5 s; test/etl and test/cli: 95.7 / 94.5 -> 91.3 /
 * 88.3 s).
 * @example await DuckDBInstance.create(':memory:', duckdbOptions({ temp_directory: '' }))
 */
export function duckdbOptions(options: Record<string, string> = {}): Record<string, string> {
  const threads = process.env.HIGHNEEDS_DUCKDB_THREADS;
  return threads !== undefined && /^[1-9][0-9]*$/.test(threads) ? { ...options, threads } : options;
}
