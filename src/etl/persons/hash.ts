/**
 * Keyed hashing of person identifiers (inputs.md "Personal data"): a UPN or ULN is replaced at load by
 * HMAC-SHA256 under the warehouse's own key, so the raw value is never stored and keys cannot be matched across
 * warehouses. The same child gets the same key in every return loaded into one warehouse, which is what links
 * returns across years.
 */
import { createHash, createHmac } from 'node:crypto';

/** Which identifier a key was made from (prefixed into the hash so a UPN and a ULN never collide). */
export type IdentifierKind = 'UPN' | 'ULN' | 'ANON';

/** Normalises an identifier before hashing: trims and upper-cases (UPNs carry a letter check digit). */
export function normaliseIdentifier(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * The person key for one identifier: hex HMAC-SHA256 of `kind:value` under `hashKey`.
 * @example personKey('UPN', 'A123456789012', key) // '9f2c…' (64 hex characters)
 */
export function personKey(kind: IdentifierKind, raw: string, hashKey: string): string {
  return createHmac('sha256', hashKey).update(`${kind}:${normaliseIdentifier(raw)}`).digest('hex');
}

/** An identifier value present in a return (not blank). */
export function hasIdentifier(v: string | undefined): v is string {
  return v !== undefined && v.trim() !== '';
}

/**
 * DuckDB SQL trimming the text expression `s` of the whitespace `String.prototype.trim` removes from an ASCII string:
 * an ASCII value trimmed so in SQL is trimmed exactly as `normaliseIdentifier` and `hasIdentifier` trim it (and
 * DuckDB's `upper` of ASCII is JS's `toUpperCase`). Values with other characters are hashed by `personKey` in JS.
 * (A value that begins and ends with a printable character is kept as it is: DuckDB's trim with a list is slow.)
 */
export function asciiTrimSql(s: string): string {
  return `CASE WHEN regexp_matches(${s}, '^[!-~](?:.*[!-~])?$') THEN ${s} ELSE trim(${s}, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)) END`;
}

/**
 * DuckDB SQL for `personKey` over a whole column: the hex HMAC-SHA256 of the SQL text expression `message`
 * (`kind:VALUE`, already normalised) under `hashKey`, built from DuckDB's `sha256` as RFC 2104 defines HMAC (the
 * key, hashed when longer than the block, padded to 64 bytes and XOR-ed with the inner and outer pads). Gives the
 * same 64 hex characters as `personKey` (test/etl/sen2/hash-sql.test.ts).
 */
export function personKeySql(message: string, hashKey: string): string {
  let key = Buffer.from(hashKey, 'utf8');
  if (key.length > 64) key = createHash('sha256').update(key).digest();
  const pad = (x: number) => Buffer.from(Array.from({ length: 64 }, (_, i) => (key[i] ?? 0) ^ x)).toString('hex');
  return `sha256(unhex('${pad(0x5c)}') || unhex(sha256(unhex('${pad(0x36)}') || encode(${message}))))`;
}
