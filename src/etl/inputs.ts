/**
 * The files a command works on: folders expand to their files, ZIP archives to their entries (archive.ts), each
 * with the path users see (`release.zip!data/sen2_mi.csv` for an entry) and the file on disk (a temporary file
 * for an entry). Every message, JSON document and `loaded_file.path` uses the path users see: problems a reader
 * reports against the temporary file are rewritten here.
 *
 *   paths ──expandPaths──▶ files ──ZIP?──▶ entries in a temp folder ──▶ InputFile[] ──▶ fn ──▶ temp folders removed
 */
import { tmpdir } from 'node:os';
import { sep } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { inputError, type Problem } from '../errors.ts';
import { archiveMsg, etlMsg, pathMsg, scenarioMsg } from '../messages/index.ts';
import { ARCHIVE_TEMP_PREFIX, makeTempDir, removeTempDir } from '../paths/temp-files.ts';
import { expandArchive, isZipFile, type ArchiveLimits } from './archive.ts';
import { DOCUMENTATION_READER_ID, documentationReader, isBinaryDocumentationPath } from './documentation.ts';
import { OTHER_YAML_READER_ID, SCENARIO_READER_ID } from './scenario-file.ts';
import { expandPathEntries, expandPaths } from './expand-paths.ts';
import type { LoadContext, PrepareContext, PreparedLoad, ReadContext, Reader, ReadReport, RowSink } from './reader.ts';
import { recogniseFile, type Recognition } from './registry.ts';

export interface InputFile {
  /** The path users see: the file's path, or `archive.zip!entry/name.csv`. */
  path: string;
  /** The bytes on disk (a temporary file for an archive entry). */
  file: string;
  /** Set when the file is an archive that cannot be expanded, or (validate) a path that cannot be read: why. */
  problem?: string;
  /** For an archive entry: the temporary folder it was expanded into, and the archive's path. */
  archive?: { dir: string; path: string };
}

/**
 * Expands paths into input files, runs `fn` on them, and removes every temporary file afterwards (also on error).
 * @example await withInputFiles(['data'], async (files) => files.map((f) => f.path))
 */
export async function withInputFiles<T>(
  paths: readonly string[],
  fn: (files: InputFile[]) => Promise<T>,
  opts: {
    limits?: ArchiveLimits;
    /**
     * 'entries' (validate): a path that cannot be read, or a folder that holds no file, is an input file of its own
     * with its problem, and the other paths are read; by default it is an input error (load, run: all or nothing).
     */
    pathProblems?: 'entries';
  } = {},
): Promise<T> {
  const temps: string[] = [];
  try {
    const files: InputFile[] = [];
    const expanded: Array<{ path: string; problem?: string }> = [];
    for (const p of paths) {
      const inside = opts.pathProblems === 'entries' ? await expandPathEntries([p]) : (await expandPaths([p])).map((path) => ({ path, error: undefined }));
      // a folder given that holds nothing (a wrong path, a download not unpacked yet) would otherwise "validate" or
      // "load" with success and no word
      if (inside.length === 0) {
        if (opts.pathProblems !== 'entries') throw inputError(pathMsg.folderHoldsNoFiles(p), [{ file: p, message: pathMsg.folderHoldsNoFiles(p) }]);
        expanded.push({ path: p, problem: pathMsg.folderHoldsNoFiles(p) });
      }
      expanded.push(...inside.map((e) => (e.error ? { path: e.path, problem: e.error.message } : { path: e.path })));
    }
    for (const { path, problem } of expanded) {
      if (problem !== undefined) {
        files.push({ path, file: path, problem });
        continue;
      }
      if (isBinaryDocumentationPath(path) || /\.xls[xm]$/i.test(path) || !(await isZipFile(path))) {
        files.push({ path, file: path });
        continue;
      }
      const dir = await makeTempDir(tmpdir(), ARCHIVE_TEMP_PREFIX);
      temps.push(dir);
      const x = await expandArchive(path, dir, opts.limits);
      if (x.kind === 'not-archive') files.push({ path, file: path });
      else if (x.kind === 'problem') files.push({ path, file: path, problem: x.message });
      else {
        for (const e of x.entries) {
          const input: InputFile = { path: `${path}!${e.name}`, file: e.file, archive: { dir, path } };
          files.push(e.nested ? { ...input, problem: archiveMsg.archiveInsideArchive(e.name) } : input);
        }
      }
    }
    return await fn(files);
  } finally {
    for (const dir of temps) await removeTempDir(dir);
  }
}

/** Rewrites temporary file paths in a text to the paths users see. */
export function displayText(input: InputFile, text: string): string {
  if (input.archive) return text.split(`${input.archive.dir}${sep}`).join(`${input.archive.path}!`);
  return text;
}

function displayProblem(input: InputFile, p: Problem): Problem {
  // a reader may name another file than the one it was given (a Blade export's module file beside its person file)
  const file = p.file !== undefined && p.file !== input.file && p.file !== input.path ? displayText(input, p.file) : input.path;
  const out: Problem = { ...p, file, message: displayText(input, p.message) };
  if (p.path !== undefined) out.path = displayText(input, p.path);
  return out;
}

/** Whether a reader takes a file that is not data (documentation, a scenario): load and run pass over it. */
export function isNotData(reader: Reader): boolean {
  return reader.id === DOCUMENTATION_READER_ID || reader.id === SCENARIO_READER_ID || reader.id === OTHER_YAML_READER_ID;
}

/** Why load passes over a file that is not data (isNotData). */
export function notDataReason(reader: Reader): string {
  if (reader.id === OTHER_YAML_READER_ID) return scenarioMsg.yamlNotScenario();
  return reader.id === SCENARIO_READER_ID ? scenarioMsg.scenarioNotData() : etlMsg.documentationSkipped();
}

/** The reader of an input file, or why none (problems name the path users see). */
export async function recogniseInput(input: InputFile): Promise<Recognition> {
  if (input.problem !== undefined) return { problem: { file: input.path, message: input.problem } };
  if (isBinaryDocumentationPath(input.path)) {
    return { reader: documentationReader, sniff: { path: input.file, size: 0, head: '', binary: true } };
  }
  const rec = await recogniseFile(input.file);
  return 'problem' in rec ? { ...rec, problem: displayProblem(input, rec.problem) } : rec;
}

/**
 * Loads an input file set-based when its reader can (Reader.load); undefined when the row reader must read it.
 * Problems name the path users see.
 */
export async function loadInputSet(reader: Reader, input: InputFile, db: DuckDBConnection, ctx: Omit<LoadContext, 'path'>): Promise<ReadReport | undefined> {
  const report = await reader.load?.(input.file, db, { ...ctx, path: input.path });
  return report && displayReport(input, report);
}

/**
 * Prepares an input file set-based (Reader.prepare); undefined when the row reader must read it. The report's
 * problems name the path users see.
 */
export async function prepareInput(reader: Reader, input: InputFile, ctx: Omit<PrepareContext, 'path'>): Promise<PreparedLoad | undefined> {
  const prepared = await reader.prepare?.(input.file, { ...ctx, path: input.path });
  return prepared && { ...prepared, report: displayReport(input, prepared.report) };
}

/** A report whose problems name the path users see. */
export function displayReport(input: InputFile, report: ReadReport): ReadReport {
  return { rows: report.rows, errors: report.errors.map((p) => displayProblem(input, p)), warnings: report.warnings.map((p) => displayProblem(input, p)) };
}

/** Reads an input file with its reader; problems name the path users see. */
export async function readInput(reader: Reader, input: InputFile, sink: RowSink, ctx: Omit<ReadContext, 'path'>): Promise<ReadReport> {
  return displayReport(input, await reader.read(input.file, sink, { ...ctx, path: input.path }));
}
