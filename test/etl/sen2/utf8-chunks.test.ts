import { describe, expect, it } from 'vitest';
import { strictUtf8 } from '../../../src/etl/persons/utf8-chunks.ts';

/** Each chunk's text, or 'throw' at the first chunk that throws (nothing after it is decoded). */
function decodeAll(decode: (b: Uint8Array) => string, chunks: Uint8Array[]): string[] {
  const out: string[] = [];
  for (const c of chunks) {
    try {
      out.push(decode(c));
    } catch {
      out.push('throw');
      break;
    }
  }
  return out;
}

const reference = (chunks: Uint8Array[]): string[] => {
  const td = new TextDecoder('utf-8', { fatal: true });
  return decodeAll((b) => td.decode(b, { stream: true }), chunks);
};

/** A seeded generator (mulberry32), so a failure is the same run after run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts `bytes` at random places, each chunk copied into one reused buffer as read-chunks.ts hands them over. */
function chunked(bytes: Uint8Array, rnd: () => number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(rnd() * 9);
    out.push(bytes.slice(i, i + n));
    i += n;
  }
  return out;
}

const PIECES = ['a', '<UPN>', ' ', 'é', '€', '😀', '\ufeff', 'Ω'].map((s) => Buffer.from(s, 'utf8'));
const BAD = [[0xff], [0xc0, 0x80], [0xe0, 0x80], [0xed, 0xa0, 0x80], [0xf5], [0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98]].map((b) => Buffer.from(b));

describe('strictUtf8', () => {
  it('decodes as a fatal streaming TextDecoder does, for any cut of valid UTF-8 (a leading BOM dropped, a later one kept)', () => {
    const rnd = random(1);
    for (let t = 0; t < 3000; t++) {
      const parts = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => PIECES[Math.floor(rnd() * PIECES.length)]!);
      const chunks = chunked(Buffer.concat(parts), rnd);
      expect(decodeAll(strictUtf8(), chunks).join('')).toBe(reference(chunks).join(''));
      expect(decodeAll(strictUtf8(), chunks)).toEqual(reference(chunks));
    }
  });

  it('throws for bytes that are not UTF-8, at the chunk TextDecoder throws at or the next (a bad sequence cut by a chunk end), with the same text before', () => {
    const rnd = random(2);
    let same = 0;
    for (let t = 0; t < 3000; t++) {
      const parts = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => PIECES[Math.floor(rnd() * PIECES.length)]!);
      parts.splice(Math.floor(rnd() * (parts.length + 1)), 0, BAD[Math.floor(rnd() * BAD.length)]!, PIECES[0]!);
      const chunks = chunked(Buffer.concat(parts), rnd);
      const want = reference(chunks);
      const got = decodeAll(strictUtf8(), chunks);
      expect(want.at(-1)).toBe('throw');
      expect(got.at(-1)).toBe('throw');
      expect([want.length, want.length + 1]).toContain(got.length);
      expect(got.slice(0, want.length - 1).join('')).toBe(want.slice(0, -1).join(''));
      if (got.length === want.length) same++;
    }
    expect(same).toBeGreaterThan(2000);
  });
});
