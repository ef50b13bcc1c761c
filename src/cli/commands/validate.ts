/** `highneeds validate PATH...`: checks files without writing anything. */
import type { Command } from 'commander';
import { cliMsg } from '../../messages/index.ts';
import { ExitCode, HighneedsError } from '../../errors.ts';
import { fileWarnings, printJson, say, type CliIO } from '../io.ts';
import type { FileProblem, SkippedFile, ValidatedFile } from '../../etl/validate.ts';
import { counted } from '../../util/plural.ts';

export function registerValidate(program: Command, io: CliIO): void {
  program
    .command('validate')
    .description('check input files (or every file in a folder) without loading them')
    .argument('<path...>', 'files or folders')
    .option('--json', 'print the result as JSON on stdout')
    .option('--quiet', 'print nothing but errors')
    .action(async (paths: string[], o: { json?: boolean; quiet?: boolean }) => {
      const { validatePaths } = await import('../../etl/validate.ts');
      const result = await validatePaths(paths);
      const bad = result.files.filter((f) => f.errors.length > 0);
      // each file's errors are on stderr with --json too (the document gives them as well): a path that cannot be read
      // was said there before validate reported it as that path's
      for (const f of result.files) {
        const status = f.errors.length > 0 ? 'INVALID' : 'ok';
        if (!o.json) say(io, o, `${status.padEnd(7)} ${f.path} (${f.reader ?? 'not read'}, ${counted(f.rows, 'row')}${f.warnings.length ? `, ${counted(f.warnings.length, 'warning')}` : ''})`);
        // a path that cannot be read is named by its message ('missing.csv: no such file or folder …')
        for (const e of f.errors.slice(0, 20)) io.err(`  ${!e.line && !e.column && e.message.startsWith(`${f.path}: `) ? '' : `${f.path}${e.line ? `:${e.line}` : ''}${e.column ? ` [${e.column}]` : ''}: `}${e.message}\n`);
        if (f.errors.length > 20) io.err(`  … and ${f.errors.length - 20} more errors in ${f.path}\n`);
        if (!o.json) fileWarnings(io, o, f.path, f.warnings);
      }
      if (o.json) printJson(io, validateDocument(result));
      else for (const f of result.skipped) say(io, o, `skipped ${f.path}: ${f.reason}`);
      if (bad.length > 0) {
        throw new HighneedsError(ExitCode.INVALID_INPUT, cliMsg.filesInvalid(bad.map((f) => f.path), result.files.length));
      }
    });
}

/**
 * The `--json` document (cli.md): every problem with `line`, `column` and `message`, in that order, `null` where it is
 * not at one line or column (a file no reader recognises, a column missing from the header), and the files skipped as
 * the same bytes as one before them, `[]` when there are none.
 */
function validateDocument(result: { files: ValidatedFile[]; skipped: SkippedFile[] }): {
  files: Array<Omit<ValidatedFile, 'errors' | 'warnings'> & { errors: JsonProblem[]; warnings: JsonProblem[] }>;
  skipped: SkippedFile[];
} {
  return {
    files: result.files.map((f) => ({ ...f, errors: f.errors.map(jsonProblem), warnings: f.warnings.map(jsonProblem) })),
    skipped: result.skipped.map((f) => ({ path: f.path, reason: f.reason })),
  };
}

interface JsonProblem {
  line: number | null;
  column: string | null;
  message: string;
}

function jsonProblem(p: FileProblem): JsonProblem {
  return { line: p.line ?? null, column: p.column ?? null, message: p.message };
}
