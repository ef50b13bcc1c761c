/**
 * Finds the nine module files of one Blade export beside its person file and loads them into an in-memory
 * DuckDB (read_csv, every column as text). The in-memory database lives only for one read and is closed after.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { emptyFieldsPastHeader, notUtf8AfterBom, nulByte } from '../../messages/etl.ts';
import { bladeBadFileName, bladeBadRow, bladeLineTooLong, bladeMissingColumn, bladeMissingSibling, bladeUnreadable } from '../../messages/sen2.ts';
import { BLADE_MODULES, BLADE_SPEC, idColumn, parseBladeName, type BladeModule } from './blade-modules.ts';
import { bladeHeader, bladeRowError, firstLongLine, MAX_LINE_BYTES } from './blade-header.ts';
import { detectEncoding } from '../csv/read-csv.ts';
import { duckdbSource } from '../csv/duckdb-encoding.ts';
import { firstWideRecord, type WideRecord } from '../csv/wide-record.ts';
import { sqlText } from '../sql-quote.ts';
import type { ProblemAt, ProblemLog } from '../problem-log.ts';

/** The path of every module file of the export `personPath` belongs to, or undefined (errors logged). */
export function findModuleFiles(personPath: string, log: ProblemLog): Record<BladeModule, string> | undefined {
  const name = parseBladeName(personPath);
  if (!name) {
    log.error({ file: personPath, path: 'file name' }, bladeBadFileName(basename(personPath)));
    return undefined;
  }
  const dir = dirname(personPath);
  const byLower = new Map(readdirSync(dir).map((f) => [f.toLowerCase(), f]));
  const out = {} as Record<BladeModule, string>;
  let ok = true;
  for (const m of BLADE_MODULES) {
    const expected = `${name.prefix}${m}.csv`;
    const found = byLower.get(expected.toLowerCase());
    if (found === undefined) {
      log.error({ file: personPath, path: `${m} module` }, bladeMissingSibling(m, join(dir, expected)));
      ok = false;
    } else out[m] = join(dir, found);
  }
  return ok ? out : undefined;
}

/**
 * Loads each module file as table `m_<module>`; returns the lower-case column names present per module.
 * `loaded(m, columns)` is awaited after each module, in BLADE_MODULES order, as long as no module has failed.
 * `select(m, present)` gives the SELECT list storing the used columns present (lower-case, in file order); without
 * it, or when it gives undefined, they are stored as read (text).
 * `readers`: other connections on the same database, which read the modules while `loaded` works on `con` (neither a
 * read nor a link keeps both cores busy, so each uses what the other leaves): the next module is read while one is
 * linked, and with two readers the person and requests files are read at once. Without readers every module is read
 * on `con`. Problems are logged in module order either way.
 */
export async function loadModules(
  con: DuckDBConnection,
  files: Record<BladeModule, string>,
  log: ProblemLog,
  loaded?: (m: BladeModule, columns: ReadonlySet<string>) => Promise<void>,
  select?: (m: BladeModule, present: readonly string[]) => string[] | undefined,
  readers: readonly DuckDBConnection[] = [],
): Promise<Record<BladeModule, Set<string>> | undefined> {
  const out = {} as Record<BladeModule, Set<string>>;
  let ok = true;
  const reads: Array<Promise<ModuleRead> | undefined> = [];
  // module i is read on readers[i % readers.length] (one statement at a time on each connection)
  const start = (i: number) => {
    if (i >= BLADE_MODULES.length || reads[i]) return;
    const read = loadModule(readers.length > 0 ? readers[i % readers.length]! : con, BLADE_MODULES[i]!, files[BLADE_MODULES[i]!], select);
    read.catch(() => undefined); // awaited in module order below: not an unhandled rejection meanwhile
    reads[i] = read;
  };
  try {
    for (const [i, m] of BLADE_MODULES.entries()) {
      start(i);
      // how the other modules are read depends on the return's header (select): sen2 is linked before any is read.
      // A module is read at most one ahead of the one to be linked next: no more than two raw module tables at once.
      if (i > 0 && readers.length > 1) start(i + 1);
      const { set, problems } = await reads[i]!;
      for (const [at, message] of problems) log.error(at, message);
      if (i > 0 && readers.length === 1) start(i + 1);
      if (!set) {
        ok = false;
        continue;
      }
      out[m] = set;
      if (ok) await loaded?.(m, set);
    }
  } finally {
    // nothing may still be reading when the caller closes the database (after an unexpected error)
    await Promise.allSettled(reads);
  }
  return ok ? out : undefined;
}

/** A module file read (loadModule): its lower-case column names, or undefined with the problems that stopped it. */
interface ModuleRead {
  set: Set<string> | undefined;
  problems: Array<[ProblemAt, string]>;
}

/**
 * Loads module `m` from `file` as table `m_<m>` on `con` (loadModules); gives its lower-case column names, or
 * undefined when it cannot be read or lacks a required column, with the errors (logged by the caller, in order).
 */
async function loadModule(
  con: DuckDBConnection,
  m: BladeModule,
  file: string,
  select?: (m: BladeModule, present: readonly string[]) => string[] | undefined,
): Promise<ModuleRead> {
  const problems: ModuleRead['problems'] = [];
  // the encoding is chosen from the bytes before DuckDB reads them, by the rule of every CSV reader (read-csv.ts):
  // read_csv keeping only some columns met a byte that is not UTF-8 in a kept column with an internal error that
  // ends its database (every statement after it fails), so trying UTF-8 and then Latin-1 on its error was no route
  const enc = await detectEncoding(file);
  if (enc.notUtf8AfterBom !== undefined) return { set: undefined, problems: [[{ file, line: enc.notUtf8AfterBom, path: m }, notUtf8AfterBom(enc.notUtf8AfterBom)]] };
  // (one in the header is the header check's, which names its column)
  if (enc.nulLine !== undefined && enc.nulLine > 1) return { set: undefined, problems: [[{ file, line: enc.nulLine, path: m }, nulByte(enc.nulLine)]] };
  const header = await bladeHeader(file, m, enc.encoding);
  if ('message' in header) return { set: undefined, problems: [[{ file, line: header.line, path: m }, header.message]] };
  // the dialect is given, never guessed: a quote left open is an error at its line, not a value with a quote in it
  const columns = `{${header.columns.map((c) => `${sqlText(c)}: 'VARCHAR'`).join(', ')}}`;
  // only the columns the readers use are kept (every field is still parsed and checked): names, addresses and
  // other columns never reach the table, and the table is a fraction of the file
  const used = new Set(usedColumns(m));
  const present = header.columns.filter((c) => used.has(c));
  const keep = select?.(m, present) ?? present.map((c) => `"${c}"`);
  // a Windows-1252 file is read as Latin-1, or from a UTF-8 copy when it has a byte the two decode differently
  // (duckdb-encoding.ts); the copy has the file's lines, so DuckDB's line numbers are the file's
  const source = await duckdbSource(file, enc.encoding);
  let problem: Error | undefined;
  let wide: Promise<WideRecord | undefined>;
  try {
    const read = failureOf(() =>
      con.run(
        `CREATE OR REPLACE TABLE m_${m} AS SELECT ${keep.join(', ') || 'NULL AS none'} FROM read_csv(${sqlText(source.file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', strict_mode = true, columns = ${columns}, encoding = '${source.encoding}')`,
      ),
    );
    // read_csv takes a row with one field too many when its last is empty, every value after an unquoted comma one
    // column to the right: the bytes are scanned for such a row beside the read (wide-record.ts), begun once DuckDB
    // has the read, so that the scan (JavaScript, on the thread that starts every read) holds no read back
    wide = firstWideRecord(file, header.columns.length);
    wide.catch(() => undefined); // awaited below once the read succeeds; a read that fails says why itself
    problem = await read;
  } finally {
    await source.done();
  }
  if (problem) {
    // a line too long for read_csv failed the read in DuckDB's words ('Parallel CSV Reader … full read'), at line 1
    // whatever line it was, or at its line with no reason: the file's bytes say which
    const long = await firstLongLine(file);
    const row = long ? { line: long.line, message: bladeBadRow(m, basename(file), long.line, bladeLineTooLong(long.bytes, MAX_LINE_BYTES)) } : bladeRowError(m, file, problem.message);
    if (row) problems.push([{ file, line: row.line, path: m }, row.message]);
    // DuckDB names the file it read (perhaps the copy) only past its message's first line, which is all that is kept
    else problems.push([{ file, line: 1, path: m }, bladeUnreadable(m, problem.message.split('\n')[0]!)]);
    return { set: undefined, problems };
  }
  const extra = await wide;
  if (extra) {
    const reason = emptyFieldsPastHeader(header.columns.length, extra.fields);
    return { set: undefined, problems: [[{ file, line: extra.line, path: m }, bladeBadRow(m, basename(file), extra.line, reason)]] };
  }
  const set = new Set(header.columns);
  const spec = BLADE_SPEC[m];
  const need = [...spec.required, ...(spec.parent ? [`${spec.parent}tableid`] : [])];
  for (const c of need) if (!set.has(c)) problems.push([{ file, line: 1, path: `${m}.${c}` }, bladeMissingColumn(m, c)]);
  return { set: problems.length === 0 ? set : undefined, problems };
}

/** The columns of module `m` the readers use: its own id, its parent's id, the required and optional columns. */
function usedColumns(m: BladeModule): string[] {
  const spec = BLADE_SPEC[m];
  return [idColumn(m), ...(spec.parent ? [idColumn(spec.parent)] : []), ...spec.required, ...spec.optional];
}

/** The error of `load`, if any. */
async function failureOf(load: () => Promise<unknown>): Promise<Error | undefined> {
  try {
    await load();
    return undefined;
  } catch (e) {
    return e as Error;
  }
}
