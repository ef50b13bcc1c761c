/**
 * The DuckDB warehouse: opens a file (or ':memory:'), creates the schema, the LA successions and a random
 * per-warehouse hash key, and offers transactions, queries and fast appender-based row sinks.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { SUCCESSIONS } from '../domain/index.ts';
import { AppenderSink, readSinkSchema, type SinkSchema } from './appender-sink.ts';
import { duckdbOptions } from './duckdb-options.ts';
import { ADDED_COLUMNS, CHANGED_COLUMNS, WAREHOUSE_DDL, WAREHOUSE_TABLES } from './schema.ts';
import { Staging, type StagingOptions } from './staging.ts';
import { wholeNumber } from './whole-number.ts';
import { LOCK_WAIT_MS, checkMadeByHighneeds, checkWarehouseFile, openWaitingForLock } from './warehouse-file.ts';

/**
 * FSST, DuckDB's compression for strings that are mostly different, is turned off: a commit that writes a load's
 * rows into the file weighs it for every string column, and a release's tables hold codes, names and labels repeated
 * thousands of times, which dictionary compression stores. On the real 2022 release the commit took 77–84 ms without
 * it against 100–113 ms with it, for a file of the same size. (`SET GLOBAL`: DuckDB ignores this option when it is
 * given to DuckDBInstance.create.)
 */
const NO_FSST = `SET GLOBAL disabled_compression_methods = 'fsst'`;

/** The columns of the first warehouse this process made (Warehouse.init): every one it makes has them. */
let madeSchema: SinkSchema | undefined;

/**
 * What may begin while a warehouse not there before is made (Warehouse.open's `meanwhile`): `load` stages and checks
 * its files meanwhile (load-files.ts prepareEarly), as they need none of the warehouse's tables.
 */
export interface WarehouseInMaking {
  /** The hash key the warehouse gets if this open makes it (another process may make it first). */
  hashKey: string;
  /** A staging database beside the warehouse (Warehouse.staging). */
  staging(opts?: StagingOptions): Promise<Staging | undefined>;
  /** Runs a global setting (`SET threads = 1`) on a connection of its own: the warehouse's is making the schema. */
  set(sql: string): Promise<void>;
}

export class Warehouse {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /**
   * Opens (creating when absent) a warehouse file, or an in-memory one with ':memory:'.
   * @example const wh = await Warehouse.open('.highneeds/warehouse.duckdb');
   */
  static async open(file: string, opts: { mustExist?: boolean; lockWaitMs?: number; meanwhile?: (making: WarehouseInMaking) => void } = {}): Promise<Warehouse> {
    if (file === ':memory:') return Warehouse.connect(file, await DuckDBInstance.create(file, duckdbOptions()), opts.meanwhile);
    const existed = await checkWarehouseFile(file, opts.mustExist ?? false);
    await mkdir(dirname(file), { recursive: true });
    return openWaitingForLock(file, opts.lockWaitMs ?? LOCK_WAIT_MS, async () => {
      const instance = await DuckDBInstance.create(file, duckdbOptions());
      try {
        if (existed) await checkMadeByHighneeds(file, instance);
        return await Warehouse.connect(file, instance, existed ? undefined : opts.meanwhile);
      } catch (e) {
        instance.closeSync();
        throw e;
      }
    });
  }

  /** Connects and makes what is missing; `meanwhile` (a warehouse not there before) is called first, once. */
  private static async connect(file: string, instance: DuckDBInstance, meanwhile?: (making: WarehouseInMaking) => void): Promise<Warehouse> {
    const connection = await instance.connect();
    const wh = new Warehouse(file, instance, connection);
    meanwhile?.({
      hashKey: wh.newKey,
      staging: (o) => wh.staging(o),
      set: async (sql) => {
        const aside = await instance.connect();
        try {
          await aside.run(sql);
        } finally {
          aside.closeSync();
        }
      },
    });
    await wh.init();
    return wh;
  }

  /** The hash key this warehouse gets if it is made here (createSchema). */
  private readonly newKey = randomBytes(32).toString('hex');

  /** The tables' columns, read once the schema is made (before any staging database is attached). */
  private schema: SinkSchema = new Map();

  /** Creates what is missing in one transaction (a warehouse file commits, and syncs to disk, once). */
  private async init(): Promise<void> {
    const created = await this.createSchema();
    // a warehouse made here has the columns every warehouse made by this process has (the same statements made
    // them, of the current types): the catalog is read for the first only (about 20 ms of a new warehouse's
    // 100 ms); one that existed may be older, and is read
    if (created) {
      this.schema = madeSchema ??= await readSinkSchema(this.connection);
      return;
    }
    this.schema = await readSinkSchema(this.connection);
    // a warehouse of an earlier version: the columns whose type changed are converted, once, in a transaction
    const changed = CHANGED_COLUMNS.filter(([t, c, former]) => this.schema.get(t)?.find((x) => x.name === c)?.type === former);
    if (changed.length === 0) return;
    await this.withTransaction(async () => {
      for (const [t, c, , type, using] of changed) await this.connection.run(`ALTER TABLE ${t} ALTER COLUMN ${c} SET DATA TYPE ${type} USING ${using}`);
    });
    this.schema = await readSinkSchema(this.connection);
  }

  /** Makes what is missing; true when the warehouse is new (its schema made here, whole). */
  private async createSchema(): Promise<boolean> {
    return this.withTransaction(async () => {
      // one call for the whole schema (each call is a round trip to DuckDB's thread)
      await this.connection.run(
        [NO_FSST, ...WAREHOUSE_TABLES.map((t) => WAREHOUSE_DDL[t]!), ...ADDED_COLUMNS.map(([t, c, type]) => `ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS ${c} ${type}`)].join(';\n'),
      );
      const key = await this.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'hash_key'`);
      if (key.length > 0) return false;
      await this.connection.run(`INSERT INTO meta VALUES ('hash_key', $1)`, [this.newKey]);
      await this.connection.run(`INSERT INTO meta VALUES ('created_by', 'highneeds')`);
      const successions = SUCCESSIONS.flatMap((s) => s.from.flatMap((from) => s.to.map((to) => [s.kind, from, to, s.fromCensusYear, s.note])));
      if (successions.length > 0) {
        const values = successions.map((_, i) => `(${[1, 2, 3, 4, 5].map((k) => `$${i * 5 + k}`).join(', ')})`).join(', ');
        await this.connection.run(`INSERT INTO la_succession VALUES ${values}`, successions.flat());
      }
      return true;
    });
  }

  /** The per-warehouse key for hashing identifiers (never written to reports). */
  async hashKey(): Promise<string> {
    const rows = await this.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'hash_key'`);
    return rows[0]!.value;
  }

  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. With `checkpoint`, the
   * commit writes the changes into the database file itself (a checkpoint) instead of the write-ahead log: a load's
   * rows are written to disk once, not to the log and again into the file by the next checkpoint (at close).
   * Measured on 100,000 rows: commit and close 81–117 ms against 116–175 ms through the log (3 MB written less).
   */
  async withTransaction<T>(fn: () => Promise<T>, opts: { checkpoint?: boolean } = {}): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    let out: T;
    try {
      out = await fn();
    } catch (e) {
      await this.connection.run('ROLLBACK');
      throw e;
    }
    // DuckDB checkpoints at commit, skipping the log, when the log would pass this threshold
    if (opts.checkpoint) await this.connection.run(`SET checkpoint_threshold = '0KB'`);
    try {
      await this.connection.run('COMMIT');
    } catch (e) {
      // a failed commit leaves the transaction aborted: end it, so the connection can be used (or closed) again
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      if (opts.checkpoint) await this.connection.run('RESET checkpoint_threshold');
    }
    return out;
  }

  /**
   * Runs a query and returns plain row objects (a BIGINT as a number; a whole number no double holds exactly, such
   * as a person key, stays a bigint).
   */
  async query<T = Record<string, unknown>>(sql: string, params?: DuckDBValue[]): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map((r) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) o[k] = typeof v === 'bigint' ? wholeNumber(v) : v;
      return o as T;
    });
  }

  /** Runs a statement. */
  async run(sql: string, params?: DuckDBValue[]): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** A row sink that appends through DuckDB appenders (call `close()` on it before committing). */
  sink(): AppenderSink {
    return AppenderSink.create(this.connection, this.schema);
  }

  /** A staging database beside the warehouse for a set-based load (staging.ts), or undefined when none can be opened. */
  async staging(opts?: StagingOptions): Promise<Staging | undefined> {
    return Staging.open(this.instance, opts);
  }

  /** Row counts of every table. */
  async tableCounts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of WAREHOUSE_TABLES) {
      const r = await this.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`);
      out[t] = r[0]!.n;
    }
    return out;
  }

  private closed = false;

  /** Closes the connection and database (idempotent). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
