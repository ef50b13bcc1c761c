/**
 * `init --from` checks what it would copy into data/ as `validate` checks a file (the same readers, the same checks of
 * files read together), before anything is written: a release file with 'NaN', a year 99999, a count of -5 or 'abc'
 * in a LA's rows was copied with exit 0, and the folder's first `run` refused it. I/O at the edge of init.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputError, type Problem } from '../errors.ts';
import { prefillInvalid } from '../messages/cli.ts';
import { INIT_CHECK_TEMP_PREFIX, makeTempDir, removeTempDir } from '../paths/temp-files.ts';
import type { PrefilledFile } from './prefill.ts';

/**
 * Throws an input error (exit 1) naming each file given to --from whose copy `validate` would refuse, with the line
 * of that file each problem is at, and its problem; returns when every copy passes. An ONS population file, copied
 * whole, is checked where it is; the rows copied from an EES file are written into a temporary folder (removed
 * after) under the name they would have in data/, and each problem's line there is turned back into the line of the
 * file they came from.
 */
export async function checkPrefilled(files: readonly PrefilledFile[]): Promise<void> {
  if (files.length === 0) return;
  const { validatePaths } = await import('../etl/validate.ts');
  const dir = await makeTempDir(tmpdir(), INIT_CHECK_TEMP_PREFIX);
  try {
    const checked = new Map<string, PrefilledFile>();
    for (const f of files) {
      if (f.population) checked.set(f.from, f);
      else {
        const copy = join(dir, f.name);
        await writeFile(copy, f.content);
        checked.set(copy, f);
      }
    }
    const result = await validatePaths([...checked.keys()]);
    const problems: Problem[] = [];
    const bad: string[] = [];
    for (const v of result.files) {
      if (v.errors.length === 0) continue;
      const f = checked.get(v.path);
      const from = f?.from ?? v.path;
      bad.push(from);
      for (const e of v.errors) {
        const line = e.line === undefined ? undefined : (f?.lineOf?.[e.line - 1] ?? (f?.lineOf ? undefined : e.line));
        // a message may name another copy (two files that disagree): by the file it came from
        let message = e.message;
        for (const [copy, g] of checked) if (copy !== g.from) message = message.replaceAll(copy, g.from);
        problems.push({ file: from, ...(line !== undefined ? { line } : {}), ...(e.column !== undefined ? { column: e.column } : {}), message });
      }
    }
    if (bad.length > 0) throw inputError(prefillInvalid(bad, files.length), problems);
  } finally {
    await removeTempDir(dir);
  }
}
