/**
 * Atomic output: a run's files appear as one set. Every file is first written into a staging folder beside the
 * run folder (`.<name>.tmp-<pid>-…`, removed on every exit path including signals, src/paths/temp-files.ts), then:
 *
 *   run folder absent, empty, or holding only what an earlier highneeds run wrote (its manifest lists it)
 *     → the old folder is moved aside and the staging folder renamed into its place: one set, old files gone
 *   run folder holding files highneeds did not write (never emptied without asking)
 *     → files renamed in one by one, each old file of that name moved aside first (`.<name>.aside-<pid>-…`);
 *       files of the previous run that this one does not write are removed, and the folders they leave empty. A file that cannot be moved (open in
 *       Excel on Windows, read-only) puts every file back as it was (exit 2 naming it): before, the workbook, charts
 *       and report were the new run's and the CSVs from that file on the old one's, after an exit 70
 *
 * The switch holds a lock file beside the run folder, and a run's set of folders one on their parent until the set is
 * committed, so two runs into one folder never interleave (the second waits). A run that fails before the switch leaves the previous outputs untouched; no file is seen half-written.
 * SIGINT, SIGTERM and SIGHUP wait for the switch to finish (temp-files.ts `uninterrupted`). A run's folders (each
 * scenario's, the comparison's) are one set (HeldOutputs): each folder's switch is journaled beside it before its first
 * rename (switch-journal.ts), so that after a SIGKILL the next write into that parent folder (and `run`, before
 * anything else) puts every folder back as it was, or, when the kill came after every folder was in, removes the old
 * sets left; and says which. Without a journal (a write with no HeldOutputs), a SIGKILL between the two renames leaves
 * the old set moved aside (`.<name>.old-<pid>-…`) and no run folder: the next write into that folder puts the old set
 * back first (or removes it, when the new set did arrive); one while files are renamed in one by one leaves the old
 * files moved aside (`.<name>.aside-<pid>-…`), which the next write puts back.
 */
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { HighneedsError, ExitCode, inputError, usageError } from '../errors.ts';
import { reportMsg } from '../messages/index.ts';
import { makeTempDir, ownerGone, registerTempDir, removeStale, removeTempDir, uninterrupted } from '../paths/temp-files.ts';
import { lockAt, removeDeadLock } from './folder-lock.ts';
import { journalPath, recoverJournals, removeEmptiedUnder, switchOf, switchStep, writeJournal, type JournalEntry } from './switch-journal.ts';

export interface StagedFile {
  /** Path relative to the run folder (may contain one sub-folder: `charts/x.png`). */
  rel: string;
  data: Buffer | string;
}

/** The list of files a run wrote, kept in its folder so the next run knows what it may replace. */
export const MANIFEST = '.highneeds-outputs.json';
/** The lock a run's set of folders holds on their parent folder while it writes them (HeldOutputs.lockSet). */
const SET_LOCK = '.highneeds-set.lock';

/** What undoes one folder's switch, and what ends it (removes the old set) once the run's every folder is in. */
interface HeldSwitch {
  undo: () => Promise<void>;
  done: () => Promise<void>;
}

/**
 * The switches of the folders one run writes (each scenario's, the comparison's), held until every one is in:
 * `commit` removes the old sets, `rollback` puts each folder back as it was, the last first. A run of two scenarios
 * whose second folder could not be written (a file open in Excel, a NaN caught in its workbook) left the first's folder
 * new beside the second's and the comparison's old.
 */
export class HeldOutputs {
  private readonly held: HeldSwitch[] = [];
  /** This run's switch, written in each new folder's manifest (the journal tells its folders by it). */
  readonly id = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  private journal?: { path: string; entries: JournalEntry[] };
  /** The lock of each parent folder the set is written into, held until commit or rollback. */
  private readonly setLocks = new Map<string, () => Promise<void>>();

  add(h: HeldSwitch): void {
    this.held.push(h);
  }

  /** Journals a folder's switch before its first rename (switch-journal.ts): a SIGKILL from here on is undone by the next run. */
  async record(parent: string, entry: JournalEntry): Promise<void> {
    this.journal ??= { path: journalPath(parent), entries: [] };
    this.journal.entries.push({ ...entry, prev: await switchOf(entry.dir, MANIFEST) });
    await writeJournal(this.journal.path, { id: this.id, pid: process.pid, state: 'switching', entries: this.journal.entries });
  }

  async commit(): Promise<void> {
    // marked committed first: a kill while the old sets go leaves the new ones, and the next run removes the rest
    if (this.journal) {
      await switchStep('commit');
      await writeJournal(this.journal.path, { id: this.id, pid: process.pid, state: 'committed', entries: this.journal.entries });
    }
    for (const h of this.held.splice(0)) {
      await switchStep('remove old set');
      await h.done().catch(() => undefined);
    }
    await this.forget();
  }

  async rollback(): Promise<void> {
    let undone = true;
    for (const h of this.held.splice(0).reverse()) await h.undo().catch(() => (undone = false));
    // a folder that could not be put back keeps the journal, for the next run to finish it
    await this.forget(undone);
  }

  /**
   * Takes the lock of the parent folder the set is written into (`.highneeds-set.lock`), held until commit or
   * rollback: with only each folder's own lock, two runs of two scenarios into one folder switched their folders in
   * turn (low/ of one run, high/ and compare/ of the other) and both ended with exit 0.
   */
  async lockSet(parent: string): Promise<void> {
    const at = resolve(parent);
    if (!this.setLocks.has(at)) this.setLocks.set(at, await lockAt(join(at, SET_LOCK), at));
  }

  private async forget(remove = true): Promise<void> {
    if (this.journal && remove) await rm(this.journal.path, { force: true });
    this.journal = undefined;
    for (const release of this.setLocks.values()) await release();
    this.setLocks.clear();
  }
}

/**
 * Writes files into `outDir` as one set; returns their final paths in input order. With `held`, the old set is kept
 * until `held` is committed or rolled back.
 */
export async function writeFilesAtomically(outDir: string, files: StagedFile[], held?: HeldOutputs): Promise<string[]> {
  let stage: string | undefined;
  let release: (() => Promise<void>) | undefined;
  try {
    await mkdir(dirname(outDir), { recursive: true });
    await recoverInterruptedSwitch(outDir);
    stage = await makeTempDir(dirname(outDir), `.${basename(outDir)}.tmp-`);
    for (const f of files) {
      const p = join(stage, f.rel);
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, f.data);
    }
    await writeFile(join(stage, MANIFEST), `${JSON.stringify({ files: files.map((f) => f.rel), ...(held ? { switch: held.id } : {}) }, null, 1)}\n`);
    // the set's lock before the folder's: two runs into one parent write their sets one after the other
    await held?.lockSet(dirname(outDir));
    release = await lockFolder(outDir);
    const existing = await filesUnder(outDir);
    const previous = await manifestOf(outDir);
    const ours = existing === undefined || existing.every((f) => f === MANIFEST || previous?.includes(f));
    const staged = stage;
    // a folder where the run writes a file, or a file where it writes a folder ('charts'), stopped the renames half
    // way: the workbook moved in, the charts not, and exit 70 with 'EEXIST … mkdir'
    if (!ours) await refuseWhatIsInTheWay(outDir, files);
    await uninterrupted(() => (ours ? switchFolder(outDir, staged, existing !== undefined, held) : renameInto(outDir, staged, files, previous ?? [], held)));
    return files.map((f) => join(outDir, f.rel));
  } catch (err) {
    if (err instanceof HighneedsError) throw err;
    throw new HighneedsError(ExitCode.INTERNAL, reportMsg.cannotWrite(outDir, (err as Error).message), [], { cause: err });
  } finally {
    await release?.();
    if (stage) await removeTempDir(stage);
  }
}

/**
 * Undoes what a process killed in the middle of a switch left: its old set moved aside (`.<name>.old-<pid>-…`, the
 * process gone). With no run folder the old set goes back into place (the new one never arrived); beside a run
 * folder it is the replaced set and is removed.
 */
export async function recoverInterruptedSwitch(outDir: string): Promise<string[]> {
  const parent = dirname(outDir);
  const prefix = `.${basename(outDir)}.old-`;
  // a run's set of folders first, as one (switch-journal.ts)
  const said = await recoverJournals(parent, MANIFEST, tidyBeside);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return said;
  }
  // old files moved aside by a process killed while it renamed its files in: put back over the new ones
  for (const n of names.filter((x) => ownerGone(x, `.${basename(outDir)}.aside-`)).sort()) {
    const aside = join(parent, n);
    for (const f of (await filesUnder(aside)) ?? []) {
      await mkdir(dirname(join(outDir, f)), { recursive: true });
      await rename(join(aside, f), join(outDir, f));
    }
    await rm(aside, { recursive: true, force: true });
  }
  for (const n of names.filter((x) => ownerGone(x, prefix)).sort()) {
    const old = join(parent, n);
    const present = await stat(outDir).then(
      () => true,
      () => false,
    );
    if (present) await rm(old, { recursive: true, force: true });
    else await rename(old, outDir);
  }
  return said;
}

/** Removes the staging folders and the locks (the folder's, the set's) a process that is gone left beside a run folder. */
async function tidyBeside(outDir: string): Promise<void> {
  await removeStale(dirname(outDir), `.${basename(outDir)}.tmp-`);
  for (const lock of [join(dirname(outDir), `.${basename(outDir)}.lock`), join(dirname(outDir), SET_LOCK)]) await removeDeadLock(lock);
}

/** Moves the old folder aside, renames the staging folder into its place, removes the old one (or holds it). */
async function switchFolder(outDir: string, stage: string, exists: boolean, held?: HeldOutputs): Promise<void> {
  if (!exists) {
    await held?.record(dirname(outDir), { kind: 'folder', dir: resolve(outDir), old: null });
    await switchStep('new folder in');
    await rename(stage, outDir);
    held?.add({ undo: () => rm(outDir, { recursive: true, force: true }), done: async () => undefined });
    return;
  }
  const old = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}-${Date.now()}`);
  await held?.record(dirname(outDir), { kind: 'folder', dir: resolve(outDir), old: resolve(old) });
  await switchStep('old folder aside');
  // (a folder holding a file open in another program cannot be moved on Windows: nothing changed then)
  await rename(outDir, old).catch((e: Error) => {
    throw notReplaced(outDir, outDir, e.message);
  });
  registerTempDir(old);
  try {
    await switchStep('new folder in');
    await rename(stage, outDir);
  } catch (e) {
    await rename(old, outDir);
    throw notReplaced(outDir, outDir, (e as Error).message);
  }
  // the new set is in place; a file that will not go stays behind
  const done = () => removeTempDir(old).catch(() => undefined);
  if (!held) return done();
  held.add({
    undo: async () => {
      const undone = `${old}-undone`;
      registerTempDir(undone);
      await rename(outDir, undone);
      await rename(old, outDir);
      await removeTempDir(undone);
    },
    done,
  });
}

/**
 * A previous output that could not be replaced (open in Excel, read-only): exit 1 naming the file, as a refusal that
 * says what to do; the command line was right (it was exit 2, 'the command line is wrong', with no file in --json).
 */
function notReplaced(outDir: string, path: string, reason: string, keptIn?: string): HighneedsError {
  // the system's words without the paths it tried ("EPERM: operation not permitted, rename '…' -> '…/.out.aside-…'":
  // a hidden folder that is gone once the files are put back)
  const why = /^[A-Z]+: [^,]+/.exec(reason)?.[0] ?? reason;
  return inputError(reportMsg.outputNotReplaced(outDir, path, why, keptIn), [{ file: path, message: `could not be replaced (${why})` }]);
}

/** Throws a usage error (exit 2) naming the first path of the run folder that is a folder where a file goes, or the reverse. */
async function refuseWhatIsInTheWay(outDir: string, files: StagedFile[]): Promise<void> {
  const kindOf = (p: string) => stat(p).then((st) => (st.isDirectory() ? 'folder' : 'file'), () => undefined);
  for (const f of [...files.map((x) => x.rel), MANIFEST]) {
    const parts = f.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const p = join(outDir, ...parts.slice(0, i));
      const wants = i === parts.length ? 'file' : 'folder';
      const is = await kindOf(p);
      if (is !== undefined && is !== wants) throw usageError(reportMsg.outputInTheWay(outDir, p, wants));
    }
  }
}

/**
 * Renames the new files in one by one, each old file of the same name moved aside first, and moves aside the files of
 * the previous run that this run does not write. When a file cannot be moved every file is put back as it was (the
 * folder holds the previous set whole) and a usage error names the file. The files moved aside are removed at the end,
 * or when `held` is committed.
 */
async function renameInto(outDir: string, stage: string, files: StagedFile[], previous: string[], held?: HeldOutputs): Promise<void> {
  const parent = dirname(outDir);
  const aside = join(parent, `.${basename(outDir)}.aside-${process.pid}-${Date.now()}`);
  const moved: string[] = [];
  const placed: string[] = [];
  const moveAside = async (f: string): Promise<void> => {
    await mkdir(dirname(join(aside, f)), { recursive: true });
    await rename(join(outDir, f), join(aside, f));
    moved.push(f);
  };
  const all = [...files.map((x) => x.rel), MANIFEST];
  const now = new Set(files.map((f) => f.rel));
  const gone = previous.filter((f) => !now.has(f));
  if (held) {
    const before = [];
    for (const f of all) if (await stat(join(outDir, f)).then(() => true, () => false)) before.push(f);
    await held.record(parent, { kind: 'files', dir: resolve(outDir), aside: resolve(aside), stage: resolve(stage), files: all, before, gone });
  }
  let failed: { path: string; err: Error } | undefined;
  for (const f of all) {
    const dest = join(outDir, f);
    try {
      await switchStep(`aside and in: ${f}`);
      if (await stat(dest).then(() => true, () => false)) await moveAside(f);
      await mkdir(dirname(dest), { recursive: true });
      await rename(join(stage, f), dest);
      placed.push(f);
    } catch (e) {
      failed = { path: dest, err: e as Error };
      break;
    }
  }
  if (failed) {
    const stuck = await putBack(outDir, aside, placed, moved);
    throw notReplaced(outDir, failed.path, failed.err.message, stuck.length > 0 ? aside : undefined);
  }
  await switchStep('previous files aside');
  for (const f of gone) await moveAside(f).catch(() => rm(join(outDir, f), { force: true }));
  // a folder of the previous run's that this run does not write is emptied: it goes too (a run without --csv after one
  // with it left an empty csv/ beside the user's files); one holding a file of the user's stays
  await removeEmptiedUnder(outDir, gone);
  // every new file is in: the old ones go (renamed first, so a kill from here on is not taken for one before it)
  const done = async (): Promise<void> => {
    const gone = join(parent, `.${basename(outDir)}.old-${process.pid}-${Date.now()}`);
    registerTempDir(gone);
    await rename(aside, gone).catch(() => undefined);
    await removeTempDir(gone);
  };
  if (!held) return done();
  held.add({ undo: async () => void (await putBack(outDir, aside, placed, moved)), done });
}

/** Removes the files placed and puts back those moved aside; returns those that could not be put back (else the aside folder goes). */
async function putBack(outDir: string, aside: string, placed: readonly string[], moved: readonly string[]): Promise<string[]> {
  for (const f of placed) await rm(join(outDir, f), { force: true }).catch(() => undefined);
  const stuck: string[] = [];
  for (const f of moved) {
    await mkdir(dirname(join(outDir, f)), { recursive: true }).catch(() => undefined);
    await rename(join(aside, f), join(outDir, f)).catch(() => stuck.push(f));
  }
  if (stuck.length === 0) await rm(aside, { recursive: true, force: true });
  return stuck;
}

/** Every file under a folder (relative paths), or undefined when the folder does not exist. */
async function filesUnder(dir: string): Promise<string[] | undefined> {
  let isDir: boolean;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch {
    return undefined;
  }
  if (!isDir) throw new Error(`${dir} is a file, not a folder`);
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(relative(dir, p));
    }
  };
  await walk(dir);
  return out;
}

async function manifestOf(dir: string): Promise<string[] | undefined> {
  try {
    const m = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(m.files) ? m.files.filter((f): f is string => typeof f === 'string') : undefined;
  } catch {
    return undefined;
  }
}

/** Takes `<outDir>.lock` (waiting while another live process holds it); returns its release. */
function lockFolder(outDir: string): Promise<() => Promise<void>> {
  return lockAt(join(dirname(outDir), `.${basename(outDir)}.lock`), outDir);
}
