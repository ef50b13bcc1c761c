/**
 * Which ZIP entry names may be written into a folder: names that escape it (`..` parts with either separator, a
 * leading `/` or `\`, a drive letter), hold NUL or control characters, or are over-long are refused; two names that
 * would land on one file (equal up to case and separators) clash. macOS resource forks and hidden files are skipped.
 */
import * as msg from '../messages/archive.ts';

/** Longest entry name (bytes) and longest part of one (most file systems allow 255 bytes a name). */
export const MAX_ENTRY_NAME_BYTES = 1024;
export const MAX_ENTRY_PART_BYTES = 255;

/** How a name is shown in a message: NUL and control characters made visible, at most 120 characters. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\x00-\x1f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).slice(0, 120);
}

/**
 * Why an entry name cannot be extracted, or undefined when it can.
 * @example archiveEntryProblem('..\\evil.csv') // "refusing to expand … outside its folder …"
 */
export function archiveEntryProblem(name: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (name === '' || /[\x00-\x1f\x7f]/.test(name) || /^[A-Za-z]:/.test(name) || Buffer.byteLength(name) > MAX_ENTRY_NAME_BYTES) return msg.archiveOddEntryName(shown(name));
  const parts = name.split(/[\\/]/);
  if (parts.some((part) => Buffer.byteLength(part) > MAX_ENTRY_PART_BYTES)) return msg.archiveOddEntryName(shown(name));
  if (/^[\\/]/.test(name) || parts.includes('..')) return msg.archiveUnsafeEntry(shown(name));
  return undefined;
}

/** Two names that would be written to one file (same name up to case, separators and `.` parts), if any. */
export function clashingNames(names: readonly string[]): [string, string] | undefined {
  const seen = new Map<string, string>();
  for (const n of names) {
    const k = n
      .split(/[\\/]/)
      .filter((part) => part !== '' && part !== '.')
      .join('/')
      .normalize('NFC')
      .toLowerCase();
    const other = seen.get(k);
    if (other !== undefined) return [other, n];
    seen.set(k, n);
  }
  return undefined;
}

/** macOS resource forks and hidden files are not data. */
export function isSkippedEntry(name: string): boolean {
  return name.startsWith('__MACOSX/') || name.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..');
}
