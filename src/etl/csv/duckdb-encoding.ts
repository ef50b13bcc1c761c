/**
 * A CSV file as DuckDB's `read_csv` is to read it, by the rule of every CSV reader (read-csv.ts: UTF-8 when every
 * byte is, else Windows-1252). DuckDB reads UTF-8 and Latin-1 but not Windows-1252 (that takes an extension it
 * would download), and its Latin-1 refuses the bytes 0x80–0x9F, where the two differ (`File is not latin-1
 * encoded`: an export saved by Excel with a surname O’Brien was refused whole). So a Windows-1252 file without such a
 * byte is read as Latin-1, which decodes each of its bytes as Windows-1252 does, and one with such a byte is read from
 * a UTF-8 copy decoded by the project's one Windows-1252 decoder (util/win1252.ts), in a temporary folder of the
 * user's only, removed after the read, on Ctrl-C, or by the next highneeds command after a kill (it may hold a return's
 * personal data, as an archive's extracted entries do).
 */
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { hasWin1252OnlyByte, win1252Decoder } from '../../util/win1252.ts';
import { makeTempDir, removeTempDir, UTF8_COPY_TEMP_PREFIX } from '../../paths/temp-files.ts';
import { readChunks } from '../read-chunks.ts';
import type { TextEncoding } from './read-csv.ts';

export interface DuckdbSource {
  /** The file read_csv is to read: the file itself, or its UTF-8 copy. */
  file: string;
  /** read_csv's `encoding` option. */
  encoding: 'utf-8' | 'latin-1';
  /** Removes the copy, if one was made (call once the read has ended). */
  done(): Promise<void>;
}

/**
 * How DuckDB is to read `file`, whose encoding detectEncoding gave.
 * @example const src = await duckdbSource(file, (await detectEncoding(file)).encoding); try { … read_csv(src.file, encoding = src.encoding) } finally { await src.done(); }
 */
export async function duckdbSource(file: string, encoding: TextEncoding): Promise<DuckdbSource> {
  const none = async () => undefined;
  if (encoding === 'utf-8') return { file, encoding: 'utf-8', done: none };
  let differs = false;
  for await (const chunk of readChunks(file)) if ((differs = hasWin1252OnlyByte(chunk))) break;
  if (!differs) return { file, encoding: 'latin-1', done: none };
  const dir = await makeTempDir(tmpdir(), UTF8_COPY_TEMP_PREFIX);
  try {
    const copy = join(dir, basename(file));
    await writeUtf8Copy(file, copy);
    return { file: copy, encoding: 'utf-8', done: () => removeTempDir(dir) };
  } catch (e) {
    await removeTempDir(dir);
    throw e;
  }
}

/** Writes the text of Windows-1252 file `from` to `to` in UTF-8 (line breaks, commas and quotes stay where they were). */
async function writeUtf8Copy(from: string, to: string): Promise<void> {
  const decoder = win1252Decoder();
  const fh = await open(to, 'w', 0o600);
  try {
    for await (const chunk of readChunks(from)) await fh.write(decoder.write(chunk), null, 'utf8');
    const rest = decoder.end();
    if (rest) await fh.write(rest, null, 'utf8');
  } finally {
    await fh.close();
  }
}
