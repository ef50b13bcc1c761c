/**
 * Messages about the cells and rows of the project's own money tables (unit costs, places, funding, other spend,
 * opening balance, reserves, Section 251 outturn) as a council's spreadsheet writes them: each names what was found
 * and says what to write instead. The readers add the file, line (sheet and cell) and column.
 */
import { fmtMoneyExact } from '../report/format.ts';

/** A row whose figure is the sum of other rows of its year: a total or subtotal row without (or with another) label. */
export function totalRowByFigures(label: string, year: string, amount: number, count: number, lines: readonly number[]): string {
  const runs = lines.every((l, i) => i === 0 || l === lines[i - 1]! + 1);
  const at = runs ? `lines ${lines[0]}–${lines[lines.length - 1]}` : `lines ${lines.slice(0, 6).join(', ')}${lines.length > 6 ? ', …' : ''}`;
  return (
    `'${label}' (${year}, ${fmtMoneyExact(amount)}) is the sum of the ${count} rows of ${year} above it (${at}): a total or ` +
    `subtotal row, which read as a line of its own would count them twice. Delete it (the tool adds up the lines itself); ` +
    `if it is a line of spend of its own, check its figure, which cannot be all the others together`
  );
}

/** How a money cell that is no amount is described, with what to write instead (etl/readers/own-table-cells.ts). */
export type MoneyTextKind =
  | { kind: 'scaled'; pounds: number; unit: string }
  | { kind: 'percent' }
  | { kind: 'sheet-error' }
  | { kind: 'no-figure' }
  | { kind: 'decimal-comma'; fixed: string }
  | { kind: 'formula' }
  | { kind: 'sign-word'; word: string; pounds: number }
  | { kind: 'ledger-sign'; word: string; amount: number }
  | { kind: 'other' };

/** A money cell that is no amount in pounds: what it is and what to write instead. */
export function moneyNotAnAmount(column: string, raw: string, what: MoneyTextKind): string {
  const got = `Got: '${raw}'`;
  switch (what.kind) {
    case 'scaled':
      return `expected an amount in pounds in '${column}'. ${got}, an amount in ${what.unit}: write it in pounds as a number, ${what.pounds.toFixed(0)} if that is the exact figure (a figure rounded to ${what.unit} is not the budget's own)`;
    case 'percent':
      return `expected an amount in pounds in '${column}'. ${got}, a percentage: write the amount in pounds the percentage comes to (a scenario's rates, such as inflation, go in the scenario file)`;
    case 'sheet-error':
      return `expected an amount in pounds in '${column}'. ${got}, a spreadsheet's error, not a figure: correct the formula in the workbook, save it and give the saved file (or write the figure)`;
    case 'no-figure':
      return `expected an amount in pounds in '${column}'. ${got}, no figure: write the amount (0 where there is none), or delete the row until the figure is known`;
    case 'decimal-comma':
      return `expected an amount in pounds in '${column}'. ${got}, a comma before the pence: write ${what.fixed}, with a point`;
    case 'formula':
      // the workbook reader's text of a formula with no saved value says what to do (own-tables.ts cellText)
      return `expected an amount in pounds in '${column}'. ${got}`;
    case 'sign-word':
      return `expected an amount in pounds in '${column}'. ${got}, a figure with the word '${what.word}' for its sign: write it as a number, ${what.pounds} (a deficit or an overspend is below 0, written with a minus; a surplus or an underspend above it)`;
    case 'ledger-sign':
      return `expected an amount in pounds in '${column}'. ${got}, a figure with a ledger's '${what.word}' mark: write it as a number with its sign, ${what.amount} or -${what.amount} (a DSG deficit is below 0, written with a minus; a surplus above it)`;
    case 'other':
      return `expected an amount in pounds in '${column}', a number such as 1234567 or 1,234,567 (a £ sign, a minus or brackets for a negative are read too). ${got}: write the figure so`;
  }
}

/** A number of places that is no number. */
export function placesNotANumber(column: string, raw: string): string {
  return `expected a number of places in '${column}' (0 or more, a fraction allowed). Got: '${raw}': write the number of commissioned places`;
}

/** A required cell of an own table left blank. */
export function ownBlankCell(column: string, isFigure: boolean): string {
  return isFigure
    ? `expected a figure in '${column}', found an empty cell: write it (0 where there is none), or delete the row until it is known`
    : `expected a value in '${column}', found an empty cell: fill it in, or delete the row`;
}

/** How a financial-year cell that is no financial year is described (etl/readers/own-table-cells.ts). */
export type YearTextKind =
  | { kind: 'date'; date: string; year: string }
  | { kind: 'excel-date'; date: string; year: string }
  | { kind: 'academic'; year: string }
  | { kind: 'other' };

/** A financial-year cell that is no financial year: what it is and what to write instead. */
export function notAFinancialYear(raw: string, what: YearTextKind): string {
  const got = `Got: '${raw}'`;
  switch (what.kind) {
    case 'date':
      return `expected a financial year like 2024-25. ${got}, a date (${what.date}): write the financial year it falls in, ${what.year} (April to March), if that is the year meant`;
    case 'excel-date':
      return `expected a financial year like 2024-25. ${got}, which is how a spreadsheet stores the date ${what.date}: write the financial year it falls in, ${what.year} (April to March), if that is the year meant`;
    case 'academic':
      return `expected a financial year like 2024-25. ${got}, an academic year (September to August): the table is by financial year (April to March); write the financial year of the figure, like ${what.year}`;
    case 'other':
      return `expected a financial year like 2024-25. ${got}: write the financial year, April to March, like 2025-26`;
  }
}

/** A row of an own table holding one value only: a note or a heading under (or within) the table. */
export function noteRow(column: string, text: string, missing: readonly string[]): string {
  return `this row holds only '${text}' (in '${column}'): a note or a heading, not a row of the table. Delete it (keep notes in another file), or fill in ${missing.map((c) => `'${c}'`).join(' and ')}`;
}

/**
 * A money figure written in scientific notation: a spreadsheet shows a number so when it is too wide for its column,
 * rounded to the digits that fit, and a CSV saved from it keeps the rounding (1,234,567 as 1.2E+06, £34,567 lost).
 */
export function moneyInScientific(column: string, raw: string, value: number): string {
  return `expected an amount in pounds in '${column}', written in full. Got: '${raw}' (${value.toLocaleString('en-GB', { maximumFractionDigits: 2 })}), in scientific notation, as a spreadsheet shows a figure too wide for its column, rounded to the digits that fit: write the figure in full from the spreadsheet (widen the column, or format it as a number, before saving)`;
}

/**
 * A money table whose year column is of another calendar (`academic_year`, `year`, …) where `financial_year` is
 * expected: what was found, why the tables are by financial year, and what to write.
 * @example yearNotFinancial('academic_year') // "found 'academic_year' where 'financial_year' is expected: …"
 */
export function yearNotFinancial(found: string): string {
  const academic = /academic|school/i.test(found);
  return (
    `found '${found}' where 'financial_year' is expected: the money tables are by financial year (April to March, ` +
    `written 2025-26), the year the High Needs block is paid and spent in${academic ? ', not by academic year (September to August)' : ''}. ` +
    `If the figures are for financial years, name the column financial_year; if they are for ${academic ? 'academic years' : `another kind of year`}, ` +
    `first put each amount into the financial years it falls in${academic ? ' (seven months of academic year 2024/25 are in 2024-25, five in 2025-26)' : ''}`
  );
}

/**
 * A funding-table figure (High Needs block, schools block) half or less, or twice or more, that of the year before it
 * in the table (etl/readers/own-table-steps.ts YEAR_STEP): one of the two has a digit too many or too few.
 */
export function blockStepImplausible(column: string, at: { fy: string; value: number }, before: { fy: string; value: number; line: number }, band: readonly [number, number]): string {
  const gbp = (v: number): string => `£${Math.round(v).toLocaleString('en-GB')}`;
  const step = at.value / before.value;
  const what = column === 'hn_block_gbp' ? 'High Needs block' : column === 'schools_block_gbp' ? 'schools block' : `'${column}'`;
  return (
    `the ${what} of ${at.fy}, ${gbp(at.value)}, is ×${step >= 10 ? Math.round(step).toLocaleString('en-GB') : step.toPrecision(2)} that of ${before.fy} on line ${before.line} (${gbp(before.value)}): a council's ${what} ` +
    `moves by a few per cent a year under the national funding formula's floor and gains cap, so a step beyond ×${band[0]}–×${band[1]} a year is not one: one of the ` +
    `two has a digit too many or too few, or is in other units or another council's figure. Correct whichever is wrong (every balance from that year on rests on it)`
  );
}
