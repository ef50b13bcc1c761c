/**
 * Atomic output: every file of a run is first written into a staging folder beside the run folder, then renamed
 * into place file by file (rename is atomic within a file system), and the staging folder removed. A run that
 * fails before the renames leaves the previous outputs untouched; no file is ever seen half-written.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { HighneedsError, ExitCode } from '../errors.ts';
import { reportMsg } from '../messages/index.ts';

export interface StagedFile {
  /** Path relative to the run folder (may contain one sub-folder: `charts/x.png`). */
  rel: string;
  data: Buffer | string;
}

/** Writes files into `outDir` atomically; returns their final paths in input order. */
export async function writeFilesAtomically(outDir: string, files: StagedFile[]): Promise<string[]> {
  const stage = join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}-${Date.now()}`);
  try {
    await mkdir(stage, { recursive: true });
    for (const f of files) {
      const p = join(stage, f.rel);
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, f.data);
    }
    await mkdir(outDir, { recursive: true });
    const out: string[] = [];
    for (const f of files) {
      const dest = join(outDir, f.rel);
      await mkdir(dirname(dest), { recursive: true });
      await rename(join(stage, f.rel), dest);
      out.push(dest);
    }
    return out;
  } catch (err) {
    throw new HighneedsError(ExitCode.INTERNAL, reportMsg.cannotWrite(outDir, (err as Error).message), [], { cause: err });
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
