/**
 * How a command that fails says so (cli.md, "When a command fails"): the one place that turns an error into its
 * exit code, its words on stderr and, with `--json`, the one JSON document on stdout. Every command, every refusal
 * (exit 1), every usage error (exit 2, commander's or ours) and every internal error (exit 70) goes through here, so
 * that a script reading stdout with `--json` always finds exactly one document:
 *   {"error": {"exit": 1, "message": "…", "file": "…" | null, "line": N | null, "problems": [{"file", "line", "column", "message"}]}}
 * `message` is the words stderr gives (without its `highneeds: ` or `error: ` lead); stderr stays as it was.
 */
import { CommanderError } from 'commander';
import { ExitCode, HighneedsError, formatProblem, type Problem } from '../errors.ts';
import { cliMsg } from '../messages/index.ts';
import type { CliIO } from './io.ts';

/** One located problem of a failure, as `--json` gives it (every key present, `null` where it has none). */
export interface JsonFailureProblem {
  file: string | null;
  line: number | null;
  column: string | null;
  message: string;
}

/** The document `--json` prints on stdout when a command fails. */
export interface FailureDocument {
  error: {
    exit: number;
    message: string;
    /** The file the failure is in, when its problems name one file (else null). */
    file: string | null;
    /** The line of that file, when its problems there are at one line (else null). */
    line: number | null;
    problems: JsonFailureProblem[];
  };
}

/**
 * Whether the command line asks for `--json`: read from the words themselves, since a failure may come before (or
 * instead of) commander's reading them (an unknown flag, a missing required flag, a flag value refused before
 * `--json` is reached). Words after `--` are arguments, not flags. Once a command's flags are read, main.ts takes
 * the command's own `--json` instead (the word may be another flag's value).
 * @example jsonRequested(['node', 'highneeds', 'run', '--bogus', '--json']) // true
 */
export function jsonRequested(argv: readonly string[]): boolean {
  const words = argv.slice(2);
  const end = words.indexOf('--');
  return (end < 0 ? words : words.slice(0, end)).includes('--json');
}

/**
 * The failure document of an exit code, its message and its problems.
 * @example failureDocument(1, 'x.csv: no such file or folder', [{ file: 'x.csv', message: '…' }]).error.file // 'x.csv'
 */
export function failureDocument(exit: number, message: string, problems: readonly Problem[] = []): FailureDocument {
  const files = [...new Set(problems.flatMap((p) => (p.file === undefined ? [] : [p.file])))];
  const file = files.length === 1 ? files[0]! : null;
  const lines = [...new Set(problems.filter((p) => p.file === file).map((p) => wholeLine(p.line)))];
  const line = file !== null && lines.length === 1 ? lines[0]! : null;
  return {
    error: {
      exit,
      message,
      file,
      line,
      problems: problems.map((p) => ({
        file: p.file ?? null,
        line: wholeLine(p.line),
        column: p.column ?? null,
        message: p.path ? `${p.message} (at ${p.path})` : p.message,
      })),
    },
  };
}

/** A line number as the document gives it: a line from 1, else null (never NaN). */
function wholeLine(line: number | undefined): number | null {
  return line !== undefined && Number.isInteger(line) && line >= 1 ? line : null;
}

/**
 * Says on stderr why a command failed (commander has said it already for its own errors), prints the failure
 * document on stdout with `--json` unless the command printed its document already (`validate` of an invalid file:
 * its report is the document), and returns the exit code.
 */
export function reportFailure(e: unknown, io: CliIO, json: { requested: boolean; printed: boolean }): number {
  const { exit, message, problems } = describeFailure(e, io);
  // written as it is, not through printJson's guard: the words of an error may say 'undefined' (an internal error's
  // "Cannot read properties of undefined"), which the guard takes for a half-truth and refused with a second error
  if (json.requested && !json.printed && exit !== ExitCode.OK) io.out(`${JSON.stringify(failureDocument(exit, message, problems), null, 2)}\n`);
  return exit;
}

/** The exit code, message and problems of a failure, its words written to stderr. */
function describeFailure(e: unknown, io: CliIO): { exit: number; message: string; problems: readonly Problem[] } {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return { exit: ExitCode.OK, message: '', problems: [] };
    // every other commander error is about the command line itself: unknown command or flag, missing argument, …
    // (commander wrote it to stderr)
    return { exit: ExitCode.USAGE, message: e.message.replace(/^error: /, ''), problems: [] };
  }
  if (e instanceof HighneedsError) {
    io.err(`highneeds: ${e.message}\n`);
    const extra = e.problems.filter((p) => !e.message.includes(p.message));
    for (const p of extra.slice(0, 50)) io.err(`  ${formatProblem(p)}\n`);
    if (extra.length > 50) io.err(`  … and ${extra.length - 50} more\n`);
    return { exit: e.exitCode, message: e.message, problems: e.problems };
  }
  // the stack goes to stderr, for the report; the document on stdout gives the message alone
  const detail = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  io.err(`${cliMsg.internalError(detail)}\n`);
  return { exit: ExitCode.INTERNAL, message: cliMsg.internalError(e instanceof Error ? e.message : String(e)), problems: [] };
}
