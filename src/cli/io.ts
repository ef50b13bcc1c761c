/**
 * The CLI's only contact with the terminal: where text goes and whether progress bars may be shown.
 * Tests pass a capturing IO; `processIO()` is the real one.
 */
import type CliProgress from 'cli-progress';
import { assertNoBlemishes, valueBlemishes } from '../report/output-guard.ts';
import { lazyPackage } from '../util/lazy-package.ts';
import { cliMsg } from '../messages/index.ts';

// loaded only when a run draws a bar on a terminal, so start-up stays light
const cliProgressPackage = lazyPackage<typeof CliProgress>('cli-progress');

export interface CliIO {
  /** Write to stdout (the JSON document with --json). */
  out(text: string): void;
  /** Write a human message to stderr. */
  err(text: string): void;
  /** Whether stderr is a terminal (progress bars only then). */
  stderrIsTTY: boolean;
}

export function processIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

/**
 * Text made safe for a terminal: every control character but the line break and the tab shown as `\u00HH`. A file
 * named with an escape sequence (`ESC[31m`, or one that moves the cursor or retitles the window) was printed raw in
 * every message naming it, so a file in a council's data folder could recolour, rewrite or hide what the terminal
 * showed. The JSON spelling keeps a JSON document on stdout valid and its values the same: JSON.stringify escapes the
 * controls below 0x20 itself, and `\u007f` (DEL) or a C1 control reads back as the character it stands for.
 * @example terminalSafe('a\x1b[31mb') // 'a\\u001b[31mb'
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An IO that writes through terminalSafe. */
export function safeIO(io: CliIO): CliIO {
  return { out: (t) => io.out(terminalSafe(t)), err: (t) => io.err(terminalSafe(t)), stderrIsTTY: io.stderrIsTTY };
}

/** Options shared by commands that print. */
export interface OutputOptions {
  json?: boolean;
  quiet?: boolean;
}

/** Prints a JSON document as the only thing on stdout. */
export function printJson(io: CliIO, doc: unknown): void {
  // JSON.stringify would turn NaN and Infinity into null silently: a non-finite number here is a bug. The names of
  // files and folders it gives are not words of ours: `validate NaN/ --json` (a folder so named) and `load
  // undefined.csv --json` were refused as holding half-truths, exit 70, after the load had been committed
  assertNoBlemishes(valueBlemishes(doc, 'JSON output', pathsIn(doc)));
  io.out(`${JSON.stringify(doc, null, 2)}\n`);
}

/** Keys whose text values (or lists of them) in the documents of cli.md are names of files or folders. */
const PATH_KEYS = new Set(['path', 'file', 'files', 'out', 'warehouse', 'dir', 'scenario_file', 'workbook', 'report', 'explorer', 'charts', 'csv']);

/** The names of files and folders a JSON document gives (under PATH_KEYS), at any depth. */
function pathsIn(doc: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string | undefined): void => {
    if (typeof v === 'string') {
      if (key !== undefined && PATH_KEYS.has(key)) out.push(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(doc, undefined);
  return out;
}

/**
 * Prints a line of the answer a command was run for, and that exists nowhere else (backtest's scores, goal-seek's
 * effect), to stderr, also with `--quiet`: `backtest --quiet` printed nothing at all, since every human line is on
 * stderr. Not with `--json`, whose document is the answer.
 */
export function answer(io: CliIO, opts: OutputOptions, text: string): void {
  if (!opts.json) io.err(`${text}\n`);
}

/** Prints a human line to stderr unless quiet. */
export function say(io: CliIO, opts: OutputOptions, text: string): void {
  if (!opts.quiet) io.err(`${text}\n`);
}

/**
 * Prints warnings that change what a command's figures mean on stderr, each as `warning: …`, also with `--json`
 * (stdout holds only the JSON document), unless `--quiet`.
 */
export function warn(io: CliIO, opts: { quiet?: boolean }, warnings: readonly string[]): void {
  for (const w of warnings) if (!opts.quiet) io.err(`warning: ${w}\n`);
}

/** Warnings of one file listed under its line at most; the rest are counted ('… and N more warnings in PATH'). */
export const FILE_WARNINGS_LISTED = 5;

/**
 * A file's warnings on stderr as `validate` and `load` give them, unless `--quiet`: under the file's own line
 * (`  warning: line 2: …`), or, where no such line is printed (`load --json`), naming the file
 * (`warning: PATH: line 2: …`). The first FILE_WARNINGS_LISTED, then how many more.
 */
export function fileWarnings(io: CliIO, opts: OutputOptions, path: string, warnings: ReadonlyArray<{ line?: number | null; message: string }>, named = false): void {
  const indent = named ? '' : '  ';
  for (const w of warnings.slice(0, FILE_WARNINGS_LISTED)) say(io, opts, `${indent}${cliMsg.fileWarning(w, named ? path : undefined)}`);
  if (warnings.length > FILE_WARNINGS_LISTED) say(io, opts, `${indent}${cliMsg.moreFileWarnings(warnings.length - FILE_WARNINGS_LISTED, path)}`);
}

export interface Progress {
  /** Shows `done` of `total` stages finished, and the name of the stage under way. */
  update(done: number, total: number, stage: string): void;
  /** Fills the bar (every stage done) and removes it. */
  finish(): void;
  stop(): void;
}

/** A progress bar on a terminal only: never when stderr is not a TTY, never with --json or --quiet. */
export function progress(io: CliIO, opts: OutputOptions, label: string): Progress {
  if (!io.stderrIsTTY || opts.json || opts.quiet) return { update() {}, finish() {}, stop() {} };
  const cliProgress = cliProgressPackage();
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{label} [{bar}] {value}/{total} stages · {stage}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let total = 0;
  return {
    update: (done, t, stage) => {
      total = t;
      if (!started) {
        bar.start(t, done, { label, stage });
        started = true;
      } else {
        bar.setTotal(t);
        bar.update(done, { stage });
      }
    },
    finish: () => {
      if (started) bar.update(total, { stage: 'done' });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
