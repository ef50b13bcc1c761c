/**
 * Checks the header of an SEN2 XML return (its `Header` element, as a tree from xml-records.ts):
 * `CollectionDetails` (Collection = SEN2, Year, ReferenceDate) and `Source/LEA`.
 */
import { sen2NoCensusYear, sen2NoLa, sen2OtherCollection, sen2YearNotReferenceDate } from '../../messages/sen2.ts';
import { parseSen2Date } from './dates.ts';
import type { ProblemLog } from '../problem-log.ts';
import type { ReturnHeader } from './raw.ts';
import type { XmlNode, XmlValue } from './xml-records.ts';

function text(v: XmlValue | undefined): string {
  return typeof v === 'string' ? v.trim() : '';
}

function child(n: XmlNode, name: string): XmlNode {
  const v = n[name];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
}

/**
 * Reads the `Header` element starting at `headerLine`; logs errors and returns undefined on failure.
 * @example checkSen2Header(headerNode, 3, 'sen2_2025.xml', log) // { collection: 'SEN2', censusYear: 2025, laCode: '925' }
 */
export function checkSen2Header(h: XmlNode, headerLine: number, file: string, log: ProblemLog): ReturnHeader | undefined {
  const cd = child(h, 'CollectionDetails');
  const src = child(h, 'Source');
  const collection = text(cd['Collection']);
  if (collection.toUpperCase() !== 'SEN2') {
    log.error({ file, line: headerLine, path: 'Message/Header/CollectionDetails/Collection' }, sen2OtherCollection(collection || 'none'));
    return undefined;
  }
  const ref = parseSen2Date(text(cd['ReferenceDate'])) ?? undefined;
  const yearText = text(cd['Year']);
  // a Year that is there is the census year: one that is not a year is not replaced by the date's, and one that
  // disagrees with the date is refused, since either would move the return's plans to another January unnoticed
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : yearText === '' && ref ? Number(ref.slice(0, 4)) : NaN;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    log.error({ file, line: headerLine, path: 'Message/Header/CollectionDetails/Year' }, sen2NoCensusYear(yearText));
    return undefined;
  }
  if (ref && Number(ref.slice(0, 4)) !== year) {
    log.error({ file, line: headerLine, path: 'Message/Header/CollectionDetails/Year' }, sen2YearNotReferenceDate(yearText, ref));
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
