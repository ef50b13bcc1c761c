/**
 * The project's own input tables (inputs.md §5): unit costs, places, funding, other spend, opening balance.
 * Each is a list of typed columns; a pure row parser turns cell text into a warehouse row or located errors.
 * Used by both the CSV and the XLSX readers.
 */
import { isNeed, isPhase, isPlacement, NEEDS, parseFinancialYear, Phase, PHASES, PLACEMENTS } from '../../domain/index.ts';
import * as msg from '../../messages/etl.ts';
import { nearest } from '../../util/suggest.ts';
import { parseNumber } from '../csv/values.ts';
import type { WarehouseTable } from '../schema.ts';
import { ALL } from '../schema.ts';

export type ColType = 'placement' | 'phase' | 'need' | 'fy' | 'money' | 'count' | 'text';

export interface OwnTableDef {
  id: string;
  table: WarehouseTable;
  description: string;
  required: ReadonlyArray<readonly [string, ColType]>;
  optional: ReadonlyArray<readonly [string, ColType]>;
}

export const OWN_TABLES: readonly OwnTableDef[] = [
  {
    id: 'unit-costs', table: 'unit_cost', description: 'Unit costs (placement, annual_cost_gbp, price_year; optional phase, need)',
    required: [['placement', 'placement'], ['annual_cost_gbp', 'money'], ['price_year', 'fy']],
    optional: [['phase', 'phase'], ['need', 'need']],
  },
  {
    id: 'places', table: 'places', description: 'Commissioned places (placement, financial_year, places, place_rate_gbp)',
    required: [['placement', 'placement'], ['financial_year', 'fy'], ['places', 'count'], ['place_rate_gbp', 'money']],
    optional: [],
  },
  {
    id: 'funding', table: 'funding', description: 'High Needs block funding (financial_year, hn_block_gbp, …)',
    required: [['financial_year', 'fy'], ['hn_block_gbp', 'money']],
    optional: [['schools_block_transfer_gbp', 'money'], ['other_income_gbp', 'money'], ['import_export_adjustment_gbp', 'money'], ['schools_block_gbp', 'money']],
  },
  {
    id: 'other-spend', table: 'other_spend', description: 'Other High Needs spend (line, financial_year, amount_gbp)',
    required: [['line', 'text'], ['financial_year', 'fy'], ['amount_gbp', 'money']],
    optional: [],
  },
  {
    id: 'opening-balance', table: 'opening_balance', description: 'Opening DSG balance (financial_year, dsg_cumulative_balance_gbp)',
    required: [['financial_year', 'fy'], ['dsg_cumulative_balance_gbp', 'money']],
    optional: [],
  },
];

/** The own table whose required columns a header holds (the one with most required columns wins). */
export function ownTableOf(fields: ReadonlySet<string>): OwnTableDef | undefined {
  const fits = OWN_TABLES.filter((d) => d.required.every(([c]) => fields.has(c)));
  return fits.sort((a, b) => b.required.length - a.required.length)[0];
}

const PHASE_BY_LABEL = new Map(PHASES.map((p) => [Phase[p].label.toLowerCase(), p]));

/**
 * Parses one row of an own table. `get` gives a cell's text by lower-case column name ('' when absent).
 * @example parseOwnRow(unitCosts, (c) => ({ placement: 'ISS', annual_cost_gbp: '60000', price_year: '2024-25' })[c] ?? '')
 */
export function parseOwnRow(
  def: OwnTableDef,
  get: (column: string) => string,
): { row?: Record<string, unknown>; errors: Array<{ column: string; message: string }> } {
  const row: Record<string, unknown> = {};
  const errors: Array<{ column: string; message: string }> = [];
  const cols = [...def.required.map(([c, t]) => [c, t, true] as const), ...def.optional.map(([c, t]) => [c, t, false] as const)];
  for (const [col, type, required] of cols) {
    const raw = get(col).trim();
    const out = col === 'line' ? 'line' : col;
    if (raw === '') {
      if (required) errors.push({ column: col, message: msg.requiredValue(`a value in '${col}'`) });
      else row[out] = type === 'phase' || type === 'need' ? ALL : null;
      continue;
    }
    switch (type) {
      case 'placement': {
        const p = raw.toUpperCase();
        if (isPlacement(p)) row[out] = p;
        else errors.push({ column: col, message: msg.unknownPlacement(raw, nearest(p, PLACEMENTS)) });
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
        const y = parseFinancialYear(raw);
        if (y === undefined) errors.push({ column: col, message: msg.badFinancialYear(raw) });
        else row[out] = y;
        break;
      }
      case 'money':
      case 'count': {
        const v = parseNumber(raw.replace(/^£/, ''), type === 'money' ? 'amount' : 'count');
        if (!v.ok) errors.push({ column: col, message: msg.badNumber(v.message) });
        else if (v.value === null) errors.push({ column: col, message: msg.requiredValue(`a number in '${col}'`) });
        else if (type === 'money' && v.value < 0 && col !== 'dsg_cumulative_balance_gbp' && !col.includes('transfer') && !col.includes('adjustment')) {
          errors.push({ column: col, message: msg.badNumber(`an amount of 0 or more. Got: ${raw}`) });
        } else row[out] = v.value;
        break;
      }
      case 'text':
        row[out] = raw;
        break;
    }
  }
  return errors.length > 0 ? { errors } : { row, errors };
}
