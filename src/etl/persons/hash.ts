/**
 * Keyed hashing of person identifiers (inputs.md "Personal data"): a UPN or ULN is replaced at load by
 * HMAC-SHA256 under the warehouse's own key, so the raw value is never stored and keys cannot be matched across
 * warehouses. The same child gets the same key in every return loaded into one warehouse, which is what links
 * returns across years. The key is the HMAC's first 128 bits as an unsigned number (the warehouse's `UHUGEINT`,
 * a bigint in JS): a fixed-width value DuckDB stores, joins and sorts far more cheaply than 64 hex characters, and
 * the first 32 of those characters read as a number, so a warehouse written with text keys converts exactly
 * (`keyOfHexSql`). Two children share a key with a chance of about n² / 2¹²⁹ (1.5 × 10⁻²⁷ for a million).
 */
import { createHash, createHmac } from 'node:crypto';
import { withoutInvisible } from '../../util/invisible.ts';
import { sqlText } from '../sql-quote.ts';

/** Which identifier a key was made from (prefixed into the hash so a UPN and a ULN never collide). */
export type IdentifierKind = 'UPN' | 'ULN' | 'ANON';

/**
 * Normalises an identifier before hashing: drops invisible characters (a zero-width space copied in with a UPN gave
 * the child another key than in the other returns), trims and upper-cases (UPNs carry a letter check digit). ASCII
 * values, which hold none, are normalised as asciiTrimSql and upper do in SQL.
 */
export function normaliseIdentifier(raw: string): string {
  return withoutInvisible(raw).trim().toUpperCase();
}

/**
 * The person key for one identifier: the first 128 bits of HMAC-SHA256 of `kind:value` under `hashKey`, as an
 * unsigned number.
 * @example personKey('UPN', 'A123456789012', key) // 211937…n (below 2 ** 128)
 */
export function personKey(kind: IdentifierKind, raw: string, hashKey: string): bigint {
  const mac = createHmac('sha256', hashKey).update(`${kind}:${normaliseIdentifier(raw)}`).digest();
  return (mac.readBigUInt64BE(0) << 64n) | mac.readBigUInt64BE(8);
}

/** An identifier value present in a return (not blank). */
export function hasIdentifier(v: string | undefined): v is string {
  return v !== undefined && normaliseIdentifier(v) !== '';
}

/**
 * DuckDB SQL trimming the text expression `s` of the whitespace `String.prototype.trim` removes from an ASCII string:
 * an ASCII value trimmed so in SQL is trimmed exactly as `normaliseIdentifier` and `hasIdentifier` trim it (and
 * DuckDB's `upper` of ASCII is JS's `toUpperCase`). Values with other characters are hashed by `personKey` in JS.
 * (A value that begins and ends with a printable character is kept as it is: DuckDB's trim with a list is slow. The
 * list is one literal: built with chr() and || it was worked out again at each statement's binding.)
 */
export function asciiTrimSql(s: string): string {
  return `CASE WHEN regexp_matches(${s}, '^[!-~](?:.*[!-~])?$') THEN ${s} ELSE trim(${s}, ${sqlText(' \t\n\v\f\r')}) END`;
}

/**
 * DuckDB SQL for the hex HMAC-SHA256 (64 characters) of the SQL text expression `message` (`kind:VALUE`, already
 * normalised) under `hashKey`, built from DuckDB's `sha256` as RFC 2104 defines HMAC (the key, hashed when longer
 * than the block, padded to 64 bytes and XOR-ed with the inner and outer pads). `keyOfHexSql` of it is `personKey`
 * (test/etl/sen2/hash-sql.test.ts).
 */
export function personKeyHexSql(message: string, hashKey: string): string {
  let key = Buffer.from(hashKey, 'utf8');
  if (key.length > 64) key = createHash('sha256').update(key).digest();
  const pad = (x: number) => Buffer.from(Array.from({ length: 64 }, (_, i) => (key[i] ?? 0) ^ x)).toString('hex');
  return `sha256(unhex('${pad(0x5c)}') || unhex(sha256(unhex('${pad(0x36)}') || encode(${message}))))`;
}

/**
 * DuckDB SQL for the UHUGEINT of the first 32 characters of the hex text `hex` (a column or a one-column
 * expression: it is read twice), as `personKey` makes it from the HMAC's first 16 bytes. DuckDB reads `0x` text as
 * a number up to UBIGINT, so the two halves are read apart.
 */
export function keyOfHexSql(hex: string): string {
  return `((('0x' || substr(${hex}, 1, 16))::UBIGINT::UHUGEINT << 64) | ('0x' || substr(${hex}, 17, 16))::UBIGINT::UHUGEINT)`;
}
