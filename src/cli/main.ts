/**
 * The command line (cli.md). The only place that prints or sets the exit code:
 *   0 success · 1 invalid input or scenario · 2 wrong command line · 70 internal error (a bug).
 * Each command lives in commands/<name>.ts and calls into the pure pipeline; errors are HighneedsError.
 */
import { tmpdir } from 'node:os';
import { Command, CommanderError } from 'commander';
import { ExitCode, HighneedsError, formatProblem } from '../errors.ts';
import { cliMsg } from '../messages/index.ts';
import { VERSION } from '../version.ts';
import { processIO, safeIO, type CliIO } from './io.ts';
import { registerCommands } from './commands/index.ts';
import { ARCHIVE_TEMP_PREFIX, removeStale, UTF8_COPY_TEMP_PREFIX } from '../paths/temp-files.ts';

export function buildProgram(io: CliIO): Command {
  const program = new Command('highneeds')
    .description('Forecast EHC plans and model the High Needs block of the DSG for an English local authority')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showSuggestionAfterError(true);
  registerCommands(program, io);
  // --help and --version answer on stdout (what was asked for); errors and usage after a mistake on stderr
  for (const c of program.commands) {
    c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
    refuseRepeatedValues(c);
  }
  return program;
}

/**
 * A flag of one value given twice with different values is a usage error: commander keeps the last, so
 * `run --la 998 --la 999` ran 999 without a word, and `--data a --data b` read b alone. The same value twice is
 * taken; flags of several values (`forecast --la 886 925`, `--ees`) are not concerned.
 */
function refuseRepeatedValues(c: Command): void {
  for (const opt of c.options) {
    if (opt.variadic || !(opt.required || opt.optional)) continue;
    const seen: string[] = [];
    c.on(`option:${opt.name()}`, (value: unknown) => {
      const v = String(value);
      if (seen.length > 0 && !seen.includes(v)) c.error(`error: ${cliMsg.repeatedFlag(opt.long ?? opt.name(), [...seen, v], c.name())}`, { exitCode: ExitCode.USAGE, code: 'highneeds.repeatedFlag' });
      seen.push(v);
    });
  }
}

/** Runs the CLI and returns the exit code (never calls process.exit). */
export async function main(argv: string[], rawIo: CliIO = processIO()): Promise<number> {
  // every word printed goes through terminalSafe: a file name may hold terminal escape sequences
  const io = safeIO(rawIo);
  const program = buildProgram(io);
  // archive entries and UTF-8 copies a killed highneeds process left in the temp folder (they may hold children's
  // personal data) are removed by the next start of any command
  await removeStale(tmpdir(), ARCHIVE_TEMP_PREFIX);
  await removeStale(tmpdir(), UTF8_COPY_TEMP_PREFIX);
  try {
    if (argv.length <= 2) {
      program.outputHelp({ error: true });
      return ExitCode.USAGE;
    }
    await program.parseAsync(argv);
    return ExitCode.OK;
  } catch (e) {
    return exitCodeFor(e, io);
  }
}

function exitCodeFor(e: unknown, io: CliIO): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.OK;
    // every other commander error is about the command line itself: unknown command or flag, missing argument, …
    return ExitCode.USAGE;
  }
  if (e instanceof HighneedsError) {
    io.err(`highneeds: ${e.message}\n`);
    const extra = e.problems.filter((p) => !e.message.includes(p.message));
    for (const p of extra.slice(0, 50)) io.err(`  ${formatProblem(p)}\n`);
    if (extra.length > 50) io.err(`  … and ${extra.length - 50} more\n`);
    return e.exitCode;
  }
  const detail = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  io.err(`${cliMsg.internalError(detail)}\n`);
  return ExitCode.INTERNAL;
}
