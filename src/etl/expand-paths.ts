/**
 * Expands paths: folders become their files, recursively, skipping dotfiles; results sorted for determinism.
 * Every path is checked first (src/paths): a missing path, a dangling or looping link, a pipe or device, or a
 * system path is an input error naming it — nothing is opened that could block.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, HighneedsError, inputError } from '../errors.ts';
import { pathMsg } from '../messages/index.ts';
import { checkInputPath } from '../paths/check-path.ts';

/** Deepest folder nesting followed (a link pointing back up is caught before this by the visited set). */
const MAX_DEPTH = 32;

/**
 * Every file under the given paths.
 * @example await expandPaths(['data-samples']) // ['data-samples/caseload.csv', …]
 */
export async function expandPaths(paths: readonly string[], opts: { what?: string } = {}): Promise<string[]> {
  const out: PathEntry[] = [];
  for (const p of paths) await walk(p, out, new Set(), 0, opts.what ?? 'file or folder', false);
  return out.map((e) => e.path);
}

/** A file found under the paths given, or a path that cannot be read (missing, a dangling link, a pipe …) and why. */
export interface PathEntry {
  path: string;
  error?: HighneedsError;
}

/**
 * Every file under the given paths, in the order expandPaths gives them, with each path that cannot be read (given,
 * or found in a folder) in its place, with its input error, and the walk going on with the others: `validate`
 * reports a path's problem as that path's and checks the rest. A command-line mistake (an empty path, exit 2) is
 * thrown.
 * @example await expandPathEntries(['data-samples', 'missing']) // [{ path: 'data-samples/caseload.csv' }, …, { path: 'missing', error }]
 */
export async function expandPathEntries(paths: readonly string[]): Promise<PathEntry[]> {
  const out: PathEntry[] = [];
  for (const p of paths) await walk(p, out, new Set(), 0, 'file or folder', true);
  return out;
}

async function walk(p: string, out: PathEntry[], visited: Set<string>, depth: number, what: string, collect: boolean): Promise<void> {
  let kind: 'file' | 'folder';
  let names: string[] = [];
  let real = '';
  try {
    ({ kind, real } = await checkInputPath(p, { what }));
    if (kind === 'folder') {
      if (visited.has(real) || depth > MAX_DEPTH) throw inputError(pathMsg.tooDeep(p), [{ file: p, message: pathMsg.tooDeep(p) }]);
      try {
        names = await readdir(p);
      } catch (e) {
        throw inputError(pathMsg.cannotList(p, (e as Error).message), [{ file: p, message: pathMsg.cannotList(p, (e as Error).message) }]);
      }
    }
  } catch (e) {
    if (!collect || !(e instanceof HighneedsError) || e.exitCode !== ExitCode.INVALID_INPUT) throw e;
    // the path as its problem names it: a name with a line break is given quoted (paths/check-path.ts), printed as it
    // is it would split the line naming it
    const named = e.problems.length === 1 ? e.problems[0]!.file : undefined;
    out.push({ path: named ?? p, error: e });
    return;
  }
  if (kind === 'file') {
    out.push({ path: p });
    return;
  }
  visited.add(real);
  for (const e of names.filter((n) => !n.startsWith('.')).sort()) await walk(join(p, e), out, visited, depth + 1, 'file or folder', collect);
  visited.delete(real);
}
