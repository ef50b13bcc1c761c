/**
 * exceljs's Workbook class alone. The package's main module also loads its streaming reader and writer (and their
 * unzip library): half of exceljs's load time, for code highneeds never uses. Imported (not required at run time)
 * so the compiled build bundles it: one file to load instead of about 150 CommonJS files.
 * @example const wb = new Workbook(); await wb.xlsx.readFile('tables.xlsx');
 */
import type ExcelJS from 'exceljs';
// @ts-expect-error -- a file of the package without type declarations: typed as the package's Workbook below
import WorkbookClass from 'exceljs/lib/doc/workbook.js';

export const Workbook = WorkbookClass as typeof ExcelJS.Workbook;
