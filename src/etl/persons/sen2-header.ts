/**
 * Reads and checks the header of an SEN2 XML return: root `Message`, `Header/CollectionDetails` (Collection =
 * SEN2, Year, ReferenceDate) and `Header/Source/LEA`.
 */
import { XMLValidator } from 'fast-xml-parser';
import {
  sen2Malformed,
  sen2NoCensusYear,
  sen2NoHeader,
  sen2NoLa,
  sen2NotMessageRoot,
  sen2OtherCollection,
} from '../../messages/etl.ts';
import { parseSen2Date } from './dates.ts';
import type { ProblemLog } from './problem-log.ts';
import type { ReturnHeader } from './raw.ts';
import { parseFragment } from './xml-person.ts';

/** The first element name of an XML text (prolog, comments and doctype skipped), namespace prefix removed. */
export function xmlRootName(text: string): string | undefined {
  const s = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '');
  const m = /<([A-Za-z_][\w.:-]*)/.exec(s);
  return m ? m[1]!.replace(/^.*:/, '') : undefined;
}

function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
}

/** Parses the head of the file (everything before the first Person); logs errors and returns undefined on failure. */
export function readSen2Header(head: string, file: string, log: ProblemLog): ReturnHeader | undefined {
  const root = xmlRootName(head);
  if (root !== 'Message') {
    log.error({ file, line: 1, path: root ?? '' }, sen2NotMessageRoot(root ?? 'nothing'));
    return undefined;
  }
  const start = head.search(/<Header[\s>]/);
  const end = head.indexOf('</Header>');
  if (start === -1 || end === -1) {
    log.error({ file, line: 1, path: 'Message/Header' }, sen2NoHeader());
    return undefined;
  }
  const fragment = head.slice(start, end + '</Header>'.length);
  const headerLine = head.slice(0, start).split('\n').length;
  const v = XMLValidator.validate(fragment);
  if (v !== true) {
    log.error({ file, line: headerLine + v.err.line - 1, path: 'Message/Header' }, sen2Malformed(v.err.msg));
    return undefined;
  }
  const h = (parseFragment(fragment)['Header'] ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const cd = h['CollectionDetails'] ?? {};
  const src = h['Source'] ?? {};
  const collection = text(cd['Collection']);
  if (collection.toUpperCase() !== 'SEN2') {
    log.error({ file, line: headerLine, path: 'Message/Header/CollectionDetails/Collection' }, sen2OtherCollection(collection || 'none'));
    return undefined;
  }
  const ref = parseSen2Date(text(cd['ReferenceDate'])) ?? undefined;
  const yearText = text(cd['Year']);
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : ref ? Number(ref.slice(0, 4)) : NaN;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    log.error({ file, line: headerLine, path: 'Message/Header/CollectionDetails/Year' }, sen2NoCensusYear(yearText));
    return undefined;
  }
  const la = text(src['LEA']);
  if (!/^\d{3}$/.test(la)) {
    log.error({ file, line: headerLine, path: 'Message/Header/Source/LEA' }, sen2NoLa(la));
    return undefined;
  }
  const header: ReturnHeader = { collection: 'SEN2', censusYear: year, laCode: la };
  if (ref) header.referenceDate = ref;
  return header;
}
