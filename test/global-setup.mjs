/**
 * Once per `npm test`: `run`'s load cache goes to a temporary folder shared by every test file (so the sample is
 * read once, not by each test that runs it) and removed at the end, never to the repository's .highneeds/cache.
 * A second temporary folder holds what test helpers read once for all test processes (test/model/real-files.ts),
 * apart from the load cache, which the personal-data test scans.
 * tsx (which runs src/ and test/ as TypeScript in the test processes, vitest.config.ts, and in the Monte Carlo worker
 * threads) keeps its compile cache in memory, not in a `tsx-<uid>` folder it would leave in the system temp folder.
 * Plain JavaScript: it runs in vitest's own process, which has no TypeScript loader.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import process from 'node:process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @returns {() => void} removes both folders */
export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'highneeds-test-cache-'));
  const shared = mkdtempSync(join(tmpdir(), 'highneeds-test-shared-'));
  process.env.HIGHNEEDS_CACHE_DIR = dir;
  process.env.HIGHNEEDS_TEST_SHARED_DIR = shared;
  process.env.TSX_DISABLE_CACHE = '1';
  // one thread per DuckDB database (src/etl/duckdb-options.ts): the tests open many small ones, two processes at a time
  process.env.HIGHNEEDS_DUCKDB_THREADS = '1';
  return () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(shared, { recursive: true, force: true });
  };
}
