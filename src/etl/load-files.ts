/**
 * Loads files into an open warehouse in ONE transaction: all or nothing. Files already loaded (same SHA-256) or
 * repeated in the same load are skipped. Any error in any file rolls everything back and throws an input
 * error whose problems name file, line and column.
 */
import { inputError, type Problem } from '../errors.ts';
import * as msg from '../messages/etl.ts';
import { sha256File } from './file-hash.ts';
import type { Reader } from './reader.ts';
import { recogniseFile } from './registry.ts';
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
  /** 'error' (load): an unrecognised file fails the load; 'warn' (run): it is skipped with a warning. */
  unrecognised: 'error' | 'warn';
  today?: Date;
}

/** Recognises, hashes and loads files; throws an input error (warehouse unchanged) when any file is invalid. */
export async function loadFilesInto(wh: Warehouse, files: string[], opts: LoadFilesOptions): Promise<LoadOutcome> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const skipped: SkippedFile[] = [];
  const plan: Array<{ path: string; sha: string; reader: Reader }> = [];
  const known = new Map((await wh.query<{ sha256: string; path: string }>('SELECT sha256, path FROM loaded_file')).map((r) => [r.sha256, r.path]));
  const inThisLoad = new Map<string, string>();
  for (const path of files) {
    if (opts.unrecognised === 'warn' && /(^|\/)readme(\.md|\.txt)?$/i.test(path)) continue;
    const rec = await recogniseFile(path);
    if ('problem' in rec) {
      if (opts.unrecognised === 'warn') {
        warnings.push({ ...rec.problem, message: `${msg.unrecognisedInDataFolder()}: ${rec.problem.message}` });
        skipped.push({ path, reason: msg.unrecognisedInDataFolder() });
      } else problems.push(rec.problem);
      continue;
    }
    const sha = await sha256File(path);
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
    plan.push({ path, sha, reader: rec.reader });
  }
  if (problems.length > 0) throw inputError(msg.loadFailed(new Set(problems.map((p) => p.file)).size, problems.length), problems);

  const hashKey = await wh.hashKey();
  const loaded: LoadedFile[] = [];
  const today = opts.today ?? new Date();
  try {
    await wh.withTransaction(async () => {
      const sink = await wh.sink();
      try {
        let fileId = ((await wh.query<{ m: number | null }>('SELECT max(file_id) AS m FROM loaded_file'))[0]?.m ?? 0) + 1;
        for (const f of plan) {
          const report = await f.reader.read(f.path, problems.length > 0 ? { add: () => undefined } : sink, { fileId, path: f.path, hashKey, today });
          problems.push(...report.errors);
          if (report.errors.length > 0) continue;
          warnings.push(...report.warnings);
          for (const w of report.warnings) {
            await sink.add('dq_note', { file_id: fileId, path: f.path, line: w.line ?? null, column_name: w.column ?? null, severity: 'warning', message: w.message });
          }
          await sink.add('loaded_file', { file_id: fileId, path: f.path, sha256: f.sha, reader: f.reader.id, rows: report.rows, loaded_at: today });
          loaded.push({ path: f.path, sha256: f.sha, reader: f.reader.id, rows: report.rows });
          fileId++;
        }
      } finally {
        sink.close();
      }
      if (problems.length > 0) throw inputError(msg.loadFailed(new Set(problems.map((p) => p.file)).size, problems.length), problems);
    });
  } catch (e) {
    loaded.length = 0;
    throw e;
  }
  return { loaded, skipped, warnings };
}
