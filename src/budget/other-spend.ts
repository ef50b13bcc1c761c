/**
 * Other High Needs spend (not per plan), per line and financial year, from the other-spend table. A financial year
 * after a line's last row carries that amount forward, inflated at the general rate (inflation record's
 * financial-year or default rate, never a placement's); before a line's first row the line is 0.
 */
import type { InflationRates } from './prices.ts';
import { inflationFactor } from './prices.ts';
import type { OtherSpendRow } from './tables.ts';

export interface OtherSpend {
  total: number;
  byLine: Record<string, number>;
  /** Lines carried forward from an earlier year. */
  carried: string[];
}

/**
 * Other spend in financial year `fy`.
 * @example otherSpend([{ line: 'Hospital education', fy: 2025, amountGbp: 1000 }], 2027, rates10pc).total // 1210
 */
export function otherSpend(rows: readonly OtherSpendRow[], fy: number, rates: InflationRates): OtherSpend {
  const byLine: Record<string, number> = {};
  const carried: string[] = [];
  let total = 0;
  for (const line of [...new Set(rows.map((r) => r.line))]) {
    const own = rows.filter((r) => r.line === line);
    let y: number | undefined;
    for (const r of own) if (r.fy <= fy && (y === undefined || r.fy > y)) y = r.fy;
    if (y === undefined) continue;
    let s = 0;
    for (const r of own) if (r.fy === y) s += r.amountGbp;
    if (y < fy) {
      carried.push(line);
      s *= inflationFactor(rates, undefined, y, fy);
    }
    byLine[line] = s;
    total += s;
  }
  return { total, byLine, carried };
}
