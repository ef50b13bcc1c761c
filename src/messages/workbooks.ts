/** User-facing messages about the own input tables' headers, and Excel workbooks given as input tables: their sheets, size and damage. */
import { EMPTY_TEMPLATE } from './etl.ts';
import { yearNotFinancial } from './own-tables.ts';
import { otherYearColumn } from '../domain/years.ts';

export function xlsxUnknownSheet(sheet: string): string {
  return `sheet '${sheet}' is not a known input table (unit costs, places, funding, other spend, opening balance); ignored`;
}
export function xlsxSheetColumnMissing(sheet: string, table: string, column: string, found?: string): string {
  // another calendar's year is no misnamed column: renaming it would read academic years as financial ones
  if (column === 'financial_year' && found !== undefined && otherYearColumn([found]) !== undefined)
    return `sheet '${sheet}' has the columns of a table (${table}) but no '${column}': ${yearNotFinancial(found)}; the sheet is not read until then`;
  return `sheet '${sheet}' has the columns of a table (${table}) but no '${column}'${found ? ` (its header has '${found}')` : ''}: rename the column in the header and save again; the sheet is not read until then`;
}
export function xlsxHiddenSheet(sheet: string, table: string): string {
  return `sheet '${sheet}' holds a table (${table}) but is hidden: not read (a hidden sheet is not what the workbook shows; an old version or a working copy is often kept there). Unhide it, or move its rows to a visible sheet, to use it`;
}
export function xlsxNoTables(): string {
  return 'no sheet of this workbook is a known input table (unit costs, places, funding, other spend, opening balance)';
}
export function zipNotWorkbook(): string {
  return 'the file is a ZIP archive, not an Excel workbook: extract the CSV files from it and load those';
}
export function xlsxSheetNoRowsYet(sheet: string): string {
  return `sheet '${sheet}' has a header row but ${EMPTY_TEMPLATE}: nothing is loaded from it`;
}
export function xlsxTooLarge(bytes: number, limit: number, inflated: boolean): string {
  const mbs = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;
  return inflated
    ? `the workbook's sheets expand to more than ${mbs(limit)} of XML (far more than any table of unit costs, places or funding; a spreadsheet "bomb" or the wrong file): nothing was read. Save the tables as CSV files, or keep only the input tables in the workbook`
    : `the workbook is ${mbs(bytes)}, more than the ${mbs(limit)} this tool opens: save the input tables as CSV files`;
}
export function xlsxTooManyCells(what: 'rows' | 'cells', limit: number): string {
  return `the workbook's sheets hold more than ${limit.toLocaleString('en-GB')} ${what} (far more than any table of unit costs, places or funding; a spreadsheet "bomb" or the wrong file): nothing was read. Keep only the input tables in the workbook, or save them as CSV files`;
}
export function xlsxDamaged(detail: string): string {
  return `the workbook is damaged (${detail}): nothing was read. Open it in Excel and save it again, or save the tables as CSV files`;
}
export function misspeltColumn(name: string, meant: string): string {
  return `column '${name}' is not a column of this table, and its column '${meant}' is missing: its figures would be left out as if not given. Rename the column '${meant}'`;
}
export function xlsxFigureUnderNoHeading(cell: string, value: string, columns: readonly string[]): string {
  const which = columns.length > 0 ? `its heading (one the sheet lacks: ${columns.map((c) => `'${c}'`).join(', ')})` : 'a heading';
  return `cell ${cell} holds ${value} under no column heading: its figure would be left out of the table. Give the column ${which}, or delete the value`;
}
export function xlsxTextUnderNoHeading(cell: string, value: string): string {
  return `cell ${cell} holds '${value}' under no column heading: not read (a note beside the table is fine; give the column a heading if it is part of the table)`;
}
export function xlsxHiddenRow(sheet: string, row: number): string {
  return `row ${row} of sheet '${sheet}' is hidden (or filtered out of view): it is not what the sheet shows, and it is unclear whether it counts. Unhide it (or clear the filter) to use it, or delete it`;
}
export function xlsxHiddenColumn(sheet: string, column: string, letter: string): string {
  return `column '${column}' (${letter}) of sheet '${sheet}' is hidden: it is not what the sheet shows, and it is unclear whether its figures count. Unhide it to use it, or delete it`;
}
/** Blank cells of a funding income column (own-table-blanks.ts): read as none that year. */
export function blankIncomeCells(column: string, years: readonly string[]): string {
  const shown = years.length <= 6 ? years.join(', ') : `${years.slice(0, 6).join(', ')} and ${years.length - 6} more`;
  const when = years.length === 1 ? 'that year' : 'those years';
  const unless = column === 'schools_block_transfer_gbp'
    ? 'unless the scenario sets funding.schools_block_transfer_gbp'
    : 'or, where the scenario lists the column in funding.carry_forward, the latest figure before';
  return `'${column}' is blank for ${shown}: read as none of that income in ${when} (£0), ${unless}. Write 0 where there is none, and the figure where there is one, so that a figure left out is not taken for £0`;
}
/**
 * A merged cell over a table's figures (own-tables.ts): the sheet shows one figure where the table has several cells,
 * and exceljs gives each of them the figure, so a merged amount over two years was read as both years' amount.
 */
export function xlsxMergedFigure(sheet: string, range: string, column: string, lines: readonly [number, number], shown: string): string {
  const across = lines[0] === lines[1] ? `row ${lines[0]}` : `rows ${lines[0]}–${lines[1]}`;
  return `cells ${sheet}!${range} are merged over the '${column}' figures of ${across}: the sheet shows one figure (${shown === '' ? 'blank' : `'${shown}'`}) where the table has one per row and column, and it is unclear whether it is each one's or theirs together. Unmerge the cells and write each cell's figure`;
}
/** A table's header found below the rows a sheet may have above it (own-tables.ts TITLE_ROWS). */
export function xlsxHeaderTooDeep(sheet: string, table: string, row: number, most: number): string {
  return `sheet '${sheet}' has the header of the ${table} table on row ${row}, below ${row - 1} rows: a header is looked for in the first ${most} rows only, and the sheet was passed over (its table left out of a run). Delete rows above the header so that it is within the first ${most}`;
}
/** A second table on a sheet, beside or below the first (own-tables.ts). */
export function xlsxSecondTable(sheet: string, first: string, second: string, where: { beside: string } | { below: number }): string {
  const [place, at, whose] = 'beside' in where ? ['beside', `in columns ${where.beside}`, 'columns'] : ['below', `from row ${where.below}`, 'rows'];
  return `sheet '${sheet}' holds a second table ${place} the ${first} table: the ${second} table ${at}, whose ${whose} would be read as the ${first} table's. Put each table on a sheet of its own`;
}
