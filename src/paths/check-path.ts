/**
 * The one place where paths from the command line are checked before anything opens them: existence, type
 * (file, folder, named pipe, device), permissions, symbolic links (dangling, loops), and system trees (/proc,
 * /sys, /dev) that are never data and where opening or creating things can block forever. Every command checks
 * its paths here: `--data`, `validate` and `load` paths, `--out`, `init DIR`, `--warehouse`, `forecast --out`.
 *
 * A bad input path is an input error (exit 1) naming the path and what to do; a bad place to write is a usage
 * error (exit 2), as is an empty path.
 */
import { constants, type Stats } from 'node:fs';
import { access, lstat, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { inputError, usageError } from '../errors.ts';
import { pathMsg } from '../messages/index.ts';

export type PathKind = 'file' | 'folder';

const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

/** Whether an absolute, resolved path lies in a system tree (/proc, /sys, /dev). */
export function isSystemPath(real: string): boolean {
  return SYSTEM_ROOTS.some((r) => real === r || real.startsWith(`${r}/`));
}

/** What a non-regular, non-folder file is, for a message. */
export function kindOf(s: Stats): string | undefined {
  if (s.isFIFO()) return 'named pipe (FIFO)';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice()) return 'character device';
  if (s.isBlockDevice()) return 'block device';
  return undefined;
}

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** Follows a path to its target, turning every file-system failure into a located input error. */
async function statInput(path: string, what: string): Promise<Stats> {
  let l: Stats;
  try {
    l = await lstat(path);
  } catch (e) {
    if (code(e) === 'ELOOP') throw inputError(pathMsg.linkLoop(path), [{ file: path, message: pathMsg.linkLoop(path) }]);
    if (code(e) === 'EACCES') throw inputError(pathMsg.notReadable(path, what), [{ file: path, message: pathMsg.notReadable(path, what) }]);
    throw inputError(pathMsg.noSuchPath(what, path), [{ file: path, message: pathMsg.noSuchPath(what, path) }]);
  }
  if (!l.isSymbolicLink()) return l;
  try {
    return await stat(path);
  } catch (e) {
    if (code(e) === 'ELOOP') throw inputError(pathMsg.linkLoop(path), [{ file: path, message: pathMsg.linkLoop(path) }]);
    const target = await readlink(path).catch(() => '?');
    throw inputError(pathMsg.danglingLink(path, target), [{ file: path, message: pathMsg.danglingLink(path, target) }]);
  }
}

/**
 * Checks a path to read: it exists (following links), is a regular file or a folder (as allowed), is readable and
 * is not in a system tree. Returns its kind and resolved path.
 * @example await checkInputPath('data-samples', { what: 'data folder' }) // { kind: 'folder', real: '/…/data-samples' }
 */
export async function checkInputPath(
  path: string,
  opts: { what?: string; flag?: string; allow?: 'file' | 'folder' | 'any' } = {},
): Promise<{ kind: PathKind; real: string }> {
  const what = opts.what ?? 'file or folder';
  if (path.trim() === '') throw usageError(pathMsg.emptyPath(opts.flag ?? 'a path'));
  const s = await statInput(path, what);
  // a name with a line break printed as it is splits every message naming it in two, and its second half reads as
  // a line of the tool's own ('ok      funding.csv (funding, 2 rows)' under a file that is invalid)
  if (/[\r\n]/.test(path)) throw inputError(pathMsg.lineBreakInName(path), [{ file: JSON.stringify(path), message: pathMsg.lineBreakInName(path) }]);
  const real = await realpath(path).catch(() => resolve(path));
  if (isSystemPath(real)) throw inputError(pathMsg.systemPath(path, real), [{ file: path, message: pathMsg.systemPath(path, real) }]);
  const odd = kindOf(s);
  if (odd) throw inputError(pathMsg.notRegular(path, odd), [{ file: path, message: pathMsg.notRegular(path, odd) }]);
  const kind: PathKind = s.isDirectory() ? 'folder' : 'file';
  try {
    await access(path, kind === 'folder' ? constants.R_OK | constants.X_OK : constants.R_OK);
  } catch {
    throw inputError(pathMsg.notReadable(path, what), [{ file: path, message: pathMsg.notReadable(path, what) }]);
  }
  return { kind, real };
}

/** The nearest existing ancestor of a path that does not exist (resolved), checked to be a writable folder. */
async function checkCreatable(flag: string, path: string, target: string): Promise<void> {
  let dir = dirname(resolve(target));
  for (;;) {
    let s: Stats | undefined;
    try {
      s = await stat(dir);
    } catch (e) {
      if (code(e) === 'ENOTDIR') {
        // a file somewhere above: find it for the message
        dir = dirname(dir);
        continue;
      }
      if (code(e) !== 'ENOENT' || dirname(dir) === dir) throw usageError(pathMsg.notWritable(flag, path, dir));
      dir = dirname(dir);
      continue;
    }
    const real = await realpath(dir).catch(() => dir);
    if (isSystemPath(real)) throw usageError(pathMsg.systemPath(path, real, true));
    if (!s.isDirectory()) throw usageError(pathMsg.parentNotFolder(flag, path, dir));
    try {
      await access(dir, constants.W_OK | constants.X_OK);
    } catch {
      throw usageError(pathMsg.notWritable(flag, path, dir));
    }
    return;
  }
}

async function existing(path: string, flag: string): Promise<Stats | 'dangling' | 'loop' | undefined> {
  try {
    await lstat(path);
  } catch (e) {
    if (code(e) === 'ELOOP') return 'loop';
    if (code(e) === 'EACCES') throw usageError(pathMsg.notWritable(flag, path, dirname(path)));
    return undefined;
  }
  try {
    return await stat(path);
  } catch (e) {
    return code(e) === 'ELOOP' ? 'loop' : 'dangling';
  }
}

/**
 * Checks a folder to write into (`run --out`, `init DIR`): an existing folder that can be written, or a path that
 * can be created (its nearest existing ancestor is a writable folder); never in a system tree.
 * @example await checkOutputFolder('reports/baseline', '--out')
 */
export async function checkOutputFolder(path: string, flag: string): Promise<void> {
  if (path.trim() === '') throw usageError(pathMsg.emptyPath(flag));
  if (/[\r\n]/.test(path)) throw usageError(pathMsg.lineBreakInOutput(flag, path));
  const s = await existing(path, flag);
  if (s === 'loop') throw usageError(pathMsg.linkLoop(path));
  if (s === 'dangling') throw usageError(pathMsg.danglingLink(path, await readlink(path).catch(() => '?')));
  if (s === undefined) return checkCreatable(flag, path, path);
  const real = await realpath(path).catch(() => resolve(path));
  if (isSystemPath(real)) throw usageError(pathMsg.systemPath(path, real, true));
  if (!s.isDirectory()) throw usageError(pathMsg.expectedFolder(flag, path));
  try {
    await access(path, constants.W_OK | constants.X_OK);
  } catch {
    throw usageError(pathMsg.notWritable(flag, path, path));
  }
}

/** A path resolved through the links of its nearest existing ancestor (the path need not exist yet). */
async function realOrPlanned(path: string): Promise<string> {
  const abs = resolve(path);
  const real = await realpath(abs).catch(() => undefined);
  if (real !== undefined) return real;
  const parent = dirname(abs);
  return parent === abs ? abs : join(await realOrPlanned(parent), basename(abs));
}

/**
 * Refuses a folder to write in a system tree (/proc, /sys, /dev), by any spelling or link, when it comes from the
 * environment rather than a flag: HIGHNEEDS_CACHE_DIR=/proc/x spun at 75% CPU loading the data until killed.
 * @example await checkNotSystemFolder('/proc/x', 'HIGHNEEDS_CACHE_DIR') // throws a usage error (exit 2)
 */
export async function checkNotSystemFolder(path: string, name: string): Promise<void> {
  const real = await realOrPlanned(path);
  if (isSystemPath(real)) throw usageError(`${name} ${pathMsg.systemPath(path, real, true)}`);
}

/**
 * Checks that an output folder is not the data folder or inside it: the next run reads every file of the data folder,
 * and the workbook written there was refused as an input ('no sheet of this workbook is a known input table'), so a
 * second run on the same folder stopped, and the first had mixed its outputs among the council's files.
 * @example await checkOutsideData('data/reports', 'data', '--out') // throws a usage error (exit 2)
 */
export async function checkOutsideData(out: string, dataDir: string, flag: string): Promise<void> {
  const [o, d] = await Promise.all([realOrPlanned(out), realOrPlanned(dataDir)]);
  if (o === d || o.startsWith(d.endsWith(sep) ? d : `${d}${sep}`)) throw usageError(pathMsg.outputInData(flag, out, dataDir));
}

/**
 * Checks that a file to write is none of the command's inputs: `forecast --out` given as
 * one of its `--ees` files replaced the published file with the forecast (exit 0), and `goal-seek --out` given as its
 * scenario replaced it with a scenario that extends itself. The same file by another spelling, a symbolic link or a
 * hard link is the same input, and so is an existing file of an input folder (a new file there is not refused:
 * `forecast --ees FOLDER` leaves out a file that is not published statistics, with a note).
 * @example await checkNotAnInput('ees/caseload.csv', ['ees/caseload.csv'], '--out') // throws a usage error (exit 2)
 */
export async function checkNotAnInput(out: string, inputs: readonly string[], flag: string): Promise<void> {
  const o = await realOrPlanned(out);
  const os = await stat(o).catch(() => undefined);
  for (const input of inputs) {
    const i = await realOrPlanned(input);
    const is = await stat(i).catch(() => undefined);
    const sameFile = o === i || (os !== undefined && is !== undefined && os.dev === is.dev && os.ino === is.ino);
    // an existing file of an input folder is read as an input (or left out with a note): a new one is no input
    const ofFolder = os !== undefined && is?.isDirectory() === true && o.startsWith(i.endsWith(sep) ? i : `${i}${sep}`);
    if (sameFile || ofFolder) throw usageError(pathMsg.outputIsInput(flag, out, ofFolder ? `a file of ${input}` : input));
  }
}

/**
 * Refuses a file given twice on one command line, by any spelling, link or hard link (`run baseline.yaml
 * ./baseline.yaml`): a usage error (exit 2) saying `message` of both as given, before either is read.
 * @example await checkGivenOnce(['a.yaml', './a.yaml'], ['a.yaml', './a.yaml'], pathMsg.scenarioGivenTwice) // throws
 */
export async function checkGivenOnce(files: readonly string[], shown: readonly string[], message: (first: string, second: string) => string): Promise<void> {
  const seen: Array<{ real: string; s: Stats | undefined }> = [];
  for (const [k, f] of files.entries()) {
    const real = await realOrPlanned(f);
    const s = await stat(real).catch(() => undefined);
    const j = seen.findIndex((x) => x.real === real || (s !== undefined && x.s !== undefined && x.s.dev === s.dev && x.s.ino === s.ino));
    if (j >= 0) throw usageError(message(shown[j] ?? files[j]!, shown[k] ?? f));
    seen.push({ real, s });
  }
}

/**
 * Whether a load of the data folder would read what is under `path`: it is the folder or inside it, and no folder on
 * the way down is hidden (a dot-folder, which loads pass over, like the default cache .highneeds/cache under `--data .`).
 * @example await readByLoadOf('data/cache', 'data') // true
 */
export async function readByLoadOf(path: string, dataDir: string): Promise<boolean> {
  const [p, d] = await Promise.all([realOrPlanned(path), realOrPlanned(dataDir)]);
  const rel = relative(d, p);
  if (rel === '') return true;
  const parts = rel.split(sep);
  return parts[0] !== '..' && !parts.some((x) => x.startsWith('.'));
}

/**
 * Checks a file to write (`forecast --out`, a warehouse): absent (and creatable) or an existing regular file that
 * can be written; never a folder, pipe or device, never in a system tree.
 * @example await checkOutputFile('out/forecast.csv', '--out')
 */
export async function checkOutputFile(path: string, flag: string, example = 'output.csv'): Promise<void> {
  if (path.trim() === '') throw usageError(pathMsg.emptyPath(flag));
  if (/[\r\n]/.test(path)) throw usageError(pathMsg.lineBreakInOutput(flag, path));
  const s = await existing(path, flag);
  if (s === 'loop') throw usageError(pathMsg.linkLoop(path));
  if (s === 'dangling') throw usageError(pathMsg.danglingLink(path, await readlink(path).catch(() => '?')));
  if (s === undefined) return checkCreatable(flag, path, path);
  const real = await realpath(path).catch(() => resolve(path));
  if (isSystemPath(real)) throw usageError(pathMsg.systemPath(path, real, true));
  if (s.isDirectory()) throw usageError(pathMsg.expectedFileFoundFolder(flag, path, example));
  const odd = kindOf(s);
  if (odd) throw usageError(pathMsg.notRegular(path, odd));
  try {
    await access(path, constants.W_OK);
    await access(dirname(real), constants.W_OK | constants.X_OK);
  } catch {
    throw usageError(pathMsg.notWritable(flag, path, path));
  }
}
