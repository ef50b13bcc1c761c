/** Expands paths: folders become their files, recursively, skipping dotfiles; results sorted for determinism. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file under the given paths.
 * @example await expandPaths(['data-samples']) // ['data-samples/caseload.csv', …]
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) await walk(p, out);
  return out;
}

async function walk(p: string, out: string[]): Promise<void> {
  const s = await stat(p);
  if (!s.isDirectory()) {
    out.push(p);
    return;
  }
  const entries = (await readdir(p)).filter((e) => !e.startsWith('.')).sort();
  for (const e of entries) await walk(join(p, e), out);
}
