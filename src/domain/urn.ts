/**
 * Establishment identifiers: a URN (Unique Reference Number, 6 digits, schools) or a UKPRN (UK Provider Reference
 * Number, 8 digits, colleges and other post-16 providers). Both are positive whole numbers written as plain digits.
 */

/**
 * Whether a cell holds a URN or UKPRN as the SEN2 return writes it: digits only, no leading zero. The warehouse keeps
 * it as text and matches it to the SEN2 placements as text, so '0x10', '1e3', '12.5' or '012345' would be stored and
 * match nothing, and the plans placed there would silently lose their placement.
 * @example isUrn('100001') // true
 * @example isUrn('1e3') // false
 */
export function isUrn(s: string): boolean {
  return /^[1-9]\d*$/.test(s);
}
