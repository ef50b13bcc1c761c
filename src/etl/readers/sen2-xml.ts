/**
 * SEN2 person-level return, XML form (inputs.md §2). Streams the file through a SAX parser that hands over the
 * header and one `<Person>` at a time (src/etl/persons/xml-records.ts: no DOCTYPE, bounded depth and element
 * size), then the shared person-level validation and anonymisation (src/etl/persons/person-rows.ts). Memory is
 * bounded by one record, not the file.
 *
 *   file ─ xmlRecords ─┬─ root ─ Message?
 *                      ├─ Header ─ checkSen2Header (Collection SEN2, Year, LEA)
 *                      └─ Person … ─ PersonBuilder (RawPerson) ─ PersonRowBuilder ─ sink (person, plan, request)
 */
import type { Reader, ReadContext, ReadReport, RowSink, Sniff } from '../reader.ts';
import { sen2Doctype, sen2Malformed, sen2NoHeader, sen2SecondHeader, sen2NoIdentifier, sen2NoPersons, sen2SeveralActivePlans, sen2NotEncoding, sen2NotMessageRoot, sen2Oversize, sen2Shown, sen2TooDeep, sen2Truncated } from '../../messages/sen2.ts';
import { isoOfDate } from '../persons/dates.ts';
import { outcomeCodesFor } from '../persons/outcome-codes.ts';
import { PersonRowBuilder } from '../persons/person-rows.ts';
import { ProblemLog } from '../problem-log.ts';
import { checkSen2Header } from '../persons/sen2-header.ts';
import { PersonBuilder } from '../persons/xml-person.ts';
import { xmlRecordBatches, type XmlProblem } from '../persons/xml-records.ts';

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

/**
 * Reads an SEN2 XML return into `person`, `plan` and `request` rows.
 * @example await readSen2Xml('sen2_2025.xml', sink, { fileId: 1, path, hashKey, today: new Date('2025-03-01') })
 */
export async function readSen2Xml(path: string, sink: RowSink, ctx: ReadContext): Promise<ReadReport> {
  const log = new ProblemLog();
  let builder: PersonRowBuilder | undefined;
  let rows = 0;
  let persons = 0;
  let headerLine: number | undefined;
  read: for await (const batch of xmlRecordBatches(path, { header: 'Header', record: 'Person', build: new PersonBuilder(path) })) {
    for (const e of batch) {
      if (e.kind === 'root') {
        const name = e.name.replace(/^.*:/, '');
        if (name !== 'Message') {
          log.error({ file: path, line: e.line, path: name }, sen2NotMessageRoot(name));
          break read;
        }
      } else if (e.kind === 'header') {
        // a second Header (two returns joined) was passed over: the first one's LA and year taken for all persons
        if (headerLine !== undefined) {
          log.error({ file: path, line: e.line, path: 'Message/Header' }, sen2SecondHeader(headerLine));
          break read;
        }
        headerLine = e.line;
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
        log.error({ file: path, line: e.line, path: 'Message/Persons' }, sen2Malformed(`unexpected text between elements: ${sen2Shown(e.text, 'code')}`));
      } else {
        log.error({ file: path, line: e.problem.kind === 'truncated' ? e.problem.openedAt : e.line, path: e.path }, problemMessage(e.problem));
      }
    }
  }
  if (headerLine === undefined && log.errorCount === 0) log.error({ file: path, line: 1, path: 'Message/Header' }, sen2NoHeader());
  if (builder && persons === 0 && log.errorCount === 0) log.error({ file: path, path: 'Message/Persons' }, sen2NoPersons());
  if (builder && builder.unidentified > 0) log.warn({ file: path, path: 'Message/Persons' }, sen2NoIdentifier(builder.unidentified));
  if (builder?.firstSeveralActive) {
    const at = builder.firstSeveralActive;
    log.warn({ file: path, line: at.line, path: at.path }, sen2SeveralActivePlans(builder.severalActive, 'ActivePlans'));
  }
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
