/**
 * The `--json` contract (cli.md, "When a command fails"): with `--json` the only thing on stdout is one JSON
 * document, whatever happens. A failure used to print nothing there at all: `validate data-samples/ /nonexistent
 * --json` lost the good folder's report, and every refusal (exit 1) or usage error (exit 2) of `run`, `forecast`,
 * `backtest`, `goal-seek`, `load`, `status` and `init` left stdout empty, so a script reading it found no document.
 * Every command is run here through failure paths (a missing path, a garbage file, a bad flag, a missing required
 * flag, refused data): stdout must parse as exactly one document of the documented shape, in stderr's words, and the
 * exit code be the documented one.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliRun } from './helpers.ts';
import { tempDir } from '../temp.ts';
import { reportFailure } from '../../src/cli/failure.ts';

const dir = tempDir('hn-json-contract-');
const garbageDir = join(dir, 'garbage');
mkdirSync(garbageDir);
const garbage = join(garbageDir, 'garbage.csv');
writeFileSync(garbage, 'nothing,anyone,publishes\n1,2,3\n');
const missing = join(dir, 'no-such-file.csv');
const wh = join(dir, 'w.duckdb');
const out = join(dir, 'out');
const caseload = 'data-samples/sen2_age_caseload.csv';
const target = 'in-year-balance=0@2028-29';

/** The command lines and the exit code each must give (1: refused, 2: the command line is wrong). */
const FAILURES: Array<[string, string[], 1 | 2]> = [
  ['validate, a missing path', ['validate', missing], 1],
  ['validate, a garbage file', ['validate', garbage], 1],
  ['validate, an unknown flag', ['validate', caseload, '--frobnicate'], 2],
  ['validate, no path', ['validate'], 2],
  ['load, a missing path', ['load', missing, '--warehouse', wh], 1],
  ['load, a garbage file', ['load', caseload, garbage, '--warehouse', wh], 1],
  ['load, refused data', ['load', 'test/fixtures/etl/bad/negative-count.csv', '--warehouse', wh], 1],
  ['load, no path', ['load', '--warehouse', wh], 2],
  ['status, a missing warehouse', ['status', '--warehouse', join(dir, 'none.duckdb')], 1],
  ['status, an unknown flag', ['status', '--warehouse', wh, '--all'], 2],
  ['run, a missing scenario', ['run', missing.replace(/\.csv$/, '.yaml'), '--draws', '0'], 1],
  ['run, a missing data folder', ['run', '--data', join(dir, 'no-such-folder'), '--draws', '0', '--out', out], 1],
  ['run, a data folder of garbage', ['run', '--data', garbageDir, '--draws', '0', '--out', out], 1],
  ['run, too few draws', ['run', '--draws', '3'], 2],
  ['run, an unknown flag', ['run', '--bogus'], 2],
  ['forecast, no --ees', ['forecast', '--all', '--base-year', '2022', '--out', join(out, 'f.csv')], 2],
  ['forecast, a missing file', ['forecast', '--ees', missing, '--all', '--base-year', '2022', '--out', join(out, 'f.csv')], 1],
  ['forecast, a garbage file', ['forecast', '--ees', garbage, '--all', '--base-year', '2022', '--out', join(out, 'f.csv')], 1],
  ['forecast, a base year beyond the data', ['forecast', '--ees', caseload, '--all', '--base-year', '2040', '--out', join(out, 'f.csv')], 1],
  ['forecast, a horizon too far', ['forecast', '--ees', caseload, '--all', '--base-year', '2022', '--horizon', '99', '--out', join(out, 'f.csv')], 2],
  ['backtest, a missing file', ['backtest', '--ees', missing], 1],
  ['backtest, origins outside the data', ['backtest', '--ees', caseload, '--origins', '2040'], 1],
  ['backtest, --ees and --data', ['backtest', '--ees', caseload, '--data', 'data-samples'], 2],
  ['backtest, an origin given twice', ['backtest', '--origins', '2019,2019'], 2],
  ['goal-seek, no --lever', ['goal-seek', 'scenarios/baseline.yaml', '--target', target], 2],
  ['goal-seek, a target it cannot read', ['goal-seek', 'scenarios/baseline.yaml', '--lever', 'new_plans', '--target', 'balance please'], 2],
  ['goal-seek, a missing scenario', ['goal-seek', missing.replace(/\.csv$/, '.yaml'), '--lever', 'new_plans', '--target', target, '--draws', '0'], 1],
  ['init, a code that is no LA code', ['init', join(dir, 'la'), '--la', 'Kent'], 2],
  ['init, --from a missing path', ['init', join(dir, 'la'), '--la', '886', '--from', missing], 1],
  ['init, --from a garbage file', ['init', join(dir, 'la'), '--la', '886', '--from', garbage], 1],
  ['an unknown command', ['frobnicate'], 2],
  // it gave the program's help on stderr, exit 0, and no document on stdout
  ['help of an unknown command', ['help', 'frobnicate'], 2],
];

/** The one JSON document on stdout: JSON.parse refuses an empty stdout, two documents and anything around one. */
function theDocument(r: CliRun): Record<string, unknown> {
  expect(r.stdout.trim(), `stdout holds no document; stderr: ${r.stderr}`).not.toBe('');
  const doc: unknown = JSON.parse(r.stdout);
  expect(doc !== null && typeof doc === 'object' && !Array.isArray(doc)).toBe(true);
  return doc as Record<string, unknown>;
}

/** The failure document's shape (cli.md): `{"error": {exit, message, file, line, problems}}`, in stderr's words. */
function expectFailureDocument(r: CliRun, doc: Record<string, unknown>): void {
  expect(Object.keys(doc)).toEqual(['error']);
  const e = doc.error as Record<string, unknown>;
  expect(Object.keys(e)).toEqual(['exit', 'message', 'file', 'line', 'problems']);
  expect(e.exit).toBe(r.code);
  expect(typeof e.message).toBe('string');
  expect((e.message as string).length).toBeGreaterThan(0);
  expect(r.stderr).toContain(e.message);
  expect(e.file === null || typeof e.file === 'string').toBe(true);
  expect(e.line === null || (Number.isInteger(e.line) && (e.line as number) >= 1)).toBe(true);
  if (e.line !== null) expect(e.file).not.toBeNull();
  for (const p of e.problems as Array<Record<string, unknown>>) expect(Object.keys(p)).toEqual(['file', 'line', 'column', 'message']);
  expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
}

describe('--json on every failure path', () => {
  it.each(FAILURES)('%s: exactly one JSON document on stdout and the documented exit code', async (_what, args, code) => {
    const r = await runCli(...args, '--json');
    expect(r.code, r.stderr).toBe(code);
    const doc = theDocument(r);
    // validate's report is its document, invalid files and all; every other failure is the failure document
    if (args[0] === 'validate' && code === 1) expect(Object.keys(doc)).toEqual(['files', 'skipped']);
    else expectFailureDocument(r, doc);
  });

  it('validate reports a missing path as that path\'s, and the other paths are still checked', async () => {
    const r = await runCli('validate', 'data-samples/funding.csv', missing, '--json');
    expect(r.code).toBe(1);
    const doc = theDocument(r) as { files: Array<{ path: string; reader: string | null; rows: number; errors: Array<{ line: number | null; column: string | null; message: string }> }> };
    expect(doc.files.map((f) => f.path)).toEqual(['data-samples/funding.csv', missing]);
    expect(doc.files[0]).toMatchObject({ reader: 'funding', rows: 2, errors: [] });
    const gone = doc.files[1]!;
    expect(gone).toMatchObject({ reader: null, rows: 0 });
    expect(gone.errors).toHaveLength(1);
    expect(gone.errors[0]).toMatchObject({ line: null, column: null });
    expect(gone.errors[0]!.message).toContain(`${missing}: no such file or folder`);
    expect(r.stderr).toContain(gone.errors[0]!.message);
  });

  it('a refusal names its file, and its line where it is at one', async () => {
    const r = await runCli('load', caseload, garbage, '--warehouse', wh, '--json');
    expect(r.code).toBe(1);
    const e = (theDocument(r) as { error: { file: string | null; line: number | null } }).error;
    expect(e).toMatchObject({ file: garbage, line: 1 });
  });

  it('an internal error (exit 70) is the same shape, without the stack trace', () => {
    let stdout = '';
    let stderr = '';
    const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), stderrIsTTY: false };
    const code = reportFailure(new TypeError("Cannot read properties of undefined (reading 'x')"), io, { requested: true, printed: false });
    expect(code).toBe(70);
    const doc = JSON.parse(stdout) as { error: Record<string, unknown> };
    expect(doc.error).toMatchObject({ exit: 70, file: null, line: null, problems: [] });
    expect(doc.error.message).toMatch(/^internal error \(a bug in highneeds\): Cannot read properties of undefined \(reading 'x'\)/);
    expect(stdout).not.toContain('json-contract.test.ts');
    expect(stderr).toContain('json-contract.test.ts'); // the stack stays on stderr, for the report
  });

  it('init --json says what it wrote (it had no --json: init --json was an unknown flag)', async () => {
    const r = await runCli('init', join(dir, 'starter'), '--la', '886', '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = theDocument(r) as { dir: string; files: string[]; skipped: unknown[] };
    expect(Object.keys(doc)).toEqual(['dir', 'files', 'skipped']);
    expect(doc.dir).toBe(join(dir, 'starter'));
    expect(doc.files).toContain('scenarios/baseline.yaml');
    expect(doc.files).toContain('data/funding.csv');
    expect(doc.skipped).toEqual([]);
    expect(r.stderr).toContain(`with ${doc.files.length} files`);
  });

  it('a --json that is the value of another flag asks for no document', async () => {
    // `forecast … --out --json` wrote its CSV to a file named --json, and was then said to have printed no document
    const r = await runCli('init', join(dir, 'la'), '--la', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('init --la "--json": expected your LA\'s 3-digit DfE code');
    expect(r.stdout).toBe('');
  });

  it('forecast --json says its notes on stderr too, as run and backtest do, and holds them under notes', async () => {
    // they were under "notes" alone: stderr was empty of them with --json (the ignored rows, a pooled trend, a
    // reorganisation's joined history), where run, backtest and goal-seek say theirs on stderr with --json too
    const r = await runCli('forecast', '--ees', caseload, '--la', '999', '--base-year', '2021', '--draws', '0', '--json', '--out', join(out, 'notes.csv'));
    expect(r.code, r.stderr).toBe(0);
    const doc = theDocument(r) as { ignored_rows: number; notes: string[] };
    expect(doc.ignored_rows).toBeGreaterThan(0);
    expect(doc.notes.length).toBeGreaterThan(1);
    for (const n of doc.notes) expect(r.stderr).toContain(n);
    expect(r.stderr).toContain(`${doc.ignored_rows} row(s) later than what was known by January 2021 were ignored`);
  });

  it('--help and --version with --json are a document too', async () => {
    const h = await runCli('run', '--help', '--json');
    expect(h.code).toBe(0);
    expect((theDocument(h) as { help: string }).help).toContain('Usage: highneeds run');
    const v = await runCli('--version', '--json');
    expect(v.code).toBe(0);
    expect(Object.keys(theDocument(v))).toEqual(['version']);
  });
});
