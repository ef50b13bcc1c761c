/**
 * Readers of the project's own tables: one CSV reader per table (recognised by its required columns) and one
 * XLSX reader that reads every sheet whose header row is a known table (other sheets give a warning).
 */
import type ExcelJS from 'exceljs';
import * as msg from '../../messages/etl.ts';
import * as workbookMsg from '../../messages/workbooks.ts';
import { normaliseName, parseHeader, type CsvHeader } from '../csv/header.ts';
import { checkHeader, disagreeingCopies, type TableSpec } from '../csv/read-table.ts';
import { ProblemLog } from '../problem-log.ts';
import { parseNumber } from '../csv/values.ts';
import { xlsxTooLarge } from '../xlsx-limits.ts';
import type { Reader } from '../reader.ts';
import { LA_CODE_COLUMN, OWN_TABLES, OwnKeyCheck, ownTableOf, parseOwnRow, type OwnTableDef } from './own-table-defs.ts';
import { simpleCsvReader } from './simple-csv-reader.ts';
import { BlankCells } from './own-table-blanks.ts';
import { LowUnitPrices } from './own-table-low-prices.ts';
import { TotalRows } from './own-table-totals.ts';
import { YearSteps } from './own-table-steps.ts';
import { nearest } from '../../util/suggest.ts';

/** The header checks of an own table, as a CSV or a workbook sheet holds it. */
function ownTableSpec(def: OwnTableDef): TableSpec & { optional: readonly string[] } {
  return {
    required: def.required.map(([c]) => c),
    optional: [...def.optional, LA_CODE_COLUMN].map(([c]) => c),
    // `highneeds init` writes each table as a header row only: a template with no rows yet is not an error
    headerOnly: 'warn',
    misspeltOptional: 'error',
  };
}

function csvReader(def: OwnTableDef): Reader {
  return simpleCsvReader({
    id: def.id,
    description: `${def.description} (CSV)`,
    ...ownTableSpec(def),
    matches: (f) => ownTableOf(f) === def,
    session(_ctx, log, emit) {
      const keys = new OwnKeyCheck(def);
      const blanks = new BlankCells(def);
      const low = new LowUnitPrices(def);
      const totals = new TotalRows(def);
      const steps = new YearSteps(def);
      return {
        row(r) {
          const { row, errors } = parseOwnRow(def, (c) => r.get(c));
          for (const e of errors) log.error(e.message, r.line, e.column);
          const dup = row ? keys.check(row, r.line) : undefined;
          if (dup) log.error(dup, r.line, def.key[0]);
          else if (row) {
            blanks.note(row, (c) => r.has(c), r.line);
            low.note(row, r.line);
            totals.note(row, r.line);
            steps.note(row, r.line);
            emit(def.table, { ...row, source_line: r.line });
          }
        },
        finish() {
          for (const e of [...totals.errors(), ...steps.errors()]) log.error(e.message, e.line, e.column);
          for (const w of [...blanks.warnings(), ...low.warnings()]) log.warn(w.message, w.line, w.column);
        },
      };
    },
  });
}

export const ownTablesCsv: Reader[] = OWN_TABLES.map(csvReader);

/**
 * Text of an exceljs cell value (numbers, strings, dates, rich text, formula results). An error value is its code as
 * Excel shows it (`#DIV/0!`), and a formula that was never calculated (a workbook written by a program, not saved by
 * Excel) its formula, said so: neither is a number or a code, so the table's checks name the cell.
 */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('error' in v) return String(v.error);
    if ('result' in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    const formula = 'formula' in v ? v.formula : 'sharedFormula' in v ? v.sharedFormula : undefined;
    if (formula !== undefined) return `=${String(formula)} (a formula with no saved value: open the workbook in Excel and save it)`;
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

/**
 * The own table a sheet's header row (among its first rows) names all but one required column of, when the table has
 * three or more: the row, the column missing and the header's closest column to it.
 */
function nearTable(rows: readonly string[][]): { def: OwnTableDef; missing: string; suggestion?: string; line: number } | undefined {
  for (const [i, cells] of rows.entries()) {
    const have = new Set(cells);
    for (const def of OWN_TABLES) {
      if (def.required.length < 3) continue;
      const missing = def.required.map(([c]) => c).filter((c) => !have.has(c));
      if (missing.length !== 1) continue;
      // the column meant: the closest by spelling, else the one column the table does not know
      const known = new Set([...def.required, ...def.optional, LA_CODE_COLUMN].map(([c]) => c));
      const extra = cells.filter((c) => c !== '' && !known.has(c));
      return { def, missing: missing[0]!, suggestion: nearest(missing[0]!, extra) ?? (extra.length === 1 ? extra[0] : undefined), line: i };
    }
  }
  return undefined;
}

/**
 * The header checks a CSV of the table gets (checkHeader: a misspelt optional column is an error, an unknown one a
 * warning), located at the sheet's header row and `Sheet!column`. A workbook's sheet had none: a funding sheet headed
 * 'import_export_adjustmnt_gbp' loaded with its -£640,000 a year left out of income, exit 0. False on an error.
 */
function checkSheetHeader(sheet: string, header: CsvHeader, def: OwnTableDef, log: ProblemLog, line: number): boolean {
  const spec = ownTableSpec(def);
  const found = new ProblemLog();
  // a blank spacer column, or a table starting in column B, is no unnamed column of the table
  const ok = checkHeader(header, spec, new Set([...spec.required, ...spec.optional]), found, line, false);
  for (const p of found.errors) log.error(p.message, p.line, p.column === undefined ? undefined : `${sheet}!${p.column}`);
  for (const p of found.warnings) log.warn(p.message, p.line, p.column === undefined ? undefined : `${sheet}!${p.column}`);
  return ok;
}

/** A sheet's column letter (0 → A, 26 → AA). */
function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The cells of a row under no column heading (past the header, or under a blank one). A figure is an error: a CSV's
 * values past its header are refused, while a sheet's were passed over (a schools block transfer typed beside
 * hn_block_gbp with no heading: £1.25m a year left out of income, exit 0). Text is a note beside the table: a warning,
 * once a column (`warned`).
 */
function checkUnheaded(sheet: string, h: CsvHeader, def: OwnTableDef, cells: readonly string[], line: number, log: ProblemLog, warned: Set<number>): void {
  cells.forEach((raw, i) => {
    const value = raw.trim();
    if (value === '' || (h.names[i] ?? '') !== '') return;
    const cell = `${sheet}!${columnLetter(i)}${line}`;
    const n = parseNumber(value, 'amount');
    if (n.ok && n.value !== null) log.error(workbookMsg.xlsxFigureUnderNoHeading(cell, value, def.required.concat(def.optional).map(([c]) => c).filter((c) => !h.index.has(c))), line, cell);
    else if (!warned.has(i)) {
      warned.add(i);
      log.warn(workbookMsg.xlsxTextUnderNoHeading(cell, value), line, cell);
    }
  });
}

/**
 * A second table beside the table a sheet's header names: a run of columns after a blank one that holds another own
 * table's required columns (funding, a blank column, then the opening balance's). Its columns were read as unknown
 * columns of the first (the opening balance left out of a run) or as copies of the first's ('financial_year' twice).
 */
function tableBeside(h: CsvHeader, def: OwnTableDef): { def: OwnTableDef; from: number; to: number } | undefined {
  const runs: Array<{ from: number; to: number }> = [];
  h.names.forEach((n, i) => {
    if (n === '') return;
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1) last.to = i;
    else runs.push({ from: i, to: i });
  });
  const names = (run: { from: number; to: number }): Set<string> => new Set(h.names.slice(run.from, run.to + 1));
  const main = runs.find((run) => def.required.every(([c]) => names(run).has(c)));
  for (const run of runs) {
    const other = run === main ? undefined : ownTableOf(names(run));
    if (other) return { def: other, ...run };
  }
  return undefined;
}

/** A cell range 'B2:C3' as 0-based columns and 1-based rows. */
function rangeOf(range: string): { left: number; right: number; top: number; bottom: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range.toUpperCase());
  if (!m) return undefined;
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [left, right] = [col(m[1]!), col(m[3] ?? m[1]!)].sort((a, b) => a - b) as [number, number];
  const [top, bottom] = [Number(m[2]), Number(m[4] ?? m[2])].sort((a, b) => a - b) as [number, number];
  return { left, right, top, bottom };
}

/**
 * Refuses each merged range below the header that covers a figure column of the table (money, places) over more than
 * one cell: the sheet shows one figure where the table has one a row, and exceljs gives every cell of the range the
 * figure, so an amount merged over two years was read as both years' amount (the sample's SEN support services of
 * 2026-27 read as 2025-26's £3,150,000, exit 0). A range over a name or a year (a line merged down its years) shows
 * that text for each row, and is read so. True when one was refused.
 */
function mergedOverFigures(ws: ExcelJS.Worksheet, h: CsvHeader, def: OwnTableDef, headerLine: number, log: ProblemLog): boolean {
  const figures = new Map([...def.required, ...def.optional].filter(([, t]) => t === 'money' || t === 'count').map(([c]) => [c, true]));
  let refused = false;
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const r = rangeOf(range);
    if (!r || r.bottom <= headerLine || (r.left === r.right && r.top === r.bottom)) continue;
    const column = h.names.slice(r.left, r.right + 1).find((n) => figures.has(n));
    if (column === undefined) continue;
    const lines: [number, number] = [Math.max(r.top, headerLine + 1), r.bottom];
    log.error(workbookMsg.xlsxMergedFigure(ws.name, range, column, lines, cellText(ws.getCell(r.top, r.left + 1).value).trim()), lines[0], `${ws.name}!${column}`);
    refused = true;
  }
  return refused;
}

/** How many rows above its header a sheet may have (a title, a date, a merged group heading, blank rows between). */
const TITLE_ROWS = 10;

export const ownTablesXlsx: Reader = {
  id: 'own-tables-xlsx',
  description: 'Workbook of input tables, one sheet per table (unit costs, places, funding, other spend, opening balance)',
  recognise: (sniff) => sniff.sheets !== undefined && sniff.sheets.length > 0,
  async read(path, sink, ctx) {
    const log = new ProblemLog(path);
    const tooLarge = await xlsxTooLarge(path);
    if (tooLarge) {
      log.error(tooLarge);
      return { rows: 0, ...log.finish() };
    }
    const { Workbook } = await import('../../util/exceljs-workbook.ts'); // loaded only for workbooks
    const wb = new Workbook();
    try {
      await wb.xlsx.readFile(path);
    } catch (e) {
      log.error(msg.unreadableFile((e as Error).message));
      return { rows: 0, ...log.finish() };
    }
    let rows = 0;
    let tables = 0;
    // one check per table across sheets: two sheets of one table are one table
    const keysByTable = new Map<string, OwnKeyCheck>();
    for (const ws of wb.worksheets) {
      const all: Array<{ line: number; cells: string[]; hidden: boolean }> = [];
      ws.eachRow({ includeEmpty: false }, (row, n) => {
        // exceljs leaves a hole in the array for an empty cell between two filled ones (a spacer column, a second table
        // beside the first): Array.from visits it, where map passed it over and a header with one stopped the read with
        // 'internal error … reading 'replace'', exit 70
        const values = Array.from((row.values as ExcelJS.CellValue[]).slice(1), cellText);
        if (values.some((v) => v.trim() !== '')) all.push({ line: n, cells: values, hidden: row.hidden });
      });
      // the header is the first row naming a table's columns, among the first rows: a council's sheet often has a
      // title, a date or a merged group heading above it (such a sheet was passed over with a warning on the Data
      // quality sheet only, and its table left out of the run: £7.95m a year of other spend)
      const at = all.slice(0, TITLE_ROWS + 1).findIndex((r) => ownTableOf(new Set(r.cells.map(normaliseName))) !== undefined);
      const header = at < 0 ? undefined : all[at]!.cells.map(normaliseName);
      const def = header && ownTableOf(new Set(header));
      const sheetRows = all.slice(at + 1);
      if (!header || !def) {
        // a table's sheet with one column misnamed ('amount' for 'amount_gbp'): passed over with a warning, the run
        // went on without it (£0 of other spend), as a CSV of it stops a budget run
        const near = ws.state === 'visible' ? nearTable(all.slice(0, TITLE_ROWS + 1).map((r) => r.cells.map(normaliseName))) : undefined;
        // a header below the rows looked at (a long title block): passed over with a warning, the run went on without
        // the table (£0 of other spend)
        const deep = ws.state === 'visible' && !near ? all.slice(TITLE_ROWS + 1).find((r) => ownTableOf(new Set(r.cells.map(normaliseName)))) : undefined;
        if (near) log.error(workbookMsg.xlsxSheetColumnMissing(ws.name, near.def.id, near.missing, near.suggestion), near.line === undefined ? undefined : all[near.line]!.line);
        else if (deep) log.error(workbookMsg.xlsxHeaderTooDeep(ws.name, ownTableOf(new Set(deep.cells.map(normaliseName)))!.id, deep.line, TITLE_ROWS + 1), deep.line);
        else log.warn(workbookMsg.xlsxUnknownSheet(ws.name));
        continue;
      }
      // a hidden sheet is not what the workbook shows: its rows were read beside the visible table's (an old other
      // spend line added £0.9m a year; an old unit-cost sheet was an error against the visible one)
      if (ws.state === 'hidden' || ws.state === 'veryHidden') {
        log.warn(workbookMsg.xlsxHiddenSheet(ws.name, def.id));
        continue;
      }
      tables++;
      const h = parseHeader(all[at]!.cells);
      const beside = tableBeside(h, def);
      if (beside) {
        log.error(workbookMsg.xlsxSecondTable(ws.name, def.id, beside.def.id, { beside: `${columnLetter(beside.from)}–${columnLetter(beside.to)}` }), all[at]!.line, `${ws.name}!${columnLetter(beside.from)}`);
        continue;
      }
      if (!checkSheetHeader(ws.name, h, def, log, all[at]!.line)) continue;
      // a hidden column of the table is read as a shown one (an old figure kept there counts): refused as a hidden row is
      const hiddenColumns = h.names.flatMap((name, i) => (name !== '' && ws.getColumn(i + 1).hidden ? [{ name, i }] : []));
      for (const { name, i } of hiddenColumns) log.error(workbookMsg.xlsxHiddenColumn(ws.name, name, columnLetter(i)), all[at]!.line, `${ws.name}!${name}`);
      if (hiddenColumns.length > 0) continue;
      if (mergedOverFigures(ws, h, def, all[at]!.line, log)) continue;
      if (sheetRows.length === 0) log.warn(workbookMsg.xlsxSheetNoRowsYet(ws.name));
      const d = def;
      const keys = keysByTable.get(d.id) ?? keysByTable.set(d.id, new OwnKeyCheck(d)).get(d.id)!;
      const blanks = new BlankCells(d);
      const low = new LowUnitPrices(d);
      const totals = new TotalRows(d);
      const steps = new YearSteps(d);
      // a column given twice is read from its first copy: copies that disagree on a row leave it unclear which counts
      const disagreeing = new Set<string>();
      const unheaded = new Set<number>();
      for (const { line, cells, hidden } of sheetRows) {
        rows++;
        // a hidden row (an old line hidden rather than deleted, rows filtered out of view) was read as any other: an
        // old £900,000 line of other spend counted beside those the sheet shows
        if (hidden) {
          log.error(workbookMsg.xlsxHiddenRow(ws.name, line), line, `${ws.name}!${line}:${line}`);
          continue;
        }
        // a second table's header under the first's rows (two tables stacked on one sheet): its rows are not the first's
        const below = ownTableOf(new Set(cells.map(normaliseName)));
        if (below) {
          log.error(workbookMsg.xlsxSecondTable(ws.name, def.id, below.id, { below: line }), line, `${ws.name}!${line}:${line}`);
          break;
        }
        checkUnheaded(ws.name, h, def, cells, line, log, unheaded);
        for (const name of disagreeingCopies(h, cells)) {
          if (!disagreeing.has(name)) log.error(msg.duplicateColumnDisagrees(name), line, `${ws.name}!${name}`);
          disagreeing.add(name);
        }
        const { row, errors } = parseOwnRow(def, (c) => {
          const i = h.index.get(c);
          return i === undefined ? '' : (cells[i] ?? '');
        });
        for (const e of errors) log.error(e.message, line, `${ws.name}!${e.column}`);
        const dup = row ? keys.check(row, line) : undefined;
        if (dup) log.error(dup, line, `${ws.name}!${def.key[0] ?? def.required[0]![0]}`);
        else if (row) {
          blanks.note(row, (c) => h.index.has(c), line);
          low.note(row, line);
          totals.note(row, line);
          steps.note(row, line);
          const p = sink.add(def.table, { ...row, file_id: ctx.fileId, source_line: line });
          if (p) await p;
        }
      }
      for (const e of [...totals.errors(), ...steps.errors()]) log.error(e.message, e.line, `${ws.name}!${e.column}`);
      for (const w of [...blanks.warnings(), ...low.warnings()]) log.warn(w.message, w.line, `${ws.name}!${w.column}`);
      for (const dup of h.duplicates) {
        if (!disagreeing.has(dup.name)) log.warn(msg.duplicateColumnAgrees(dup.name, dup.indexes.length), all[at]!.line, `${ws.name}!${dup.name}`);
      }
    }
    if (tables === 0) log.error(workbookMsg.xlsxNoTables());
    return { rows, ...log.finish() };
  },
};
