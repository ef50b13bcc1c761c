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
 * That `tsx-<uid>` is a link to .highneeds/tsx in this checkout, kept between runs: a module unchanged since the last
 * run is not compiled again (tsx keys each entry by the module's text; entries unused for about a week are removed by
 * tsx). The first run compiled every module of src/ and test/ afresh, each fork the modules it imported at the same
 * time as the other (about 3 s of CPU for all of them, esbuild's own process included).
 * Plain JavaScript: it runs in vitest's own process, which has no TypeScript loader.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import process from 'node:process';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The compile cache tsx keeps between runs of the suite, in this checkout's own .highneeds/ (ignored by git). */
const TSX_CACHE = join(ROOT, '.highneeds', 'tsx');
/** The real published files' folder, as test/real-data.ts finds it (plain JavaScript here: it cannot import that). */
const REAL_DATA = process.env.HIGHNEEDS_REAL_DATA
  ? resolve(ROOT, process.env.HIGHNEEDS_REAL_DATA)
  : !existsSync(join(ROOT, 'real-data')) && existsSync(resolve(ROOT, '..', 'shared', 'data', 'real'))
    ? resolve(ROOT, '..', 'shared', 'data', 'real')
    : join(ROOT, 'real-data');

/** @returns {() => void} removes the three folders (the link to the compile cache, not the cache) */
export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'highneeds-test-cache-'));
  const shared = mkdtempSync(join(tmpdir(), 'highneeds-test-shared-'));
  process.env.HIGHNEEDS_CACHE_DIR = dir;
  process.env.HIGHNEEDS_TEST_SHARED_DIR = shared;
  const tmp = mkdtempSync(join(tmpdir(), 'highneeds-test-tmp-'));
  process.env.TMPDIR = tmp;
  // tsx keeps its cache in <temp folder>/tsx-<uid>: there, a link to the cache kept between runs (a checkout where
  // it cannot be made, read-only say, compiles into the temp folder as before)
  try {
    mkdirSync(TSX_CACHE, { recursive: true });
    symlinkSync(TSX_CACHE, join(tmp, `tsx-${process.geteuid ? process.geteuid() : userInfo().username}`), 'dir');
  } catch {
    // no link: tsx makes its own folder in the temp folder
  }
  // one thread per DuckDB database (src/etl/duckdb-options.ts): the tests open many small ones, two processes at a time
  process.env.HIGHNEEDS_DUCKDB_THREADS = '1';
  // said once, so that a run without them is not read as one that checked them
  if (!existsSync(REAL_DATA)) process.stdout.write(`The tests on the real published files are skipped: no folder ${REAL_DATA} (set HIGHNEEDS_REAL_DATA, or put the files in real-data/; test/real-data.ts)\n`);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(shared, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  };
}
