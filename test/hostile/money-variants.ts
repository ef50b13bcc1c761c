/**
 * A finance officer's own money tables as they really come: seeded variants of the sample's money tables
 * (data-samples/*.csv, and the same tables as one XLSX workbook made with exceljs), each written the way a council's
 * spreadsheet writes them — money as `£1,234,567`, `(1,234)`, `£5.2m`, `1.2E+06`, `-`; financial years as `2025/26`,
 * `FY25/26`, `2025`, an Excel date; a Total row; placement names in a council's words; a BOM, `sep=,`, semicolons and
 * decimal commas, Windows-1252; a title row, merged cells, formulas, hidden and extra sheets, error cells, `.xlsm`.
 *
 * Every variant means the sample's own figures (`means: 'sample'`): read, it must give exactly the sample's rows, or
 * be refused. A variant whose figure cannot be known from the file (`TBC`, `n/a`, a blank, `#REF!`, a formula with no
 * saved value, an ambiguous year or placement) must be refused (`means: 'unknown'`). Never read as other figures.
 * money-tables.test.ts runs each through the readers (and, asked, through `validate` and `run`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { joinCsv, splitCsv } from './csv-text.ts';
import { seeded } from './corpus.ts';

const ROOT = join(import.meta.dirname, '../..');

/** The sample's money tables (file name → the money columns and the financial-year column of each). */
export const MONEY_TABLES = {
  'unit_costs.csv': { money: ['annual_cost_gbp'], year: 'price_year', key: 'placement' },
  'places.csv': { money: ['place_rate_gbp'], year: 'financial_year', key: 'placement' },
  'funding.csv': { money: ['hn_block_gbp', 'schools_block_transfer_gbp', 'other_income_gbp', 'import_export_adjustment_gbp'], year: 'financial_year', key: 'financial_year' },
  'other_spend.csv': { money: ['amount_gbp'], year: 'financial_year', key: 'line' },
  'opening_balance.csv': { money: ['dsg_cumulative_balance_gbp'], year: 'financial_year', key: 'financial_year' },
  'reserves.csv': { money: ['usable_reserves_gbp'], year: 'financial_year', key: 'financial_year' },
  'section_251_outturn.csv': { money: ['outturn_gbp'], year: 'financial_year', key: 'section_251_line' },
} as const;
export type MoneyFile = keyof typeof MONEY_TABLES;
export const MONEY_FILES = Object.keys(MONEY_TABLES) as MoneyFile[];

export interface MoneyVariant {
  /** `<form>/<what>/<file>`, unique. */
  id: string;
  /** Files written into a data folder holding the sample's money tables, replacing those of the same name. */
  files: Record<string, () => Buffer | Promise<Buffer>>;
  /** The sample's money tables the variant takes out (a workbook holds them instead). */
  remove?: MoneyFile[];
  /** What the file means: the sample's own figures, or a figure the file does not give (only a refusal is right). */
  means: 'sample' | 'unknown';
  /** The value a refusal must quote back (the cell as written). */
  quoted?: string;
  /** For a placement written in other words: the code a refusal should suggest. */
  suggest?: string;
}

/** The rows of a sample money table (header first). */
export function sampleRows(file: MoneyFile): string[][] {
  return splitCsv(readFileSync(join(ROOT, 'data-samples', file), 'utf8')).filter((r) => r.some((c) => c !== ''));
}

/** 1234567 → '1,234,567' (the magnitude; pence kept). */
function grouped(v: number): string {
  const [whole, frac] = Math.abs(v).toString().split('.');
  return whole!.replace(/\B(?=(\d{3})+$)/g, ',') + (frac ? `.${frac}` : '');
}

/** The figure in millions, when it is exact to 3 decimals ('57.17'). */
function millions(v: number): string | undefined {
  const m = Math.abs(v) / 1e6;
  return Math.abs(v) >= 100_000 && Number(m.toFixed(3)) * 1e6 === Math.abs(v) ? String(Number(m.toFixed(3))) : undefined;
}

/**
 * Ways a council's spreadsheet writes an amount: each gives the same figure in words a person reads one way only,
 * or undefined where it does not apply to the figure. (Excel's CSV of a cell in its Accounting or Currency format,
 * a figure typed as it is said, a figure in scientific notation as Excel shows a wide one.)
 */
const MONEY_FORMS: Record<string, (v: number) => string | undefined> = {
  'gbp-grouped': (v) => `${v < 0 ? '-' : ''}£${grouped(v)}`,
  'grouped-pence': (v) => (Number.isInteger(v) ? `${v < 0 ? '-' : ''}${grouped(v)}.00` : undefined),
  padded: (v) => ` ${v} `,
  'accounting-negative': (v) => (v < 0 ? `(${grouped(v)})` : undefined),
  'accounting-negative-gbp': (v) => (v < 0 ? `£(${grouped(v)})` : undefined),
  millions: (v) => (millions(v) ? `${v < 0 ? '-' : ''}${millions(v)}m` : undefined),
  'gbp-millions': (v) => (millions(v) ? `${v < 0 ? '-' : ''}£${millions(v)}m` : undefined),
  'gbp-thousands-k': (v) => (v !== 0 && v % 1000 === 0 ? `${v < 0 ? '-' : ''}£${Math.abs(v) / 1000}k` : undefined),
  scientific: (v) => (v !== 0 ? v.toExponential().toUpperCase().replace(/E\+?(-?)(\d)$/, 'E+0$2').replace('E+-', 'E-') : undefined),
  'dash-for-zero': (v) => (v === 0 ? '-' : undefined),
  'en-dash-for-zero': (v) => (v === 0 ? '–' : undefined),
  'gbp-dash-for-zero': (v) => (v === 0 ? ' £ -   ' : undefined),
};

/** Cells that give no figure: the only right reading is a refusal naming the cell. */
const NO_FIGURE = ['n/a', 'TBC', 'tbc', '3%', '?', '#REF!', '#DIV/0!', 'see note', '£'];

/** Financial year 2025-26 (and the others) as councils write them; undefined: the year is ambiguous (a refusal). */
const YEAR_FORMS: Record<string, (start: number) => string> = {
  slash: (y) => `${y}/${String(y + 1).slice(2)}`,
  'four-four': (y) => `${y}-${y + 1}`,
  'fy-short-slash': (y) => `FY${String(y).slice(2)}/${String(y + 1).slice(2)}`,
  'two-two': (y) => `${String(y).slice(2)}-${String(y + 1).slice(2)}`,
  'en-dash': (y) => `${y}–${String(y + 1).slice(2)}`,
  'to-words': (y) => `${y} to ${y + 1}`,
};
/** Years that do not say which financial year: refused, never guessed. */
const AMBIGUOUS_YEARS: Record<string, (start: number) => string> = {
  'bare-year': (y) => String(y),
  'bare-end-year': (y) => String(y + 1),
  'fy-bare': (y) => `FY${y + 1}`,
  'excel-serial': (y) => String(Math.round((Date.UTC(y, 3, 1) - Date.UTC(1899, 11, 30)) / 86_400_000)),
  'date-text': (y) => `01/04/${y}`,
  'iso-date': (y) => `${y}-04-01`,
  'academic-year': (y) => `AY ${y}/${String(y + 1).slice(2)}`,
};

/** A financial year's start as the sample writes it ('2025-26' → 2025). */
const startOf = (fy: string): number => Number(fy.slice(0, 4));

/** Council wording for the sample's placements: the code it names exactly, or, where it is ambiguous, the one meant. */
const PLACEMENT_WORDS: Array<{ words: string; code: string; ambiguous: boolean }> = [
  { words: 'Special school', code: 'SSM', ambiguous: true },
  { words: 'INMSS', code: 'NMSS', ambiguous: true },
  { words: 'ISP', code: 'SPI', ambiguous: true },
  { words: 'Resourced Provision', code: 'RP', ambiguous: false },
  { words: 'FE college', code: 'FE', ambiguous: false },
  { words: 'Maintained special school', code: 'SSM', ambiguous: false },
  { words: 'PRU', code: 'AP', ambiguous: false },
  { words: 'Independent', code: 'ISS', ambiguous: true },
  { words: 'Mainstream', code: 'MS', ambiguous: true },
  { words: 'ARP', code: 'RP', ambiguous: true },
];

/** Labels a council gives a total or subtotal row: never a line of spend of its own. */
const TOTAL_LABELS = ['Total', 'TOTAL', 'Grand total', 'Total other spend', 'Total High Needs other spend', 'Sub-total', 'Subtotal', 'Total for year', 'Sum', 'All other spend', 'Other High Needs spend'];

const csv = (rows: readonly (readonly string[])[], eol = '\n'): (() => Buffer) => () => Buffer.from(joinCsv(rows, eol));

/** The variants of the CSV tables' cells, rows and years. */
function csvVariants(rnd: () => number): MoneyVariant[] {
  const out: MoneyVariant[] = [];
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  for (const file of MONEY_FILES) {
    const rows = sampleRows(file);
    const head = rows[0]!;
    const spec = MONEY_TABLES[file];
    // every (column, row) holding a figure
    const cells = spec.money.flatMap((col) => {
      const j = head.indexOf(col);
      return rows.slice(1).flatMap((r, i) => (r[j] !== undefined && r[j] !== '' ? [{ j, i: i + 1, v: Number(r[j]) }] : []));
    });
    const at = (i: number, j: number, text: string): string[][] => rows.map((r, k) => (k === i ? r.map((c, m) => (m === j ? text : c)) : r));
    for (const [form, write] of Object.entries(MONEY_FORMS)) {
      const fits = cells.filter((c) => write(c.v) !== undefined);
      if (fits.length === 0) continue;
      // one cell at random, and every cell of the column the form fits, as a spreadsheet formats a whole column
      const c = pick(fits);
      out.push({ id: `csv/money=${form}/${file}:${c.i}`, files: { [file]: csv(at(c.i, c.j, write(c.v)!)) }, means: 'sample' });
      const column = fits.filter((f) => f.j === c.j);
      if (column.length > 1) {
        const all = rows.map((r, k) => r.map((cell, m) => (m === c.j && column.some((f) => f.i === k) ? write(Number(cell))! : cell)));
        out.push({ id: `csv/money=${form}/${file}:all`, files: { [file]: csv(all) }, means: 'sample' });
      }
    }
    for (const text of NO_FIGURE) {
      const c = pick(cells);
      out.push({ id: `csv/no-figure=${text}/${file}:${c.i}`, files: { [file]: csv(at(c.i, c.j, text)) }, means: 'unknown', quoted: text });
    }
    // a required money column left blank (funding's optional ones are read as £0 with a warning: docs/inputs.md)
    const required = cells.filter((c) => !['schools_block_transfer_gbp', 'other_income_gbp', 'import_export_adjustment_gbp'].includes(head[c.j]!));
    if (required.length > 0) {
      const c = pick(required);
      out.push({ id: `csv/blank-figure/${file}:${c.i}`, files: { [file]: csv(at(c.i, c.j, '')) }, means: 'unknown' });
    }
    // years
    const y = head.indexOf(spec.year);
    const years = (write: (start: number) => string): string[][] => rows.map((r, k) => (k === 0 ? r : r.map((c, m) => (m === y ? write(startOf(c)) : c))));
    for (const [form, write] of Object.entries(YEAR_FORMS)) out.push({ id: `csv/year=${form}/${file}`, files: { [file]: csv(years(write)) }, means: 'sample' });
    for (const [form, write] of Object.entries(AMBIGUOUS_YEARS)) {
      out.push({ id: `csv/year=${form}/${file}`, files: { [file]: csv(years(write)) }, means: 'unknown', quoted: write(startOf(rows[1]![y]!)) });
    }
    // rows: out of order, repeated, a line and year given twice with other figures
    const body = rows.slice(1);
    const shuffled = [...body].sort(() => rnd() - 0.5);
    out.push({ id: `csv/rows-out-of-order/${file}`, files: { [file]: csv([head, ...shuffled]) }, means: 'sample' });
    const r = pick(body);
    out.push({ id: `csv/row-repeated/${file}`, files: { [file]: csv([...rows, r]) }, means: 'unknown' });
    const j = head.indexOf(spec.money[0]);
    out.push({ id: `csv/row-repeated-other-figure/${file}`, files: { [file]: csv([...rows, r.map((c, m) => (m === j ? String(Number(c) + 1000) : c))]) }, means: 'unknown' });
    // a Total row under the table: the sum of each money column, its label in the key column
    if (body.length > 1) {
      const k = head.indexOf(spec.key);
      const sum = (rs: readonly string[][]): string[] => head.map((h, m) => (spec.money.includes(h as never) ? String(rs.reduce((s, x) => s + Number(x[m] || 0), 0)) : ''));
      const label = pick(TOTAL_LABELS);
      const total = sum(body).map((c, m) => (m === k ? label : m === y && k !== y ? body[0]![y]! : c));
      out.push({ id: `csv/total-row=${label}/${file}`, files: { [file]: csv([...rows, total]) }, means: 'sample' });
      // a subtotal after each year's rows (a council's sheet grouped by year), labelled in the key column or not at all
      if (k !== y) {
        const byYear = new Map<string, string[][]>();
        for (const x of body) byYear.set(x[y]!, [...(byYear.get(x[y]!) ?? []), x]);
        for (const how of ['labelled', 'unlabelled-line'] as const) {
          const grouped2 = [...byYear.entries()].flatMap(([fy, rs]) => [...rs, sum(rs).map((c, m) => (m === y ? fy : m === k ? (how === 'labelled' ? `${pick(TOTAL_LABELS)} ${fy}` : pick(['Other spend', 'High needs spend', 'All lines'])) : c))]);
          if (rs(byYear)) out.push({ id: `csv/subtotal-per-year=${how}/${file}`, files: { [file]: csv([head, ...grouped2]) }, means: 'sample' });
        }
      }
    }
  }
  return out;
}

/** Whether every year of a table has two rows or more (a subtotal of one row is that row again, not a total). */
function rs(byYear: Map<string, string[][]>): boolean {
  return [...byYear.values()].every((x) => x.length > 1);
}

/** Placements written in a council's words in the unit-cost and places tables. */
function placementVariants(): MoneyVariant[] {
  return (['unit_costs.csv', 'places.csv'] as const).flatMap((file) => {
    const rows = sampleRows(file);
    return PLACEMENT_WORDS.flatMap(({ words, code, ambiguous }) => {
      if (!rows.some((r) => r[0] === code)) return [];
      const changed = rows.map((r, i) => (i > 0 && r[0] === code ? [words, ...r.slice(1)] : r));
      return [{ id: `csv/placement=${words}/${file}`, files: { [file]: csv(changed) }, means: ambiguous ? ('unknown' as const) : ('sample' as const), quoted: words, suggest: code }];
    });
  });
}

/** Whole-file forms: a BOM, Excel's `sep=,` line, semicolons with decimal commas, Windows-1252, notes below. */
function fileVariants(rnd: () => number): MoneyVariant[] {
  const file = (['other_spend.csv', 'funding.csv', 'unit_costs.csv'] as const)[Math.floor(rnd() * 3)]!;
  const rows = sampleRows(file);
  const text = joinCsv(rows);
  const money = MONEY_TABLES[file].money as readonly string[];
  const gbp = rows.map((r, i) => (i === 0 ? r : r.map((c, m) => (money.includes(rows[0]![m]!) && c !== '' ? `${Number(c) < 0 ? '-' : ''}£${grouped(Number(c))}` : c))));
  const semicolon = rows.map((r, i) => r.map((c, m) => (i > 0 && money.includes(rows[0]![m]!) && c !== '' ? `${c},00` : c)).join(';')).join('\r\n') + '\r\n';
  const v = (what: string, bytes: () => Buffer, means: MoneyVariant['means'] = 'sample'): MoneyVariant => ({ id: `csv/file=${what}/${file}`, files: { [file]: bytes }, means });
  return [
    v('bom', () => Buffer.from(`\ufeff${text}`)),
    v('crlf', () => Buffer.from(joinCsv(rows, '\r\n'))),
    v('sep-line', () => Buffer.from(`sep=,\r\n${joinCsv(rows, '\r\n')}`)),
    v('semicolon-decimal-comma', () => Buffer.from(semicolon, 'latin1')),
    v('windows-1252-pound', () => Buffer.from(joinCsv(gbp, '\r\n'), 'latin1')),
    v('utf8-pound', () => Buffer.from(joinCsv(gbp))),
    v('bom-then-windows-1252', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(joinCsv(gbp), 'latin1')])),
    v('blank-lines-and-notes-below', () => Buffer.from(`${text}\n\n${rows[0]!.map((_, i) => (i === 0 ? 'Notes: figures from the 2025-26 budget report' : '')).join(',')}\n`)),
    v('notes-below-with-figure', () => Buffer.from(`${text},,\nSource: budget monitoring P6,,\n`)),
    v('title-above-header', () => Buffer.from(`Anyshire High Needs ${file.replace('.csv', '')}\n${text}`)),
    v('notes-block-above-header', () => Buffer.from(`${Array.from({ length: 12 }, (_, i) => `Note ${i + 1}: see the budget report${','.repeat(rows[0]!.length - 1)}`).join('\n')}\n${text}`)),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

/** How a workbook variant writes a sheet's cell: its value as exceljs takes it. */
type Cell = ExcelJS.CellValue;

interface SheetPlan {
  name: string;
  rows: Cell[][];
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Rows above the header (a title, a blank row). */
  above?: Cell[][];
  merges?: string[];
  protect?: boolean;
}

/** The workbook of all the sample's money tables, one sheet per table, figures as numbers (the good form). */
function samplePlans(): SheetPlan[] {
  return MONEY_FILES.map((file) => {
    const rows = sampleRows(file);
    const money = MONEY_TABLES[file].money as readonly string[];
    const numeric = new Set(['places', ...money]);
    return {
      name: file.replace('.csv', ''),
      rows: rows.map((r, i) => r.map((c, m) => (i > 0 && numeric.has(rows[0]![m]!) && c !== '' ? Number(c) : c === '' ? null : c))),
    };
  });
}

async function workbook(plans: SheetPlan[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const p of plans) {
    const ws = wb.addWorksheet(p.name, { state: p.state ?? 'visible' });
    for (const r of p.above ?? []) ws.addRow(r);
    for (const r of p.rows) ws.addRow(r);
    for (const m of p.merges ?? []) ws.mergeCells(m);
    // protected as Excel protects a sheet, with a password hash (the reader never checks it) of one SHA-512 round
    // where exceljs, as Excel, spins 100,000: the default took 1.2 s of CPU for the seven sheets of one variant
    if (p.protect) await ws.protect('secret', { selectLockedCells: true, spinCount: 1 });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Changes one sheet of the sample's workbook. */
function withSheet(name: string, change: (p: SheetPlan) => SheetPlan | SheetPlan[]): SheetPlan[] {
  return samplePlans().flatMap((p) => (p.name === name ? change(p) : [p]));
}

/** A sheet's column index by header name. */
const col = (p: SheetPlan, name: string): number => (p.rows[0] as string[]).indexOf(name);

function xlsxVariants(): MoneyVariant[] {
  const v = (what: string, plans: () => SheetPlan[], means: MoneyVariant['means'] = 'sample', name = 'money.xlsx', quoted?: string): MoneyVariant => ({
    id: `xlsx/${what}`, files: { [name]: () => workbook(plans()) }, remove: MONEY_FILES, means, quoted,
  });
  const other = 'other_spend';
  const amountCells = (p: SheetPlan, f: (v: number, i: number) => Cell): SheetPlan => {
    const j = col(p, 'amount_gbp');
    return { ...p, rows: p.rows.map((r, i) => (i === 0 ? r : r.map((c, m) => (m === j ? f(c as number, i) : c)))) };
  };
  const yearCells = (f: (fy: string) => Cell) => (p: SheetPlan): SheetPlan => {
    const j = col(p, 'financial_year');
    return { ...p, rows: p.rows.map((r, i) => (i === 0 ? r : r.map((c, m) => (m === j ? f(c as string) : c)))) };
  };
  const letter = (j: number): string => String.fromCharCode(65 + j);
  return [
    v('good', samplePlans),
    v('xlsm-name', samplePlans, 'sample', 'money.xlsm'),
    v('title-row-above-header', () => samplePlans().map((p) => ({ ...p, above: [[`Anyshire: ${p.name}`], []] }))),
    v('merged-title-above-header', () => samplePlans().map((p) => ({ ...p, above: [[`Anyshire: ${p.name}`]], merges: [`A1:${letter((p.rows[0] as string[]).length - 1)}1`] }))),
    v('formulas-with-saved-values', () => withSheet(other, (p) => amountCells(p, (x) => ({ formula: `${x / 2}*2`, result: x })))),
    v('formula-with-no-saved-value', () => withSheet(other, (p) => amountCells(p, (x, i) => (i === 3 ? ({ formula: `${x / 2}*2` } as Cell) : x))), 'unknown'),
    v('error-cell-ref', () => withSheet(other, (p) => amountCells(p, (x, i) => (i === 2 ? { error: '#REF!' } : x))), 'unknown', 'money.xlsx', '#REF!'),
    v('error-cell-div0', () => withSheet('funding', (p) => ({ ...p, rows: p.rows.map((r, i) => (i === 1 ? r.map((c, m) => (m === col(p, 'other_income_gbp') ? { error: '#DIV/0!' } : c)) : r)) })), 'unknown', 'money.xlsx', '#DIV/0!'),
    v('total-row-sum-formula', () => withSheet(other, (p) => {
      const j = col(p, 'amount_gbp');
      const sum = p.rows.slice(1).reduce((s, r) => s + (r[j] as number), 0);
      return { ...p, rows: [...p.rows, ['Total', null, { formula: `SUM(${letter(j)}2:${letter(j)}${p.rows.length})`, result: sum }]] };
    })),
    v('total-row-no-label', () => withSheet(other, (p) => {
      const j = col(p, 'amount_gbp');
      const sum = p.rows.slice(1).reduce((s, r) => s + (r[j] as number), 0);
      return { ...p, rows: [...p.rows, [null, null, { formula: `SUM(${letter(j)}2:${letter(j)}${p.rows.length})`, result: sum }]] };
    })),
    v('hidden-sheet-old-copy', () => [...samplePlans(), { ...amountCells(samplePlans().find((p) => p.name === other)!, (x) => x * 2), name: 'other_spend (old)', state: 'hidden' as const }]),
    v('extra-sheets', () => [{ name: 'Cover', rows: [['Anyshire High Needs budget 2025-26'], ['Prepared by finance']] }, ...samplePlans(), { name: 'Chart data', rows: [['year', 'deficit'], ['2025-26', -29734196]] }]),
    v('numbers-stored-as-text', () => samplePlans().map((p) => ({ ...p, rows: p.rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : c))) }))),
    v('gbp-text-cells', () => withSheet(other, (p) => amountCells(p, (x) => `£${grouped(x)}`))),
    v('financial-year-as-date', () => withSheet(other, yearCells((fy) => new Date(Date.UTC(startOf(fy), 3, 1)))), 'unknown'),
    v('financial-year-as-serial', () => withSheet(other, yearCells((fy) => Math.round((Date.UTC(startOf(fy), 3, 1) - Date.UTC(1899, 11, 30)) / 86_400_000))), 'unknown'),
    v('financial-year-as-number', () => withSheet(other, yearCells((fy) => startOf(fy))), 'unknown'),
    v('sheet-named-differently', () => samplePlans().map((p) => ({ ...p, name: p.name === other ? 'Other HN spend 25-26' : `Sheet${p.name.length}` }))),
    v('protected-sheets', () => samplePlans().map((p) => ({ ...p, protect: true }))),
    v('spacer-column-in-header', () => withSheet(other, (p) => ({ ...p, rows: p.rows.map((r) => [r[0]!, null, ...r.slice(1)]) }))),
    v('second-table-beside', () => withSheet('funding', (p) => {
      const opening = samplePlans().find((q) => q.name === 'opening_balance')!.rows;
      return { ...p, rows: p.rows.map((r, i) => [...r, null, ...(opening[i] ?? [])]) };
    }).filter((p) => p.name !== 'opening_balance')),
    v('second-table-below', () => withSheet(other, (p) => ({ ...p, rows: [...p.rows, [], ...samplePlans().find((q) => q.name === 'opening_balance')!.rows] })).filter((p) => p.name !== 'opening_balance')),
    v('header-below-a-long-title', () => withSheet(other, (p) => ({ ...p, above: Array.from({ length: 12 }, (_, i) => [`Anyshire High Needs budget, note ${i + 1}`]) }))),
    v('merged-line-cells', () => withSheet(other, (p) => ({ ...p, rows: p.rows.map((r, i) => (i === 2 ? [null, ...r.slice(1)] : r)), merges: ['A2:A3'] })), 'sample'),
    v('merged-amount-cells', () => withSheet(other, (p) => ({ ...amountCells(p, (x, i) => (i === 2 ? null : x)), merges: [`${letter(col(p, 'amount_gbp'))}2:${letter(col(p, 'amount_gbp'))}3`] })), 'unknown'),
  ];
}

/**
 * Every variant, in a fixed order for a seed (the seed picks the cells, rows, labels and the file of the file-level
 * forms).
 */
export function moneyVariants(seed = 1): MoneyVariant[] {
  const rnd = seeded(seed * 104_729);
  const all = [...csvVariants(rnd), ...placementVariants(), ...fileVariants(rnd), ...xlsxVariants()];
  const ids = new Set<string>();
  return all.filter((v) => !ids.has(v.id) && ids.add(v.id));
}
