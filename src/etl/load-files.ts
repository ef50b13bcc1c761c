/**
 * Loads files into an open warehouse in ONE transaction: all or nothing. Files already loaded (same SHA-256) or
 * repeated in the same load are skipped — an archive entry identical to an extracted copy too; documentation
 * files are skipped (quietly: no warning). Any error in any file rolls everything back and throws an input
 * error whose problems name file, line and column.
 */
import { regionClashesInWarehouse } from './region-clash-warehouse.ts';
import { stat } from 'node:fs/promises';
import { inputError, type Problem } from '../errors.ts';
import * as msg from '../messages/etl.ts';
import { sha256File, sha256FilesAside, sha256InTurn } from './file-hash.ts';
import { isNotData, loadInputSet, notDataReason, prepareInput, readInput, recogniseInput, type InputFile } from './inputs.ts';
import { resolveOverlaps } from './overlaps.ts';
import { relabelReleases } from './release-reach.ts';
import { brokenOwnTable, stopsRun, type Recognition } from './registry.ts';
import { ONE_THREAD_MAX_BYTES, setBasedFor } from './scratch-read.ts';
import { PrepareAhead, PREPARE_SLOTS, type Preparable } from './prepare-ahead.ts';
import { insertPrepared, type PrepareContext, type Reader, type ReadReport, type RowSink } from './reader.ts';
import type { WarehouseTable } from './schema.ts';
import type { StagingOptions } from './staging.ts';
import type { Warehouse, WarehouseInMaking } from './warehouse.ts';

export interface LoadedFile {
  path: string;
  sha256: string;
  reader: string;
  rows: number;
}
export interface SkippedFile {
  path: string;
  reason: string;
  /** A file `run` passed over that is one of the own tables with a column misnamed (registry.ts brokenOwnTable). */
  ownTable?: string;
}
export interface LoadOutcome {
  loaded: LoadedFile[];
  skipped: SkippedFile[];
  /** Warnings of loaded files and unrecognised files in lenient mode. */
  warnings: Problem[];
}

export interface LoadFilesOptions {
  /**
   * 'error' (load): an unrecognised file fails the load, documentation is listed under skipped; 'warn' (run): an
   * unrecognised file is skipped with a warning, documentation quietly.
   */
  unrecognised: 'error' | 'warn';
  today?: Date;
  /**
   * Whether readers that can load set-based do: by default files of at least 256 kB (scratch-read.ts,
   * setBasedFor); true every file, false none (row by row): the equivalence tests.
   */
  setBased?: boolean;
  /** Input bytes of small row-read files read ahead at most (READ_AHEAD_BYTES by default; 0: none, the tests). */
  readAheadBytes?: number;
  /**
   * Set-based files prepared side by side at most, in a load of less than ONE_THREAD_MAX_BYTES (the machine's
   * cores by default; 0: none, each file is prepared at its turn, the tests). A larger load prepares none ahead:
   * DuckDB runs each of its statements on every thread.
   */
  prepareAhead?: number;
  /**
   * Input bytes from which a load into an empty warehouse, of files all different in size, hashes them on a thread of
   * their own while they load (ONE_THREAD_MAX_BYTES by default, below which the files are prepared while they are
   * hashed instead; 0: every such load, the tests).
   */
  hashAsideFromBytes?: number;
  /** The files' recognitions, when the caller began them (recogniseInputs) while the warehouse opened. */
  recognitions?: Promise<Recognition[]>;
  /** The files' preparing, when the caller began it (prepareEarly) while the warehouse was made. */
  early?: Promise<EarlyPrepare | undefined>;
  /**
   * The caller closes the warehouse as soon as the load ends: DuckDB's thread count, lowered for a small load, is
   * not put back (putting it back, which starts the threads, took 13–16 ms of a 1.3 s `load`).
   */
  thenClose?: boolean;
}

/**
 * Recognises each file (reads its head and finds its reader), in order. A caller may begin this before the
 * warehouse is open and hand the promise to loadFilesInto: the reading and matching then run while DuckDB opens.
 */
export async function recogniseInputs(files: readonly InputFile[]): Promise<Recognition[]> {
  const out: Recognition[] = [];
  for (const input of files) out.push(await recogniseInput(input));
  return out;
}

/** Files being prepared side by side since before the warehouse's schema was made (prepareEarly). */
export interface EarlyPrepare {
  prepares: PrepareAhead;
  /** The hash key they were prepared with (the warehouse must have it). */
  hashKey: string;
}

/**
 * Begins preparing the set-based files of a load into a warehouse being made (Warehouse.open's `meanwhile`), as
 * loadFilesInto prepares them into an empty one (a load of less than ONE_THREAD_MAX_BYTES, DuckDB on one thread): the
 * staging and checking of the largest file then runs while the schema is made instead of after it (the real 2022
 * release: about 40 ms of the whole `load`). Gives undefined when the load would prepare none ahead. loadFilesInto
 * takes the files (opts.early) only if the warehouse holds no file and has the key they were prepared with, else
 * lets them go and prepares afresh.
 */
export async function prepareEarly(
  files: readonly InputFile[],
  recognitions: Promise<Recognition[]>,
  making: WarehouseInMaking,
  opts: Pick<LoadFilesOptions, 'setBased' | 'prepareAhead'> & { today: Date },
): Promise<EarlyPrepare | undefined> {
  const readers = (await recognitions).map((rec) => ('reader' in rec && !isNotData(rec.reader) ? rec.reader : undefined));
  const sizes = await sizesOf(files, readers);
  const slots = opts.prepareAhead ?? PREPARE_SLOTS;
  if (slots <= 0 || sizes.reduce((s, n) => s + n, 0) >= ONE_THREAD_MAX_BYTES) return undefined;
  await making.set('SET threads = 1');
  const ctx = { hashKey: making.hashKey, today: opts.today, staging: making.staging };
  const items = readers.map((r, i) => (r && isSetBased(r, opts, sizes[i]!) ? preparing(r, files[i]!, sizes[i]!, ctx) : undefined));
  return { prepares: new PrepareAhead(items, slots), hashKey: making.hashKey };
}

/** The size of each file that has a reader (0 for the others). */
function sizesOf(files: readonly InputFile[], readers: ReadonlyArray<Reader | undefined>): Promise<number[]> {
  return Promise.all(readers.map(async (r, i) => (r ? (await stat(files[i]!.file)).size : 0)));
}

/** A file's preparation (Reader.prepare), undefined when its reader has none. */
function preparing(reader: Reader, input: InputFile, size: number, ctx: Omit<PrepareContext, 'path'>): Preparable | undefined {
  return reader.prepare ? { size, prepare: () => prepareInput(reader, input, ctx) } : undefined;
}

/** Recognises, hashes and loads files; throws an input error (warehouse unchanged) when any file is invalid. */
export async function loadFilesInto(wh: Warehouse, files: readonly InputFile[], opts: LoadFilesOptions): Promise<LoadOutcome> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const skipped: SkippedFile[] = [];
  const plan: Planned[] = [];
  const known = new Map((await wh.query<{ sha256: string; path: string }>('SELECT sha256, path FROM loaded_file')).map((r) => [r.sha256, r.path]));
  // a failure there (a file gone) is met again below, in its usual place
  const begun = await opts.early?.catch(() => undefined);
  const hashKey = await wh.hashKey();
  // files prepared while the warehouse was made are taken when it is empty and has their key (else another process
  // made it first): then they are let go, and prepared afresh
  const adopted = begun && known.size === 0 && begun.hashKey === hashKey ? begun.prepares : undefined;
  if (begun && !adopted) await begun.prepares.close();
  const recognised: Array<{ input: InputFile; reader: Reader } | undefined> = [];
  const recognitions = await (opts.recognitions ?? recogniseInputs(files));
  for (const [k, input] of files.entries()) {
    const rec = recognitions[k]!;
    recognised.push(undefined);
    if ('problem' in rec) {
      // a broken copy of a published table the model reads, or a table under a title, stops a run too: passed over,
      // the run went on without it
      if (opts.unrecognised === 'warn' && !(rec.sniff && stopsRun(rec.sniff))) {
        warnings.push({ ...rec.problem, message: `${msg.unrecognisedInDataFolder()}: ${rec.problem.message}` });
        const ownTable = rec.sniff && brokenOwnTable(rec.sniff);
        skipped.push({ path: input.path, reason: msg.unrecognisedInDataFolder(), ...(ownTable ? { ownTable } : {}) });
      } else problems.push(rec.problem);
    } else if (isNotData(rec.reader)) {
      // `load` lists documentation and scenarios under skipped; `run` skips them quietly (no warning, no data-quality note)
      if (opts.unrecognised === 'error') skipped.push({ path: input.path, reason: notDataReason(rec.reader) });
    } else recognised[recognised.length - 1] = { input, reader: rec.reader };
  }
  if (problems.length > 0) {
    await adopted?.close();
    throw inputError(msg.loadFailed(new Set(problems.map((p) => p.file)).size, problems.length), problems);
  }

  const today = opts.today ?? new Date();
  const sizes = await sizesOf(files, recognised.map((r) => r?.reader));
  const prepareCtx = { hashKey, today, staging: (o?: StagingOptions) => wh.staging(o) };
  const slots = opts.prepareAhead ?? PREPARE_SLOTS;
  /** File i's preparation, when it goes to its reader's set-based load. */
  const preparable = (i: number, setBased: boolean): Preparable | undefined => {
    const r = recognised[i];
    return setBased && r ? preparing(r.reader, r.input, sizes[i]!, prepareCtx) : undefined;
  };
  // Nothing is loaded yet, so no file can be skipped as already loaded: the files are prepared while they are
  // hashed (a file repeated in this load is prepared for nothing, and let go). A small load runs DuckDB on one
  // thread (ONE_THREAD_MAX_BYTES).
  const total = sizes.reduce((s, n) => s + n, 0);
  const early = adopted !== undefined || (known.size === 0 && slots > 0 && total < ONE_THREAD_MAX_BYTES);
  // A large load into an empty warehouse whose files all differ in size can skip none of them (neither already
  // loaded nor repeated in this load: equal bytes are equal sizes), so its plan needs no hash: the files are hashed
  // on a thread of their own while they load, and awaited only for their `loaded_file` rows, once all are loaded. Hashing them
  // first (212 MB, a 650,000-person Blade export) kept DuckDB idle for 0.15–0.2 s at the start of the load.
  // A smaller such load hashes them here, one after the other, while it loads: hashing the real 2022 release's four
  // files (15 MB) first held its first INSERT back by the time they took.
  const toHash = recognised.flatMap((r, i) => (r ? [i] : []));
  const aside = hashAside(known.size, toHash.map((i) => sizes[i]!), opts.hashAsideFromBytes)
    ? sha256FilesAside(toHash.map((i) => recognised[i]!.input.file))
    : undefined;
  const later = !aside && skipsNone(known.size, toHash.map((i) => sizes[i]!)) ? sha256InTurn() : undefined;
  let threadsSet = false;
  const loaded: LoadedFile[] = [];
  // files are prepared by their index among those given
  let prepares: PrepareAhead | undefined;
  try {
    if (early) {
      if (!adopted) await wh.run('SET threads = 1'); // else set by prepareEarly
      threadsSet = true;
      prepares = adopted ?? new PrepareAhead(recognised.map((r, i) => preparable(i, r !== undefined && isSetBased(r.reader, opts, sizes[i]!))), slots);
    }
    // the load's transaction reads each staging database first once its tables are made (staging.ts): nothing
    // in it reads the catalog of every attached database (the sink's columns were read when the warehouse opened)
    await wh.withTransaction(
      async () => {
        const sink = wh.sink();
        const firstFileId = ((await wh.query<{ m: number | null }>('SELECT max(file_id) AS m FROM loaded_file'))[0]?.m ?? 0) + 1;
        try {
          const inThisLoad = new Map<string, string>();
          for (const [i, r] of recognised.entries()) {
            if (!r) continue;
            const path = r.input.path;
            if (aside || later) {
              const sha = aside ? aside.hashes[toHash.indexOf(i)]! : later!(r.input.file);
              plan.push({ input: r.input, sha, reader: r.reader, size: sizes[i]!, setBased: isSetBased(r.reader, opts, sizes[i]!), index: i });
              continue;
            }
            const sha = await sha256File(r.input.file);
            const prev = known.get(sha);
            if (prev !== undefined) {
              skipped.push({ path, reason: msg.alreadyLoaded(sha, prev) });
              continue;
            }
            const dup = inThisLoad.get(sha);
            if (dup !== undefined) {
              skipped.push({ path, reason: msg.duplicateInLoad(dup) });
              continue;
            }
            inThisLoad.set(sha, path);
            plan.push({ input: r.input, sha, reader: r.reader, size: sizes[i]!, setBased: isSetBased(r.reader, opts, sizes[i]!), index: i });
          }
          const oneThread = plan.reduce((s, f) => s + f.size, 0) < ONE_THREAD_MAX_BYTES;
          if (oneThread && !threadsSet) {
            await wh.run('SET threads = 1');
            threadsSet = true;
          }
          const setBased = new Set(plan.flatMap((f) => (f.setBased ? [f.index] : [])));
          prepares ??= new PrepareAhead(
            recognised.map((_, i) => preparable(i, setBased.has(i))),
            oneThread ? slots : 0,
          );
          const ahead = new ReadAhead(plan, { hashKey, today }, opts.readAheadBytes ?? READ_AHEAD_BYTES);
          let fileId = firstFileId;
          /** The files loaded, in order, for their `loaded_file` rows. */
          const done: Array<{ fileId: number; path: string; sha: string | Promise<string>; reader: string; rows: number }> = [];
          for (const [i, f] of plan.entries()) {
            const path = f.input.path;
            const ctx = { fileId, hashKey, today };
            if (problems.length === 0) ahead.startAfter(i, fileId);
            else prepares.stop();
            // set-based when the reader can and no file has failed (after a failure only messages are wanted)
            let report: ReadReport | undefined;
            if (problems.length === 0 && f.setBased) {
              sink.flush(); // rows appended so far come before the rows SQL inserts
              const ready = await prepares.take(f.index);
              if (!ready) report = await loadInputSet(f.reader, f.input, wh.connection, { ...ctx, staging: (o) => wh.staging(o) });
              else if (ready.prepared) report = await insertPrepared(ready.prepared, wh.connection, fileId);
            }
            report ??= await ahead.take(i, fileId, problems.length > 0 ? undefined : sink);
            report ??= await readInput(f.reader, f.input, problems.length > 0 ? { add: () => undefined } : sink, ctx);
            problems.push(...report.errors);
            if (report.errors.length > 0) continue;
            warnings.push(...report.warnings);
            for (const w of report.warnings) {
              await sink.add('dq_note', { file_id: fileId, path, line: w.line ?? null, column_name: w.column ?? null, severity: 'warning', message: w.message });
            }
            // the file's `loaded_file` row waits for its hash, and so for the rows of every file after it (in file
            // order): a file hashed beside the load keeps no later file from starting
            done.push({ fileId, path, sha: f.sha, reader: f.reader.id, rows: report.rows });
            fileId++;
          }
          for (const d of done) {
            const sha = await d.sha;
            await sink.add('loaded_file', { file_id: d.fileId, path: d.path, sha256: sha, reader: d.reader, rows: d.rows, loaded_at: today });
            loaded.push({ path: d.path, sha256: sha, reader: d.reader, rows: d.rows });
          }
        } finally {
          sink.close();
          await prepares?.close();
        }
        if (problems.length === 0 && loaded.length > 0) {
          // two releases of one layout are two sources (release-reach.ts), not two versions of one file
          await relabelReleases(wh, firstFileId);
          // the same figures from two files (a copy with other line endings, a re-saved extract) count once
          const overlaps = await resolveOverlaps(wh, firstFileId);
          problems.push(...overlaps.errors);
          for (const n of overlaps.notes) {
            warnings.push(n);
            const id = loaded.findIndex((f) => f.path === n.file);
            await wh.run(`INSERT INTO dq_note (file_id, path, line, column_name, severity, message) VALUES ($1, $2, NULL, NULL, 'info', $3)`, [
              firstFileId + Math.max(0, id), n.file ?? '', n.message,
            ]);
          }
        }
        if (problems.length === 0 && loaded.length > 0) problems.push(...(await regionClashesInWarehouse(wh, firstFileId))); // a code in two regions across files
        if (problems.length > 0) throw inputError(msg.loadFailed(new Set(problems.map((p) => p.file)).size, problems.length), problems);
      },
      { checkpoint: true },
    );
  } catch (e) {
    loaded.length = 0;
    throw e;
  } finally {
    aside?.stop();
    await prepares?.close();
    if (threadsSet && !opts.thenClose) await wh.run('RESET threads');
  }
  return { loaded, skipped, warnings };
}

/**
 * Whether a load can hash its files while it loads them (loadFilesInto): into a warehouse holding no file
 * (`loadedFiles` 0), files of these sizes (the recognised ones) that all differ, so that none can be skipped, and
 * together at least `fromBytes` (LoadFilesOptions.hashAsideFromBytes).
 */
export function hashAside(loadedFiles: number, sizes: readonly number[], fromBytes = ONE_THREAD_MAX_BYTES): boolean {
  return skipsNone(loadedFiles, sizes) && sizes.reduce((s, n) => s + n, 0) >= fromBytes;
}

/**
 * Whether a load can skip none of its files, so that its plan needs no hash: a warehouse holding no file (none is
 * loaded already) and files all different in size (none is repeated in the load: equal bytes are equal sizes).
 */
export function skipsNone(loadedFiles: number, sizes: readonly number[]): boolean {
  return loadedFiles === 0 && new Set(sizes).size === sizes.length;
}

/** Whether file of `size` bytes goes to its reader's set-based load (setBasedFor), where the reader has one. */
function isSetBased(reader: Reader, opts: Pick<LoadFilesOptions, 'setBased'>, size: number): boolean {
  return reader.load !== undefined && setBasedFor(opts.setBased, size);
}

interface Planned {
  input: InputFile;
  /** Its SHA-256, or the promise of it when the files are hashed while they load. */
  sha: string | Promise<string>;
  reader: Reader;
  size: number;
  /** Whether the file goes to the reader's set-based load (setBasedFor). */
  setBased: boolean;
  /** Its place among the files given (PrepareAhead's index). */
  index: number;
}

/** Input bytes of files read ahead whose rows are not yet appended, at most (the rows wait in memory). */
export const READ_AHEAD_BYTES = 4 * 1024 * 1024;

/**
 * Reads small row-read files ahead, while DuckDB works on the files before them: their readers run on the main
 * thread (JavaScript) as DuckDB's statements run on its own, and their rows wait in memory until the file's turn,
 * then go to the sink in file order. Each is read with the file id it will have when every file before it loads
 * (after a failure the load fails, and only the read-ahead's messages are used).
 */
class ReadAhead {
  private readonly pending = new Map<number, { fileId: number; bytes: number; done: Promise<{ report: ReadReport; rows: Array<[WarehouseTable, Record<string, unknown>]> }> }>();
  private next = 0;
  private bytes = 0;

  constructor(
    private readonly plan: readonly Planned[],
    private readonly ctx: { hashKey: string; today: Date },
    private readonly maxBytes: number,
  ) {}

  /** Starts reading the row-read files from plan[i] on (file `fileId` onwards), within maxBytes. */
  startAfter(i: number, fileId: number): void {
    this.next = Math.max(this.next, i);
    for (; this.next < this.plan.length; this.next++) {
      const f = this.plan[this.next]!;
      if (f.setBased) continue;
      if (this.bytes + f.size > this.maxBytes) return;
      const id = fileId + (this.next - i);
      const rows: Array<[WarehouseTable, Record<string, unknown>]> = [];
      const done = readInput(f.reader, f.input, { add: (table, row) => void rows.push([table, row]) }, { fileId: id, hashKey: this.ctx.hashKey, today: this.ctx.today }).then((report) => ({ report, rows }));
      done.catch(() => undefined); // a failure surfaces at the file's turn (take)
      this.pending.set(this.next, { fileId: id, bytes: f.size, done });
      this.bytes += f.size;
    }
  }

  /**
   * The report of plan[i] read ahead, its rows appended to `sink` (none: rows dropped), or undefined when it was
   * not read ahead (or with another file id): then the caller reads it.
   */
  async take(i: number, fileId: number, sink: RowSink | undefined): Promise<ReadReport | undefined> {
    const p = this.pending.get(i);
    if (!p) return undefined;
    this.pending.delete(i);
    this.bytes -= p.bytes;
    const { report, rows } = await p.done;
    if (sink && p.fileId !== fileId) return undefined;
    if (sink) {
      for (const [table, row] of rows) {
        const r = sink.add(table, row);
        if (r) await r;
      }
    }
    return report;
  }
}