/**
 * Messages about ZIP archives of data files (src/etl/archive.ts). The problem carrying one names the archive as its
 * file; the message names the entry.
 */
const mb = (n: number): string => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
const NOTHING_READ = 'nothing from it was read';

export function archiveUnreadable(detail: string): string {
  return `the file is not a readable ZIP archive (${detail}): download it again, or extract its CSV files and load those`;
}
export function archiveTooLarge(size: number, limit: number): string {
  return `the ZIP archive is ${mb(size)}, more than the ${mb(limit)} this tool expands: extract its CSV files and load those`;
}
export function archiveTooManyEntries(n: number, limit: number): string {
  return `the ZIP archive holds ${n} entries, more than the ${limit} this tool expands: extract the CSV files you need and load those`;
}
export function archiveBomb(bytes: number, archiveBytes: number, limit: number, declared: boolean, entry?: string): string {
  const what = declared
    ? `its entries would expand to ${mb(bytes)}`
    : `entry '${entry ?? '?'}' expands past the limit`;
  return `refusing to expand the ZIP archive: ${what} (archive ${mb(archiveBytes)}, expansion limit ${mb(limit)}) — a zip bomb, or far larger than any release; ${NOTHING_READ}. Extract the CSV files yourself and load those`;
}
export function archiveUnsafeEntry(name: string): string {
  return `refusing to expand the ZIP archive: entry '${name}' would be written outside its folder (an absolute path, or '..' with '/' or '\\'); ${NOTHING_READ}`;
}
export function archiveEntryUnreadable(name: string, detail: string): string {
  return `entry '${name}' of the ZIP archive cannot be extracted (${detail}); ${NOTHING_READ}: download it again`;
}
export function archiveEncryptedEntry(name: string): string {
  return `entry '${name}' of the ZIP archive is encrypted or compressed with a method this tool does not read; ${NOTHING_READ}: extract the CSV files yourself and load those`;
}
export function archiveSizeMismatch(name: string): string {
  return `refusing to expand the ZIP archive: entry '${name}' holds more or less data than its header declares (a damaged archive or a zip bomb); ${NOTHING_READ}`;
}
export function archiveEmpty(): string {
  return 'the ZIP archive holds no files: download it again, or give the CSV files themselves';
}
export function archiveOddEntryName(name: string): string {
  return `refusing to expand the ZIP archive: entry name '${name}' holds NUL or control characters, a drive letter, or is over-long; ${NOTHING_READ}`;
}
export function archiveClashingEntries(a: string, b: string): string {
  const why = a === b ? 'the archive holds two entries of that name' : 'names differ only in case or separators';
  return `refusing to expand the ZIP archive: entries '${a}' and '${b}' would be written to the same file (${why}); ${NOTHING_READ}`;
}
export function archiveCrcMismatch(name: string): string {
  return `refusing to expand the ZIP archive: entry '${name}' fails its CRC-32 check (the archive is damaged); ${NOTHING_READ}: download it again`;
}
/** An entry of an archive that is itself a ZIP archive (archive.ts: expanded one level only). */
export function archiveInsideArchive(name: string): string {
  return `entry '${name}' is itself a ZIP archive: an archive inside an archive is not expanded (one level only, so that archives nested in each other cannot expand without end), and nothing of it was read. Extract '${name}' and give it, or the CSV files in it`;
}
