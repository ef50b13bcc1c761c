/**
 * Tables of a workbook model as CSV (for Power BI and other tools): one file per table, UTF-8 with a BOM, CRLF,
 * RFC 4180 quoting, and text that could start a formula prefixed with a single quote (OWASP).
 */
import { csvField } from './safe-text.ts';
import type { Cell, WorkbookModel } from './workbook/model.ts';

function cellCsv(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'object') return csvField(c.value);
  return csvField(c);
}

/**
 * Every table as `{ file, text }`, named after the Excel table (`plans_by_age.csv`).
 * @example workbookCsvs(model)[0].file // 'summary_headline.csv'
 */
export function workbookCsvs(model: WorkbookModel): Array<{ file: string; text: string }> {
  return model.sheets.flatMap((s) =>
    s.tables.map((t) => {
      const lines = [t.columns.map((c) => csvField(c.header)).join(','), ...t.rows.map((r) => t.columns.map((_, j) => cellCsv(r[j] ?? null)).join(','))];
      return { file: `${t.name.toLowerCase()}.csv`, text: `\uFEFF${lines.join('\r\n')}\r\n` };
    }),
  );
}
