/**
 * SEN2 person-level return, XML form (inputs.md §2). Streams the file through a SAX parser that hands over the
 * header and one `<Person>` at a time (src/etl/persons/xml-records.ts: no DOCTYPE, bounded depth and element
 * size), then the shared person-level validation and anonymisation (src/etl/persons/person-rows.ts). Memory is
 * bounded by one record, not the file.
 *
 *   file ─ xmlRecords ─┬─ root ─ Message?
 *                      ├─ Header ─ checkSen2Header (Collection SEN2, Year, LEA)
 *                      └─ Person … ─ PersonBuilder (RawPerson) ─ PersonRowBuilder ─ sink (person, plan, request)
 *
 * From 16 MB on 3 cores or more the persons are read in parts on threads (src/etl/persons/xml-parts.ts), giving the
 * same; anything a part cannot be read alone with, and the file is read whole as above.
 */
import { stat, open } from 'node:fs/promises';
import type { Reader, ReadContext, ReadReport, RowSink, Sniff } from '../reader.ts';
import { sen2Doctype, sen2Malformed, sen2NoHeader, sen2NoIdentifier, sen2NoPersons, sen2NotEncoding, sen2NotMessageRoot, sen2Oversize, sen2TooDeep, sen2Truncated } from '../../messages/sen2.ts';
import { isoOfDate } from '../persons/dates.ts';
import { outcomeCodesFor } from '../persons/outcome-codes.ts';
import { PersonRowBuilder } from '../persons/person-rows.ts';
import { ProblemLog } from '../problem-log.ts';
import { checkSen2Header } from '../persons/sen2-header.ts';
import { PersonBuilder } from '../persons/xml-person.ts';
import { encodingOf, xmlRecordBatches, xmlRecords, type XmlProblem } from '../persons/xml-records.ts';
import { partWorkers, readPersonsInParts, type PartsOptions } from '../persons/xml-parts.ts';
import type { ReturnHeader } from '../persons/raw.ts';

function problemMessage(p: XmlProblem): string {
  switch (p.kind) {
    case 'doctype':
      return sen2Doctype();
    case 'malformed':
      return sen2Malformed(p.detail);
    case 'too-deep':
      return sen2TooDeep(p.limit);
    case 'oversize':
      return sen2Oversize(p.limit);
    case 'truncated':
      return sen2Truncated(p.element, p.openedAt);
    case 'encoding':
      return sen2NotEncoding(p.encoding);
  }
}

/** Files from this size are read in parts on worker threads (xml-parts.ts), when the machine has 3 cores or more. */
export const PARTS_MIN_BYTES = 16 * 1024 * 1024;

export interface Sen2XmlOptions extends PartsOptions {
  /** Files from this size are read in parts (PARTS_MIN_BYTES); Infinity reads every file whole. */
  partsFromBytes?: number;
  /** Told when a read in parts is given up and the file read whole (tests, the bench). */
  onGivenUp?: (delivered: number) => void;
}

/**
 * Reads an SEN2 XML return into `person`, `plan` and `request` rows: a large file, on a machine with 3 cores or more,
 * in parts on worker threads, with the same rows, problems and order as reading it whole.
 * @example await readSen2Xml('sen2_2025.xml', sink, { fileId: 1, path, hashKey, today: new Date('2025-03-01') })
 */
export async function readSen2Xml(path: string, sink: RowSink, ctx: ReadContext, opts: Sen2XmlOptions = {}): Promise<ReadReport> {
  const workers = opts.workers ?? partWorkers();
  if ((workers > 0 || opts.workers !== undefined) && (await stat(path)).size >= (opts.partsFromBytes ?? PARTS_MIN_BYTES)) {
    const r = await readInParts(path, sink, ctx, { ...opts, workers });
    if ('report' in r) return r.report;
    opts.onGivenUp?.(r.delivered);
    if (r.delivered > 0) return readWhole(path, skipping(sink, r.delivered), ctx);
  }
  return readWhole(path, sink, ctx);
}

/** The sink without the first `n` rows (handed to `sink` already by a read in parts that was given up). */
function skipping(sink: RowSink, n: number): RowSink {
  let skipped = 0;
  return {
    add: (table, row) => {
      if (skipped < n) {
        skipped++;
        return;
      }
      return sink.add(table, row);
    },
  };
}

/**
 * The read in parts: the root and header read here (any problem with them, or an unusual file, and the file is
 * read whole instead), then the persons in parts (xml-parts.ts).
 */
async function readInParts(path: string, sink: RowSink, ctx: ReadContext, opts: PartsOptions): Promise<{ report: ReadReport } | { delivered: number }> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(4096);
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  // XML 1.1 counts other characters as line ends than the parts count
  if (/^(?:\ufeff)?<\?xml[^>]*\bversion\s*=\s*["']1\.1/.test(head.toString('latin1'))) return { delivered: 0 };
  const check = new ProblemLog();
  let header: ReturnHeader | undefined;
  let rootSeen = false;
  for await (const e of xmlRecords(path, { header: 'Header', record: 'Person', build: new PersonBuilder(path) })) {
    if (e.kind === 'root' && e.name === 'Message' && !rootSeen) rootSeen = true;
    else {
      if (e.kind === 'header' && rootSeen) header = checkSen2Header(e.node, e.line, path, check);
      break;
    }
  }
  if (!header || check.errorCount > 0 || check.warnings.length > 0) return { delivered: 0 };
  const log = new ProblemLog();
  const read = { file: path, encoding: encodingOf(head), header, fileId: ctx.fileId, hashKey: ctx.hashKey, today: isoOfDate(ctx.today), log, sink };
  const r = await readPersonsInParts(read, opts);
  if (!r.ok) return { delivered: r.delivered };
  if (r.persons === 0 && log.errorCount === 0) log.error({ file: path, path: 'Message/Persons' }, sen2NoPersons());
  if (r.unidentified > 0) log.warn({ file: path, path: 'Message/Persons' }, sen2NoIdentifier(r.unidentified));
  return { report: { rows: r.rows, ...log.finish() } };
}

/** Reads the file whole, on this thread. */
async function readWhole(path: string, sink: RowSink, ctx: ReadContext): Promise<ReadReport> {
  const log = new ProblemLog();
  let builder: PersonRowBuilder | undefined;
  let rows = 0;
  let persons = 0;
  let headerSeen = false;
  read: for await (const batch of xmlRecordBatches(path, { header: 'Header', record: 'Person', build: new PersonBuilder(path) })) {
    for (const e of batch) {
      if (e.kind === 'root') {
        const name = e.name.replace(/^.*:/, '');
        if (name !== 'Message') {
          log.error({ file: path, line: e.line, path: name }, sen2NotMessageRoot(name));
          break read;
        }
      } else if (e.kind === 'header') {
        if (headerSeen) continue;
        headerSeen = true;
        const header = checkSen2Header(e.node, e.line, path, log);
        if (!header) break read;
        builder = new PersonRowBuilder({ header, fileId: ctx.fileId, hashKey: ctx.hashKey, today: isoOfDate(ctx.today), codes: outcomeCodesFor(header.censusYear) }, log);
      } else if (e.kind === 'record') {
        if (!builder) {
          log.error({ file: path, line: 1, path: 'Message/Header' }, sen2NoHeader());
          break read;
        }
        persons++;
        const out = builder.rows(e.value);
        if (log.errorCount > 0) continue; // the load will fail: keep validating, stop writing
        for (const [table, row] of out) {
          const added = sink.add(table, row);
          if (added !== undefined) await added; // a sink that adds at once costs no turn of the event loop
        }
        rows += out.length;
      } else if (e.kind === 'between') {
        log.error({ file: path, line: e.line, path: 'Message/Persons' }, sen2Malformed(`unexpected text between elements: '${e.text.trim().slice(0, 40)}'`));
      } else {
        log.error({ file: path, line: e.problem.kind === 'truncated' ? e.problem.openedAt : e.line, path: e.path }, problemMessage(e.problem));
      }
    }
  }
  if (!headerSeen && log.errorCount === 0) log.error({ file: path, line: 1, path: 'Message/Header' }, sen2NoHeader());
  if (builder && persons === 0 && log.errorCount === 0) log.error({ file: path, path: 'Message/Persons' }, sen2NoPersons());
  if (builder && builder.unidentified > 0) log.warn({ file: path, path: 'Message/Persons' }, sen2NoIdentifier(builder.unidentified));
  return { rows, ...log.finish() };
}

export const sen2XmlReader: Reader = {
  id: 'sen2-xml',
  description: 'SEN2 person-level return (DfE XML, root Message, Collection SEN2)',
  recognise(sniff: Sniff): boolean {
    return !sniff.binary && (sniff.xmlRoot ?? '').replace(/^.*:/, '') === 'Message';
  },
  read: readSen2Xml,
};
