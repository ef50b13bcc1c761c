/**
 * `validate`: recognises and reads every file with a counting sink, writing nothing. Returns the JSON shape of
 * cli.md: `{files: [{path, reader, rows, errors: [{line, column, message}], warnings}]}`.
 */
import type { Problem } from '../errors.ts';
import { expandPaths } from './expand-paths.ts';
import { recogniseFile } from './registry.ts';

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
export async function validatePaths(paths: string[], opts: { today?: Date } = {}): Promise<{ files: ValidatedFile[] }> {
  const files: ValidatedFile[] = [];
  for (const path of await expandPaths(paths)) {
    const rec = await recogniseFile(path);
    if ('problem' in rec) {
      files.push({ path, reader: null, rows: 0, errors: [fileProblem(rec.problem)], warnings: [] });
      continue;
    }
    const report = await rec.reader.read(path, { add: () => undefined }, { fileId: 0, path, hashKey: 'validate', today: opts.today ?? new Date() });
    files.push({ path, reader: rec.reader.id, rows: report.rows, errors: report.errors.map(fileProblem), warnings: report.warnings.map(fileProblem) });
  }
  return { files };
}
