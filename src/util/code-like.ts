/**
 * Whether a value of a person-level file has the shape of a code (1 to 4 letters or digits: every SEN2 code list's
 * values, Sex and Ethnicity included), as against a UPN, ULN, postcode, name or date typed into the wrong element.
 * Only a value of this shape is quoted in a message or kept as given in the warehouse (docs/sen2.md, Anonymisation).
 * @example codeLike('SEMH') // true
 * @example codeLike('A999000002194') // false
 */
export function codeLike(v: string): boolean {
  return CODE_LIKE.test(v);
}
const CODE_LIKE = /^[A-Za-z0-9]{1,4}$/;
/** The same test in DuckDB: `regexp_full_match(x, CODE_LIKE_SQL)`. */
export const CODE_LIKE_SQL = "'[A-Za-z0-9]{1,4}'";
