/**
 * Checks the header of an SEN2 return: the XML's `Header` element (as a tree from xml-records.ts), `CollectionDetails`
 * (Collection = SEN2, Year, ReferenceDate) and `Source/LEA`, and the same fields of a Blade export's sen2 module.
 */
import { basename } from 'node:path';
import { sen2BadReferenceDate, sen2HeaderFieldRepeated, sen2NameYearNotCensus, sen2NoCensusYear, sen2NoLa, sen2OtherCollection, sen2YearNotReferenceDate } from '../../messages/sen2.ts';
import { parseSen2Date } from './dates.ts';
import type { ProblemAt, ProblemLog } from '../problem-log.ts';
import type { ReturnHeader } from './raw.ts';
import type { XmlNode, XmlValue } from './xml-records.ts';

function text(v: XmlValue | undefined): string {
  return typeof v === 'string' ? v.trim() : '';
}

function child(n: XmlNode, name: string): XmlNode {
  const v = n[name];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
}

/** The header's fields as a return gives them (text, trimmed; '' when absent). */
export interface HeaderFields {
  collection: string;
  year: string;
  referenceDate: string;
  lea: string;
}

/**
 * Checks the header fields of a return, XML or Blade alike; logs errors at `at(field)` and returns undefined on
 * failure. A Year that is there is the census year: one that is not a year is not replaced by the date's, and one
 * that disagrees with the date is refused, since either would move the return's plans to another January unnoticed.
 * A ReferenceDate that is there must be a date: one passed over (2025-02-30, 16/13/2025) left the Year unchecked.
 * @example checkReturnHeader({ collection: 'SEN2', year: '2025', referenceDate: '2025-01-16', lea: '925' }, at, log) // { collection: 'SEN2', censusYear: 2025, laCode: '925', referenceDate: '2025-01-16' }
 */
export function checkReturnHeader(f: HeaderFields, at: (field: keyof HeaderFields) => ProblemAt, log: ProblemLog): ReturnHeader | undefined {
  if (f.collection.toUpperCase() !== 'SEN2') {
    log.error(at('collection'), sen2OtherCollection(f.collection || 'none'));
    return undefined;
  }
  const parsed = parseSen2Date(f.referenceDate);
  if (parsed === null) {
    log.error(at('referenceDate'), sen2BadReferenceDate(f.referenceDate));
    return undefined;
  }
  const ref = parsed;
  const year = /^\d{4}$/.test(f.year) ? Number(f.year) : f.year === '' && ref ? Number(ref.slice(0, 4)) : NaN;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    log.error(at('year'), sen2NoCensusYear(f.year));
    return undefined;
  }
  if (ref && Number(ref.slice(0, 4)) !== year) {
    log.error(at('year'), sen2YearNotReferenceDate(f.year, ref));
    return undefined;
  }
  if (!/^\d{3}$/.test(f.lea)) {
    log.error(at('lea'), sen2NoLa(f.lea));
    return undefined;
  }
  const header: ReturnHeader = { collection: 'SEN2', censusYear: year, laCode: f.lea };
  if (ref) header.referenceDate = ref;
  return header;
}

const XML_PATH: Readonly<Record<keyof HeaderFields, string>> = {
  collection: 'Message/Header/CollectionDetails/Collection',
  year: 'Message/Header/CollectionDetails/Year',
  referenceDate: 'Message/Header/CollectionDetails/ReferenceDate',
  lea: 'Message/Header/Source/LEA',
};

/**
 * Reads the `Header` element starting at `headerLine`; logs errors and returns undefined on failure.
 * @example checkSen2Header(headerNode, 3, 'sen2_2025.xml', log) // { collection: 'SEN2', censusYear: 2025, laCode: '925' }
 */
export function checkSen2Header(h: XmlNode, headerLine: number, file: string, log: ProblemLog): ReturnHeader | undefined {
  const cd = child(h, 'CollectionDetails');
  const src = child(h, 'Source');
  const raw: Record<keyof HeaderFields, XmlValue | undefined> = { collection: cd['Collection'], year: cd['Year'], referenceDate: cd['ReferenceDate'], lea: src['LEA'] };
  const at = (f: keyof HeaderFields) => ({ file, line: headerLine, path: XML_PATH[f] });
  // a field given twice read as no field: two Years gave the ReferenceDate's year, two LEAs "Got: ''"
  const repeated = (Object.keys(raw) as Array<keyof HeaderFields>).find((f) => Array.isArray(raw[f]));
  if (repeated !== undefined) {
    const name = XML_PATH[repeated].replace(/^.*\//, '');
    log.error(at(repeated), sen2HeaderFieldRepeated(name, (raw[repeated] as XmlValue[]).map(text)));
    return undefined;
  }
  const fields = { collection: text(raw.collection), year: text(raw.year), referenceDate: text(raw.referenceDate), lea: text(raw.lea) };
  const header = checkReturnHeader(fields, at, log);
  const named = nameYear(file);
  if (header && named !== undefined && named !== header.censusYear) log.warn(at('year'), sen2NameYearNotCensus(basename(file), named, header.censusYear));
  return header;
}

/**
 * The one year 2000–2099 a file's name gives (`sen2_2024.xml`, `SEN2 925 2025.xml`), else undefined: none, two, or
 * a year followed by two more digits (`sen2_2024-2025.xml`, `sen2_2024-25.xml`: an academic year, whose census is the
 * second; `sen2_2025-01-16.xml`: a date), which name no one census.
 * @example nameYear('/data/sen2_2024.xml') // 2024
 */
export function nameYear(file: string): number | undefined {
  const name = basename(file);
  if (/(?<!\d)20\d\d[-_/ ]\d\d/.test(name)) return undefined;
  const years = name.match(/(?<!\d)20\d\d(?!\d)/g) ?? [];
  return years.length === 1 ? Number(years[0]) : undefined;
}
