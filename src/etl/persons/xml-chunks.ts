/**
 * Streams an XML file and cuts it into the text before the first record (the header) and one string per record
 * element (`<Person>…</Person>`), with the line each starts on. fast-xml-parser is not streaming, so each
 * record is parsed on its own and memory stays bounded by the largest record, not the file.
 */
import { createReadStream } from 'node:fs';

export interface XmlChunk {
  /** The record's text, from `<Person` to `</Person>` inclusive. */
  text: string;
  /** 1-based line where the record starts. */
  line: number;
  /** 1-based index of the record. */
  index: number;
}

export type ChunkEvent =
  | { kind: 'head'; text: string }
  | { kind: 'record'; chunk: XmlChunk }
  | { kind: 'between'; text: string; line: number }
  | { kind: 'truncated'; line: number }
  /** A record (or the text before the first record) longer than the limit: reading stops there. */
  | { kind: 'oversize'; line: number; limit: number }
  | { kind: 'tail'; text: string; line: number };

function countLines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Index of the next `<Name` start tag (followed by `>`, `/` or whitespace) at or after `from`, or -1. */
function findStart(s: string, tag: string, from: number): number {
  let i = s.indexOf(`<${tag}`, from);
  while (i !== -1) {
    const c = s.charCodeAt(i + tag.length + 1);
    if (c === 62 || c === 32 || c === 9 || c === 10 || c === 13 || c === 47) return i;
    if (Number.isNaN(c)) return i; // at the end of the buffer: decide when more text arrives
    i = s.indexOf(`<${tag}`, i + 1);
  }
  return -1;
}

/**
 * Yields the head, each record, any non-blank text between records, and the tail after the last record.
 * @example for await (const e of xmlChunks('return.xml', 'Person')) …
 */
/**
 * The longest record (or header) read, in characters: an SEN2 Person with every request, assessment and placement
 * is a few kilobytes, so 4 MB is far beyond any real one and keeps memory bounded against a hostile file.
 */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

export async function* xmlChunks(path: string, tag: string, highWaterMark = 1 << 20, maxRecord = MAX_RECORD_CHARS): AsyncGenerator<ChunkEvent> {
  const close = `</${tag}>`;
  let buf = '';
  let pos = 0;
  let line = 1;
  let index = 0;
  let headDone = false;
  let eof = false;
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark });
  const it = stream[Symbol.asyncIterator]();
  while (!eof || pos < buf.length) {
    const start = findStart(buf, tag, pos);
    const end = start === -1 ? -1 : buf.indexOf(close, start);
    const needMore = !eof && (start === -1 || end === -1 || start + tag.length + 1 >= buf.length);
    if (needMore) {
      if (buf.length - pos > maxRecord) {
        stream.destroy();
        yield { kind: 'oversize', line: line + countLines(buf, pos, start === -1 ? pos : start), limit: maxRecord };
        return;
      }
      const next = await it.next();
      if (next.done) eof = true;
      else {
        buf = buf.slice(pos) + (next.value as string);
        pos = 0;
      }
      continue;
    }
    if (start === -1) {
      const rest = buf.slice(pos);
      if (!headDone) yield { kind: 'head', text: rest };
      else yield { kind: 'tail', text: rest, line };
      return;
    }
    if (end === -1) {
      if (!headDone) yield { kind: 'head', text: buf.slice(pos, start) };
      yield { kind: 'truncated', line: line + countLines(buf, pos, start) };
      return;
    }
    const before = buf.slice(pos, start);
    if (!headDone) {
      headDone = true;
      yield { kind: 'head', text: before };
    } else if (before.trim() !== '') {
      yield { kind: 'between', text: before, line };
    }
    line += countLines(buf, pos, start);
    const stop = end + close.length;
    index++;
    yield { kind: 'record', chunk: { text: buf.slice(start, stop), line, index } };
    line += countLines(buf, start, stop);
    pos = stop;
  }
  if (!headDone) yield { kind: 'head', text: '' };
}
