/**
 * Windows-1252, the encoding of files saved by Excel's "CSV" (not "CSV UTF-8") on an English Windows machine: the
 * one place text in it is decoded (iconv-lite, loaded only when a file needs it).
 */
import type Iconv from 'iconv-lite';
import { lazyPackage } from './lazy-package.ts';

const iconv = lazyPackage<typeof Iconv>('iconv-lite');

/** Decodes a whole Windows-1252 text. */
export function decodeWin1252(bytes: Buffer): string {
  return iconv().decode(bytes, 'win1252');
}

/** A decoder for Windows-1252 text given chunk by chunk: `write` each chunk, then `end`. */
export function win1252Decoder(): ReturnType<typeof Iconv.getDecoder> {
  return iconv().getDecoder('win1252');
}

/**
 * Whether bytes hold one that Windows-1252 and Latin-1 (ISO-8859-1) decode differently: 0x80–0x9F are €, ‚, curly
 * quotes, dashes and the like in Windows-1252 and control characters in Latin-1. Every other byte is the same
 * character in both, so text without such a byte may be decoded by a Latin-1 decoder (DuckDB's) as Windows-1252.
 * @example hasWin1252OnlyByte(Buffer.from([0x4f, 0x92, 0x42])) // true: O’B
 */
export function hasWin1252OnlyByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i]! & 0xe0) === 0x80) return true;
  return false;
}
