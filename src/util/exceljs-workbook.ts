/**
 * exceljs's Workbook class alone. The package's main module also loads its streaming reader and writer (and their
 * unzip library): half of exceljs's load time, for code highneeds never uses.
 * @example const wb = new Workbook(); await wb.xlsx.readFile('tables.xlsx');
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

export const Workbook = createRequire(import.meta.url)('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
