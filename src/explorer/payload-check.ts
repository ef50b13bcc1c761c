/**
 * The output guard for the explorer (report/output-guard.ts checks every other file's text): the page's text is
 * made in the browser from its data, and its scripts are code (a compiled `return NaN` is not a figure shown to
 * anyone), so what is checked before writing is the data the page carries — every number finite, typed arrays
 * included, and no text holding NaN, Infinity or `undefined`.
 */
import { valueBlemishes, type Blemish } from '../report/output-guard.ts';
import type { ExplorerPayload } from './payload.ts';

function typedArrayBlemishes(value: unknown, at: string, out: Blemish[]): void {
  if (out.length >= 5 || value === null || typeof value !== 'object') return;
  if (value instanceof Float64Array) {
    const i = value.findIndex((v) => !Number.isFinite(v));
    if (i >= 0) out.push({ where: `${at}[${i}]`, found: String(value[i]) });
    return;
  }
  if (ArrayBuffer.isView(value)) return;
  for (const [k, v] of Object.entries(value)) typedArrayBlemishes(v, Array.isArray(value) ? `${at}[${k}]` : `${at}.${k}`, out);
}

/**
 * @example payloadBlemishes(payload) // [] when the page's data is whole
 */
export function payloadBlemishes(p: ExplorerPayload, where = 'explorer data'): Blemish[] {
  const out = valueBlemishes(p, where);
  typedArrayBlemishes(p, where, out);
  return out;
}
