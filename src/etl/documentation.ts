/**
 * Documentation that travels with data (README.md, SOURCE.md, an EES release's data-guidance.txt, a PDF or Word
 * methodology note): recognised by its extension — the one case decided by name — after every data reader has
 * had its chance, so a `.txt` file that is really a known CSV layout is still read as data. It is not data: it is
 * reported with reader `documentation`, 0 rows and one warning, `load` lists it under `skipped`, `run` skips it
 * quietly.
 */
import { basename } from 'node:path';
import * as msg from '../messages/etl.ts';
import type { Reader } from './reader.ts';

/** Extensions of documentation files (lower case). */
export const DOCUMENTATION_EXTENSIONS = ['.md', '.txt', '.pdf', '.docx'] as const;

export const DOCUMENTATION_READER_ID = 'documentation';

/** Whether a path names a documentation file (by extension; also a bare `README`). */
export function isDocumentationPath(path: string): boolean {
  const name = basename(path).toLowerCase();
  return DOCUMENTATION_EXTENSIONS.some((e) => name.endsWith(e)) || name === 'readme';
}

/** Documentation whose content is binary (never sniffed: a DOCX is a ZIP package, a PDF is not text). */
export function isBinaryDocumentationPath(path: string): boolean {
  return /\.(pdf|docx)$/i.test(path);
}

export const documentationReader: Reader = {
  id: DOCUMENTATION_READER_ID,
  description: 'Documentation (README, SOURCE, data guidance, PDF, Word): not data; skipped',
  recognise: (sniff) => isDocumentationPath(sniff.path),
  read: (path) => Promise.resolve({ rows: 0, errors: [], warnings: [{ file: path, message: msg.documentationSkipped() }] }),
};
