/**
 * Once per `npm test`: `run`'s load cache goes to a temporary folder shared by every test file (so the sample is
 * read once, not by each test that runs it) and removed at the end, never to the repository's .highneeds/cache.
 * tsx (which the Monte Carlo worker threads register to run src/ as TypeScript) keeps its compile cache in memory,
 * not in a `tsx-<uid>` folder it would leave in the system temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'highneeds-test-cache-'));
  process.env.HIGHNEEDS_CACHE_DIR = dir;
  process.env.TSX_DISABLE_CACHE = '1';
  return () => rmSync(dir, { recursive: true, force: true });
}
