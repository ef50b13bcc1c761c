/**
 * Once per `npm test`: `run`'s load cache goes to a temporary folder shared by every test file (so the sample is
 * read once, not by each test that runs it) and removed at the end, never to the repository's .highneeds/cache.
 * A second temporary folder holds what test helpers read once for all test processes (test/model/real-files.ts),
 * apart from the load cache, which the personal-data test scans.
 * A third is the system temp folder of the test processes and of what they start (TMPDIR): tsx, which runs src/ and
 * test/ as TypeScript in the test processes (vitest.config.ts), in the Monte Carlo and chart worker threads and in
 * the child processes some tests start, keeps its compile cache in a `tsx-<uid>` folder of the temp folder. There
 * each module is compiled once for the whole suite, not again in every fork, thread and child process (the cache was
 * off before, so as not to leave that folder in the system temp folder), and the folder goes with the rest at the end.
 * Plain JavaScript: it runs in vitest's own process, which has no TypeScript loader.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import process from 'node:process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @returns {() => void} removes the three folders */
export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'highneeds-test-cache-'));
  const shared = mkdtempSync(join(tmpdir(), 'highneeds-test-shared-'));
  process.env.HIGHNEEDS_CACHE_DIR = dir;
  process.env.HIGHNEEDS_TEST_SHARED_DIR = shared;
  const tmp = mkdtempSync(join(tmpdir(), 'highneeds-test-tmp-'));
  process.env.TMPDIR = tmp;
  // one thread per DuckDB database (src/etl/duckdb-options.ts): the tests open many small ones, two processes at a time
  process.env.HIGHNEEDS_DUCKDB_THREADS = '1';
  return () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(shared, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  };
}
