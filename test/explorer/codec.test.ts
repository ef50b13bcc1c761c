import { describe, expect, it } from 'vitest';
import { decodeJson, encodeJson } from '../../src/explorer/codec.ts';

describe('codec', () => {
  it('round-trips typed arrays bit for bit inside plain JSON', () => {
    const v = { a: Float64Array.of(0.1, -0, 1e-300, Number.MAX_VALUE, 1 / 3), b: Uint8Array.of(0, 255, 7), c: [1, 'x', { d: Float64Array.of(2.5) }] };
    const back = decodeJson<typeof v>(encodeJson(v));
    expect(back.a).toBeInstanceOf(Float64Array);
    expect(Buffer.from(back.a.buffer).equals(Buffer.from(v.a.buffer))).toBe(true);
    expect(Array.from(back.b)).toEqual([0, 255, 7]);
    expect((back.c[2] as { d: Float64Array }).d[0]).toBe(2.5);
  });

  it('encodes large arrays (more than one base64 chunk)', () => {
    const a = Float64Array.from({ length: 20_000 }, (_, i) => Math.sin(i));
    expect(Array.from(decodeJson<Float64Array>(encodeJson(a)))).toEqual(Array.from(a));
  });

  it("writes the text the browser's btoa would, also for a view into a larger buffer", () => {
    const view = new Float64Array(Float64Array.from({ length: 9 }, (_, i) => i / 7).buffer, 16, 5);
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    expect(encodeJson({ v: view })).toBe(`{"v":{"$f64":"${btoa(String.fromCharCode(...bytes))}"}}`);
  });
});
