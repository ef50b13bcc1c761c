/** Value formatting in the styles of the published files. */

/**
 * A percentage as the EES 2022 release writes it: `sig` significant digits, at most 5 decimals, no trailing
 * zeros; 0 when the denominator is 0.
 * @example eesPercent(54, 1708, 7) // '3.16159'
 */
export function eesPercent(count: number, total: number, sig: number): string {
  if (total === 0 || count === 0) return '0';
  const v = (100 * count) / total;
  const rounded = Math.round(Number(v.toPrecision(sig)) * 1e5) / 1e5;
  return String(rounded);
}

/** An integer with thousands separators, quoted, as the ONS mid-year estimates write counts: `"3,712"`. */
export function onsQuotedCount(n: number): string {
  return `"${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}"`;
}

/** A CSV field, quoted when it holds a comma, quote or newline. */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with LF line ends and a final newline. */
export function csvText(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return [header.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n';
}
