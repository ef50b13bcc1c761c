/**
 * The temporary files `run`'s caches write before renaming them into place (load-cache.ts, pipeline/saved-results.ts):
 * `.<key>.<pid><suffix>` in the cache folder. A run killed while saving (kill -9, a power cut) leaves its own behind,
 * each as large as the load it was saving; the next save removes those whose process is gone. The folder is made
 * for the user only and every cache file is the user's only (makeCacheDir, makePrivate).
 */
import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A temporary file of a process still running is left alone unless it is older than this (its pid reused). */
const STALE_MS = 24 * 60 * 60 * 1000;
const TEMP = /^\.[0-9a-f]{64}\.(\d+)\.(?:tmp|tmp\.wal|tmp\.json|[a-z-]+\.tmp)$/;

/**
 * The cache folder, made readable by the user only when it is made: a saved load holds the SEN2 returns' person-level
 * rows (pseudonymised, with the warehouse's hash key), which no other user of the machine is to read.
 */
export async function makeCacheDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

/** A cache file made readable and writable by the user only (also in a folder an earlier version made for all). */
export const PRIVATE_FILE = 0o600;

/** Makes a file the user's only (see makeCacheDir); where the system has no such modes, nothing changes. */
export async function makePrivate(file: string): Promise<void> {
  await chmod(file, PRIVATE_FILE);
}

/** This process's temporary file for a cache entry. */
export function cacheTemp(dir: string, key: string, suffix: '.tmp' | `.${string}.tmp`): string {
  return join(dir, `.${key}.${process.pid}${suffix}`);
}

/**
 * Removes this process's temporary files after a save, whatever happened: none written, or the cache folder not a
 * folder (a file of that name: ENOTDIR), is nothing to remove, never an error of the run.
 */
export async function removeTemps(...files: string[]): Promise<void> {
  for (const f of files) await rm(f, { force: true }).catch(() => undefined);
}

/** Removes the temporary files that processes no longer running left in the cache folder. */
export async function removeOrphanTemps(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid) continue;
    const file = join(dir, name);
    try {
      if (running(pid) && Date.now() - (await stat(file)).mtimeMs < STALE_MS) continue;
      await rm(file, { force: true });
    } catch {
      // removed meanwhile by another run
    }
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // there, but another user's
  }
}
