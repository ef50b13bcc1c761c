/**
 * The one error type of the project. Every failure a user can act on is a HighneedsError carrying the exit code
 * of cli.md; anything else that escapes is a bug (exit 70). Only the CLI prints or exits.
 */

export const ExitCode = {
  OK: 0,
  INVALID_INPUT: 1,
  USAGE: 2,
  INTERNAL: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** One located problem in an input: which file, where, what was expected and what was found. */
export interface Problem {
  file?: string;
  line?: number;
  column?: string;
  /** XML path or scenario key path. */
  path?: string;
  message: string;
}

export class HighneedsError extends Error {
  readonly exitCode: ExitCode;
  readonly problems: Problem[];
  constructor(exitCode: ExitCode, message: string, problems: Problem[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HighneedsError';
    this.exitCode = exitCode;
    this.problems = problems;
  }
}

/** An invalid input file or scenario (exit 1). */
export function inputError(message: string, problems: Problem[] = [], cause?: unknown): HighneedsError {
  return new HighneedsError(ExitCode.INVALID_INPUT, message, problems, { cause });
}

/** A wrong command line (exit 2). */
export function usageError(message: string): HighneedsError {
  return new HighneedsError(ExitCode.USAGE, message);
}

/** Formats a problem as `file:line [column] message` for humans. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? String(p.line) : undefined].filter(Boolean).join(':');
  const col = p.column ? ` column '${p.column}'` : '';
  const path = p.path ? ` at ${p.path}` : '';
  return `${where}${col}${path}: ${p.message}`;
}
