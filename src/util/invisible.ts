/**
 * Characters that show nothing where they stand: the soft hyphen, zero-width spaces and joiners, direction marks,
 * embeddings, overrides and isolates, the word joiner and invisible operators, and a byte-order mark inside text. A
 * cell or a name copied from a web page, an email or Word may carry them. Pure.
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * `s` with each invisible character shown by its code point, for a message: "Got: 'MS<U+200B>'", not a value that
 * looks right ("Got: 'MS' (did you mean 'MS'?)"), and no override turning the rest of the message backwards.
 * @example showInvisible('MS\u200b') // 'MS<U+200B>'
 */
export function showInvisible(s: string): string {
  return s.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/**
 * `s` without its invisible characters: the text a person sees and typed.
 * @example withoutInvisible('Therapies\u200b') // 'Therapies'
 */
export function withoutInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}
