/**
 * Reads a large SEN2 XML return in parts on worker threads and this one, giving exactly what reading it whole gives.
 *
 *   file ──blocks──▶ parts cut just after a `</Person>` (lines and `</Person>` counted in the bytes)
 *        ──▶ each part on a worker: saxes (the root and Persons opened again first) ─ PersonBuilder ─ PersonRowBuilder
 *        ──▶ results taken in file order: duplicate keys checked, problems and rows handed on
 *
 * A part is read as if the file had been read up to its start: lines and record numbers count on from the parts
 * before it, and it starts inside `Message/Persons`. That holds only when the part before it ended exactly at the end
 * of a `Person` it read, with `Message/Persons` open; each part says how it ended (xml-records.ts `PartEnd`) and
 * whether it saw anything but persons (the root and the header, in the first part only). When any of that does not
 * hold (a `</Person>` inside a comment, a self-closing Person, a DOCTYPE, malformed XML, text between persons, a
 * record too long), or a worker fails, the parts are dropped and the file is read again whole by the one-thread
 * reader, which then gives the file's problems exactly as it always has; rows already handed on are not given twice.
 */
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../../errors.ts';
import type { RowSink } from '../reader.ts';
import { ProblemLog } from '../problem-log.ts';
import type { IdentifierKind } from './hash.ts';
import { outcomeCodesFor } from './outcome-codes.ts';
import { PersonKeys, PersonRowBuilder, type PersonTable } from './person-rows.ts';
import type { ReturnHeader } from './raw.ts';
import { PersonBuilder } from './xml-person.ts';
import { MAX_RECORD_CHARS, recordsOf, type PartEnd, type PartStart, type XmlEncoding } from './xml-records.ts';

/** The end tag parts are cut after. */
const END_TAG = Buffer.from('</Person>');
/** The elements open between two persons of an SEN2 return. */
const OPEN_BETWEEN = ['Message', 'Persons'] as const;

/** One part to read: its bytes and where it stands in the file, with what every part needs to make rows. */
export interface PartJob {
  file: string;
  bytes: Uint8Array;
  encoding: XmlEncoding;
  start: PartStart;
  /** Whether the part is the file's first (it holds the root and the header). */
  first: boolean;
  header: ReturnHeader;
  fileId: number;
  hashKey: string;
  today: string;
}

/** The problems of one person read in a part (only persons with any are listed). */
export interface PartProblems {
  /** The person's place among the part's persons (0-based). */
  at: number;
  errors: Problem[];
  /** Errors found beyond those listed (a part's log lists the first PROBLEM_CAP). */
  moreErrors: number;
  warnings: Problem[];
  moreWarnings: number;
}

const KINDS: readonly IdentifierKind[] = ['UPN', 'ULN', 'ANON'];
const TABLES: readonly PersonTable[] = ['person', 'plan', 'request'];

/**
 * Values packed flat, so that handing them from the thread is cheap and leaves little for the garbage collector
 * (a structured clone of one object per row, or of an array of values, costs about what reading the rows costs): a
 * tag per value, a number per value (the number itself, or the place of a string or bigint in its list), and each
 * distinct string once.
 */
export interface Packed {
  tags: Uint8Array;
  nums: Float64Array;
  strings: string[];
  bigints: bigint[];
}

const T_NULL = 0;
const T_NUMBER = 1;
const T_STRING = 2;
const T_TRUE = 3;
const T_FALSE = 4;
const T_BIGINT = 5;
const T_UNDEFINED = 6;

class Packer {
  private tags: number[] = [];
  private nums: number[] = [];
  private readonly strings: string[] = [];
  private readonly stringAt = new Map<string, number>();
  private readonly bigints: bigint[] = [];

  push(v: unknown): void {
    switch (typeof v) {
      case 'number':
        this.tags.push(T_NUMBER);
        this.nums.push(v);
        return;
      case 'string': {
        let i = this.stringAt.get(v);
        if (i === undefined) {
          i = this.strings.push(v) - 1;
          this.stringAt.set(v, i);
        }
        this.tags.push(T_STRING);
        this.nums.push(i);
        return;
      }
      case 'boolean':
        this.tags.push(v ? T_TRUE : T_FALSE);
        break;
      case 'bigint':
        this.tags.push(T_BIGINT);
        this.nums.push(this.bigints.push(v) - 1);
        return;
      case 'undefined':
        this.tags.push(T_UNDEFINED);
        break;
      default:
        if (v !== null) throw new Error(`a row value of type ${typeof v} cannot be packed`);
        this.tags.push(T_NULL);
    }
    this.nums.push(0);
  }

  done(): Packed {
    return { tags: Uint8Array.from(this.tags), nums: Float64Array.from(this.nums), strings: this.strings, bigints: this.bigints };
  }
}

/** The `j`th value of a Packed. */
function unpack(p: Packed, j: number): unknown {
  switch (p.tags[j]) {
    case T_NULL:
      return null;
    case T_NUMBER:
      return p.nums[j];
    case T_STRING:
      return p.strings[p.nums[j]!];
    case T_TRUE:
      return true;
    case T_FALSE:
      return false;
    case T_BIGINT:
      return p.bigints[p.nums[j]!];
    default:
      return undefined;
  }
}

/**
 * What a part read: per person its identifier kind, line and row count, and its key; the rows' values one after the
 * other (packed), each row led by its table's place in TABLES, its columns those of `columns`.
 */
export interface PartResult {
  /** False when the part held anything but persons (and, in the first part, the root and the header). */
  ok: boolean;
  end: PartEnd | undefined;
  /** Per person: index into KINDS, line of its `<Person>`, rows. */
  persons: number[];
  keys: bigint[];
  /** Column names of each table's rows, as PersonRowBuilder makes them. */
  columns: Partial<Record<PersonTable, string[]>>;
  values: Packed;
  problems: PartProblems[];
}

/** Reads one part (on a worker thread, or here): what xml-part-worker.ts runs. */
export async function readPart(job: PartJob): Promise<PartResult> {
  const log = new ProblemLog();
  let kind: IdentifierKind = 'UPN';
  const ret = { header: job.header, fileId: job.fileId, hashKey: job.hashKey, today: job.today, codes: outcomeCodesFor(job.header.censusYear) };
  const builder = new PersonRowBuilder(ret, log, { note: (k) => void (kind = k) });
  const packer = new Packer();
  const persons: number[] = [];
  const keys: bigint[] = [];
  const columns: PartResult['columns'] = {};
  const problems: PartProblems[] = [];
  let end: PartEnd | undefined;
  const fail = (): PartResult => ({ ok: false, end: undefined, persons: [], keys: [], columns: {}, values: new Packer().done(), problems: [] });
  let rootSeen = !job.first;
  let headerSeen = !job.first;
  const opts = { header: 'Header', record: 'Person', build: new PersonBuilder(job.file) };
  for await (const batch of recordsOf(blocksOf(job.bytes), job.encoding, opts, job.start)) {
    for (const e of batch) {
      if (e.kind === 'record') {
        if (!headerSeen) return fail();
        const [e0, c0, w0, d0] = [log.errors.length, log.errorCount, log.warnings.length, log.warningCount];
        const rows = builder.rows(e.value);
        if (log.errorCount !== c0 || log.warningCount !== d0) {
          const errors = log.errors.slice(e0);
          const warnings = log.warnings.slice(w0);
          problems.push({
            at: keys.length, errors, moreErrors: log.errorCount - c0 - errors.length, warnings, moreWarnings: log.warningCount - d0 - warnings.length,
          });
        }
        persons.push(KINDS.indexOf(kind), e.at.line, rows.length);
        keys.push(rows[0]![1]['person_key'] as bigint);
        for (const [table, row] of rows) {
          const cols = (columns[table] ??= Object.keys(row));
          packer.push(TABLES.indexOf(table));
          for (let c = 0; c < cols.length; c++) packer.push(row[cols[c]!]);
        }
      } else if (e.kind === 'part-end') end = e;
      else if (e.kind === 'root' && !rootSeen) rootSeen = true;
      else if (e.kind === 'header' && rootSeen && !headerSeen) headerSeen = true;
      else return fail();
    }
  }
  return { ok: end !== undefined && headerSeen, end, persons, keys, columns, values: packer.done(), problems };
}

/** The part's bytes in blocks of 64 KiB, as the file is read whole. */
function* blocksOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += 1 << 16) yield bytes.subarray(at, Math.min(bytes.length, at + (1 << 16)));
}

/** A part of the file as cut here: its bytes, and the lines and `</Person>` end tags in them. */
interface Cut {
  bytes: Uint8Array;
  lines: number;
  records: number;
  last: boolean;
  /** No record ends in far more bytes than a record may hold: the parts are given up. */
  tooLong?: boolean;
}

/** Lines as saxes counts them in XML 1.0: a line feed, a carriage return, or the two together. */
function linesIn(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  if (b.indexOf(13) === -1) return n;
  for (let i = b.indexOf(13); i !== -1; i = b.indexOf(13, i + 1)) if (b[i + 1] !== 10) n++;
  return n;
}

function endTagsIn(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(END_TAG); i !== -1; i = b.indexOf(END_TAG, i + END_TAG.length)) n++;
  return n;
}

/** The file cut into parts of about `size` bytes, each just after a `</Person>` (the last runs to the end). */
async function* cutsOf(path: string, size: number): AsyncGenerator<Cut> {
  const fh = await open(path, 'r');
  try {
    let carry = Buffer.alloc(0);
    let want = size;
    for (;;) {
      // each block in memory of its own (handed to a thread whole), the bytes carried from the last block first
      const buf = Buffer.allocUnsafeSlow(carry.length + want);
      carry.copy(buf, 0);
      const { bytesRead } = await fh.read(buf, carry.length, want, null);
      const filled = buf.subarray(0, carry.length + bytesRead);
      if (bytesRead === 0) {
        if (filled.length > 0) yield cut(filled, true);
        return;
      }
      const at = filled.lastIndexOf(END_TAG);
      if (at === -1) {
        // so long a stretch without a record's end is more characters than a record may have (a UTF-16 unit is at
        // most 3 bytes): the whole read refuses it, and no part is held in memory meanwhile
        if (filled.length > 3 * MAX_RECORD_CHARS + size) {
          yield { bytes: new Uint8Array(0), lines: 0, records: 0, last: false, tooLong: true };
          return;
        }
        carry = filled;
        want = Math.max(size, filled.length); // read as much again: the stretch is copied a few times, not once a block
        continue;
      }
      const end = at + END_TAG.length;
      carry = Buffer.from(filled.subarray(end));
      want = size;
      yield cut(filled.subarray(0, end), false);
    }
  } finally {
    await fh.close();
  }
}

/** A cut of `b`, whose memory (from its start) is the cut's own: it is handed to a thread without a copy. */
function cut(b: Buffer, last: boolean): Cut {
  return { bytes: new Uint8Array(b.buffer, b.byteOffset, b.length), lines: linesIn(b), records: endTagsIn(b), last };
}

/** Parts sent to a worker before it has read the first: it never waits for this thread to send the next. */
const AHEAD = 2;

/** A part sent to be read: its job until a thread (or this one) takes it, and its result to come. */
interface Pending {
  job: PartJob | undefined;
  result: Promise<PartResult | Error>;
  settle: (r: PartResult | Error) => void;
}

/**
 * Runs part jobs on a few worker threads and on this thread: the workers take the oldest part waiting whenever
 * they are free, and this thread takes one (`takeWaiting`) whenever it would otherwise wait.
 */
class PartPool {
  /** Workers with fewer than AHEAD parts sent (once per part they may take). */
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: Pending[] = [];
  /** Parts sent to each worker, oldest first (it reads them in turn). */
  private readonly busy = new Map<Worker, Pending[]>();
  private failed: Error | undefined;

  constructor(workers: number) {
    for (let i = 0; i < workers; i++) {
      const w = new Worker(new URL('./xml-part-worker-boot.mjs', import.meta.url));
      w.unref();
      w.on('message', (r: PartResult) => this.done(w, r));
      w.on('error', (e: Error) => this.done(w, e));
      w.on('exit', () => this.done(w, new Error('an XML part thread stopped')));
      this.all.push(w);
      this.busy.set(w, []);
      for (let k = 0; k < AHEAD; k++) this.idle.push(w);
    }
  }

  run(job: PartJob): Pending {
    let settle!: (r: PartResult | Error) => void;
    const result = new Promise<PartResult | Error>((res) => (settle = res));
    const p: Pending = { job, result, settle };
    if (this.failed) settle(this.failed);
    else {
      this.waiting.push(p);
      this.next();
    }
    return p;
  }

  /** The oldest part no thread has taken, taken here (its result settled once read). */
  async readWaitingHere(): Promise<boolean> {
    const p = this.waiting.shift();
    if (p === undefined) return false;
    const job = p.job!;
    p.job = undefined;
    p.settle(await readPart(job).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    return true;
  }

  stop(): void {
    for (const w of this.all) void w.terminate();
  }

  private next(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const w = this.idle.pop()!;
      const p = this.waiting.shift()!;
      const job = p.job!;
      p.job = undefined;
      this.busy.get(w)!.push(p);
      w.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    }
  }

  private done(w: Worker, r: PartResult | Error): void {
    const sent = this.busy.get(w)!;
    if (r instanceof Error) {
      // a thread that failed takes no more parts: those it had fail with it, those waiting are read here
      this.failed = r;
      for (const p of sent.splice(0)) p.settle(r);
      return;
    }
    const p = sent.shift();
    if (p === undefined) return;
    p.settle(r);
    this.idle.push(w);
    this.next();
  }
}

export interface PartsOptions {
  /** Bytes per part (about). */
  partBytes?: number;
  /** Worker threads besides this one (which reads parts too); 0 reads every part here (tests). */
  workers?: number;
}

/** Whether a promise has settled (looked at after the pending callbacks have run). */
async function resultReady(p: Promise<unknown>): Promise<boolean> {
  let ready = false;
  void p.then(() => (ready = true));
  await new Promise<void>((r) => setImmediate(r));
  return ready;
}

/** Bytes per part: small enough to spread a file over the threads, large enough that each part's overhead is small. */
export const PART_BYTES = 4 * 1024 * 1024;

/**
 * The worker threads a read in parts uses by default besides this thread: one per further core, at most 3, and
 * none (the file read whole) on fewer than 3 cores. Reading in parts costs about 60% more CPU than reading whole
 * (each part's rows are made, packed, handed over and made again; a thread starts; more to collect): with two cores,
 * measured on a machine shared with other work, it was slower (docs/sen2.md, Performance).
 */
export function partWorkers(): number {
  const cores = availableParallelism();
  return cores < 3 ? 0 : Math.min(3, cores - 1);
}

/** What the read in parts needs from the reader: its header, log, sink, and what it counts. */
export interface PartsRead {
  file: string;
  encoding: XmlEncoding;
  header: ReturnHeader;
  fileId: number;
  hashKey: string;
  today: string;
  log: ProblemLog;
  sink: RowSink;
}

/**
 * Reads the persons of a file in parts (the header already read and checked by the caller) into `read.log` and
 * `read.sink`. Returns the counts, or `ok: false` when the file must be read whole instead, with the number of rows
 * already handed to the sink (which the whole read must skip: they are its first rows).
 */
export async function readPersonsInParts(
  read: PartsRead,
  opts: PartsOptions = {},
): Promise<{ ok: true; rows: number; persons: number; unidentified: number } | { ok: false; delivered: number }> {
  const size = opts.partBytes ?? PART_BYTES;
  const pool = new PartPool(opts.workers ?? partWorkers());
  const keys = new PersonKeys(read.log);
  const inFlight: Array<{ records: number; last: boolean; pending: Pending }> = [];
  const window = (AHEAD + 1) * ((opts.workers ?? partWorkers()) + 1);
  let rows = 0;
  let persons = 0;
  let unidentified = 0;
  /** Persons in the parts merged so far. */
  let base = 0;
  let lineBase = 0;
  let indexBase = 0;
  let first = true;
  const cuts = cutsOf(read.file, size);
  let cutsDone = false;
  const fill = async (): Promise<void> => {
    while (!cutsDone && inFlight.length < window) {
      const n = await cuts.next();
      if (n.done) {
        cutsDone = true;
        return;
      }
      const c = n.value;
      if (c.tooLong) {
        const pending = { job: undefined, result: Promise.resolve(new Error('no record end')), settle: () => undefined };
        inFlight.push({ records: 0, last: true, pending });
        cutsDone = true;
        return;
      }
      const start: PartStart = { open: first ? [] : OPEN_BETWEEN, lineBase, indexBase, last: c.last };
      const job: PartJob = {
        file: read.file, bytes: c.bytes, encoding: read.encoding, start, first,
        header: read.header, fileId: read.fileId, hashKey: read.hashKey, today: read.today,
      };
      // the bytes go to the thread: only the counts stay for the merge to check
      inFlight.push({ records: c.records, last: c.last, pending: pool.run(job) });
      lineBase += c.lines;
      indexBase += c.records;
      first = false;
    }
  };
  try {
    await fill();
    while (inFlight.length > 0) {
      // rather than wait for the next part, read one no thread has taken yet
      if (inFlight[0]!.pending.job !== undefined || (await resultReady(inFlight[0]!.pending.result)) === false) {
        if (await pool.readWaitingHere()) {
          await fill();
          continue;
        }
      }
      const { pending, ...c } = inFlight.shift()!;
      const r = await pending.result;
      if (r instanceof Error || !r.ok || !r.end || !r.end.clean || !r.end.withinLimit || r.end.records !== c.records) return { ok: false, delivered: rows };
      if (!c.last && (r.end.open.length !== OPEN_BETWEEN.length || r.end.open.some((n, i) => n !== OPEN_BETWEEN[i]))) return { ok: false, delivered: rows };
      const filling = fill(); // the next parts are cut and sent while this one is merged
      const { persons: people, keys: personKeys, columns, values, problems } = r;
      let v = 0;
      let next = 0;
      for (let i = 0, n = personKeys.length; i < n; i++) {
        persons++;
        const kind = KINDS[people[3 * i]!]!;
        const count = people[3 * i + 2]!;
        if (kind === 'ANON') unidentified++;
        else keys.note(kind, personKeys[i]!, { file: read.file, line: people[3 * i + 1]!, path: `Message/Persons/Person[${base + i + 1}]` });
        if (problems[next]?.at === i) {
          const p = problems[next++]!;
          for (const e of p.errors) read.log.error(e, e.message);
          read.log.more('error', p.moreErrors);
          for (const w of p.warnings) read.log.warn(w, w.message);
          read.log.more('warning', p.moreWarnings);
        }
        if (read.log.errorCount > 0) {
          // the load will fail: keep validating, stop writing
          for (let k = 0; k < count; k++) v += 1 + columns[TABLES[values.nums[v]!]!]!.length;
          continue;
        }
        for (let k = 0; k < count; k++) {
          const table = TABLES[values.nums[v++]!]!;
          const cols = columns[table]!;
          const row: Record<string, unknown> = {};
          for (let c = 0; c < cols.length; c++) row[cols[c]!] = unpack(values, v++);
          const added = read.sink.add(table, row);
          if (added !== undefined) await added;
        }
        rows += count;
      }
      base += personKeys.length;
      await filling;
    }
    return { ok: true, rows, persons, unidentified };
  } finally {
    pool.stop();
    await cuts.return(undefined);
  }
}
