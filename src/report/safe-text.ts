/**
 * Text that comes from inputs or scenario names must stay text: never a spreadsheet formula (OWASP "CSV
 * injection"), never HTML markup.
 */

/** Characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a string would be read as a formula by a spreadsheet. */
export function looksLikeFormula(s: string): boolean {
  return FORMULA_START.test(s);
}

/**
 * A CSV field, quoted as RFC 4180 needs, with a leading single quote when the text would otherwise start a
 * formula (OWASP). Numbers are written plainly.
 * @example csvField('=1+2') // "'=1+2"
 * @example csvField('a, b') // '"a, b"'
 */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = looksLikeFormula(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Escapes text for HTML element content and attribute values.
 * @example escapeHtml('<b>&"') // '&lt;b&gt;&amp;&quot;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
