/**
 * Duplicate rows within one published file: two lines with the same values in every column that is not a
 * measure (the same LA, year, breakdown …), descriptive columns (DESCRIPTIVE_COLUMNS) and columns the reader does not
 * read (unreadColumns) aside. Identical measures → a copy, counted once and said once; different
 * measures → it is unclear which one counts, an error naming both lines. The measure columns are learnt from the
 * rows read so far (the columns a reader parsed as numbers), so no column a reader treats as a figure ever makes
 * two rows look different.
 *
 * Every row read is remembered, so the memory grows with the file: compactly, about 60 bytes a row (a 100 MB EES
 * file of 700,000 lines: about 45 MB, where a Map of joined texts and arrays of `name=value` strings took 700 MB),
 * and 4 bytes a row for each column not read (which, in the key, took a dictionary entry for each distinct value).
 *
 *   row ──▶ key: each non-measure value as a number (one dictionary of the distinct values, few in a published
 *           file), varint bytes ──▶ hash ──▶ open-addressing table of record offsets
 *   record (byte arena, in chunks): hash, line, key bytes, measure names (an id), measure values (UTF-8),
 *                                   unread column names (an id), a 32-bit hash of each unread value
 *
 * A key is found by comparing its bytes, never by its hash alone, so the verdicts are those of comparing texts.
 */
import type { CsvRow } from './csv/read-table.ts';

/**
 * Columns that describe a row's LA, area or year but do not identify it: the name beside the code, the ONS code
 * beside the DfE one (the model keys an LA by its DfE code), the label of the time period. They are neither part of
 * the key nor figures, so a line that repeats another's LA, year, breakdown and figures with another name ("Kent
 * County Council"), ONS code or "Academic Year" is the same row. Before, such a line was a row of its own and its
 * plans were added: a copy of Kent's January 2026 rows with the name spelt out doubled Kent's stock (21,555 →
 * 43,110), and its forecast (45,441 plans a year ahead), with only reconciliation notes.
 */
export const DESCRIPTIVE_COLUMNS: ReadonlySet<string> = new Set(['la_name', 'region_name', 'country_name', 'time_identifier', 'new_la_code']);

/**
 * The columns of a header that a reader does not read (`declared`: the columns its table spec names): an extra
 * column (`notes`), one its spec accepts without reading (the 2022 sen2_mi.csv's other measures), an unnamed one.
 * They do not tell two rows apart: a line that repeats another's LA, year, breakdown and figures with another `notes`
 * was a row of its own, its plans added (Anyshire's January 2022 Total counted twice: 4,328 plans read as 6,492).
 * A column read as a figure all the same (checked, `measures`) is a figure, not one of these.
 */
export function unreadColumns(names: readonly string[], declared: { required: readonly string[]; optional?: readonly string[] }): string[] {
  const known = new Set([...declared.required, ...(declared.optional ?? [])]);
  return [...new Set(names)].filter((n) => !known.has(n));
}

export type DuplicateVerdict =
  | { kind: 'new' }
  | { kind: 'copy'; firstLine: number; /** unread columns whose values differ from the first line's */ unreadDiffer: string[] }
  | { kind: 'conflict'; firstLine: number; column: string };

/**
 * Bytes of an arena chunk at most (a larger record gets a chunk of its own). The first chunk is FIRST_CHUNK bytes and
 * each next one twice the last, up to CHUNK: a file of a few lines no longer takes 4 MB, outside the JavaScript heap.
 */
const CHUNK = 4 * 1024 * 1024;
const FIRST_CHUNK = 64 * 1024;
const EMPTY = -1;

/** The earlier row a key belongs to, read back from its record. */
interface First {
  line: number;
  names: readonly string[];
  values: string[];
  unread: readonly string[];
  unreadHashes: number[];
}

export class DuplicateRows {
  /** Columns some row of the file was read as a figure from. */
  readonly measures = new Set<string>();
  /** Copies found (lines repeating an earlier line exactly). */
  copies = 0;
  firstCopy: { line: number; of: number } | undefined;
  /** Columns not read whose values differ between a copy and the line it repeats. */
  private readonly differing = new Set<string>();
  /** Columns no reader reads (unreadColumns): neither key nor figure, unless read as a figure all the same. */
  private unread: ReadonlySet<string> = new Set();

  /** Non-measure values → their numbers. */
  private readonly valueIds = new Map<string, number>();
  /** Measure name lists (joined) → their numbers, and back. */
  private readonly nameListIds = new Map<string, number>();
  private readonly nameLists: Array<readonly string[]> = [];
  /** The last list of measure names and of unread names (cache: each changes only while a reader learns them). */
  private readonly lastList = [-1, -1];
  private chunks: Buffer[] = [];
  /** Where the next record goes in the last chunk. */
  private used = 0;
  /** Record offsets (chunk × CHUNK + position), EMPTY where free; a power of two long. */
  private slots = new Float64Array(1 << 12).fill(EMPTY);
  private count = 0;
  /** The row being checked, encoded (grows as needed). */
  private scratch = Buffer.alloc(1024);

  /**
   * Checks a row against the earlier rows of the file (and remembers it when it is new).
   * @example const v = dups.check(row); if (v.kind === 'copy') return; // skip: counted once
   */
  /** The columns not read in which some copy differs from the line it repeats, in the file's order. */
  get unreadDiffer(): string[] {
    return [...this.unread].filter((n) => this.differing.has(n));
  }

  /** Sets the columns of the file no reader reads (unreadColumns), before the first row. */
  ignore(columns: Iterable<string>): void {
    this.unread = new Set(columns);
  }

  check(row: CsvRow): DuplicateVerdict {
    const dims: string[] = [];
    const measures: string[] = [];
    const unread: string[] = [];
    for (const n of row.names) {
      if (this.measures.has(n)) measures.push(n);
      else if (this.unread.has(n)) {
        if (!unread.includes(n)) unread.push(n);
      } else if (!DESCRIPTIVE_COLUMNS.has(n.toLowerCase())) dims.push(n);
    }
    let keyEnd = this.putVarint(0, dims.length);
    for (const n of dims) {
      const v = row.get(n);
      let id = this.valueIds.get(v);
      if (id === undefined) this.valueIds.set(v, (id = this.valueIds.size));
      keyEnd = this.putVarint(keyEnd, id);
    }
    const hash = fnv1a(this.scratch, 0, keyEnd);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let off = this.slots[slot]!; off !== EMPTY; off = this.slots[slot]!) {
      if (this.sameKey(off, hash, keyEnd)) return this.verdict(this.first(off, keyEnd), row, measures, unread);
      slot = (slot + 1) & mask;
    }
    this.slots[slot] = this.remember(hash, row.line, keyEnd, row, measures, unread);
    if (++this.count * 2 > this.slots.length) this.grow();
    return { kind: 'new' };
  }

  private verdict(first: First, row: CsvRow, measures: string[], unread: string[]): DuplicateVerdict {
    // as comparing `name=value` texts: the names and values in order, and as many of them
    const differs = measures.find((n, i) => i >= first.values.length || first.names[i] !== n || first.values[i] !== row.get(n));
    if (differs === undefined && first.values.length === measures.length) {
      this.copies++;
      this.firstCopy ??= { line: row.line, of: first.line };
      // a hash that happens to agree only leaves a differing column unsaid: the verdict is the key's and figures'
      const unreadDiffer = unread.filter((n) => {
        const i = first.unread.indexOf(n);
        return i < 0 || first.unreadHashes[i] !== textHash(row.get(n));
      });
      for (const n of unreadDiffer) this.differing.add(n);
      return { kind: 'copy', firstLine: first.line, unreadDiffer };
    }
    return { kind: 'conflict', firstLine: first.line, column: differs ?? measures[0] ?? '' };
  }

  /** Appends the row's record (the key is in scratch[0, keyEnd)) and gives its offset. */
  private remember(hash: number, line: number, keyEnd: number, row: CsvRow, measures: string[], unread: string[]): number {
    let end = this.putVarint(keyEnd, this.nameListId(measures, 0));
    for (const n of measures) {
      const v = row.get(n);
      let ascii = true;
      for (let i = 0; i < v.length && ascii; i++) ascii = v.charCodeAt(i) < 0x80;
      if (ascii) {
        end = this.putVarint(end, v.length);
        this.ensureScratch(end + v.length);
        for (let i = 0; i < v.length; i++) this.scratch[end++] = v.charCodeAt(i);
      } else {
        const bytes = Buffer.byteLength(v);
        end = this.putVarint(end, bytes);
        this.ensureScratch(end + bytes);
        end += this.scratch.write(v, end, 'utf8');
      }
    }
    end = this.putVarint(end, this.nameListId(unread, 1));
    this.ensureScratch(end + 4 * unread.length);
    for (const n of unread) end = this.scratch.writeUInt32LE(textHash(row.get(n)), end);
    const size = 8 + end;
    const last = this.chunks.at(-1);
    if (!last || this.used + size > last.length) {
      // records never straddle chunks; an offset is chunk × CHUNK + position, as no chunk but a lone record's is larger
      this.chunks.push(Buffer.allocUnsafe(Math.max(last ? Math.min(CHUNK, last.length * 2) : FIRST_CHUNK, size)));
      this.used = 0;
    }
    const c = this.chunks.length - 1;
    const chunk = this.chunks[c]!;
    const at = this.used;
    chunk.writeUInt32LE(hash >>> 0, at);
    chunk.writeUInt32LE(line >>> 0, at + 4);
    this.scratch.copy(chunk, at + 8, 0, end);
    this.used += size;
    return c * CHUNK + at;
  }

  /** The number of a list of column names (measures, or unread columns: the last of each kind is kept). */
  private nameListId(measures: string[], cache: 0 | 1): number {
    const last = this.nameLists[this.lastList[cache]!];
    if (last && last.length === measures.length && last.every((n, i) => n === measures[i])) return this.lastList[cache]!;
    const joined = measures.join('\u001f');
    let list = this.nameListIds.get(joined);
    if (list === undefined) {
      this.nameListIds.set(joined, (list = this.nameLists.length));
      this.nameLists.push([...measures]);
    }
    return (this.lastList[cache] = list);
  }

  private sameKey(off: number, hash: number, keyEnd: number): boolean {
    const chunk = this.chunks[Math.floor(off / CHUNK)]!;
    const at = off % CHUNK;
    if (chunk.readUInt32LE(at) !== hash >>> 0) return false;
    return chunk.compare(this.scratch, 0, keyEnd, at + 8, at + 8 + keyEnd) === 0;
  }

  /** The earlier row's line, measure names and values from its record (whose key has keyEnd bytes). */
  private first(off: number, keyEnd: number): First {
    const chunk = this.chunks[Math.floor(off / CHUNK)]!;
    const at = off % CHUNK;
    let p = at + 8 + keyEnd;
    const [list, q] = getVarint(chunk, p);
    p = q;
    const names = this.nameLists[list]!;
    const values: string[] = [];
    for (let i = 0; i < names.length; i++) {
      const [bytes, r] = getVarint(chunk, p);
      values.push(chunk.toString('utf8', r, r + bytes));
      p = r + bytes;
    }
    const [unreadList, u] = getVarint(chunk, p);
    const unread = this.nameLists[unreadList]!;
    const unreadHashes = unread.map((_, i) => chunk.readUInt32LE(u + 4 * i));
    return { line: chunk.readUInt32LE(at + 4), names, values, unread, unreadHashes };
  }

  /** Doubles the table, placing every record again by its stored hash. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2).fill(EMPTY);
    const mask = this.slots.length - 1;
    for (const off of old) {
      if (off === EMPTY) continue;
      let slot = this.chunks[Math.floor(off / CHUNK)]!.readUInt32LE(off % CHUNK) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = off;
    }
  }

  private putVarint(at: number, n: number): number {
    this.ensureScratch(at + 5);
    while (n >= 0x80) {
      this.scratch[at++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.scratch[at++] = n;
    return at;
  }

  private ensureScratch(bytes: number): void {
    if (bytes <= this.scratch.length) return;
    const next = Buffer.alloc(Math.max(bytes, this.scratch.length * 2));
    this.scratch.copy(next);
    this.scratch = next;
  }
}

function getVarint(b: Buffer, at: number): [number, number] {
  let n = 0;
  let shift = 0;
  for (;;) {
    const byte = b[at++]!;
    n += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [n, at];
    shift += 7;
  }
}

/** 32-bit FNV-1a of a text's UTF-16 code units (an unread column's value: told apart, not compared exactly). */
function textHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** 32-bit FNV-1a of bytes [from, to): the hash of a row's key (exported for the test of two keys that share one). */
export function fnv1a(b: Buffer, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h >>> 0;
}
