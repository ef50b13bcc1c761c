/**
 * Streams an XML return through a SAX parser (saxes) and yields its header element and each record element
 * (`<Person>`) as a small tree, with the line each starts on. Nothing but the record being read is held, so memory
 * is bounded by the limits below, not by the file:
 * - a DOCTYPE (or any entity declaration) anywhere is refused: an SEN2 return never has one, and it is the way to
 *   an entity-expansion bomb;
 * - elements may nest at most `MAX_DEPTH` deep;
 * - at most `MAX_RECORD_CHARS` characters from the end of one record to the end of the next (the header, any
 *   element, text or comment included), checked as the file streams in, so a 60 MB element is refused after 4 MB.
 *
 *   file ──utf8 chunks──▶ saxes ──open/text/close──▶ tree of the current header or record ──▶ events
 */
import { createReadStream } from 'node:fs';
import type * as Saxes from 'saxes';
import { lazyPackage } from '../../util/lazy-package.ts';
import { win1252Decoder } from '../../util/win1252.ts';
import { strictUtf8 } from './utf8-chunks.ts';
import { AmpersandScan } from './xml-ampersand.ts';

const saxes = lazyPackage<typeof Saxes>('saxes');

/** An element as a tree: a leaf is its trimmed text; repeated children (or names in `repeated`) are arrays. */
export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

/** Where a record starts: its 1-based line and 1-based index among the records. */
export interface RecordAt {
  line: number;
  index: number;
}

/**
 * Builds the value of one record (or of the header) from the parser's events inside it, so a record can be read
 * straight into its own shape (xml-person.ts) instead of through a tree. The element's own open and close are
 * `begin` and `end`; `open`, `text` and `close` are those of the elements inside it, in document order.
 */
export interface RecordBuilder<R> {
  begin(at: RecordAt): void;
  open(name: string): void;
  /** Text or CDATA. */
  text(t: string): void;
  close(): void;
  end(): R;
}

export type RecordEvent<R> =
  /** The root element's name opened at line 1 (or wherever). */
  | { kind: 'root'; name: string; line: number }
  | { kind: 'header'; node: XmlNode; line: number }
  | { kind: 'record'; value: R; at: RecordAt }
  /** Non-blank text between records (the file is damaged, reading goes on). */
  | { kind: 'between'; text: string; line: number }
  /** Reading stopped here: the file is not well-formed, holds a DOCTYPE, nests too deep or has an oversize element. */
  | { kind: 'fatal'; line: number; path: string; problem: XmlProblem };

export type XmlProblem =
  | { kind: 'doctype' }
  | { kind: 'malformed'; detail: string }
  | { kind: 'too-deep'; limit: number }
  | { kind: 'oversize'; limit: number }
  | { kind: 'truncated'; element: string; openedAt: number }
  /** Bytes that are not text in the file's encoding (UTF-8 unless its declaration says Windows-1252 / Latin-1). */
  | { kind: 'encoding'; encoding: string };

/**
 * The longest stretch read for one record (or the header), in characters: an SEN2 Person with every request,
 * assessment and placement is a few kilobytes, so 4 MB is far beyond any real one.
 */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;
/** Deepest nesting of elements: an SEN2 return nests 8 deep (Message/Persons/Person/Requests/…/URN). */
export const MAX_DEPTH = 32;

export interface RecordOptions<R> {
  /** Name of the header element under the root (`Header`), read as a tree. */
  header: string;
  /** Name of the record element (`Person`). */
  record: string;
  /** Builds each record's value (one builder, reused record after record). */
  build: RecordBuilder<R>;
  /** Child names that are always arrays in the header's tree, even when they occur once. */
  repeated?: ReadonlySet<string>;
  maxRecordChars?: number;
  maxDepth?: number;
  /** Bytes parsed at a time (the oversize limit is checked after each such part). */
  chunkChars?: number;
}

/** How saxes words the problems it finds, for a message without its `line:column:` prefix. */
function detailOf(e: Error): string {
  return e.message.replace(/^[^:]*?\d+:\d+: /, '');
}

/**
 * Yields the root, the header, each record and any problem of an XML file, streaming it.
 * @example for await (const e of xmlRecords('return.xml', { header: 'Header', record: 'Person', build: new TreeBuilder() })) …
 */
export async function* xmlRecords<R>(path: string, opts: RecordOptions<R>): AsyncGenerator<RecordEvent<R>> {
  for await (const batch of xmlRecordBatches(path, opts)) yield* batch;
}

/**
 * The events of `xmlRecords`, in batches (those of each chunk read): one step of the async iteration per chunk,
 * not per record, for a reader going through every record.
 */
export async function* xmlRecordBatches<R>(path: string, opts: RecordOptions<R>): AsyncGenerator<Array<RecordEvent<R>>> {
  // read a megabyte at a time (1,600 reads of 64 KiB took 47–80 ms of CPU for 100 MB), parsed in parts of
  // `chunkChars` bytes as before; a stream, not read-chunks.ts's one reused buffer, as it reads the next megabyte
  // while this one is parsed: awaiting each read, the parser waited for a turn of the thread pool and then of a
  // core, 100 times a file on a loaded machine
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    yield* recordsOf(inParts(stream as AsyncIterable<Buffer>, opts.chunkChars ?? 1 << 16), opts);
  } finally {
    stream.destroy();
  }
}

/** The bytes of `chunks` in parts of at most `size` (views, each used before the next is asked for). */
async function* inParts(chunks: AsyncIterable<Buffer>, size: number): AsyncGenerator<Uint8Array> {
  for await (const c of chunks) for (let i = 0; i < c.length; i += size) yield c.subarray(i, i + size);
}

/** The events of a stream of bytes, decoded as the first bytes declare, in batches: those of each chunk. */
async function* recordsOf<R>(chunks: AsyncIterable<Uint8Array>, opts: RecordOptions<R>): AsyncGenerator<Array<RecordEvent<R>>> {
  const maxChars = opts.maxRecordChars ?? MAX_RECORD_CHARS;
  const maxDepth = opts.maxDepth ?? MAX_DEPTH;
  const parser = new (saxes().SaxesParser)({ position: true });
  /** The open elements: their names and lines, `depth` of them (arrays reused, not a frame object per element). */
  const names: string[] = [];
  const lines: number[] = [];
  let depth = 0;
  const openNames = (): string[] => names.slice(0, depth);
  let queue: Array<RecordEvent<R>> = [];
  let stopped = false;
  let index = 0;
  /** Characters read when the last record (or the header) ended. */
  let mark = 0;
  let read = 0;
  /** The builder of the header or record being read, and the depth of its element. */
  let building: RecordBuilder<R> | TreeBuilder | undefined;
  let buildDepth = 0;
  const headerTree = new TreeBuilder(opts.repeated);
  const { build } = opts;

  let rootClosed = false;
  const pathOf = (): string =>
    openNames().map((n) => (n === opts.record ? `${n}[${index}]` : n)).join('/') || (rootClosed ? '(after the root element)' : '(before the root element)');
  const fatal = (problem: XmlProblem, line = parser.line): void => {
    if (stopped) return;
    stopped = true;
    queue.push({ kind: 'fatal', line, path: pathOf(), problem });
  };

  parser.on('doctype', () => fatal({ kind: 'doctype' }));
  parser.on('error', (e) => {
    if (/doctype|entity decl/i.test(e.message)) return fatal({ kind: 'doctype' });
    fatal({ kind: 'malformed', detail: detailOf(e) });
  });
  parser.on('opentag', (tag) => {
    if (stopped) return;
    const line = parser.line;
    const name = tag.name;
    if (depth === 0) queue.push({ kind: 'root', name, line });
    if (depth >= maxDepth) {
      fatal({ kind: 'too-deep', limit: maxDepth });
      return;
    }
    names[depth] = name;
    lines[depth] = line;
    depth++;
    if (building !== undefined) building.open(name);
    else if (name === opts.record) {
      index++;
      building = build;
      buildDepth = depth;
      build.begin({ line, index });
    } else if (depth === 2 && name === opts.header) {
      building = headerTree;
      buildDepth = depth;
      headerTree.begin();
    }
  });
  const onText = (t: string): void => {
    if (stopped) return;
    if (building !== undefined) building.text(t);
    else if (depth > 0 && t.trim() !== '') queue.push({ kind: 'between', text: t, line: parser.line });
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (stopped) return;
    depth--;
    if (depth === 0) rootClosed = true;
    if (building === undefined) return;
    if (depth >= buildDepth) {
      building.close();
      return;
    }
    if (building === headerTree) queue.push({ kind: 'header', node: headerTree.end(), line: lines[depth]! });
    else queue.push({ kind: 'record', value: build.end(), at: { line: lines[depth]!, index } });
    building = undefined;
    mark = read;
  });

  const ampersands = new AmpersandScan();
  let decode: ((bytes: Uint8Array) => string) | undefined;
  for await (const bytes of chunks) {
    decode ??= decoderOf(encodingOf(bytes));
    let chunk: string;
    try {
      chunk = decode(bytes);
    } catch {
      // read up to the first bad byte, so the message has the element and line it stands in
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
      if (!stopped) parser.write(text.slice(0, Math.max(0, text.indexOf('\ufffd'))));
      fatal({ kind: 'encoding', encoding: 'UTF-8' });
      yield queue;
      return;
    }
    read += chunk.length;
    // a bare & (a name or a setting's free text with "&" not written &amp;): saxes reads all that follows as the
    // name of an entity until a ';', so the file was refused as an oversize element at its last line
    const bare = stopped ? -1 : ampersands.find(chunk);
    if (bare >= 0) {
      parser.write(chunk.slice(0, bare));
      fatal({ kind: 'malformed', detail: "a bare '&' (in XML an ampersand is written &amp;): the file was not saved as XML by the software that made it" }, parser.line);
      yield queue;
      return;
    }
    parser.write(chunk);
    // checked after each chunk: a record may overrun the limit by one chunk before it is refused
    if (!stopped && read - mark > maxChars) fatal({ kind: 'oversize', limit: maxChars });
    if (queue.length > 0) {
      const out = queue;
      queue = [];
      yield out;
    }
    if (stopped) return;
  }
  // the file ends inside the (outermost) record, or else inside the innermost element
  const inRecord = openNames().indexOf(opts.record);
  const at = inRecord >= 0 ? inRecord : depth - 1;
  if (at >= 0) fatal({ kind: 'truncated', element: names[at]!, openedAt: lines[at]! });
  else parser.close();
  yield queue;
}

/**
 * Builds an element as a tree (`XmlNode`): an element's text is kept until it has a child (an element with
 * children is its tree, not its text); a second child of one name (or a name in `repeated`) makes an array.
 */
export class TreeBuilder implements RecordBuilder<XmlNode> {
  /** The open elements: their names, trees (made when a first child opens) and texts. */
  private names: string[] = [];
  private nodes: Array<XmlNode | undefined> = [];
  private texts: string[] = [];

  constructor(private readonly repeated: ReadonlySet<string> = new Set()) {}

  begin(): void {
    this.names = [''];
    this.nodes = [emptyNode()];
    this.texts = [''];
  }

  open(name: string): void {
    const top = this.nodes.length - 1;
    this.nodes[top] ??= emptyNode();
    this.names.push(name);
    this.nodes.push(undefined);
    this.texts.push('');
  }

  text(t: string): void {
    const top = this.nodes.length - 1;
    if (this.nodes[top] === undefined) this.texts[top] += t;
  }

  close(): void {
    const name = this.names.pop()!;
    const node = this.nodes.pop();
    const text = this.texts.pop()!;
    add(this.nodes[this.nodes.length - 1]!, name, node ?? text.trim(), this.repeated);
  }

  end(): XmlNode {
    return this.nodes[0]!;
  }
}

/** The encodings an XML return is read in. */
type XmlEncoding = 'utf-8' | 'windows-1252';

/** The encoding the file's first bytes declare: Windows-1252 when its XML declaration says so (or Latin-1), otherwise UTF-8. */
function encodingOf(first: Uint8Array): XmlEncoding {
  const head = Buffer.from(first.buffer, first.byteOffset, Math.min(200, first.byteLength)).toString('latin1');
  const declared = /^(?:\ufeff)?<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ?? 'UTF-8';
  return /^(windows-1252|cp1252|iso-8859-1|latin-?1)$/i.test(declared) ? 'windows-1252' : 'utf-8';
}

/**
 * A decoder for the file's bytes, chunk by chunk: UTF-8 strictly (bytes that are not UTF-8 throw, so a damaged
 * file is not read as replacement characters), or Windows-1252. Each chunk is decoded before the next is read (the
 * bytes may be a reused buffer).
 */
function decoderOf(encoding: XmlEncoding): (bytes: Uint8Array) => string {
  if (encoding === 'windows-1252') {
    const win = win1252Decoder();
    return (bytes) => win.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return strictUtf8();
}

/** Adds a child's value to its parent's tree: a second child of one name (or a repeated name) makes an array. */
function add(node: XmlNode, name: string, value: XmlValue, repeated: ReadonlySet<string>): void {
  const had = node[name];
  if (had === undefined) node[name] = repeated.has(name) ? [value] : value;
  else if (Array.isArray(had)) had.push(value);
  else node[name] = [had, value];
}

/** An empty element tree (no prototype, so an element named `__proto__` is just a name). */
function emptyNode(): XmlNode {
  return Object.create(null) as XmlNode;
}
