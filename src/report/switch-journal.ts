/**
 * The journal of a run's output switch (write-atomic.ts HeldOutputs): a run writes its folders (each scenario's, the
 * comparison's) as one set, and a SIGKILL between two folders' switches left the first folder new and the others old
 * (the next run kept the mix). Before the first rename of a folder, the journal beside the folders
 * (`.highneeds-switch-<pid>-….json`, written whole) says what that folder's switch will move; once every folder is
 * in, it is marked committed, the old sets removed, and it goes. The next write into that parent folder (and `run`,
 * before anything else) finds a journal whose process is gone and finishes the set (committed: the old sets left are
 * removed) or rolls it back (every folder put back as it was), and says which.
 */
import { mkdir, readFile, readdir, realpath, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { reportMsg } from '../messages/index.ts';
import { ownerGone, writeFileWhole } from '../paths/temp-files.ts';

/** The prefix of a journal's name: `.highneeds-switch-<pid>-<n>.json`. */
export const JOURNAL_PREFIX = '.highneeds-switch-';

/**
 * The journals this process has written or taken to recover (by name). One of its pid that is not among them is a
 * previous process's of the same pid (in a container every run is pid 1, or the same low pid): that process is gone.
 */
const own = new Set<string>();

/** A name for this process's journal in `parent`, `.highneeds-switch-<pid>-<time>.json`. */
export function journalPath(parent: string): string {
  const name = `${JOURNAL_PREFIX}${process.pid}-${Date.now()}.json`;
  own.add(name);
  return join(parent, name);
}

/** Whether the process that wrote journal `name` is gone. */
function journalGone(name: string): boolean {
  return ownerGone(name, JOURNAL_PREFIX) || (name.startsWith(`${JOURNAL_PREFIX}${process.pid}-`) && !own.has(name));
}

/** What one folder's switch moves: the whole folder (`old`: where the previous set goes, null when there was none), or its files one by one. */
export type JournalEntry = (
  | { kind: 'folder'; dir: string; old: string | null }
  | {
      kind: 'files';
      dir: string;
      /** Where the files replaced, and the previous run's files not written again, are moved. */
      aside: string;
      /** The staging folder the new files come from (a file still there was not placed). */
      stage: string;
      /** The new set's files, relative to dir. */
      files: string[];
      /** Those of them that were in dir before (moved aside before the new one is placed). */
      before: string[];
      /** The previous run's files this run does not write (moved aside). */
      gone: string[];
    }
) & {
  /** The switch id of the folder's manifest before this switch (none: no manifest, or one without an id). */
  prev?: string;
};

export interface Journal {
  /** The run's switch id, also written in each new folder's manifest (`switch`). */
  id: string;
  /** The process that wrote it. */
  pid: number;
  state: 'switching' | 'committed';
  entries: JournalEntry[];
}

const exists = (p: string): Promise<boolean> => stat(p).then(() => true, () => false);

/** Writes the journal whole (temp file renamed over it): a kill never leaves half of one. */
export async function writeJournal(path: string, j: Journal): Promise<void> {
  await writeFileWhole(path, `${JSON.stringify(j, null, 1)}\n`);
}

/**
 * TEST ONLY: `HIGHNEEDS_TEST_ONLY_SWITCH_PAUSE=N:FILE` makes the process stop at the Nth step of its output switch
 * (each rename, each journal write), after writing the step's name into FILE, until it is killed: the tests kill it
 * there (test/report/switch-journal.test.ts). Unset (as it is outside the tests), it does nothing.
 */
let steps = 0;
export async function switchStep(name: string): Promise<void> {
  const hook = process.env.HIGHNEEDS_TEST_ONLY_SWITCH_PAUSE;
  if (!hook) return;
  const at = hook.indexOf(':');
  if (++steps !== Number(hook.slice(0, at))) return;
  // whole or not at all: the test kills the process as soon as the file is there
  await writeFileWhole(hook.slice(at + 1), `${steps} ${name}\n`);
  await new Promise<never>(() => setInterval(() => undefined, 1000));
}

/** The id of the run a folder's manifest says wrote it, if any. */
export async function switchOf(dir: string, manifest: string): Promise<string | undefined> {
  try {
    const m = JSON.parse(await readFile(join(dir, manifest), 'utf8')) as { switch?: unknown };
    return typeof m.switch === 'string' ? m.switch : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Puts one folder back as it was before the switch the entry records (each step may have happened or not). A folder
 * whose manifest names neither this switch nor the one before it was written by a later run (the journal's process
 * was taken for alive, its pid then another process's): it is left as it is, and only what the switch moved aside
 * goes. Before, that later run's files were replaced by the ones this switch had moved aside, under its manifest.
 */
async function rollBack(e: JournalEntry, id: string, manifest: string): Promise<void> {
  const written = await exists(join(e.dir, manifest));
  const now = written ? await switchOf(e.dir, manifest) : undefined;
  if (written && now !== id && now !== e.prev) return finish(e);
  if (e.kind === 'folder') {
    // the new set is in place only when its manifest names this run
    const ours = (await exists(e.dir)) && (await switchOf(e.dir, manifest)) === id;
    if (e.old === null) {
      if (ours) await rm(e.dir, { recursive: true, force: true });
      return;
    }
    if (!(await exists(e.old))) return; // never moved aside: the folder is the old set
    if (ours) await rm(e.dir, { recursive: true, force: true });
    if (!(await exists(e.dir))) await rename(e.old, e.dir);
    return;
  }
  const before = new Set(e.before);
  for (const f of [...e.files, ...e.gone]) {
    const dest = join(e.dir, f);
    if (await exists(join(e.aside, f))) {
      await rm(dest, { force: true });
      await mkdir(dirname(dest), { recursive: true });
      await rename(join(e.aside, f), dest);
    } else if (!before.has(f) && e.files.includes(f) && !(await exists(join(e.stage, f)))) await rm(dest, { force: true });
  }
  await rm(e.aside, { recursive: true, force: true });
  await removeEmptiedUnder(e.dir, e.files);
}

/** Removes what the previous sets left once the new set is whole (a switch committed, then killed). */
async function finish(e: JournalEntry): Promise<void> {
  if (e.kind === 'folder') {
    if (e.old !== null) await rm(e.old, { recursive: true, force: true });
  } else await rm(e.aside, { recursive: true, force: true });
}

/** Removes each folder of `dir` that held one of `files` (paths under it) and is empty now, deepest first. */
export async function removeEmptiedUnder(dir: string, files: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const f of files) for (let d = dirname(f); d !== '.' && d !== '' && !folders.has(d); d = dirname(d)) folders.add(d);
  for (const d of [...folders].sort((a, b) => b.split(sep).length - a.split(sep).length)) await rmdir(join(dir, d)).catch(() => undefined);
}

/** Largest journal read: one entry a folder of a run, each listing the folder's files. */
const MAX_JOURNAL_BYTES = 1024 * 1024;

/**
 * The journal at `path` when it is one this folder's runs write: every folder it names a folder of `parent`, every
 * folder moved aside or staged one of that folder's names beside it (`.<name>.old-…`, `.<name>.aside-…`,
 * `.<name>.tmp-…`), every file a path inside the folder. Anything else (a journal damaged, or copied with its folder
 * from another machine, or made to point elsewhere) is undefined: recovery removes and moves what a journal names
 * (one naming my-documents/ as a folder's old set, committed, would have removed it whole).
 */
async function readJournal(path: string, parent: string): Promise<Journal | undefined> {
  let j: Journal;
  try {
    if ((await stat(path)).size > MAX_JOURNAL_BYTES) return undefined;
    j = JSON.parse(await readFile(path, 'utf8')) as Journal;
  } catch {
    return undefined;
  }
  if (j === null || typeof j !== 'object' || typeof j.id !== 'string' || !Number.isInteger(j.pid)) return undefined;
  if ((j.state !== 'switching' && j.state !== 'committed') || !Array.isArray(j.entries)) return undefined;
  const here = await realpath(parent).catch(() => resolve(parent));
  const isStr = (x: unknown): x is string => typeof x === 'string';
  const inParent = async (p: string): Promise<boolean> => isAbsolute(p) && (await realpath(dirname(p)).catch(() => dirname(p))) === here;
  const beside = async (p: unknown, name: string, kind: string): Promise<boolean> => isStr(p) && basename(p).startsWith(`.${name}.${kind}-`) && (await inParent(p));
  const inside = (fs: unknown): boolean => Array.isArray(fs) && fs.every((f) => isStr(f) && f !== '' && !isAbsolute(f) && normalize(f) === f && !f.split(sep).includes('..'));
  for (const e of j.entries as unknown[]) {
    const x = e as Record<string, unknown>;
    if (x === null || typeof x !== 'object' || !isStr(x.dir) || !(await inParent(x.dir))) return undefined;
    if (x.prev !== undefined && !isStr(x.prev)) return undefined;
    const name = basename(x.dir);
    if (x.kind === 'folder') {
      if (!(x.old === null || (await beside(x.old, name, 'old')))) return undefined;
    } else if (x.kind === 'files') {
      if (!(await beside(x.aside, name, 'aside')) || !(await beside(x.stage, name, 'tmp')) || !inside(x.files) || !inside(x.before) || !inside(x.gone)) return undefined;
    } else return undefined;
  }
  return j;
}

/**
 * Finishes or rolls back every switch journaled in `parent` by a process that is gone; returns what was done, a
 * sentence each; `tidy` removes what the process left beside each folder. A journal is first renamed to this process's own name, so two processes never recover one.
 */
export async function recoverJournals(parent: string, manifest: string, tidy: (dir: string) => Promise<void>): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const said: string[] = [];
  // a journal's temporary copy a kill left (writeFileWhole: `.<name>.<pid>-tmp`)
  for (const n of names) {
    const tmp = /^\.\.highneeds-switch-.*\.json\.(\d+)-tmp$/.exec(n);
    if (tmp && ownerGone(`${tmp[1]}-`, '')) await rm(join(parent, n), { force: true });
  }
  for (const n of names.filter((x) => x.endsWith('.json') && journalGone(x)).sort()) {
    const mine = join(parent, `${JOURNAL_PREFIX}${process.pid}-${n.slice(JOURNAL_PREFIX.length)}`);
    own.add(basename(mine));
    try {
      await rename(join(parent, n), mine);
    } catch {
      continue; // another process took it
    }
    const j = await readJournal(mine, parent);
    if (j === undefined) {
      // damaged, or naming paths that are no run folder's of this folder (one copied from elsewhere): nothing is moved
      said.push(reportMsg.switchJournalIgnored(join(parent, n)));
      await rm(mine, { force: true });
      continue;
    }
    const pid = j.pid;
    const dirs = j.entries.map((e) => e.dir);
    if (j.state === 'committed') {
      for (const e of j.entries) await finish(e);
      said.push(reportMsg.switchFinished(dirs, pid));
    } else {
      for (const e of [...j.entries].reverse()) await rollBack(e, j.id, manifest);
      said.push(reportMsg.switchRolledBack(dirs, pid));
    }
    // the staging folders and locks the killed process left beside them
    for (const d of dirs) await tidy(d);
    await rm(mine, { force: true });
  }
  return said;
}
