/**
 * SEN2 person-level return, COLLECT "Blade" CSV export (inputs.md §2): nine module files
 * `Blade-Export_<DD-MM-YYYY>_<module>.csv`. The reader that recognises the `person` module reads its eight
 * siblings itself and produces the whole return; `sen2BladeCompanionReader` takes the other eight files and
 * returns no rows (they are read with the person file).
 *
 *   person file ─ findModuleFiles ─ loadModules (DuckDB read_csv, in memory) ─ personJsonQuery (SQL join)
 *     ─ personFromBlade ─ PersonRowBuilder (validation, keyed hashes) ─ sink (person, plan, request)
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { Reader, ReadContext, ReadReport, RowSink, Sniff } from '../reader.ts';
import { bladeCompanionNote, sen2NoCensusYear, sen2NoIdentifier, sen2NoLa, sen2OtherCollection } from '../../messages/etl.ts';
import { bladeModuleOfHeader, siblingPath } from '../persons/blade-modules.ts';
import { findModuleFiles, loadModules } from '../persons/blade-files.ts';
import { personFromBlade } from '../persons/blade-person.ts';
import { personJsonQuery, personOrdinalStatements } from '../persons/blade-sql.ts';

/** Persons per nested query: bounds the memory DuckDB needs to build the nested documents. */
const BATCH = 25_000;
import { isoOfDate, parseSen2Date } from '../persons/dates.ts';
import { outcomeCodesFor } from '../persons/outcome-codes.ts';
import { PersonRowBuilder } from '../persons/person-rows.ts';
import { ProblemLog } from '../persons/problem-log.ts';
import type { ReturnHeader } from '../persons/raw.ts';

async function readHeader(
  con: import('@duckdb/node-api').DuckDBConnection, file: string, cols: ReadonlySet<string>, log: ProblemLog,
): Promise<ReturnHeader | undefined> {
  const pick = (c: string) => (cols.has(c) ? `"${c}"` : 'NULL');
  const rows = (await con.runAndReadAll(
    `SELECT ${pick('collection')}, ${pick('year')}, ${pick('referencedate')}, ${pick('lea')} FROM m_sen2 ORDER BY rowid LIMIT 1`,
  )).getRows();
  const [collection, yearText, refText, lea] = (rows[0] ?? []).map((v) => (v === null || v === undefined ? '' : String(v).trim()));
  const at = (c: string) => ({ file, line: 2, path: `sen2.${c}` });
  if ((collection ?? '').toUpperCase() !== 'SEN2') {
    log.error(at('collection'), sen2OtherCollection(collection || 'none'));
    return undefined;
  }
  const ref = parseSen2Date(refText) ?? undefined;
  const year = /^\d{4}$/.test(yearText ?? '') ? Number(yearText) : ref ? Number(ref.slice(0, 4)) : NaN;
  if (!Number.isInteger(year)) {
    log.error(at('year'), sen2NoCensusYear(yearText ?? ''));
    return undefined;
  }
  if (!/^\d{3}$/.test(lea ?? '')) {
    log.error(at('lea'), sen2NoLa(lea ?? ''));
    return undefined;
  }
  const h: ReturnHeader = { collection: 'SEN2', censusYear: year, laCode: lea! };
  if (ref) h.referenceDate = ref;
  return h;
}

/**
 * Reads a whole Blade export, given the path of its person module file.
 * @example await readSen2Blade('exports/Blade-Export_28-01-2025_person.csv', sink, ctx)
 */
export async function readSen2Blade(path: string, sink: RowSink, ctx: ReadContext): Promise<ReadReport> {
  const log = new ProblemLog();
  const files = findModuleFiles(path, log);
  if (!files) return { rows: 0, ...log.finish() };
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  let rows = 0;
  try {
    const cols = await loadModules(con, files, log);
    if (!cols) return { rows: 0, ...log.finish() };
    const header = await readHeader(con, files.sen2, cols.sen2, log);
    if (!header) return { rows: 0, ...log.finish() };
    const builder = new PersonRowBuilder(
      { header, fileId: ctx.fileId, hashKey: ctx.hashKey, today: isoOfDate(ctx.today), codes: outcomeCodesFor(header.censusYear) },
      log,
    );
    for (const s of personOrdinalStatements()) await con.run(s);
    const persons = Number((await con.runAndReadAll('SELECT count(*) FROM m_person')).getRows()[0]![0]);
    // DuckDB builds batch k+1 on a second connection while JS validates batch k.
    const con2 = await db.connect();
    const fetch = (from: number, c: typeof con) =>
      c.runAndReadAll(personJsonQuery(cols, { from, to: from + BATCH - 1 })).then((r) => r.getColumns()[1] ?? []);
    try {
      let next = persons > 0 ? fetch(0, con) : undefined;
      for (let from = 0, k = 0; next; from += BATCH, k++) {
        const docs = await next;
        next = from + BATCH < persons ? fetch(from + BATCH, k % 2 === 0 ? con2 : con) : undefined;
        for (const v of docs) {
          const out = builder.rows(personFromBlade(JSON.parse(String(v)) as Record<string, unknown>, files));
          if (log.errorCount > 0) continue;
          for (const [table, row] of out) {
            const p = sink.add(table, row);
            if (p) await p;
          }
          rows += out.length;
        }
      }
    } finally {
      con2.closeSync();
    }
    if (builder.unidentified > 0) log.warning({ file: path, path: 'person' }, sen2NoIdentifier(builder.unidentified));
    return { rows, ...log.finish() };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

export const sen2BladeReader: Reader = {
  id: 'sen2-blade',
  description: 'SEN2 person-level return, COLLECT Blade CSV export (person module file; reads its 8 sibling module files)',
  recognise(sniff: Sniff): boolean {
    return !sniff.binary && sniff.headerFields !== undefined && bladeModuleOfHeader(sniff.headerFields) === 'person';
  },
  read: readSen2Blade,
};

export const sen2BladeCompanionReader: Reader = {
  id: 'sen2-blade-companion',
  description: 'SEN2 Blade CSV export module file other than person (read together with the person file)',
  recognise(sniff: Sniff): boolean {
    if (sniff.binary || sniff.headerFields === undefined) return false;
    const m = bladeModuleOfHeader(sniff.headerFields);
    return m !== undefined && m !== 'person';
  },
  async read(path: string): Promise<ReadReport> {
    const person = siblingPath(path, 'person') ?? 'Blade-Export_<date>_person.csv';
    return { rows: 0, errors: [], warnings: [{ file: path, message: bladeCompanionNote(person) }] };
  },
};
