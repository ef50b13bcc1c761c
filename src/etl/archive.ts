/**
 * ZIP archives of data files (councils download Explore Education Statistics releases as zips): an archive is
 * expanded into a temporary folder, one file per entry (keeping the entry's folders and name, which some readers
 * use), and every entry is then validated and loaded as a file of its own. The caller owns the temporary folder
 * and removes it in `finally`.
 *
 * Guards: the archive itself may not exceed `maxArchiveBytes`; at most `maxEntries` entries; the bytes actually
 * written (counted while streaming, not trusting the sizes the archive declares) may not exceed
 * `min(maxTotalBytes, max(ratioFloorBytes, maxRatio × archive size))`, so a zip bomb is refused with a clear
 * message before it fills the disk. Entry names that would escape the folder (`../`, absolute) are refused.
 * Office documents (XLSX, DOCX: ZIP packages holding `[Content_Types].xml`) are not archives.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import * as msg from '../messages/etl.ts';

export interface ArchiveLimits {
  /** Largest archive file read (it is held in memory while expanding). */
  maxArchiveBytes: number;
  maxEntries: number;
  /** Most bytes written for one archive, whatever its size. */
  maxTotalBytes: number;
  /** Most bytes written per byte of archive … */
  maxRatio: number;
  /** … except that any archive may expand to this many bytes. */
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;
export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxArchiveBytes: 512 * MiB,
  maxEntries: 1000,
  maxTotalBytes: 2048 * MiB,
  maxRatio: 100,
  ratioFloorBytes: 64 * MiB,
};

export interface ArchiveEntry {
  /** The entry's name inside the archive, with `/` separators (`data/sen2_mi.csv`). */
  name: string;
  /** Where it was written. */
  file: string;
}

export type Expansion =
  | { kind: 'entries'; entries: ArchiveEntry[] }
  | { kind: 'problem'; message: string }
  /** A ZIP package that is a document (XLSX, DOCX), not an archive of files. */
  | { kind: 'not-archive' };

/** Whether a file starts with a ZIP signature (local file header, or the end record of an empty archive). */
export async function isZipFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(4);
    const { bytesRead } = await fh.read(b, 0, 4, 0);
    return bytesRead === 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 0x03 && b[3] === 0x04) || (b[2] === 0x05 && b[3] === 0x06));
  } finally {
    await fh.close();
  }
}

/** The bytes a limit allows for an archive of `size` bytes. */
export function expansionBudget(size: number, limits: ArchiveLimits = ARCHIVE_LIMITS): number {
  return Math.min(limits.maxTotalBytes, Math.max(limits.ratioFloorBytes, limits.maxRatio * size));
}

class TooLarge extends Error {}

/**
 * Expands a ZIP archive into `into` (an existing, empty folder). Never throws on a bad archive: says why instead.
 * @example const x = await expandArchive('release.zip', tmp); if (x.kind === 'entries') x.entries[0].file
 */
export async function expandArchive(path: string, into: string, limits: ArchiveLimits = ARCHIVE_LIMITS): Promise<Expansion> {
  const { size } = await stat(path);
  if (size > limits.maxArchiveBytes) return { kind: 'problem', message: msg.archiveTooLarge(size, limits.maxArchiveBytes) };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(path));
  } catch (e) {
    return { kind: 'problem', message: msg.archiveUnreadable((e as Error).message) };
  }
  if (zip.file('[Content_Types].xml')) return { kind: 'not-archive' };
  const files = Object.values(zip.files).filter((f) => !f.dir && !skippedEntry(f.name));
  if (files.length === 0) return { kind: 'problem', message: msg.archiveEmpty() };
  const odd = files.map((f) => f.unsafeOriginalName ?? f.name).find(oddName);
  if (odd !== undefined) return { kind: 'problem', message: msg.archiveOddEntryName(odd.replace(/\0/g, '\\0').slice(0, 120)) };
  const clash = firstClash(files.map((f) => f.name));
  if (clash) return { kind: 'problem', message: msg.archiveClashingEntries(clash[0], clash[1]) };
  if (files.length > limits.maxEntries) return { kind: 'problem', message: msg.archiveTooManyEntries(files.length, limits.maxEntries) };
  const budget = expansionBudget(size, limits);
  const declared = files.reduce((s, f) => s + declaredSize(f), 0);
  if (declared > budget) return { kind: 'problem', message: msg.archiveBomb(declared, size, budget, true) };

  const entries: ArchiveEntry[] = [];
  let written = 0;
  for (const f of files.sort((a, b) => a.name.localeCompare(b.name))) {
    const original = f.unsafeOriginalName ?? f.name;
    const name = posix.normalize(f.name.replace(/\\/g, '/'));
    if (posix.isAbsolute(original) || original.split(/[\\/]/).includes('..') || name.startsWith('..') || posix.isAbsolute(name)) {
      return { kind: 'problem', message: msg.archiveUnsafeEntry(original) };
    }
    const file = join(into, ...name.split('/'));
    await mkdir(dirname(file), { recursive: true });
    let crc = 0xffffffff;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        crc = crc32Update(crc, chunk);
        written += chunk.length;
        if (written > budget) done(new TooLarge());
        else done(null, chunk);
      },
    });
    try {
      await pipeline(f.nodeStream('nodebuffer') as NodeJS.ReadableStream, counter, createWriteStream(file));
    } catch (e) {
      if (e instanceof TooLarge) return { kind: 'problem', message: msg.archiveBomb(written, size, budget, false, name) };
      // JSZip's own check: the entry holds more (or less) than its header declares
      if (/size mismatch/i.test((e as Error).message)) return { kind: 'problem', message: msg.archiveSizeMismatch(name) };
      return { kind: 'problem', message: msg.archiveEntryUnreadable(name, (e as Error).message) };
    }
    const declaredCrc = (f as unknown as { _data?: { crc32?: unknown } })._data?.crc32;
    if (typeof declaredCrc === 'number' && ((crc ^ 0xffffffff) >>> 0) !== declaredCrc >>> 0) {
      return { kind: 'problem', message: msg.archiveCrcMismatch(name) };
    }
    entries.push({ name, file });
  }
  return { kind: 'entries', entries };
}

/** A name no folder can hold safely: NUL or control characters, a drive letter, over-long names or parts. */
function oddName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f]/.test(name) || /^[A-Za-z]:/.test(name) || name.length > 1024) return true;
  return name.split(/[\\/]/).some((part) => Buffer.byteLength(part) > 255);
}

/** Two entries that would be written to one file (same name up to case and separators), if any. */
function firstClash(names: readonly string[]): [string, string] | undefined {
  const seen = new Map<string, string>();
  for (const n of names) {
    const k = posix.normalize(n.replace(/\\/g, '/')).toLowerCase();
    const other = seen.get(k);
    if (other !== undefined) return [other, n];
    seen.set(k, n);
  }
  return undefined;
}

/** macOS resource forks and hidden files are not data. */
function skippedEntry(name: string): boolean {
  return name.startsWith('__MACOSX/') || name.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..');
}

/** The uncompressed size an entry declares (JSZip keeps it on a private field); 0 when unknown. */
function declaredSize(f: JSZip.JSZipObject): number {
  const data = (f as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  return typeof data?.uncompressedSize === 'number' && data.uncompressedSize > 0 ? data.uncompressedSize : 0;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** Feeds bytes into a running CRC-32 (start with 0xffffffff, finish with ^ 0xffffffff). */
function crc32Update(crc: number, bytes: Buffer): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c >>> 0;
}
