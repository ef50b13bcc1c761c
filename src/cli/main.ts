/**
 * The command line (cli.md). The only place that prints or sets the exit code (with failure.ts, which says why a
 * command failed):
 *   0 success · 1 invalid input or scenario · 2 wrong command line · 70 internal error (a bug).
 * Each command lives in commands/<name>.ts and calls into the pure pipeline; errors are HighneedsError.
 */
import { tmpdir } from 'node:os';
import { Command, CommanderError } from 'commander';
import { ExitCode } from '../errors.ts';
import { cliMsg } from '../messages/index.ts';
import { VERSION } from '../version.ts';
import { nearest } from '../util/suggest.ts';
import { setInvocation } from '../messages/invocation.ts';
import { invokedAs } from './invocation.ts';
import { printJson, processIO, safeIO, type CliIO } from './io.ts';
import { jsonRequested, reportFailure } from './failure.ts';
import { registerCommands } from './commands/index.ts';
import { ARCHIVE_TEMP_PREFIX, removeStale, UTF8_COPY_TEMP_PREFIX } from '../paths/temp-files.ts';

/**
 * The program and its commands. `writeOut` takes what commander answers on stdout (--help, --version): stdout by
 * default; `main` collects it with `--json`, to give it as a JSON document.
 */
export function buildProgram(io: CliIO, writeOut: (s: string) => void = (s) => io.out(s)): Command {
  const program = new Command('highneeds')
    .description('Forecast EHC plans and model the High Needs block of the DSG for an English local authority')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut, writeErr: (s) => io.err(s) })
    .showSuggestionAfterError(true);
  registerCommands(program, io);
  // --help and --version answer on stdout (what was asked for); errors and usage after a mistake on stderr
  for (const c of program.commands) {
    c.exitOverride().configureOutput({ writeOut, writeErr: (s) => io.err(s) });
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

/**
 * `help NAME` where NAME is no command is a usage error: commander gave the program's help on stderr and exit 0 (with
 * `--json`, no document at all), so `highneeds help forcast` read as a success to a script.
 */
function refuseHelpOfUnknown(program: Command, argv: readonly string[]): void {
  const [first, name] = argv.slice(2).filter((w) => w !== '--json');
  if (first !== 'help' || name === undefined || name.startsWith('-')) return;
  const names = program.commands.map((c) => c.name());
  if (names.includes(name)) return;
  program.error(`error: ${cliMsg.helpOfUnknownCommand(name, nearest(name, names))}`, { exitCode: ExitCode.USAGE, code: 'commander.unknownCommand' });
}

/** Runs the CLI and returns the exit code (never calls process.exit). */
export async function main(given: string[], rawIo: CliIO = processIO()): Promise<number> {
  // a `--` before the command is npm's way to pass what follows (`npx highneeds -- --version`, which this page's docs
  // gave): npx 7 and later pass it on, and commander read it as the command's place ("unknown command '--version'")
  const argv = given[2] === '--' ? [...given.slice(0, 2), ...given.slice(3)] : given;
  // every word printed goes through terminalSafe: a file name may hold terminal escape sequences
  const safe = safeIO(rawIo);
  // the commands messages give to type are the ones that start highneeds as this run was started
  setInvocation(invokedAs(argv[1], process.env, process.cwd()));
  // with --json, stdout holds exactly one JSON document whatever happens (failure.ts): what a command prints there
  // is counted, and commander's own answers (--help, --version) are collected to be given as one
  const json = { requested: jsonRequested(argv), printed: false };
  const io: CliIO = { ...safe, out: (t) => ((json.printed = true), safe.out(t)) };
  let commanderOut = '';
  const program = buildProgram(io, json.requested ? (s) => void (commanderOut += s) : undefined);
  // once a command's flags are read, whether it has --json is theirs to say: in `--out --json` the word is --out's
  // value (forecast wrote its CSV to a file named --json), not a request for a document
  program.hook('preAction', (_program, command) => {
    json.requested = command.opts().json === true;
  });
  try {
    // archive entries and UTF-8 copies a killed highneeds process left in the temp folder (they may hold children's
    // personal data) are removed by the next start of any command (a failure there is said as any other)
    await removeStale(tmpdir(), ARCHIVE_TEMP_PREFIX);
    await removeStale(tmpdir(), UTF8_COPY_TEMP_PREFIX);
    if (argv.length <= 2) {
      program.outputHelp({ error: true });
      return ExitCode.USAGE;
    }
    refuseHelpOfUnknown(program, argv);
    await program.parseAsync(argv);
    // every command prints its document with --json: one that did not is a bug, said as one
    if (json.requested && !json.printed) throw new Error(cliMsg.noJsonDocument(argv.slice(2).join(' ')));
    return ExitCode.OK;
  } catch (e) {
    if (json.requested && e instanceof CommanderError && e.exitCode === 0) {
      printJson(io, e.code === 'commander.version' ? { version: VERSION } : { help: commanderOut });
      return ExitCode.OK;
    }
    return reportFailure(e, io, json);
  }
}
