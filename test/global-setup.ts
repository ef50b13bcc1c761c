/**
 * Once per `npm test`: `run`'s load cache goes to a temporary folder shared by every test file (so the sample is
 * read once, not by each test that runs it) and removed at the end, never to the repository's .highneeds/cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'highneeds-test-cache-'));
  process.env.HIGHNEEDS_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
