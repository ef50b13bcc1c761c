/**
 * A whole number DuckDB gives as a bigint (BIGINT, HUGEINT, UHUGEINT …), as a number when a double holds it exactly,
 * else the bigint itself (a person key: 128 bits, hash.ts), so no value is silently rounded.
 * @example wholeNumber(42n) // 42
 */
export function wholeNumber(v: bigint): number | bigint {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
}
