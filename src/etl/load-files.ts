/**
 * Loads files into an open warehouse in ONE transaction: all or nothing. Files already loaded (same SHA-256) or
 * repeated in the same load are skipped — an archive entry identical to an extracted copy too; documentation
 * files are skipped (quietly: no warning). Any error in any file rolls everything back and throws an input
 * error whose problems name file, line and column.
 */
import { stat } from 'node:fs/promises';
import { inputError, type Problem } from '../errors.ts';
import * as msg from '../messages/etl.ts';
import { sha256File } from './file-hash.ts';
import { isDocumentation, loadInputSet, readInput, recogniseInput, type InputFile } from './inputs.ts';
import { resolveOverlaps } from './overlaps.ts';
import { setBasedFor } from './scratch-read.ts';
import type { Reader, ReadReport } from './reader.ts';
import type { Warehouse } from './warehouse.ts';

export interface LoadedFile {
  path: string;
  sha256: string;
  reader: string;
  rows: number;
}
export interface SkippedFile {
  path: string;
  reason: string;
}
export interface LoadOutcome {
  loaded: LoadedFile[];
  skipped: SkippedFile[];
  /** Warnings of loaded files and unrecognised files in lenient mode. */
  warnings: Problem[];
}

export interface LoadFilesOptions {
  /**
   * 'error' (load): an unrecognised file fails the load, documentation is listed under skipped; 'warn' (run): an
   * unrecognised file is skipped with a warning, documentation quietly.
   */
  unrecognised: 'error' | 'warn';
  today?: Date;
  /**
   * Whether readers that can load set-based do: by default files of at least a megabyte (scratch-read.ts,
   * setBasedFor); true every file, false none (row by row): the equivalence tests.
   */
  setBased?: boolean;
}

/** Recognises, hashes and loads files; throws an input error (warehouse unchanged) when any file is invalid. */
export async function loadFilesInto(wh: Warehouse, files: readonly InputFile[], opts: LoadFilesOptions): Promise<LoadOutcome> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const skipped: SkippedFile[] = [];
  const plan: Array<{ input: InputFile; sha: string; reader: Reader }> = [];
  const known = new Map((await wh.query<{ sha256: string; path: string }>('SELECT sha256, path FROM loaded_file')).map((r) => [r.sha256, r.path]));
  const inThisLoad = new Map<string, string>();
  for (const input of files) {
    const path = input.path;
    const rec = await recogniseInput(input);
    if ('problem' in rec) {
      if (opts.unrecognised === 'warn') {
        warnings.push({ ...rec.problem, message: `${msg.unrecognisedInDataFolder()}: ${rec.problem.message}` });
        skipped.push({ path, reason: msg.unrecognisedInDataFolder() });
      } else problems.push(rec.problem);
      continue;
    }
    if (isDocumentation(rec.reader)) {
      // `load` lists documentation under skipped; `run` skips it quietly (no warning, no data-quality note)
      if (opts.unrecognised === 'error') skipped.push({ path, reason: msg.documentationSkipped() });
      continue;
    }
    const sha = await sha256File(input.file);
    const prev = known.get(sha);
    if (prev !== undefined) {
      skipped.push({ path, reason: msg.alreadyLoaded(sha, prev) });
      continue;
    }
    const dup = inThisLoad.get(sha);
    if (dup !== undefined) {
      skipped.push({ path, reason: msg.duplicateInLoad(dup) });
      continue;
    }
    inThisLoad.set(sha, path);
    plan.push({ input, sha, reader: rec.reader });
  }
  if (problems.length > 0) throw inputError(msg.loadFailed(new Set(problems.map((p) => p.file)).size, problems.length), problems);

  const hashKey = await wh.hashKey();
  const loaded: LoadedFile[] = [];
  const today = opts.today ?? new Date();
  try {
    await wh.withTransaction(async () => {
      const sink = await wh.sink();
      const firstFileId = ((await wh.query<{ m: number | null }>('SELECT max(file_id) AS m FROM loaded_file'))[0]?.m ?? 0) + 1;
      try {
        let fileId = firstFileId;
        for (const f of plan) {
          const path = f.input.path;
          const ctx = { fileId, hashKey, today };
          // set-based when the reader can and no file has failed (after a failure only messages are wanted)
          let report: ReadReport | undefined;
          if (problems.length === 0 && f.reader.load && setBasedFor(opts.setBased, (await stat(f.input.file)).size)) {
            sink.flush(); // rows appended so far come before the rows SQL inserts
            report = await loadInputSet(f.reader, f.input, wh.connection, ctx);
          }
          report ??= await readInput(f.reader, f.input, problems.length > 0 ? { add: () => undefined } : sink, ctx);
          problems.push(...report.errors);
          if (report.errors.length > 0) continue;
          warnings.push(...report.warnings);
          for (const w of report.warnings) {
            await sink.add('dq_note', { file_id: fileId, path, line: w.line ?? null, column_name: w.column ?? null, severity: 'warning', message: w.message });
          }
          await sink.add('loaded_file', { file_id: fileId, path, sha256: f.sha, reader: f.reader.id, rows: report.rows, loaded_at: today });
          loaded.push({ path, sha256: f.sha, reader: f.reader.id, rows: report.rows });
          fileId++;
        }
      } finally {
        sink.close();
      }
      if (problems.length === 0 && loaded.length > 0) {
        // the same figures from two files (a copy with other line endings, a re-saved extract) count once
        const overlaps = await resolveOverlaps(wh, firstFileId);
        problems.push(...overlaps.errors);
        for (const n of overlaps.notes) {
          warnings.push(n);
          const id = loaded.findIndex((f) => f.path === n.file);
          await wh.run(`INSERT INTO dq_note (file_id, path, line, column_name, severity, message) VALUES ($1, $2, NULL, NULL, 'info', $3)`, [
            firstFileId + Math.max(0, id), n.file ?? '', n.message,
          ]);
        }
      }
      if (problems.length > 0) throw inputError(msg.loadFailed(new Set(problems.map((p) => p.file)).size, problems.length), problems);
    });
  } catch (e) {
    loaded.length = 0;
    throw e;
  }
  return { loaded, skipped, warnings };
}
