/** Splitting chart labels into lines (Chart.js draws a string array as several lines). */

/**
 * Splits a label into lines of at most `max` characters, breaking at spaces (a longer word gets a line of its own).
 * @example wrapLabel('Early intervention in mainstream', 18) // ['Early intervention', 'in mainstream']
 */
export function wrapLabel(s: string, max = 18): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of s.split(/\s+/)) {
    if (cur && (cur + ' ' + w).length > max) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}
