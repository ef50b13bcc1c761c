/**
 * Finds which of a set of identifiers occur in a text as values of their own, in one pass over the text: every
 * identifier is indexed by its first m characters (m = the shortest identifier's length), each position of the
 * text is looked up once (after a sieve on its first three characters), and only the identifiers sharing that prefix
 * are compared there.
 *
 * An occurrence counts unless it is part of a longer hex string or number: where the identifier begins (ends) with a
 * digit and the text goes on with a hex digit (or a decimal point and a digit) before (after) it. A 10-digit ULN met
 * by chance inside a SHA-256 digest ("…9f01234567890ab…") or a long decimal ("792599.4132826626") is no leak; the
 * same ULN as a value (",1234567890,"), after a label ("ULN1234567890"), in a sentence ("ULN 1234567890.") or alone
 * is. Identifiers that begin and end with other characters (names, postcodes) count wherever they occur, as with
 * `text.includes(id)`.
 * @example occurrences(new Set(['A999000001951']), 'upn A999000001951 here') // ['A999000001951']
 * @example occurrences(new Set(['1234567890']), 'sha256 9f1234567890ab') // []
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
  // a first sieve, without making a string per position: a bit per triple of the low bytes of the first three
  // characters (set for every identifier's first triple), rolled along the text; only positions whose triple is
  // set look their prefix up
  const k = Math.min(m, 3);
  const mask = (1 << (8 * k)) - 1;
  const sieve = new Uint8Array((mask + 1) >>> 3 || 1);
  for (const s of all) {
    let h = 0;
    for (let j = 0; j < k; j++) h = (h << 8) | (s.charCodeAt(j) & 0xff);
    sieve[h >>> 3]! |= 1 << (h & 7);
  }
  const found = new Set<string>();
  let h = 0;
  for (let j = 0; j < k - 1 && j < text.length; j++) h = (h << 8) | (text.charCodeAt(j) & 0xff);
  for (let i = 0; i + m <= text.length; i++) {
    h = ((h << 8) | (text.charCodeAt(i + k - 1) & 0xff)) & mask;
    if ((sieve[h >>> 3]! & (1 << (h & 7))) === 0) continue;
    const candidates = byPrefix.get(text.slice(i, i + m));
    if (candidates) for (const s of candidates) if (!found.has(s) && text.startsWith(s, i) && !insideLongerNumber(text, i, i + s.length)) found.add(s);
  }
  return [...found];
}

const HEX = /^[0-9A-Fa-f]$/;
const DIGIT = /^[0-9]$/;
const isHex = (c: string | undefined): boolean => c !== undefined && HEX.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && DIGIT.test(c);

/** Whether text[from, to), where it begins or ends with a digit, continues a run of hex digits or a decimal number. */
function insideLongerNumber(text: string, from: number, to: number): boolean {
  const left = isDigit(text[from]) && (isHex(text[from - 1]) || (text[from - 1] === '.' && isDigit(text[from - 2])));
  const right = isDigit(text[to - 1]) && (isHex(text[to]) || (text[to] === '.' && isDigit(text[to + 1])));
  return left || right;
}
