/**
 * `validate`: recognises and reads every file, writing nothing. Returns the JSON shape of cli.md: `{files: [{path,
 * reader, rows, errors: [{line, column, message}], warnings}], skipped: [{path, reason}]}`. A ZIP archive's entries
 * are files of their own (`release.zip!data/sen2_mi.csv`); documentation files have reader `documentation`. A file
 * with the same bytes as one before it is skipped, as load skips it, and listed under `skipped`.
 *
 * A file whose reader loads set-based (Reader.load) is read so in a scratch warehouse (scratch-read.ts); any other
 * file streams through its row reader with a counting sink. Both give the same rows, errors and warnings
 * (test/etl/set-based-load.test.ts).
 */
import type { Problem } from '../errors.ts';
import type { ArchiveLimits } from './archive.ts';
import * as msg from '../messages/etl.ts';
import { sameContentAsBefore } from './file-hash.ts';
import { displayReport, isNotData, readInput, recogniseInput, withInputFiles } from './inputs.ts';
import type { ReadReport } from './reader.ts';
import type { LaRegionRow } from './region-clash.ts';
import { laRowsSink, regionClashesOfFiles, type ReadFile } from './region-clash-read.ts';
import { ScratchWarehouse } from './scratch-read.ts';
import { filesToLoadTogether, refusedTogether } from './load-together.ts';

export interface FileProblem {
  line?: number;
  column?: string;
  message: string;
}

/** A file not checked, and why: one with the same bytes as a file before it (as load skips it). */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ValidatedFile {
  path: string;
  reader: string | null;
  rows: number;
  errors: FileProblem[];
  warnings: FileProblem[];
}

/** Strips the file from a problem (the file is the entry's path). */
export function fileProblem(p: Problem): FileProblem {
  const out: FileProblem = { message: p.path ? `${p.message} (at ${p.path})` : p.message };
  if (p.line !== undefined) out.line = p.line;
  if (p.column !== undefined) out.column = p.column;
  return out;
}

/**
 * Validates files and folders (recursively). Never writes anything.
 * @example const { files } = await validatePaths(['data-samples']); files.every((f) => f.errors.length === 0)
 */
export async function validatePaths(
  paths: string[],
  opts: {
    today?: Date;
    limits?: ArchiveLimits;
    /** true: every file the set-based path can take goes there; false: every file through its row reader (tests) */
    setBased?: boolean;
  } = {},
): Promise<{ files: ValidatedFile[]; skipped: SkippedFile[] }> {
  return withInputFiles(
    paths,
    async (inputs) => {
      const files: ValidatedFile[] = [];
      const skipped: SkippedFile[] = [];
      const scratch = new ScratchWarehouse();
      try {
        const all = await Promise.all(inputs.map(async (input) => ({ input, rec: await recogniseInput(input) })));
        // a file with the same bytes as one before it (an archive's entry beside its extracted copy) is skipped, as
        // load skips it: checked twice, each problem was given twice
        const data = all.filter(({ rec }) => 'reader' in rec && !isNotData(rec.reader));
        const repeatOf = await sameContentAsBefore(data.map(({ input }) => input.file));
        const repeats = new Set(data.flatMap(({ input }, i) => (repeatOf[i] === undefined ? [] : [input])));
        for (const [i, { input }] of data.entries()) if (repeats.has(input)) skipped.push({ path: input.path, reason: msg.duplicateInValidate(data[repeatOf[i]!]!.input.path) });
        const recognised = all.filter(({ input }) => !repeats.has(input));
        const today = opts.today ?? new Date();
        if (opts.setBased !== false) {
          const readable = recognised.flatMap(({ input, rec }) => ('problem' in rec ? [] : [{ reader: rec.reader, path: input.file, shownAs: input.path, choice: opts.setBased }]));
          await scratch.prepareAhead(readable, { hashKey: 'validate', today });
        }
        const laRows: LaRegionRow[] = [];
        const read: Array<ReadFile & { entry: ValidatedFile }> = [];
        for (const { input, rec } of recognised) {
          if ('problem' in rec) {
            files.push({ path: input.path, reader: null, rows: 0, errors: [fileProblem(rec.problem)], warnings: [] });
            continue;
          }
          // each file's LA rows, for an LA code two files give two regions (as load checks them)
          const sink = laRowsSink(read.length, laRows);
          const ctx = { fileId: 0, hashKey: 'validate', today };
          let report: ReadReport | undefined;
          if (opts.setBased !== false) {
            const r = await scratch.read(rec.reader, input.file, sink, { ...ctx, path: input.path }, opts.setBased);
            if (r) report = displayReport(input, r);
          }
          report ??= await readInput(rec.reader, input, sink, ctx);
          const entry = {
            path: input.path, reader: rec.reader.id, rows: report.rows,
            errors: report.errors.map(fileProblem), warnings: report.warnings.map(fileProblem),
          };
          files.push(entry);
          read.push({ input, reader: rec.reader, entry });
        }
        for (const p of await regionClashesOfFiles(laRows, (id) => read[id]!, today)) read.find((r) => r.input.path === p.file)?.entry.errors.push(fileProblem(p));
        // what only files read together can contradict (load-together.ts): checked as load checks it, where each file passed
        const together = filesToLoadTogether(read.map((r) => r.reader)).map((i) => read[i]!);
        if (together.length > 1 && read.every((r) => r.entry.errors.length === 0))
          for (const p of await refusedTogether(together.map((r) => r.input), today)) (read.find((r) => r.input.path === p.file) ?? read[read.length - 1]!).entry.errors.push(fileProblem(p));
      } finally {
        await scratch.close();
      }
      return { files, skipped };
    },
    { limits: opts.limits, pathProblems: 'entries' },
  );
}

