/**
 * Expands paths: folders become their files, recursively, skipping dotfiles; results sorted for determinism.
 * Every path is checked first (src/paths): a missing path, a dangling or looping link, a pipe or device, or a
 * system path is an input error naming it — nothing is opened that could block.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../errors.ts';
import { pathMsg } from '../messages/index.ts';
import { checkInputPath } from '../paths/check-path.ts';

/** Deepest folder nesting followed (a link pointing back up is caught before this by the visited set). */
const MAX_DEPTH = 32;

/**
 * Every file under the given paths.
 * @example await expandPaths(['data-samples']) // ['data-samples/caseload.csv', …]
 */
export async function expandPaths(paths: readonly string[], opts: { what?: string } = {}): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) await walk(p, out, new Set(), 0, opts.what ?? 'file or folder');
  return out;
}

async function walk(p: string, out: string[], visited: Set<string>, depth: number, what: string): Promise<void> {
  const { kind, real } = await checkInputPath(p, { what });
  if (kind === 'file') {
    out.push(p);
    return;
  }
  if (visited.has(real) || depth > MAX_DEPTH) throw inputError(pathMsg.tooDeep(p), [{ file: p, message: pathMsg.tooDeep(p) }]);
  visited.add(real);
  let names: string[];
  try {
    names = await readdir(p);
  } catch (e) {
    throw inputError(pathMsg.cannotList(p, (e as Error).message), [{ file: p, message: pathMsg.cannotList(p, (e as Error).message) }]);
  }
  for (const e of names.filter((n) => !n.startsWith('.')).sort()) await walk(join(p, e), out, visited, depth + 1, 'file or folder');
  visited.delete(real);
}
