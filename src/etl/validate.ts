/**
 * `validate`: recognises and reads every file with a counting sink, writing nothing. Returns the JSON shape of
 * cli.md: `{files: [{path, reader, rows, errors: [{line, column, message}], warnings}]}`. A ZIP archive's entries
 * are files of their own (`release.zip!data/sen2_mi.csv`); documentation files have reader `documentation`.
 */
import type { Problem } from '../errors.ts';
import type { ArchiveLimits } from './archive.ts';
import { readInput, recogniseInput, withInputFiles } from './inputs.ts';

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
  opts: { today?: Date; limits?: ArchiveLimits } = {},
): Promise<{ files: ValidatedFile[] }> {
  return withInputFiles(
    paths,
    async (inputs) => {
      const files: ValidatedFile[] = [];
      for (const input of inputs) {
        const rec = await recogniseInput(input);
        if ('problem' in rec) {
          files.push({ path: input.path, reader: null, rows: 0, errors: [fileProblem(rec.problem)], warnings: [] });
          continue;
        }
        const report = await readInput(rec.reader, input, { add: () => undefined }, { fileId: 0, hashKey: 'validate', today: opts.today ?? new Date() });
        files.push({
          path: input.path, reader: rec.reader.id, rows: report.rows,
          errors: report.errors.map(fileProblem), warnings: report.warnings.map(fileProblem),
        });
      }
      return { files };
    },
    { limits: opts.limits },
  );
}
