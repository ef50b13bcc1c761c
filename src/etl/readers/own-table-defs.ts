/**
 * The project's own input tables (inputs.md §5): unit costs, places, funding, other spend, opening balance.
 * Each is a list of typed columns; a pure row parser turns cell text into a warehouse row or located errors.
 * Used by both the CSV and the XLSX readers.
 */
import { financialYearLabel, inYearRange, isNeed, isPhase, isPlacement, NEEDS, parseFinancialYear, Phase, PHASES, Placement, PLACEMENTS, TABLE_FINANCIAL_YEARS } from '../../domain/index.ts';
import * as msg from '../../messages/etl.ts';
import { unitPriceInThousands, unitPriceTooHigh } from '../../messages/unit-costs.ts';
import { nearest } from '../../util/suggest.ts';
import { section251Code, SECTION_251_CODES } from '../../budget/section-251.ts';
import { parseNumber } from '../csv/values.ts';
import type { WarehouseTable } from '../schema.ts';
import { ALL } from '../schema.ts';
import { controlCharIn, LONGEST_NAME } from '../../util/bounded-text.ts';
import { nameHasControl } from '../../messages/names.ts';
import { withoutInvisible } from '../../util/invisible.ts';
import { moneyInScientific, moneyNotAnAmount, noteRow, ownBlankCell, notAFinancialYear, placesNotANumber } from '../../messages/own-tables.ts';
import { moneyTextKind, placementsAbbreviated, yearTextKind } from './own-table-cells.ts';

export type ColType = 'placement' | 'phase' | 'need' | 'fy' | 'money' | 'count' | 'text' | 's251line' | 'la';

/** Every own table may name its LA (`init` writes it): a run refuses rows of another LA. */
export const LA_CODE_COLUMN = ['la_code', 'la'] as const;

export interface OwnTableDef {
  id: string;
  table: WarehouseTable;
  description: string;
  required: ReadonlyArray<readonly [string, ColType]>;
  optional: ReadonlyArray<readonly [string, ColType]>;
  /** Columns that identify a row: two rows with the same values there leave it unclear which one counts. */
  key: readonly string[];
  /**
   * Money columns that must be above £0: a council always has a High Needs block allocation and a schools block,
   * so a 0 there is a blank typed as 0 or a figure lost, never the figure (refused, naming the line and year).
   */
  positive?: readonly string[];
  /**
   * Money columns that price one plan-year or one place: a figure above £0 but below MIN_UNIT_PRICE_GBP is one in £
   * thousands (64 for £64,000), refused at its line. Used as given, an ISS fee of 64 took the sample's 2025-26 spend
   * from £70.5m to £57.8m with exit 0 and no word, and place rates of 10 for £10,000 took £8.3m out of it.
   */
  perUnit?: readonly string[];
  /**
   * Money columns whose figure above £0 (by size) but under the amount given is warned of as one in £ thousands among
   * figures in pounds (own-table-low-prices.ts): no council's unit cost, transfer or schools block is so small.
   */
  smallBelow?: Readonly<Record<string, number>>;
  /**
   * A `smallBelow` figure at least `share` of the same row's `column` is in scale with it, so not one in £ thousands
   * among pounds, and is not warned of: the smallest councils' money is small all through (a transfer of £6,651 with a
   * High Needs block of £304,197, 2.2% of it, as an island of 16 plans may have; one in £ thousands of a £57m block is
   * 0.002% of it). Columns listed in `only`.
   */
  smallInScaleWith?: { column: string; share: number; only: readonly string[] };
  /**
   * Money columns that move little from one financial year to the next (a council's block): a year half or double the
   * one before it in the table is an error (own-table-steps.ts).
   */
  steadyByYear?: readonly string[];
  /** Money columns read below £0 but warned of (own-table-low-prices.ts): a sign that is rarely meant. */
  negativeNoted?: readonly string[];
  /**
   * Optional money columns whose blank cell is read as none (£0) that year: each is warned of, with its years
   * (own-table-blanks.ts), since a figure left out or not yet known looks the same.
   */
  blankIsNone?: readonly string[];
  /**
   * A table whose rows add up (other spend): `amount` summed over the rows of each `within` (a financial year), each
   * row named by `label`. A row whose amount is the sum of the rows of its year above it is a total row
   * (own-table-totals.ts), whatever its label.
   */
  additive?: { amount: string; within: string; label: string };
}

/** The least a plan-year or a place can cost the block when it costs anything (the lowest top-up bands are £1,000s). */
export const MIN_UNIT_PRICE_GBP = 100;
/**
 * The least a row of a paid placement may price a plan-year or a place without a warning (own-table-low-prices.ts):
 * from MIN_UNIT_PRICE_GBP up to here, one figure in £ thousands among figures in pounds (164.5 for an ISS fee of £164,500).
 */
export const LOW_UNIT_PRICE_GBP = 1_000;

/**
 * The most a plan-year or a place can cost the block, on average over a unit-cost or places row: independent and
 * non-maintained special school fees averaged £64,000 in 2024-25, and the costliest residential placements a few hundred
 * thousand pounds. A figure from here up has zeros too many (or is in pence): an ISS fee of 64,000,000 for £64,000 took
 * the sample's 2025-26 spend to £12.4bn with exit 0, warned of only by the funding's scale (with a Section 251 outturn,
 * only by the outturn's scaling of 0.00).
 */
export const MAX_UNIT_PRICE_GBP = 1_000_000;

export const OWN_TABLES: readonly OwnTableDef[] = [
  {
    id: 'unit-costs', table: 'unit_cost', description: 'Unit costs (placement, annual_cost_gbp, price_year; optional phase, need)',
    required: [['placement', 'placement'], ['annual_cost_gbp', 'money'], ['price_year', 'fy']],
    optional: [['phase', 'phase'], ['need', 'need']],
    key: ['placement', 'phase', 'need'],
    perUnit: ['annual_cost_gbp'],
    smallBelow: { annual_cost_gbp: LOW_UNIT_PRICE_GBP },
  },
  {
    id: 'places', table: 'places', description: 'Commissioned places (placement, financial_year, places, place_rate_gbp)',
    required: [['placement', 'placement'], ['financial_year', 'fy'], ['places', 'count'], ['place_rate_gbp', 'money']],
    optional: [],
    key: ['placement', 'financial_year'],
    perUnit: ['place_rate_gbp'],
    smallBelow: { place_rate_gbp: LOW_UNIT_PRICE_GBP },
  },
  {
    id: 'funding', table: 'funding', description: 'High Needs block funding (financial_year, hn_block_gbp, …)',
    required: [['financial_year', 'fy'], ['hn_block_gbp', 'money']],
    optional: [['schools_block_transfer_gbp', 'money'], ['other_income_gbp', 'money'], ['import_export_adjustment_gbp', 'money'], ['schools_block_gbp', 'money']],
    key: ['financial_year'],
    positive: ['hn_block_gbp', 'schools_block_gbp'],
    steadyByYear: ['hn_block_gbp', 'schools_block_gbp'],
    // a blank schools_block_gbp is unknown, not £0: the 0.5% check of the transfer is then not made (income.ts)
    blankIsNone: ['schools_block_transfer_gbp', 'other_income_gbp', 'import_export_adjustment_gbp'],
    negativeNoted: ['schools_block_transfer_gbp'],
    smallBelow: { schools_block_transfer_gbp: 10_000, other_income_gbp: 1_000, import_export_adjustment_gbp: 1_000, schools_block_gbp: 1_000_000 },
    // 0.1% of the block: a figure in £ thousands would be a thousandth of its share, so would need to be the whole
    // block to reach it; a schools block (several times the High Needs block) is not judged by it
    smallInScaleWith: { column: 'hn_block_gbp', share: 0.001, only: ['schools_block_transfer_gbp', 'other_income_gbp', 'import_export_adjustment_gbp'] },
  },
  {
    id: 'other-spend', table: 'other_spend', description: 'Other High Needs spend (line, financial_year, amount_gbp)',
    required: [['line', 'text'], ['financial_year', 'fy'], ['amount_gbp', 'money']],
    optional: [],
    key: ['line', 'financial_year'],
    additive: { amount: 'amount_gbp', within: 'financial_year', label: 'line' },
  },
  {
    id: 'opening-balance', table: 'opening_balance', description: 'Opening DSG balance (financial_year, dsg_cumulative_balance_gbp)',
    required: [['financial_year', 'fy'], ['dsg_cumulative_balance_gbp', 'money']],
    optional: [],
    // one opening balance: a second row, whatever its year, is a second opening balance
    key: [],
  },
  {
    id: 'reserves', table: 'reserves', description: 'Usable reserves of the council (financial_year, usable_reserves_gbp)',
    required: [['financial_year', 'fy'], ['usable_reserves_gbp', 'money']],
    optional: [],
    key: ['financial_year'],
  },
  {
    id: 'section-251-outturn', table: 's251_outturn', description: 'Section 251 High Needs outturn (section_251_line, financial_year, outturn_gbp)',
    required: [['section_251_line', 's251line'], ['financial_year', 'fy'], ['outturn_gbp', 'money']],
    optional: [],
    key: ['section_251_line', 'financial_year'],
  },
];

/** The own table whose required columns a header holds (the one with most required columns wins). */
export function ownTableOf(fields: ReadonlySet<string>): OwnTableDef | undefined {
  const fits = OWN_TABLES.filter((d) => d.required.every(([c]) => fields.has(c)));
  return fits.sort((a, b) => b.required.length - a.required.length)[0];
}

/**
 * A financial year as councils write it, in the form parseFinancialYear reads: a dash of any kind ('2025–26', as
 * Word and Excel's autocorrect put it), '2025 to 2026' (GOV.UK's style), an 'FY' prefix ('FY2025-26', 'FY 25/26') and
 * two-digit years ('25-26', '25/26') when the second follows the first. Anything else is returned trimmed.
 * @example financialYearText('2025 to 2026') // '2025-2026'
 * @example financialYearText('FY 25/26') // '2025-26'
 */
export function financialYearText(raw: string): string {
  const s = raw.trim().replace(/[\u2010-\u2015\u2212]/g, '-').replace(/^fy\s*/i, '').replace(/^(\d{4})\s+to\s+(\d{4})$/i, '$1-$2');
  const short = /^(\d{2})\s*[-/]\s*(\d{2})$/.exec(s);
  if (short && (Number(short[1]) + 1) % 100 === Number(short[2])) return `20${short[1]}-${short[2]}`;
  return s;
}

/** The row's financial year as written ('2025-26'), for messages; undefined when it does not parse. */
function financialYearLabelOf(raw: string): string | undefined {
  const y = parseFinancialYear(financialYearText(raw));
  return y === undefined ? undefined : financialYearLabel(y);
}

/**
 * A total row's label in a key column (other spend's `line`, a `placement`, a `financial_year`): 'Total', 'Totals',
 * 'Grand total', 'Sub-total', 'Sum', 'Total spend', 'Total other (high needs) spend', 'Total High Needs other spend', each with a year after it or
 * not ('Grand total 2026-27', 'Total for year 2025-26', 'Sum 2025-26'). Read as a line, a council's total row counted
 * every line twice (the sample's other spend £7.95m -> £15.9m in 2025-26, exit 0); with a year after the word it still
 * was. A line of spend whose name only holds the word ('Total communication service') is a line; a total row labelled
 * otherwise is told by its figures (own-table-totals.ts).
 */
const TOTAL_LABEL = /^(grand\s+|sub[-\s]?)?(totals?|sum)(\s+(other|high|needs|hn|spend|expenditure))*(\s+(for\s+(the\s+)?)?(year|fy)?[-\d/\u2013 ]*)?:?$/i;

/** Whether a key cell is a total row's label (a long cell is not: the pattern is tried on short text only). */
const isTotalLabel = (text: string): boolean => text.length <= 80 && TOTAL_LABEL.test(text);

/** A placement by its name as the workbook and reports give it ('Independent special school' → ISS). */
const PLACEMENT_BY_LABEL = new Map(PLACEMENTS.map((p) => [Placement[p].label.toLowerCase(), p]));

/**
 * The placements whose name holds every word of a council's own wording ('independent special' → ISS; 'special
 * school' → SSM, ISS or NMSS), for the message: it is never read as one of them, since 'special school' could be
 * any of three prices.
 */
function placementsNamed(raw: string): Array<{ code: string; label: string }> {
  const words = raw.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1);
  if (words.length === 0) return [];
  return PLACEMENTS.filter((p) => {
    const label = ` ${Placement[p].label.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
    return words.every((w) => label.includes(` ${w}`));
  }).map((p) => ({ code: p, label: Placement[p].label }));
}

const PHASE_BY_LABEL = new Map(PHASES.map((p) => [Phase[p].label.toLowerCase(), p]));

/**
 * Parses one row of an own table. `get` gives a cell's text by lower-case column name ('' when absent).
 * @example parseOwnRow(unitCosts, (c) => ({ placement: 'ISS', annual_cost_gbp: '60000', price_year: '2024-25' })[c] ?? '')
 */
export function parseOwnRow(
  def: OwnTableDef,
  cellText: (column: string) => string,
): { row?: Record<string, unknown>; errors: Array<{ column: string; message: string }> } {
  // a zero-width space pasted in with the text made 'Therapies' a second line of spend beside 'Therapies', both counted
  const get = (column: string): string => withoutInvisible(cellText(column));
  const row: Record<string, unknown> = {};
  const errors: Array<{ column: string; message: string }> = [];
  // a spreadsheet's total row ('Total' under the placements, the years or the lines): one error saying what it is,
  // not 'unknown placement' or 'expected a financial year'
  const total = [...def.key, def.required[0]![0]].find((c) => isTotalLabel(get(c).trim()));
  if (total) return { errors: [{ column: total, message: msg.totalRowInTable(get(total).trim()) }] };
  // a note or heading under the table ('Notes: figures from the budget report', in the first column): one error saying
  // so, not 'expected a financial year' of the note's text
  const filled = [...def.required, ...def.optional].map(([c]) => c).filter((c) => get(c).trim() !== '');
  const blankRequired = def.required.map(([c]) => c).filter((c) => get(c).trim() === '');
  const only = filled.length === 1 ? get(filled[0]!).trim() : '';
  if (filled.length === 1 && blankRequired.length > 0 && (blankRequired.length >= 2 || /[a-z].*\s/i.test(only))) return { errors: [{ column: filled[0]!, message: noteRow(filled[0]!, get(filled[0]!).trim(), blankRequired) }] };
  const cols = [
    ...def.required.map(([c, t]) => [c, t, true] as const),
    ...[...def.optional, LA_CODE_COLUMN].map(([c, t]) => [c, t, false] as const),
  ];
  for (const [col, type, required] of cols) {
    const raw = get(col).trim();
    const out = col === 'line' ? 'line' : col;
    if (raw === '') {
      if (required) errors.push({ column: col, message: ownBlankCell(col, type === 'money' || type === 'count') });
      else row[out] = type === 'phase' || type === 'need' ? ALL : null;
      continue;
    }
    switch (type) {
      case 'placement': {
        const p = raw.toUpperCase();
        const byLabel = PLACEMENT_BY_LABEL.get(raw.toLowerCase().replace(/\s+/g, ' '));
        if (isPlacement(p)) row[out] = p;
        else if (byLabel) row[out] = byLabel;
        else errors.push({ column: col, message: msg.unknownTablePlacement(raw, nearest(p, PLACEMENTS), placementsAbbreviated(raw) ?? placementsNamed(raw)) });
        break;
      }
      case 'phase': {
        const p = raw.toUpperCase().replace(/[\s-]+/g, '_');
        const byLabel = PHASE_BY_LABEL.get(raw.toLowerCase());
        if (isPhase(p)) row[out] = p;
        else if (byLabel) row[out] = byLabel;
        else if (p === ALL) row[out] = ALL;
        else errors.push({ column: col, message: msg.unknownPhase(raw, nearest(p, PHASES)) });
        break;
      }
      case 'need': {
        const n = raw.toUpperCase();
        if (isNeed(n) || n === ALL) row[out] = n;
        else errors.push({ column: col, message: msg.unknownNeed(raw, nearest(n, NEEDS)) });
        break;
      }
      case 'fy': {
        const text = financialYearText(raw);
        const y = parseFinancialYear(text);
        // a year alone is a calendar year: '2026' read as 2026-27 moved a council's funding a year later (its 2025-26
        // block grown into 2026-27 and 2025-26 deflated from it), exit 0
        if (/^\d{4}$/.test(text)) errors.push({ column: col, message: msg.bareYearAsFinancialYear(raw, Number(text)) });
        else if (y === undefined) errors.push({ column: col, message: notAFinancialYear(raw, yearTextKind(raw)) });
        else if (!inYearRange(y, TABLE_FINANCIAL_YEARS)) errors.push({ column: col, message: msg.yearOutOfRange(y, TABLE_FINANCIAL_YEARS.from, TABLE_FINANCIAL_YEARS.to) });
        else row[out] = y;
        break;
      }
      case 'money':
      case 'count': {
        // places may have a fraction: a financial year's places are often 7/12 of one academic year's and 5/12 of the next's
        const v = parseNumber(raw, type === 'money' ? 'amount' : 'decimal');
        // text that is no number ('£5.2m', 'TBC', '3%', '#REF!'): what it is and what to write instead
        if (!v.ok && v.message.startsWith('a number')) errors.push({ column: col, message: type === 'money' ? moneyNotAnAmount(col, raw, moneyTextKind(raw)) : placesNotANumber(col, raw) });
        else if (!v.ok) errors.push({ column: col, message: msg.badNumber(v.message) });
        else if (v.value === null) errors.push({ column: col, message: msg.markerNotAllowed(col, raw, v.missing) });
        // 1.2E+06 is how a spreadsheet shows 1,234,567 in a narrow column: the rounding came with it into the CSV
        else if (type === 'money' && /e/i.test(raw) && Math.abs(v.value) >= 1000) errors.push({ column: col, message: moneyInScientific(col, raw, v.value) });
        else if (v.value <= 0 && def.positive?.includes(col)) {
          errors.push({ column: col, message: msg.notAbove0(col, raw, financialYearLabelOf(get('financial_year'))) });
        } else if (type === 'money' && v.value < 0 && col !== 'dsg_cumulative_balance_gbp' && !col.includes('transfer') && !col.includes('adjustment')) {
          // income written as negative spend (a health contribution, a recoupment): say where income goes
          errors.push({ column: col, message: col === 'amount_gbp' ? msg.negativeOtherSpend(raw, v.value, financialYearLabelOf(get('financial_year'))) : msg.badNumber(`an amount of 0 or more. Got: ${raw}`) });
        } else if (v.value > 0 && v.value < MIN_UNIT_PRICE_GBP && def.perUnit?.includes(col)) {
          errors.push({ column: col, message: unitPriceInThousands(col, raw, v.value, MIN_UNIT_PRICE_GBP) });
        } else if (v.value >= MAX_UNIT_PRICE_GBP && def.perUnit?.includes(col)) {
          errors.push({ column: col, message: unitPriceTooHigh(col, raw, v.value, MAX_UNIT_PRICE_GBP) });
        } else row[out] = v.value;
        break;
      }
      case 'text':
        // a name of 40,000 characters was written into a workbook cell (at most 32,767: Excel repaired the workbook)
        if (raw.length > LONGEST_NAME) errors.push({ column: col, message: msg.nameTooLong(raw, LONGEST_NAME) });
        else if (controlCharIn(raw)) errors.push({ column: col, message: nameHasControl(controlCharIn(raw)!) });
        else row[out] = raw;
        break;
      case 'la': {
        const code = raw.toUpperCase();
        if (/^\d{3}$|^E\d{8}$/.test(code)) row[out] = code;
        else errors.push({ column: col, message: msg.badLaCode(raw) });
        break;
      }
      case 's251line': {
        const code = section251Code(raw);
        if (code) row[out] = code;
        else errors.push({ column: col, message: msg.unknownSection251Line(raw, nearest(raw.toLowerCase(), SECTION_251_CODES)) });
        break;
      }
    }
  }
  return errors.length > 0 ? { errors } : { row, errors };
}

/** The key of a parsed row (lower-case, so that `Therapies` and `therapies` are one line). */
export function ownRowKey(def: OwnTableDef, row: Record<string, unknown>): string {
  return [LA_CODE_COLUMN[0], ...def.key].map((c) => String(row[c] ?? '').toLowerCase()).join('\u0000');
}

/** The key of a parsed row for people: `financial year 2025-26`, `placement ISS, phase ALL, need ALL`. */
export function describeOwnKey(def: OwnTableDef, row: Record<string, unknown>): string {
  if (def.key.length === 0) return 'an opening balance';
  return def.key.map((c) => (c === 'financial_year' ? `financial year ${financialYearLabel(Number(row[c]))}` : `${c} '${String(row[c])}'`)).join(', ');
}

/**
 * Remembers the keys of one table's rows and says when a row repeats one (two funding rows for 2025-26, two
 * opening balances): an error naming both lines, never a silent pick or a sum.
 */
export class OwnKeyCheck {
  private readonly seen = new Map<string, number>();
  constructor(private readonly def: OwnTableDef) {}

  /** The error message when this row's key was seen before (on another line), else undefined. */
  check(row: Record<string, unknown>, line: number): string | undefined {
    const k = ownRowKey(this.def, row);
    const first = this.seen.get(k);
    if (first !== undefined) return msg.duplicateTableRow(describeOwnKey(this.def, row), first);
    this.seen.set(k, line);
    return undefined;
  }
}
