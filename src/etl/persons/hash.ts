/**
 * Keyed hashing of person identifiers (inputs.md "Personal data"): a UPN or ULN is replaced at load by
 * HMAC-SHA256 under the warehouse's own key, so the raw value is never stored and keys cannot be matched across
 * warehouses. The same child gets the same key in every return loaded into one warehouse, which is what links
 * returns across years.
 */
import { createHmac } from 'node:crypto';

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
