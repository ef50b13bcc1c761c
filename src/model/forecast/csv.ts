/**
 * The forecast CSV of cli.md: exactly `old_la_code,new_la_code,la_name,census_year,ehcp_p10,ehcp_p50,ehcp_p90`,
 * plans rounded to whole numbers, text cells protected against formula injection and quoted where needed.
 */

export interface ForecastRow {
  old_la_code: string;
  new_la_code: string;
  la_name: string;
  census_year: number;
  ehcp_p10: number;
  ehcp_p50: number;
  ehcp_p90: number;
}

export const FORECAST_HEADER = ['old_la_code', 'new_la_code', 'la_name', 'census_year', 'ehcp_p10', 'ehcp_p50', 'ehcp_p90'] as const;

/**
 * A text cell safe for spreadsheets: a leading = + - @ (or tab / CR) is prefixed with ', and cells with commas,
 * quotes or line breaks are quoted.
 * @example csvText('=SUM(A1)') // "'=SUM(A1)"
 * @example csvText('Bristol, City of') // '"Bristol, City of"'
 */
export function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The forecast rows as CSV text (LF line ends, trailing newline).
 * @example forecastCsv([{ old_la_code: '925', new_la_code: 'E10000019', la_name: 'Lincolnshire', census_year: 2023, ehcp_p10: 1, ehcp_p50: 2, ehcp_p90: 3 }])
 */
export function forecastCsv(rows: readonly ForecastRow[]): string {
  const lines = [FORECAST_HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [csvText(r.old_la_code), csvText(r.new_la_code), csvText(r.la_name), String(r.census_year), ...[r.ehcp_p10, r.ehcp_p50, r.ehcp_p90].map((v) => String(Math.round(v)))].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
