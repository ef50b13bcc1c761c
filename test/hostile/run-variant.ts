/**
 * Runs one hostile variant through one command, in process (runCli), and lists every way the outcome breaks the
 * general contract of docs/cli.md: an exit code other than 0, 1 or 2; a refusal that does not name the file; a stack
 * trace; NaN, Infinity, undefined or [object Object] in what is printed or written (a value the variant put in the
 * file may be quoted back); anything left behind by a refused command (a warehouse, an --out file or folder); and text
 * from the inputs that a spreadsheet would read as a formula in a written CSV or workbook; and, for init --from, rows
 * copied into data/ that validate refuses.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli, type CliRun } from '../cli/helpers.ts';
import type { Use, Variant } from './corpus.ts';
import { splitCsv } from './csv-text.ts';
import { STARTER_TABLES } from '../../src/scaffold/starter.ts';

export interface Outcome extends CliRun {
  args: string[];
  problems: string[];
}

/** Words no output may hold: each is a figure or a value the tool lost. */
const LOST = /\bNaN\b|\bInfinity\b|\bundefined\b|\[object Object\]/;
/** Characters XML 1.0 does not allow in a document. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
/** A stack frame as Node prints one. */
const STACK = /\n\s+at .+(:\d+:\d+\)?|\(node:)/;

/** Text with every quoted copy of `quoted` (the variant's own value) taken out. */
function unquote(text: string, quoted: string | undefined): string {
  if (!quoted) return text;
  let out = text;
  for (const q of [quoted, JSON.stringify(quoted).slice(1, -1)]) out = out.replaceAll(q, '');
  return out;
}

/** Every file under a folder (paths), deepest last. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((p) => statSync(p).isFile());
}

/**
 * What is wrong with the files a successful command wrote. `inputCopy` tells the files that are the inputs' rows
 * copied for highneeds to read (init's data/), whose cells are the input's as given: not checked for formulas.
 */
async function outputProblems(paths: string[], quoted: string | undefined, inputCopy: (p: string) => boolean = () => false): Promise<string[]> {
  const problems: string[] = [];
  for (const p of paths) {
    if (/\.(csv|html|json|yaml|txt|md)$/.test(p)) {
      // the explorer page's own script holds NaN as code (`s=NaN`): its words and data are what a reader sees
      const text = readFileSync(p, 'utf8').replace(/<script(?![^>]*application\/json)[^>]*>[\s\S]*?<\/script>/g, '');
      const lost = LOST.exec(unquote(text, quoted));
      if (lost) problems.push(`${p} holds '${lost[0]}' near '${text.slice(Math.max(0, lost.index - 60), lost.index + 20)}'`);
      if (p.endsWith('.csv') && !inputCopy(p)) {
        for (const cell of splitCsv(text.replace(/^\ufeff/, '')).flat()) {
          if (/^[=+@\t\r]/.test(cell) || (cell.startsWith('-') && !/^-[\d.]+(e[+-]?\d+)?$/i.test(cell))) problems.push(`${p}: cell '${cell.slice(0, 40)}' would be read as a formula`);
        }
      }
    } else if (p.endsWith('.xlsx')) {
      // every XML part of the package: a character XML forbids makes Excel repair the file (a chart title of an LA
      // named with a BEL did)
      const zip = await JSZip.loadAsync(readFileSync(p));
      for (const [name, entry] of Object.entries(zip.files)) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        const bad = XML_FORBIDDEN.exec(await entry.async('string'));
        if (bad) problems.push(`${p} ${name}: the character \\x${bad[0].charCodeAt(0).toString(16).padStart(2, '0')}, which XML forbids`);
      }
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(p);
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value;
            if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) problems.push(`${p} ${ws.name}!${cell.address}: a formula`);
            const text = typeof v === 'number' ? (Number.isFinite(v) ? '' : String(v)) : typeof v === 'string' ? v : '';
            if (LOST.test(unquote(text, quoted))) problems.push(`${p} ${ws.name}!${cell.address}: '${text.slice(0, 80)}'`);
          }),
        ),
      );
    }
  }
  return problems;
}

export interface Places {
  /** A copy of the sample's tables (no SEN2 returns) that `run` variants of a data file are put into. */
  tables: string;
  /** A scratch folder of this variant's own. */
  dir: string;
  /**
   * The variant as writeVariant wrote it, for the commands that read the same variant (written once, not by each
   * of them); else it is written under `dir`. Each command must leave it as it was, which is checked.
   */
  input?: string;
}

/** Writes a variant into `dir` and returns the path a command is given (a Blade export: its folder). */
export async function writeVariant(v: Variant, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(v.beside ?? {})) writeFileSync(join(dir, name), bytes);
  const path = join(dir, v.name);
  writeFileSync(path, await v.bytes());
  return v.beside ? dir : path;
}

/** The threshold run-json is given (--suppress-small-counts). */
const SUPPRESS_BELOW = 30;
/** The target goal-seek is given: one the sample's tables meet at about a third fewer new plans. */
export const GOAL_TARGET = 'in-year-balance=-20000000@2028-29';
/** The LA init --from is given for a variant of each kind (the 2025 layout's fixture holds Lincolnshire). */
const INIT_LA = (v: Variant): string => (v.id.startsWith('ees-2025/') ? '925' : '999');

/** A copy of the sample's tables with the variant in place of its file of its kind (money.xlsx that of other_spend.csv). */
function dataWith(v: Variant, path: string, p: Places): string {
  const data = join(p.dir, 'data');
  cpSync(p.tables, data, { recursive: true });
  cpSync(path, join(data, v.name));
  if (v.name.endsWith('.xlsx')) rmSync(join(data, 'other_spend.csv'));
  return data;
}

/** The arguments of `use` on the variant at `path`, and the paths the command may write (checked after it). */
function commandOf(v: Variant, use: Use, path: string, p: Places): { args: string[]; writes: string[]; data?: string } {
  const out = join(p.dir, 'out');
  switch (use) {
    case 'validate':
      return { args: ['validate', path], writes: [] };
    case 'load':
      return { args: ['load', path, '--warehouse', join(out, 'w.duckdb'), '--json'], writes: [out] };
    case 'forecast':
      return { args: ['forecast', '--ees', path, '--all', '--base-year', '2022', '--horizon', '2', '--draws', '0', '--out', join(out, 'f.csv')], writes: [out] };
    case 'backtest':
      return { args: ['backtest', '--ees', path, '--all', '--origins', '2019', '--horizon', '2', '--json'], writes: [] };
    case 'backtest-data':
      return { args: ['backtest', '--data', dataWith(v, path, p), '--json'], writes: [] };
    case 'init': {
      // a release's data folder holding the variant among the sample's tables, or (a ZIP, and every other variant by
      // the length of its id) the file named on its own, which must hold the LA
      const from = v.name.endsWith('.zip') || v.id.length % 2 === 0 ? path : dataWith(v, path, p);
      return { args: ['init', join(out, 'la'), '--la', INIT_LA(v), '--from', from, '--json'], writes: [out] };
    }
    case 'goal-seek': {
      const [scenario, data] = v.scenario ? [path, p.tables] : ['scenarios/baseline.yaml', dataWith(v, path, p)];
      return { args: ['goal-seek', scenario, '--lever', 'new_plans', '--target', GOAL_TARGET, '--data', data, '--draws', '0', '--out', join(out, 'goal.yaml'), '--json'], writes: [out] };
    }
    case 'run':
    case 'run-json': {
      // at 30, as the sample's smallest placements (7 to 27 plans) are suppressed and the check below has cells to find
      const flags = use === 'run' ? ['--csv'] : ['--csv', '--json', '--suppress-small-counts', String(SUPPRESS_BELOW)];
      if (v.scenario) return { args: ['run', path, '--data', p.tables, '--draws', '0', ...flags, '--out', out], writes: [out] };
      return { args: ['run', '--data', dataWith(v, path, p), '--draws', '0', ...flags, '--out', out], writes: [out] };
    }
  }
}

/**
 * What is wrong with the standard output of a command given --json (docs/cli.md "When a command fails"): it must be
 * one JSON document whatever happens, the command's own on exit 0 and {"error": {"exit": code, …}} otherwise; and a
 * run with --suppress-small-counts N gives no count of plans above 0 and below N in it, and the marker in their place.
 */
function jsonProblems(args: string[], code: number, stdout: string): string[] {
  if (!args.includes('--json')) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return [`--json: standard output is not one JSON document: '${stdout.slice(0, 120)}'`];
  }
  const d = doc as Record<string, unknown> | null;
  if (code !== 0) {
    const e = (d?.error ?? null) as { exit?: unknown; message?: unknown } | null;
    return e?.exit === code && typeof e.message === 'string' && e.message !== '' ? [] : [`--json: exit ${code} with no error document of that exit: '${stdout.slice(0, 120)}'`];
  }
  if (d === null || typeof d !== 'object' || 'error' in d) return [`--json: exit 0 with '${stdout.slice(0, 120)}'`];
  const at = args.indexOf('--suppress-small-counts');
  if (at < 0) return [];
  const below = Number(args[at + 1]);
  const small: string[] = [];
  const walk = (x: unknown, path: string): void => {
    if (typeof x === 'number' && x > 0 && x < below) small.push(`${path} = ${x}`);
    else if (x !== null && typeof x === 'object') for (const [k, y] of Object.entries(x)) walk(y, `${path}.${k}`);
  };
  for (const k of ['ehcp_total', 'ehcp_by_placement']) walk(d[k], k);
  return small.length ? [`--suppress-small-counts ${below}: run --json gives small counts of plans: ${small.slice(0, 3).join(', ')}`] : [];
}

/** Each file under a path (a file, or a Blade export's folder) with its size and time of last change. */
function stamps(path: string): string[] {
  return filesUnder(path).map((f) => {
    const s = statSync(f);
    return `${f} ${s.size} ${s.mtimeMs}`;
  });
}

/**
 * What validate refuses in the files init --from copied into the new folder's data/ (its --json `files`, less the
 * starter's empty tables): NaN, a year 99999, -5 or text in a count of the LA's rows were copied with exit 0 (and the
 * folder's first run refused them).
 */
async function copiedProblems(dir: string, stdout: string): Promise<string[]> {
  const starter = new Set(STARTER_TABLES.map((t) => join('data', t.file)));
  const copied = (JSON.parse(stdout) as { files: string[] }).files.filter((f) => f.startsWith(`data${sep}`) && !starter.has(f));
  if (copied.length === 0) return [];
  const r = await runCli('validate', ...copied.map((f) => join(dir, f)));
  return r.code === 0 ? [] : [`copied into data/ what validate refuses (exit ${r.code}): ${r.stderr.split('\n').filter((l) => !l.startsWith('ok ')).slice(0, 3).join(' | ').slice(0, 400)}`];
}

/** Runs `use` on the variant (p.input, or written under p.dir) and lists what breaks the contract. */
export async function runVariant(v: Variant, use: Use, p: Places): Promise<Outcome> {
  const path = p.input ?? (await writeVariant(v, join(p.dir, 'in')));
  const before = stamps(path);
  const { args, writes } = commandOf(v, use, path, p);
  const r = await runCli(...args);
  const problems: string[] = [];
  if (stamps(path).join('\n') !== before.join('\n')) problems.push(`changed the file(s) it read: ${path}`);
  const said = r.stdout + r.stderr;
  if (![0, 1, 2].includes(r.code)) problems.push(`exit ${r.code}`);
  // docs/cli.md, exit 1: the message names the file (and line), or, for a result that failed a sanity check (a step of
  // ×19.81 from a total read as 12), the LA and the year
  const namesFile = said.includes(v.scenario ? v.name : v.beside ? 'Blade-Export' : v.name);
  const namesLaAndYear = use !== 'validate' && use !== 'load' && /\(\d{3}\)/.test(said) && /\b(19|20)\d\d\b/.test(said);
  if (r.code !== 0 && !namesFile && !namesLaAndYear) problems.push('the refusal names neither the file nor the LA and year');
  if (STACK.test(said)) problems.push('a stack trace');
  const lost = LOST.exec(unquote(said, v.quoted));
  if (lost) problems.push(`printed '${lost[0]}'`);
  problems.push(...jsonProblems(args, r.code, r.stdout));
  const written = writes.flatMap(filesUnder);
  if (r.code !== 0) {
    const left = writes.filter((w) => existsSync(w));
    if (left.length > 0) problems.push(`left behind after exit ${r.code}: ${left.join(', ')}`);
  } else {
    problems.push(...(await outputProblems(written, v.quoted, (f) => use === 'init' && f.includes(`${sep}data${sep}`))));
    if (use === 'init') problems.push(...(await copiedProblems(args[1]!, r.stdout)));
  }
  return { ...r, args, problems };
}
