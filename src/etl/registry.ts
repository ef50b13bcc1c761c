/**
 * Every reader, in one array, and how a file finds its reader: by content (header row, XML root, sheets), never
 * by name. The first reader that recognises a file takes it; a file that no reader takes but whose extension is a
 * documentation one (.md, .txt, .pdf, .docx) is documentation (documentation.ts). Readers of other engineers
 * register here with one import line each.
 */
import { basename } from 'node:path';
import type { Problem } from '../errors.ts';
import * as msg from '../messages/etl.ts';
import * as workbookMsg from '../messages/workbooks.ts';
import { yearNotFinancial } from '../messages/own-tables.ts';
import { otherYearColumn } from '../domain/years.ts';
import { documentationReader } from './documentation.ts';
import { otherYamlReader, scenarioFileReader } from './scenario-file.ts';
import { EES_READERS } from './ees-readers.ts';
import { eesUnusedReader, hasEesLeadingColumns, measureTableWithout } from './readers/ees-unused.ts';
import { eesTableWithoutSignature } from '../messages/releases.ts';
import type { Reader, Sniff } from './reader.ts';
import { establishmentLookup } from './readers/establishment-lookup.ts';
import { gias } from './readers/gias.ts';
import { onsLookup } from './readers/ons-lookup.ts';
import { onsMye } from './readers/ons-mye.ts';
import { onsSnpp } from './readers/ons-snpp.ts';
import { ownTablesCsv, ownTablesXlsx } from './readers/own-tables.ts';
import { schoolCensusPupil } from './readers/school-census-pupil.ts';
import { senLaTables } from './readers/sen-la-tables.ts';
import { sen2BladeCompanionReader, sen2BladeReader } from './readers/sen2-blade.ts';
import { sen2XmlReader } from './readers/sen2-xml.ts';
import { normaliseName, otherDelimiter } from './csv/header.ts';
import { HEAD_BYTES, sniffFile } from './sniff.ts';

/** All readers. SEN2 person-level readers are added below by their owner. */
export const readers: Reader[] = [
  sen2XmlReader,
  sen2BladeReader,
  sen2BladeCompanionReader,
  ...EES_READERS,
  onsMye,
  onsSnpp,
  onsLookup,
  gias,
  establishmentLookup,
  schoolCensusPupil,
  senLaTables,
  ...ownTablesCsv,
  ownTablesXlsx,
  // last: an EES table none of the readers above takes (a full release's annual reviews, personal budgets, …)
  eesUnusedReader,
];

/** Header columns that identify each CSV layout, for "closest known layout" hints. */
export const LAYOUT_SIGNATURES: ReadonlyArray<{ id: string; columns: readonly string[] }> = [
  { id: 'ees-2022-age-caseload', columns: ['time_period', 'geographic_level', 'old_la_code', 'characteristic_age', 'total_all'] },
  { id: 'ees-2022-estab-caseload', columns: ['time_period', 'geographic_level', 'old_la_code', 'establishment_type', 'total_all'] },
  { id: 'ees-2022-estab-new-plans', columns: ['time_period', 'geographic_level', 'old_la_code', 'establishment_type', 'total_new_all'] },
  { id: 'ees-2022-wbp-residential', columns: ['time_period', 'geographic_level', 'old_la_code', 'workbasedehc', 'totmres38weekehc', 'totmres52weekehc'] },
  { id: 'ees-2025-caseload', columns: ['time_period', 'geographic_level', 'old_la_code', 'breakdown_topic', 'breakdown', 'ehcplans'] },
  { id: 'ees-2025-newplans', columns: ['time_period', 'geographic_level', 'old_la_code', 'breakdown_topic', 'breakdown', 'new_ehc_plans'] },
  { id: 'ees-2025-requests', columns: ['time_period', 'geographic_level', 'old_la_code', 'breakdown_topic', 'requests_received_in_year'] },
  { id: 'ons-snpp', columns: ['area_code', 'area_name', 'component', 'sex', 'age_group'] },
  { id: 'ons-mye', columns: ['code', 'name', 'geography', 'all ages'] },
  { id: 'gias', columns: ['urn', 'establishmentname', 'typeofestablishment (name)'] },
  { id: 'unit-costs', columns: ['placement', 'annual_cost_gbp', 'price_year'] },
  { id: 'places', columns: ['placement', 'financial_year', 'places', 'place_rate_gbp'] },
  { id: 'funding', columns: ['financial_year', 'hn_block_gbp'] },
  { id: 'other-spend', columns: ['line', 'financial_year', 'amount_gbp'] },
  { id: 'opening-balance', columns: ['financial_year', 'dsg_cumulative_balance_gbp'] },
  { id: 'reserves', columns: ['financial_year', 'usable_reserves_gbp'] },
  { id: 'section-251-outturn', columns: ['section_251_line', 'financial_year', 'outturn_gbp'] },
  { id: 'school-census-pupil', columns: ['upn', 'urn', 'ncyearactual', 'senprovision'] },
];

export type Recognition = { reader: Reader; sniff: Sniff } | { problem: Problem; sniff?: Sniff };

/** The reader that takes a file, or a problem saying why none does (with the closest layout when near). */
export async function recogniseFile(path: string): Promise<Recognition> {
  let sniff: Sniff;
  try {
    sniff = await sniffFile(path);
  } catch (e) {
    return { problem: { file: path, message: msg.unreadableFile((e as Error).message) } };
  }
  return recogniseSniff(sniff);
}

/** Pure part of recognition. */
export function recogniseSniff(sniff: Sniff): Recognition {
  if (sniff.sheetsProblem) return { problem: { file: sniff.path, message: sniff.sheetsProblem }, sniff };
  if (sniff.firstLineTooLong && !documentationReader.recognise(sniff)) return { problem: { file: sniff.path, line: 1, message: msg.firstLineTooLong(HEAD_BYTES) }, sniff };
  const reader = readers.find((r) => r.recognise(sniff));
  if (reader) return { reader, sniff };
  // a flow table the model reads whose identifying column is renamed: said as such, not as a layout it is nearer by name
  const renamed = hasEesLeadingColumns(sniff) ? measureTableWithout(sniff.headerFields ?? []) : undefined;
  if (renamed) return { problem: { file: sniff.path, line: 1, message: eesTableWithoutSignature(renamed.id, renamed.signature) }, sniff };
  // documentation (README.md, data-guidance.txt, …) only when no data reader takes the file, and it is not a table
  if (scenarioFileReader.recognise(sniff)) return { reader: scenarioFileReader, sniff };
  if (otherYamlReader.recognise(sniff)) return { reader: otherYamlReader, sniff };
  if (documentationReader.recognise(sniff)) {
    const table = tableUnderDocumentationName(sniff);
    return table ? { problem: { file: sniff.path, line: 1, message: table }, sniff } : { reader: documentationReader, sniff };
  }
  if (sniff.size === 0 || (!sniff.binary && sniff.head.trim() === '')) {
    return { problem: { file: sniff.path, line: 1, message: msg.emptyFile(sniff.path) }, sniff };
  }
  if (sniff.binary && !sniff.sheets) return { problem: { file: sniff.path, message: msg.notText(sniff.binaryKind) }, sniff };
  const firstLine = sniff.head.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = sniff.headerFields?.length === 1 ? otherDelimiter(firstLine) : undefined;
  if (delimiter) return { problem: { file: sniff.path, line: 1, message: msg.wrongDelimiter(delimiter) }, sniff };
  if (sniff.sheets) {
    const m = sniff.sheets.length === 0 ? workbookMsg.zipNotWorkbook() : workbookMsg.xlsxNoTables();
    return { problem: { file: sniff.path, message: m }, sniff };
  }
  const below = headerBelowTitle(sniff);
  if (below) return { problem: { file: sniff.path, line: below.line, message: msg.headerBelowTitle(below.line, below.layout, /^"?sep=.?"?$/i.test(firstLine.trim()) ? firstLine.trim() : undefined) }, sniff };
  const preview = firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine;
  return { problem: { file: sniff.path, line: 1, message: msg.unknownLayout(preview, closestLayout(sniff.headerFields)) }, sniff };
}

/**
 * How far down a file a header is looked for below a title (a council's copy has a title, a date, a blank line; a
 * finance report's export a block of notes). At 10, an other-spend table under 12 lines of notes was a stray file to a
 * run, passed over with a warning, and the run spent £0 on other spend, exit 0.
 */
const TITLE_LINES = 30;

/**
 * A known layout's header (every identifying column of it) on a line after the first, within the first
 * TITLE_LINES + 1 lines (31), when the first line is not one: a council's copy of a table with a title line (or a date,
 * or a blank line of commas) above the header. The readers take the header from the first line, so no reader took
 * it; `run` went on without it (an other-spend table under a title: £7.95m a year of spend left out, exit 0).
 * @example headerBelowTitle(sniffOf('Other high needs spend,,\nline,financial_year,amount_gbp\n…')) // { line: 2, layout: 'other-spend' }
 */
export function headerBelowTitle(sniff: Sniff): { line: number; layout: string } | undefined {
  if (sniff.binary) return undefined;
  const lines = sniff.head.split(/\r?\n/, TITLE_LINES + 1);
  for (let i = 1; i < lines.length; i++) {
    const fields = lines[i]!.split(',').map((f) => normaliseName(f.trim().replace(/^"(.*)"$/, '$1')));
    const full = closestSignatures(fields).find((b) => b.missing.length === 0);
    if (full) return { line: i + 1, layout: full.id };
  }
  return undefined;
}

/**
 * Whether a file that no reader took stops a `run` rather than being passed over with a warning: a broken copy of
 * a published table (isBrokenPublishedTable), any known table whose header is below a title (headerBelowTitle), or a
 * file a reader would take whose first line runs past the sniffed head (a damaged table: Sniff.firstLineTooLong).
 */
export function stopsRun(sniff: Sniff): boolean {
  // a first line too long stops a run when a reader would take the file by the columns it starts with (a stray
  // minified JSON file is still passed over)
  const damagedTable = sniff.firstLineTooLong === true && readers.some((r) => r.recognise({ ...sniff, firstLineTooLong: false }));
  return damagedTable || isBrokenPublishedTable(sniff) || headerBelowTitle(sniff) !== undefined;
}

/**
 * Why a file with a documentation name (`.txt`, `.md`, `README`) that no data reader took is a table all the same,
 * or undefined for a real note. Excel saves a sheet as `.txt` under "Text (Tab delimited)" and "Unicode Text"
 * (UTF-16, tabs): such a copy of `newplans.csv` was skipped as documentation, and `run` (which skips documentation
 * quietly) projected Kent without its new plans, 21,629 plans a year ahead instead of 22,654, with no word of the
 * file. A first line that splits into 3 or more fields naming a known layout's columns (or EES's `time_period`) is a
 * table: the answer is the problem a CSV of it would have (other delimiter, UTF-16, unknown layout).
 */
export function tableUnderDocumentationName(sniff: Sniff): string | undefined {
  const table = tableHeader(sniff);
  if (!table) return undefined;
  if (sniff.binary) return msg.notText('utf-16');
  if (table.delimiter !== ',') return msg.wrongDelimiter(table.delimiter);
  return msg.unknownLayout(table.line.length > 80 ? `${table.line.slice(0, 77)}…` : table.line, closestLayout(table.fields));
}

/**
 * The first line of a file as a table's header: split by the first delimiter (comma, tab, semicolon, pipe) that
 * gives 3 or more fields naming a known layout's identifying columns (or EES's `time_period`), with the layout.
 */
function tableHeader(sniff: Sniff): { line: string; delimiter: string; fields: string[]; layout?: string } | undefined {
  const line = sniff.binary ? sniff.utf16FirstLine : sniff.head.split(/\r?\n/).find((l) => l.trim() !== '');
  if (!line) return undefined;
  for (const delimiter of [',', '\t', ';', '|']) {
    const fields = line.split(delimiter).map((f) => f.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase());
    if (fields.length < 3) continue;
    const layout = closestSignature(fields)?.id;
    if (layout !== undefined || fields.includes('time_period')) return { line, delimiter, fields, layout };
  }
  return undefined;
}

/**
 * Whether a file that no reader took is a broken copy of a published table the model reads (an EES or ONS layout
 * with a column renamed, or saved with semicolons, tabs or as UTF-16): `run`, which passes over a stray file with a
 * warning on the Data quality sheet, must stop on one of these instead. Before, a `newplans.csv` re-saved with
 * semicolons was passed over and Kent was projected without new plans, 21,633 plans three years ahead instead of
 * 25,034, with nothing on stderr naming the file (`forecast --ees` refused the same folder).
 */
export function isBrokenPublishedTable(sniff: Sniff): boolean {
  const table = tableHeader(sniff);
  if (!table) return false;
  return table.layout === undefined ? table.fields.includes('geographic_level') : /^(ees|ons)-/.test(table.layout);
}

/** The project's own tables' layouts (own-table-defs.ts), as LAYOUT_SIGNATURES names them. */
/** A workbook's file name, and what brokenOwnTable calls a damaged one whose name is no table's. */
const WORKBOOK = /\.xls[xm]$/i;
const OWN_TABLES_WORKBOOK = 'own-tables-xlsx';
const OWN_LAYOUTS = new Set(['unit-costs', 'places', 'funding', 'other-spend', 'opening-balance', 'reserves', 'section-251-outturn']);

/**
 * What says that a file with `financial_year` and another column is a two-column own table with that column
 * misnamed: a word of the table's in the other column's name or in the file's name (`financial_year,balance_gbp`,
 * `opening_balance.csv`). Without it such a file is a stray (`financial_year,budget_gbp`).
 */
const TWO_COLUMN_HINTS: Record<string, RegExp> = { 'opening-balance': /balance|deficit/i, reserves: /reserve/i };

/**
 * The own table a file no reader took is, and which `run` must not pass over: its header has all of that table's
 * identifying columns but one, and at least two of them (`line,financial_year,amount` for other spend,
 * `section_251_line,financial_year,outturn`), or, for a table of two, a word of the table's in the other column's
 * name or the file's (TWO_COLUMN_HINTS: `financial_year,dsg_balance_gbp`, whose £0 opening balance moved every
 * cumulative balance by the council's deficit); or all of them, in a file no reader could read: saved with
 * semicolons, tabs or pipes, or as UTF-16 (Excel's "Unicode Text"). A file whose bytes are not a table at all (empty,
 * a gzip archive, a NUL byte, a damaged workbook) is the table its name says (`other_spend.csv`, the name `init`
 * gives it): before, each of these was passed over, and the run spent £0 on other spend (the sample's 2028-29 balance
 * -£104.5m became -£71.2m) or started from an opening balance of £0, with a note calling the table empty. A damaged
 * workbook of any name (`.xlsx`, `.xlsm`: only the money tables are read from workbooks) is the own tables workbook: an
 * empty or truncated `Anyshire money.xlsx` was passed over with no word on stderr, and the other spend it held became
 * £0 ('the other-spend table is empty'). Undefined for anything else (a file sharing one column with a table, `financial_year,budget_gbp`, is a stray
 * file). A run asked for a budget stops on one (gates.ts checkMoneyTables).
 */
export function brokenOwnTable(sniff: Sniff): string | undefined {
  // (not the lock file Excel keeps beside a workbook it has open, '~$money.xlsx': no workbook, passed over as before)
  if (WORKBOOK.test(sniff.path) && !basename(sniff.path).startsWith('~$')) return ownTableNamed(sniff.path) ?? OWN_TABLES_WORKBOOK;
  const line = sniff.binary ? sniff.utf16FirstLine : sniff.head.split(/\r?\n/).find((l) => l.trim() !== '');
  if (line === undefined || line.trim() === '') return sniff.binary || sniff.size === 0 || sniff.head.trim() === '' ? ownTableNamed(sniff.path) : undefined;
  for (const delimiter of [',', '\t', ';', '|']) {
    const fields = line.split(delimiter).map((f) => normaliseName(f.trim().replace(/^"(.*)"$/, '$1')));
    if (fields.length < 2) continue;
    const fits = (id: string, missing: number): boolean => {
      const columns = LAYOUT_SIGNATURES.find((l) => l.id === id)!.columns;
      if (missing === 0 || columns.length >= 3) return true;
      const hint = TWO_COLUMN_HINTS[id];
      return hint !== undefined && (fields.some((f) => !columns.includes(f) && hint.test(f)) || hint.test(basename(sniff.path)));
    };
    // `financial_year` and one more column is one column short of every two-column table (funding too): the hint decides
    const own = closestSignatures(fields).find((b) => OWN_LAYOUTS.has(b.id) && b.missing.length <= 1 && fits(b.id, b.missing.length));
    if (own) return own.id;
  }
  return undefined;
}

/** The own table whose file name (`other_spend.csv`, as `init` writes it; any extension, any case) a path has. */
function ownTableNamed(path: string): string | undefined {
  const stem = basename(path).replace(/\.[^.]*$/, '').toLowerCase();
  return [...OWN_LAYOUTS].find((id) => id.replace(/-/g, '_') === stem);
}

/**
 * The known layouts sharing most identifying columns with a header (at least half of them), in the registry's order:
 * several when they share as many (a new-plans file with its figure's column renamed matches the caseload layout's
 * columns as well as its own).
 */
function closestSignatures(fields: readonly string[]): Array<{ id: string; score: number; missing: string[] }> {
  const have = new Set(fields);
  let best: Array<{ id: string; score: number; missing: string[] }> = [];
  for (const s of LAYOUT_SIGNATURES) {
    const missing = s.columns.filter((c) => !have.has(c));
    const score = (s.columns.length - missing.length) / s.columns.length;
    if (score < 0.5 || (best.length > 0 && score < best[0]!.score)) continue;
    if (best.length > 0 && score > best[0]!.score) best = [];
    best.push({ id: s.id, score, missing });
  }
  return best;
}

/** The first of the closest known layouts (closestSignatures), if any. */
function closestSignature(fields: readonly string[]): { id: string; score: number; missing: string[] } | undefined {
  return closestSignatures(fields)[0];
}

/**
 * The known layouts sharing most identifying columns with a header (at least half of them), if any, as a hint:
 * each with the columns it misses, "or" between them when several share as many.
 */
export function closestLayout(fields: readonly string[] | undefined): string | undefined {
  if (!fields || fields.length === 0) return undefined;
  const best = closestSignatures(fields);
  if (best.length === 0) return undefined;
  // a money table headed by another calendar's year (academic_year): say what was found and why it is refused
  const otherYear = otherYearColumn(fields);
  const why = (missing: readonly string[]): string => (otherYear !== undefined && missing.includes('financial_year') ? `; ${yearNotFinancial(otherYear)}` : '');
  return best.map((b) => (b.missing.length > 0 ? `${b.id} (missing ${b.missing.map((m) => `'${m}'`).join(', ')}${why(b.missing)})` : msg.layoutColumnsThere(b.id))).join(' or ');
}
