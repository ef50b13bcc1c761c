/**
 * Temporary folders that must not outlive the process — archive entries extracted for reading and UTF-8 copies of
 * Windows-1252 files for DuckDB (both may hold children's personal data), and staging folders of run outputs. Each is named with the process id, registered
 * while it exists, and removed on every exit path: normally by its owner's `finally`, on SIGINT, SIGTERM or SIGHUP
 * here (then the signal is re-raised so the exit status is the usual one), and after a SIGKILL or power cut by the
 * next highneeds process, which removes folders whose owning process is gone.
 */
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The prefix of the folders archive entries are extracted into (in the system temp folder). */
export const ARCHIVE_TEMP_PREFIX = 'highneeds-zip-';

/** The prefix of the folders UTF-8 copies of Windows-1252 files are written into for DuckDB (csv/duckdb-encoding.ts). */
export const UTF8_COPY_TEMP_PREFIX = 'highneeds-utf8-';

/** The prefix of the folders `init --from` writes the rows it would copy into, to check them as validate does. */
export const INIT_CHECK_TEMP_PREFIX = 'highneeds-init-';

const live = new Set<string>();
let handlersInstalled = false;
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Depth of critical sections under way, and a signal that arrived during one (handled when the last ends). */
let critical = 0;
let deferred: NodeJS.Signals | undefined;

function onSignal(signal: NodeJS.Signals): void {
  if (critical > 0) {
    deferred ??= signal;
    return;
  }
  for (const dir of live) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort: the next start removes what is left
    }
  }
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const s of SIGNALS) process.on(s, onSignal);
}

/**
 * Runs a short step that must not be cut in two by SIGINT, SIGTERM or SIGHUP (switching a run's outputs into place:
 * two renames, between which the folder is the old set moved aside and the new set beside it). A signal that
 * arrives meanwhile is handled as soon as the step ends: temporary folders removed, then the process ends.
 * @example await uninterrupted(async () => { await rename(dir, old); await rename(stage, dir); })
 */
export async function uninterrupted<T>(step: () => Promise<T>): Promise<T> {
  installHandlers();
  critical++;
  try {
    return await step();
  } finally {
    critical--;
    if (critical === 0 && deferred) {
      const signal = deferred;
      deferred = undefined;
      onSignal(signal);
    }
  }
}

/** The prefix of a temporary folder name: `<prefix><pid>-`. */
function owned(prefix: string): string {
  return `${prefix}${process.pid}-`;
}

/**
 * Creates a temporary folder `<parent>/<prefix><pid>-XXXXXX`, registered for removal on signals; first removes
 * leftovers of processes that no longer run.
 * @example const dir = await makeTempDir(tmpdir(), 'highneeds-zip-'); try { … } finally { await removeTempDir(dir); }
 */
export async function makeTempDir(parent: string, prefix: string): Promise<string> {
  installHandlers();
  await removeStale(parent, prefix);
  // made and registered in one step: a signal handled between an asynchronous mkdtemp and its continuation would
  // find the folder on disk but not in `live`, and leave it behind
  const dir = mkdtempSync(join(parent, owned(prefix)));
  live.add(dir);
  return dir;
}

/** Registers a folder (made by the caller) for removal on signals. */
export function registerTempDir(dir: string): void {
  installHandlers();
  live.add(dir);
}

/** Removes a temporary folder and forgets it. */
export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  live.delete(dir);
}

/** Whether the process that named a leftover `<prefix><pid>-…` is gone (so the leftover is no one's). */
export function ownerGone(name: string, prefix: string): boolean {
  if (!name.startsWith(prefix)) return false;
  const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
  return Number.isInteger(pid) && pid !== process.pid && !alive(pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `<parent>/<prefix><pid>-*` folders whose process is gone (a kill left them). */
export async function removeStale(parent: string, prefix: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  for (const n of names) {
    if (ownerGone(n, prefix)) await rm(join(parent, n), { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Writes one file whole or not at all: into `.<name>.<pid>-tmp` beside it (removed on signals, as the temporary
 * folders are), then renamed over it, so neither a reader nor a kill ever finds it half-written. `check`, when
 * given, reads the temporary file first (its result is returned); if it throws, the file is not written and the
 * temporary one is removed.
 * @example await writeFileWhole('out/forecast.csv', csv)
 */
export async function writeFileWhole(file: string, data: string | Buffer): Promise<void>;
export async function writeFileWhole<T>(file: string, data: string | Buffer, check: (tmp: string) => Promise<T>): Promise<T>;
export async function writeFileWhole<T>(file: string, data: string | Buffer, check?: (tmp: string) => Promise<T>): Promise<T | undefined> {
  installHandlers();
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}-tmp`);
  live.add(tmp);
  try {
    await writeFile(tmp, data);
    const checked = await check?.(tmp);
    await rename(tmp, file);
    return checked;
  } finally {
    live.delete(tmp);
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}
