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
