/**
 * JSON with typed arrays: a Float64Array travels as `{"$f64": "<base64 of its bytes>"}` (a Uint8Array as `$u8`), so
 * rates and cubes cross into the page bit for bit. Uses `btoa`/`atob`, which browsers and Node 20 both have (Node's
 * Buffer to encode, where it is there: the same text, faster).
 */

type Tagged = { $f64: string } | { $u8: string };

/** Node's Buffer where there is one (the CLI writes the page): the same base64 as `btoa`, without a string per byte. */
const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBuffer, offset: number, length: number): { toString(enc: 'base64'): string } } }).Buffer;

function toBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * JSON text of a value whose typed arrays are kept exactly.
 * @example decodeJson(encodeJson({ a: Float64Array.of(0.1) })).a[0] === 0.1
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Float64Array) return { $f64: toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
    if (v instanceof Uint8Array) return { $u8: toBase64(v) };
    return v;
  });
}

/** Parses JSON written by `encodeJson`, restoring typed arrays. */
export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const t = v as Tagged;
      if ('$f64' in t && Object.keys(t).length === 1) {
        const bytes = fromBase64(t.$f64);
        return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
      }
      if ('$u8' in t && Object.keys(t).length === 1) return fromBase64(t.$u8);
    }
    return v;
  }) as T;
}
