/**
 * CRC-32 (the ZIP and PNG checksum). Node's `zlib.crc32` when this Node has it (20.15 and later), otherwise a small
 * table-driven implementation with the same results.
 */
import * as zlib from 'node:zlib';

type Crc32 = (data: Uint8Array, value?: number) => number;

const native = (zlib as unknown as { crc32?: Crc32 }).crc32;

let table: Uint32Array | undefined;
function tableCrc32(data: Uint8Array, value = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~value >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * The CRC-32 of `data`, continuing from `value` (the CRC of the bytes before it; 0 to start).
 * @example crc32(Buffer.from('hello')) // 0x3610a686
 */
export const crc32: Crc32 = native ? (data, value = 0) => native(data, value) >>> 0 : tableCrc32;

/** The portable implementation, exported so tests can check it against Node's. */
export const crc32Portable: Crc32 = tableCrc32;
