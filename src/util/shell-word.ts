/**
 * A word as a POSIX shell reads it back: as it is when safe, else in single quotes (a quote inside as '\'').
 * @example shellWord("goal's file.yaml") // "'goal'\''s file.yaml'"
 */
export function shellWord(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
