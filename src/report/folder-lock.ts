/**
 * The lock files of the output switch (write-atomic.ts): `.<name>.lock` beside a run folder while it is switched, and
 * `.highneeds-set.lock` on the parent of a run's set of folders until the set is committed. A lock holds the pid of
 * its process; one whose process is gone is taken over. A lock of this process's own pid at a path this process has
 * never taken is a previous process's of the same pid (in a container every run is pid 1, or the same low pid) and is gone
 * too: it was taken for held, and the next run waited 120 s and stopped with an internal error.
 */
import { writeFileSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { registerTempDir, removeTempDir } from '../paths/temp-files.ts';

const LOCK_WAIT_MS = 120_000;
/**
 * Every lock file this process has taken: a lock of its pid at one of them is its own (held, or being released while
 * another write of it waits); at any other it is a previous process's. (Forgetting a lock once released let a write
 * that had read the pid just before the release take the lock for a gone process's, remove the next holder's, and
 * switch one folder beside it.)
 */
const taken = new Set<string>();

/** Takes the lock file `lock` for writing `outDir` (waiting while another live process holds it); returns its release. */
export async function lockAt(lock: string, outDir: string): Promise<() => Promise<void>> {
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      // taken and registered in one step: a signal handled between an asynchronous open and the registration
      // would find the lock on disk but not among the folders to remove, and leave it behind
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      registerTempDir(lock);
      taken.add(lock);
      return async () => removeTempDir(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
      // a lock without a pid yet is being taken right now, unless it is old
      const fresh = holder === 0 && Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? 0) < 5000;
      if (!fresh && !holderAlive(lock, holder)) {
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() > until) throw new Error(`another highneeds run has been writing ${outDir} for over ${LOCK_WAIT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Removes the lock file `lock` when the process that took it is gone. */
export async function removeDeadLock(lock: string): Promise<void> {
  const holder = Number(await readFile(lock, 'utf8').catch(() => 'none'));
  if (holder > 0 && !holderAlive(lock, holder)) await rm(lock, { force: true });
}

/** Whether the process `pid` that wrote `lock` still holds it. */
function holderAlive(lock: string, pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return taken.has(lock);
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
