/**
 * The workbook *model*: sheets → tables of typed cells, with formats and the charts to place beside them. Pure
 * data, built by build-workbook.ts from a RunReport and drawn by write-xlsx.ts. Golden tests compare a dump of it.
 */
import type { ChartId } from '../charts/chart-spec.ts';

/** How a column's numbers are formatted (format.ts NumFmt) and whether small counts may be suppressed. */
export type ColumnKind = 'text' | 'count' | 'number' | 'money' | 'percent' | 'year' | 'decimal';

export interface Column {
  /** Header with its unit, e.g. "Expenditure (£)" or "Plans at Jan 2026". */
  header: string;
  kind: ColumnKind;
}

/** A cell: a number, text, empty, or a number whose format differs from its column's. */
export type Cell = number | string | null | { value: number; kind: ColumnKind };

/** A cell of a table, for its `sums`: its row in `rows` and its column; `table` names another table of the workbook. */
export interface CellRef {
  table?: string;
  row: number;
  col: number;
}

/** A line of a table that adds up: the count at `total` is the sum of those at `parts` less those at `minus`. */
export interface TableSum {
  total: CellRef;
  parts: CellRef[];
  minus?: CellRef[];
}

export interface Table {
  /** Excel table name: unique in the workbook, letters, digits and underscores. */
  name: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** A line under the table (source, meaning of a marker). */
  note?: string;
  /**
   * The lines of its counts that add up (a total row, a total column, placements to their group), which a reader
   * could subtract along: with suppression none is left with one `[c]` alone (report/suppress.ts suppressWorkbook).
   * Not written; the model suppressWorkbook returns has none.
   */
  sums?: TableSum[];
}

export interface Sheet {
  name: string;
  title: string;
  /** Short lines under the title: what the sheet shows and how to read it. */
  intro: string[];
  tables: Table[];
  /** Charts placed beside the tables (their alt text comes from the chart spec). */
  charts: ChartId[];
  /** Columns frozen at the left (row headers). */
  freezeColumns: number;
}

export interface WorkbookModel {
  title: string;
  subject: string;
  creator: string;
  keywords: string;
  description: string;
  /** ISO date of the run (document created/modified). */
  created: string;
  /** The line under every sheet title: LA, scenario, run date. */
  subtitle: string;
  sheets: Sheet[];
}

/** The numeric value of a cell, if it has one. */
export function cellNumber(c: Cell): number | undefined {
  if (typeof c === 'number') return c;
  if (c !== null && typeof c === 'object') return c.value;
  return undefined;
}
