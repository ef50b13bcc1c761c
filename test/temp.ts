/**
 * Temporary folders for tests, all removed again: `withTempDir(fn)` deletes its folder when `fn` settles;
 * `tempDir()` deletes its folder after the test file (test/setup.ts calls `removeTempDirs` in `afterAll`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new empty folder in the system temp folder, removed after the current test file. */
export function tempDir(prefix = 'highneeds-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * Runs `fn` with a new empty folder and removes the folder afterwards, whether `fn` resolves or throws.
 * @example await withTempDir(async (dir) => loadPaths(files, { warehouse: join(dir, 'w.duckdb') }))
 */
export async function withTempDir<T>(fn: (dir: string) => Promise<T> | T, prefix = 'highneeds-test-'): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Removes every folder `tempDir()` made so far. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
