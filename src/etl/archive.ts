/**
 * ZIP archives of data files (councils download Explore Education Statistics releases as zips): an archive is
 * expanded into a temporary folder, one file per entry (keeping the entry's folders and name, which some readers
 * use), and every entry is then validated and loaded as a file of its own. The caller owns the temporary folder
 * and removes it in `finally` (src/paths/temp-files.ts also removes it on signals and after a kill).
 *
 *   archive on disk ──central directory──▶ names, sizes checked ──each entry streamed──▶ CRC, bytes counted ──▶ files
 *
 * The archive is read from disk (yauzl), never held in memory. Guards, all before anything is written unless the
 * archive lies about itself: at most `maxEntries` entries; entry names that escape their folder (`..` with `/` or
 * `\`, absolute, a drive letter), hold NUL or control characters, are over-long or clash with another entry (also
 * up to case) are refused; the sizes the entries declare may not add up to more than
 * `min(maxTotalBytes, max(ratioFloorBytes, maxRatio × archive size))`. While extracting, the bytes written are
 * counted against the same budget and must equal the declared size, and each entry's CRC-32 is checked, so a
 * damaged archive or a zip bomb is refused with a message naming the entry. Office documents (XLSX, DOCX: ZIP
 * packages holding `[Content_Types].xml`) are not archives. An entry that is itself an archive is marked `nested`
 * and never expanded: one level only, so a ZIP holding ZIPs (a quine, or nested bombs) cannot expand without end.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type yauzl from 'yauzl';
import * as msg from '../messages/archive.ts';
import { crc32 } from '../util/crc32.ts';
import { archiveEntryProblem, clashingNames, isSkippedEntry } from './archive-names.ts';
import { isBinaryDocumentationPath } from './documentation.ts';
import { entryName, openZip, zipPackageKind } from './zip-open.ts';

export interface ArchiveLimits {
  /** Largest archive file read. */
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
  maxArchiveBytes: 1024 * MiB,
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
  /** The entry is itself a ZIP archive (not an Office document): it is not expanded in turn (inputs.ts refuses it). */
  nested?: true;
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

/**
 * Whether an extracted entry is itself an archive: a ZIP that is no Office document, nor named as a workbook or a
 * Word file (one cut short is its reader's to call damaged, as when it is given alone; inputs.ts passes such names
 * over by name too).
 */
async function isNestedArchive(name: string, file: string): Promise<boolean> {
  if (/\.xls[xm]$/i.test(name) || isBinaryDocumentationPath(name) || !(await isZipFile(file))) return false;
  return (await zipPackageKind(file)) !== 'document';
}

/** The bytes a limit allows for an archive of `size` bytes. */
export function expansionBudget(size: number, limits: ArchiveLimits = ARCHIVE_LIMITS): number {
  return Math.min(limits.maxTotalBytes, Math.max(limits.ratioFloorBytes, limits.maxRatio * size));
}

/** An entry to extract: its yauzl record and its checked name. */
interface Planned {
  entry: yauzl.Entry;
  name: string;
}

/** Why an archive cannot be expanded (thrown inside this module only). */
class Refused extends Error {}

/**
 * Expands a ZIP archive into `into` (an existing, empty folder). Never throws on a bad archive: says why instead.
 * @example const x = await expandArchive('release.zip', tmp); if (x.kind === 'entries') x.entries[0].file
 */
export async function expandArchive(path: string, into: string, limits: ArchiveLimits = ARCHIVE_LIMITS): Promise<Expansion> {
  const { size } = await stat(path);
  if (size > limits.maxArchiveBytes) return { kind: 'problem', message: msg.archiveTooLarge(size, limits.maxArchiveBytes) };
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (e) {
    return { kind: 'problem', message: msg.archiveUnreadable((e as Error).message) };
  }
  try {
    if (zip.entryCount > limits.maxEntries) return { kind: 'problem', message: msg.archiveTooManyEntries(zip.entryCount, limits.maxEntries) };
    const planned = await planEntries(zip, size, limits);
    if (planned === 'document') return { kind: 'not-archive' };
    const budget = expansionBudget(size, limits);
    const entries: ArchiveEntry[] = [];
    let written = 0;
    for (const p of planned) {
      const file = join(into, ...p.name.split('/'));
      await mkdir(dirname(file), { recursive: true });
      written = await extractEntry(zip, p, file, written, budget, size);
      entries.push((await isNestedArchive(p.name, file)) ? { name: p.name, file, nested: true } : { name: p.name, file });
    }
    return { kind: 'entries', entries };
  } catch (e) {
    if (e instanceof Refused) return { kind: 'problem', message: e.message };
    return { kind: 'problem', message: msg.archiveUnreadable((e as Error).message) };
  } finally {
    zip.close();
  }
}

/**
 * Reads the central directory and checks every entry's name and declared size; the entries to extract, sorted
 * by name, or 'document' for an Office package.
 */
async function planEntries(zip: yauzl.ZipFile, archiveBytes: number, limits: ArchiveLimits): Promise<Planned[] | 'document'> {
  const planned: Planned[] = [];
  let declared = 0;
  for await (const entry of zip.eachEntry()) {
    const name = entryName(entry);
    if (name === '[Content_Types].xml') return 'document';
    // a folder entry writes nothing (folders are made for the files in them), so only files' names matter
    if (/[\\/]$/.test(name) && entry.uncompressedSize === 0 && entry.compressedSize <= 2) continue;
    const problem = archiveEntryProblem(name);
    if (problem !== undefined) throw new Refused(problem);
    if (/[\\/]$/.test(name)) throw new Refused(msg.archiveOddEntryName(name));
    if (isSkippedEntry(name)) continue;
    if (entry.isEncrypted() || !entry.canDecodeFileData()) throw new Refused(msg.archiveEncryptedEntry(name));
    declared += entry.uncompressedSize;
    planned.push({ entry, name: name.replace(/\\/g, '/') });
  }
  if (planned.length === 0) throw new Refused(msg.archiveEmpty());
  const clash = clashingNames(planned.map((p) => p.name));
  if (clash) throw new Refused(msg.archiveClashingEntries(clash[0], clash[1]));
  const budget = expansionBudget(archiveBytes, limits);
  if (declared > budget) throw new Refused(msg.archiveBomb(declared, archiveBytes, budget, true));
  return planned.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Streams one entry to `file`, counting bytes against the budget and checking its CRC-32; the bytes written so far. */
async function extractEntry(zip: yauzl.ZipFile, p: Planned, file: string, before: number, budget: number, archiveBytes: number): Promise<number> {
  let written = before;
  let crc = 0;
  let over = false;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      written += chunk.length;
      if (written > budget) {
        over = true;
        done(new Error('over budget'));
        return;
      }
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
  });
  try {
    const stream = await zip.openReadStreamPromise(p.entry);
    await pipeline(stream, counter, createWriteStream(file, { mode: 0o600 }));
  } catch (e) {
    if (over) throw new Refused(msg.archiveBomb(written, archiveBytes, budget, false, p.name));
    const detail = (e as Error).message;
    // yauzl's own check: the entry inflates to more (or fewer) bytes than it declares
    if (/too many bytes|too few bytes|expected \d+ bytes|uncompressedSize/i.test(detail)) throw new Refused(msg.archiveSizeMismatch(p.name));
    throw new Refused(msg.archiveEntryUnreadable(p.name, detail));
  }
  if (crc !== p.entry.crc32 >>> 0) throw new Refused(msg.archiveCrcMismatch(p.name));
  return written;
}
