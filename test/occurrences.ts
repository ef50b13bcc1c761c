/**
 * Finds which of a set of strings occur anywhere in a text, exactly as `text.includes(s)` for each would, in one
 * pass over the text: every string is indexed by its first m characters (m = the shortest string's length), and
 * each position of the text is looked up once, then only the strings sharing that prefix are compared there.
 * @example occurrences(new Set(['A999000001951']), 'upn A999000001951 here') // ['A999000001951']
 */
export function occurrences(needles: ReadonlySet<string>, text: string): string[] {
  const all = [...needles].filter((s) => s.length > 0);
  if (all.length === 0) return [];
  const m = Math.min(...all.map((s) => s.length));
  const byPrefix = new Map<string, string[]>();
  for (const s of all) {
    const k = s.slice(0, m);
    const list = byPrefix.get(k);
    if (list) list.push(s);
    else byPrefix.set(k, [s]);
  }
  const found = new Set<string>();
  for (let i = 0; i + m <= text.length; i++) {
    const candidates = byPrefix.get(text.slice(i, i + m));
    if (candidates) for (const s of candidates) if (text.startsWith(s, i)) found.add(s);
  }
  return [...found];
}
