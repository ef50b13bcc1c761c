/** Quoting for the SQL the ETL writes as text: the one home for string literals and identifiers. */

/** An SQL string literal: `it's` → `'it''s'`. */
export function sqlText(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier: `my "table"` → `"my ""table"""`. */
export function sqlName(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
