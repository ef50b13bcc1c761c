/**
 * SEN2 person-level return, XML form (inputs.md §2). Streams the file, cuts it into `<Person>` records, parses
 * each with fast-xml-parser, and hands it to the shared person-level validation and anonymisation
 * (src/etl/persons/person-rows.ts). Memory is bounded by one record, not the file.
 *
 *   file ─ xmlChunks ─┬─ head ─ readSen2Header (root Message, Collection SEN2, Year, LEA)
 *                     └─ <Person>… ─ parseRecord ─ personFromXml ─ PersonRowBuilder ─ sink (person, plan, request)
 */
import type { Reader, ReadContext, ReadReport, RowSink, Sniff } from '../reader.ts';
import { sen2Doctype, sen2Malformed, sen2NoIdentifier, sen2NoPersons, sen2Oversize, sen2Truncated } from '../../messages/etl.ts';
import { isoOfDate } from '../persons/dates.ts';
import { outcomeCodesFor } from '../persons/outcome-codes.ts';
import { PersonRowBuilder } from '../persons/person-rows.ts';
import { ProblemLog } from '../persons/problem-log.ts';
import { readSen2Header } from '../persons/sen2-header.ts';
import { xmlChunks } from '../persons/xml-chunks.ts';
import { parseRecord, personFromXml } from '../persons/xml-person.ts';

/** A document type or entity declaration: never in an SEN2 return, and the way to an entity-expansion bomb. */
const ENTITY_DECL = /<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST)\b/i;

function lineOf(text: string, re: RegExp): number {
  const i = text.search(re);
  return i < 0 ? 1 : text.slice(0, i).split('\n').length;
}

const CLOSING = /^\s*(?:<!--[\s\S]*?-->\s*)*<\/Persons>\s*(?:<!--[\s\S]*?-->\s*)*<\/Message>\s*(?:<!--[\s\S]*?-->\s*)*$/;

/**
 * Reads an SEN2 XML return into `person`, `plan` and `request` rows.
 * @example await readSen2Xml('sen2_2025.xml', sink, { fileId: 1, path, hashKey, today: new Date('2025-03-01') })
 */
export async function readSen2Xml(path: string, sink: RowSink, ctx: ReadContext): Promise<ReadReport> {
  const log = new ProblemLog();
  let builder: PersonRowBuilder | undefined;
  let rows = 0;
  let persons = 0;
  let oversize = false;
  for await (const e of xmlChunks(path, 'Person')) {
    if (e.kind === 'head') {
      if (ENTITY_DECL.test(e.text)) {
        log.error({ file: path, line: lineOf(e.text, ENTITY_DECL), path: 'Message' }, sen2Doctype());
        break;
      }
      const header = readSen2Header(e.text, path, log);
      if (!header) break;
      const today = isoOfDate(ctx.today);
      builder = new PersonRowBuilder({ header, fileId: ctx.fileId, hashKey: ctx.hashKey, today, codes: outcomeCodesFor(header.censusYear) }, log);
    } else if (e.kind === 'record') {
      if (!builder) break;
      persons++;
      if (ENTITY_DECL.test(e.chunk.text)) {
        log.error({ file: path, line: e.chunk.line + lineOf(e.chunk.text, ENTITY_DECL) - 1, path: `Message/Persons/Person[${e.chunk.index}]` }, sen2Doctype());
        continue;
      }
      const r = parseRecord(e.chunk, 'Person');
      const at = { file: path, line: e.chunk.line, path: `Message/Persons/Person[${e.chunk.index}]` };
      if ('error' in r) {
        log.error({ ...at, line: r.error.line }, sen2Malformed(r.error.message));
        continue;
      }
      const out = builder.rows(personFromXml(r.node, path, e.chunk));
      if (log.errorCount > 0) continue; // the load will fail: keep validating, stop writing
      for (const [table, row] of out) await sink.add(table, row);
      rows += out.length;
    } else if (e.kind === 'oversize') {
      log.error({ file: path, line: e.line, path: 'Message/Persons/Person' }, sen2Oversize(e.limit));
      oversize = true;
    } else if (e.kind === 'truncated') {
      log.error({ file: path, line: e.line, path: 'Message/Persons/Person' }, sen2Truncated('Person', e.line));
    } else if (e.kind === 'between') {
      log.error({ file: path, line: e.line, path: 'Message/Persons' }, sen2Malformed(`unexpected content between Person elements: '${e.text.trim().slice(0, 40)}'`));
    } else if (!CLOSING.test(e.text)) {
      log.error({ file: path, line: e.line, path: 'Message' }, sen2Malformed(`expected </Persons></Message> after the last Person. Got: '${e.text.trim().slice(0, 40)}'`));
    }
  }
  if (builder && persons === 0 && !oversize && log.errorCount === 0) log.error({ file: path, path: 'Message/Persons' }, sen2NoPersons());
  if (builder && builder.unidentified > 0) log.warning({ file: path, path: 'Message/Persons' }, sen2NoIdentifier(builder.unidentified));
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
