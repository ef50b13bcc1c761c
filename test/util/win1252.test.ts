import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeWin1252, hasWin1252OnlyByte } from '../../src/util/win1252.ts';

describe('Windows-1252', () => {
  it('hasWin1252OnlyByte finds exactly the bytes Windows-1252 and Latin-1 decode differently', () => {
    // Latin-1 decodes each byte to the code point of its value (Node's 'latin1'): the two agree on every other byte,
    // which is what lets DuckDB's Latin-1 read a Windows-1252 file without one of them (csv/duckdb-encoding.ts)
    for (let b = 0; b < 256; b++) {
      const byte = Buffer.from([b]);
      expect(hasWin1252OnlyByte(byte), `byte 0x${b.toString(16)}`).toBe(decodeWin1252(byte) !== byte.toString('latin1'));
    }
    expect(hasWin1252OnlyByte(iconv.encode('caf\u00e9 \u00a35', 'win1252'))).toBe(false);
    expect(hasWin1252OnlyByte(iconv.encode('O\u2019Brien', 'win1252'))).toBe(true);
    expect(hasWin1252OnlyByte(Buffer.from([0x4f, 0x92, 0x42]))).toBe(true);
  });
});
