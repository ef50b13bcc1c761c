/**
 * Other High Needs spend (not per plan), per line and financial year, from the other-spend table. A financial year
 * after a line's last row carries that amount forward, inflated at the general rate (inflation record's
 * financial-year or default rate, never a placement's). A financial year before the table's first year, which the
 * table does not cover, takes a line's first row deflated at the same rate when the line starts in the table's first
 * year (place-funding.ts firstYearBack); a line that starts later is 0 before its first row.
 */
import { financialYearLabel } from '../domain/index.ts';
import { otherSpendOutOfScale } from '../messages/budget.ts';
import type { InflationRates } from './prices.ts';
import { firstYearBack } from './place-funding.ts';
import { inflationFactor } from './prices.ts';
import type { OtherSpendRow } from './tables.ts';

export interface OtherSpend {
  total: number;
  byLine: Record<string, number>;
  /** Lines carried forward from an earlier year (or back from the table's first). */
  carried: string[];
}

/**
 * Which line of other spend a row is on: its name without case or surrounding spaces, as the table's reader keys
 * rows (`SEN support services` in 2025-26 and `SEN Support Services` in 2026-27 are one line, not a line carried
 * forward beside a new one).
 * @example otherSpendLineKey(' SEN Support Services') // 'sen support services'
 */
export function otherSpendLineKey(line: string): string {
  return line.trim().toLowerCase();
}

/**
 * Other spend in financial year `fy`. A line is named as its first row in the table writes it.
 * @example otherSpend([{ line: 'Hospital education', fy: 2025, amountGbp: 1000 }], 2027, rates10pc).total // 1210
 */
export function otherSpend(rows: readonly OtherSpendRow[], fy: number, rates: InflationRates): OtherSpend {
  const byLine: Record<string, number> = {};
  const carried: string[] = [];
  let total = 0;
  const tableFirst = rows.length > 0 ? Math.min(...rows.map((r) => r.fy)) : undefined;
  for (const key of [...new Set(rows.map((r) => otherSpendLineKey(r.line)))]) {
    const own = rows.filter((r) => otherSpendLineKey(r.line) === key);
    let y: number | undefined;
    for (const r of own) if (r.fy <= fy && (y === undefined || r.fy > y)) y = r.fy;
    y ??= firstYearBack(own.map((r) => r.fy), tableFirst, fy);
    if (y === undefined) continue;
    let s = 0;
    for (const r of own) if (r.fy === y) s += r.amountGbp;
    const line = own[0]!.line;
    if (y !== fy) {
      carried.push(line);
      s *= inflationFactor(rates, undefined, y, fy);
    }
    byLine[line] = s;
    total += s;
  }
  return { total, byLine, carried };
}

/**
 * The least share of the High Needs spend the run models for a year that the other-spend table's rows for that year
 * may add up to before they are named: a council's other High Needs spend (SEN support services, hospital education,
 * therapies, direct payments) runs to millions, several percent of the block, so a table a thousandth of the spend is
 * in £ thousands (the sample's £7,950,000 a year written as 7,950 took £7.9m a year out of spend, exit 0, no word).
 * Spend a thousand times too large puts the block out of scale with spend instead (income.ts BLOCK_TO_SPEND).
 */
export const OTHER_SPEND_MIN_SHARE = 0.001;

/**
 * One note when the other-spend table's rows of a year of the run add up to less than OTHER_SPEND_MIN_SHARE of that
 * year's modelled spend (years it is carried into say nothing new), naming the first such year and how many; else none.
 * @example otherSpendAgainstSpend([{ line: 'Therapies', fy: 2025, amountGbp: 1_380 }], [{ fy: 2025, expenditure: 70e6 }]) // one note
 */
export function otherSpendAgainstSpend(rows: readonly OtherSpendRow[], lines: ReadonlyArray<{ fy: number; expenditure: number }>): string[] {
  const off: Array<{ fy: number; total: number; expenditure: number }> = [];
  for (const l of lines) {
    const own = rows.filter((r) => r.fy === l.fy);
    const total = own.reduce((s, r) => s + r.amountGbp, 0);
    if (own.length > 0 && total > 0 && l.expenditure > 0 && total < OTHER_SPEND_MIN_SHARE * l.expenditure) off.push({ fy: l.fy, total, expenditure: l.expenditure });
  }
  const first = off[0];
  return first ? [otherSpendOutOfScale(financialYearLabel(first.fy), first.total, first.expenditure, OTHER_SPEND_MIN_SHARE, off.length)] : [];
}
