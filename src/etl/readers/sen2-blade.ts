/**
 * SEN2 person-level return, COLLECT "Blade" CSV export (inputs.md §2): nine module files
 * `Blade-Export_<DD-MM-YYYY>_<module>.csv`. The reader that recognises the `person` module reads its eight
 * siblings itself and produces the whole return; `sen2BladeCompanionReader` takes the other eight files and
 * returns no rows (they are read with the person file).
 *
 *   person file ─ findModuleFiles ─ loadModules (DuckDB read_csv, in memory, no spill) ─ prepare (x_ tables:
 *     join once, lines, dates and codes via lookups) ─ validate (set-based checks; keyed hashes in SQL) ─┬─ read:
 *     emitRows (rows from result chunks) ─ sink (person, plan, request) ────────────────────────────────┘
 *                                                                                                      └─ load:
 *     insertRows (INSERT … SELECT into person, plan, request, inside the load's transaction)
 *
 * `read` works in a private in-memory DuckDB; `load` in a staging database on the warehouse's own DuckDB
 * (staging.ts), so the rows go into the warehouse by SQL and never through JavaScript.
 */
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { duckdbOptions } from '../duckdb-options.ts';
import type { LoadContext, Reader, ReadContext, ReadReport, RowSink, Sniff } from '../reader.ts';
import { bladeCompanionNote, bladeCompanionWithoutPerson, sen2NoIdentifier } from '../../messages/sen2.ts';
import { bladeModuleOfHeader, parseBladeName, siblingPath } from '../persons/blade-modules.ts';
import { findModuleFiles, loadModules } from '../persons/blade-files.ts';
import { emitRows, insertRows } from '../persons/blade-emit.ts';
import { Linker, prepare, validate } from '../persons/blade-read.ts';
import { isoOfDate } from '../persons/dates.ts';
import { checkReturnHeader } from '../persons/sen2-header.ts';
import { outcomeCodesFor } from '../persons/outcome-codes.ts';
import type { ReturnContext } from '../persons/person-rows.ts';
import { ProblemLog } from '../problem-log.ts';
import type { ReturnHeader } from '../persons/raw.ts';

async function readHeader(
  con: DuckDBConnection, file: string, cols: ReadonlySet<string>, log: ProblemLog,
): Promise<ReturnHeader | undefined> {
  const pick = (c: string) => (cols.has(c) ? `"${c}"` : 'NULL');
  const rows = (await con.runAndReadAll(
    `SELECT ${pick('collection')}, ${pick('year')}, ${pick('referencedate')}, ${pick('lea')} FROM m_sen2 ORDER BY rowid LIMIT 1`,
  )).getRows();
  const [collection, yearText, refText, lea] = (rows[0] ?? []).map((v) => (v === null || v === undefined ? '' : String(v).trim()));
  const fields = { collection: collection ?? '', year: yearText ?? '', referenceDate: refText ?? '', lea: lea ?? '' };
  return checkReturnHeader(fields, (f) => ({ file, line: 2, path: `sen2.${f.toLowerCase()}` }), log);
}

/**
 * Reads, checks and (when it has no errors) writes a whole Blade export in the database of `con`, given its person
 * module file. `rows` writes the rows of the validated export and gives their number. `readers`, two more connections
 * on the same database, read the module files while `con` links them (loadModules); the first then hashes the
 * identifiers while `con` runs the checks (validate).
 */
async function readExport(
  path: string, con: DuckDBConnection, readers: [DuckDBConnection, DuckDBConnection], ctx: ReadContext,
  rows: (ret: ReturnContext) => Promise<number>,
): Promise<ReadReport> {
  const log = new ProblemLog();
  const files = findModuleFiles(path, log);
  if (!files) return { rows: 0, ...log.finish() };
  // modules are linked as they load (Linker), with the header's census year read as soon as m_sen2 is; its
  // problems are reported after the modules', as a read that loads every module first reports them
  const linker = new Linker(con, async (sen2) => (await readHeader(con, files.sen2, sen2, new ProblemLog()))?.censusYear);
  const cols = await loadModules(con, files, log, (m, columns) => linker.loaded(m, columns), (m, present) => linker.select(m, present), readers);
  if (!cols) return { rows: 0, ...log.finish() };
  const header = await readHeader(con, files.sen2, cols.sen2, log);
  if (!header) return { rows: 0, ...log.finish() };
  const ret: ReturnContext = {
    header, fileId: ctx.fileId, hashKey: ctx.hashKey, today: isoOfDate(ctx.today), codes: outcomeCodesFor(header.censusYear),
  };
  await prepare(con, ret);
  const { unidentified } = await validate(con, files, ret, log, readers[0], linker.unattached);
  const n = log.errorCount > 0 ? 0 : await rows(ret);
  if (unidentified > 0) log.warn({ file: path, path: 'person' }, sen2NoIdentifier(unidentified));
  return { rows: n, ...log.finish() };
}

/**
 * Reads a whole Blade export, given the path of its person module file, and sends its rows to `sink`.
 * @example await readSen2Blade('exports/Blade-Export_28-01-2025_person.csv', sink, ctx)
 */
export async function readSen2Blade(path: string, sink: RowSink, ctx: ReadContext): Promise<ReadReport> {
  // Raw identifiers, names and birth dates are in this database while it reads: kept in memory only (no spill
  // to a temp directory; a machine too small for the export gets DuckDB's out-of-memory error), closed after.
  const db = await DuckDBInstance.create(':memory:', duckdbOptions({ temp_directory: '' }));
  const con = await db.connect();
  const readers: [DuckDBConnection, DuckDBConnection] = [await db.connect(), await db.connect()];
  try {
    return await readExport(path, con, readers, ctx, (ret) => emitRows(con, ret, sink));
  } finally {
    for (const r of readers) r.closeSync();
    con.closeSync();
    db.closeSync();
  }
}

/**
 * Loads a whole Blade export into the warehouse on `db` (inside the load's transaction): read and checked exactly as
 * readSen2Blade reads it, in a staging database beside the warehouse (staging.ts: in memory, never spilled to disk,
 * outside the transaction), and its rows written into `person`, `plan` and `request` by SQL (the same rows in the
 * same order). An export with errors writes nothing and gives its report. Undefined (`read` reads it) when no
 * staging database can be opened.
 * @example await loadSen2Blade('exports/Blade-Export_28-01-2025_person.csv', wh.connection, { ...ctx, staging: () => wh.staging() })
 */
export async function loadSen2Blade(path: string, db: DuckDBConnection, ctx: LoadContext): Promise<ReadReport | undefined> {
  const stage = await ctx.staging?.();
  if (!stage) return undefined;
  try {
    return await readExport(path, stage.connection, [await stage.fork(), await stage.fork()], ctx, (ret) => insertRows(stage, db, ret));
  } finally {
    await stage.close();
  }
}

export const sen2BladeReader: Reader = {
  id: 'sen2-blade',
  description: 'SEN2 person-level return, COLLECT Blade CSV export (person module file; reads its 8 sibling module files)',
  recognise(sniff: Sniff): boolean {
    return !sniff.binary && sniff.headerFields !== undefined && bladeModuleOfHeader(sniff.headerFields) === 'person';
  },
  read: readSen2Blade,
  load: loadSen2Blade,
};

/** The Blade module a file's header names (its first line), for a message about a file whose name says nothing. */
async function moduleOfFirstLine(path: string): Promise<string | undefined> {
  const f = await open(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await f.read(buf, 0, buf.length, 0);
    const line = buf.subarray(0, bytesRead).toString('utf8').replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
    return bladeModuleOfHeader(line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1').toLowerCase()));
  } finally {
    await f.close();
  }
}

export const sen2BladeCompanionReader: Reader = {
  id: 'sen2-blade-companion',
  description: 'SEN2 Blade CSV export module file other than person (read together with the person file)',
  recognise(sniff: Sniff): boolean {
    if (sniff.binary || sniff.headerFields === undefined) return false;
    const m = bladeModuleOfHeader(sniff.headerFields);
    return m !== undefined && m !== 'person';
  },
  async read(path: string, _sink: RowSink, _ctx: ReadContext): Promise<ReadReport> {
    // a module with no person file of its own export beside it is read by nothing: a module of another export
    // mixed into the folder was passed as 'read with …_person.csv', a file that did not exist
    const person = siblingPath(path, 'person');
    if (person === undefined || !existsSync(person)) {
      const module = parseBladeName(path)?.module ?? (await moduleOfFirstLine(path)) ?? 'module';
      return { rows: 0, errors: [{ file: path, message: bladeCompanionWithoutPerson(module, person) }], warnings: [] };
    }
    return { rows: 0, errors: [], warnings: [{ file: path, message: bladeCompanionNote(person) }] };
  },
};
