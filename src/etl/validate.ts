/**
 * `validate`: recognises and reads every file, writing nothing. Returns the JSON shape of cli.md: `{files: [{path,
 * reader, rows, errors: [{line, column, message}], warnings}]}`. A ZIP archive's entries are files of their own
 * (`release.zip!data/sen2_mi.csv`); documentation files have reader `documentation`.
 *
 * A file whose reader loads set-based (Reader.load) is read so in a scratch warehouse (scratch-read.ts); any other
 * file streams through its row reader with a counting sink. Both give the same rows, errors and warnings
 * (test/etl/set-based-load.test.ts).
 */
import type { Problem } from '../errors.ts';
import type { ArchiveLimits } from './archive.ts';
import { displayReport, readInput, recogniseInput, withInputFiles } from './inputs.ts';
import type { ReadReport } from './reader.ts';
import type { LaRegionRow } from './region-clash.ts';
import { laRowsSink, regionClashesOfFiles, type ReadFile } from './region-clash-read.ts';
import { ScratchWarehouse } from './scratch-read.ts';

export interface FileProblem {
  line?: number;
  column?: string;
  message: string;
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
): Promise<{ files: ValidatedFile[] }> {
  return withInputFiles(
    paths,
    async (inputs) => {
      const files: ValidatedFile[] = [];
      const scratch = new ScratchWarehouse();
      try {
        const recognised = await Promise.all(inputs.map(async (input) => ({ input, rec: await recogniseInput(input) })));
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
      } finally {
        await scratch.close();
      }
      return { files };
    },
    { limits: opts.limits },
  );
}

