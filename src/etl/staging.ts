/**
 * A staging database for a set-based load (Reader.load): an in-memory database attached to the warehouse's own
 * DuckDB and used through a connection of its own, outside the load's transaction.
 *
 *   staging connection (USE hn_stage_<n>; autocommit) ── read_csv, checks, reshaping: plain tables, committed as
 *                                                        they are made, so a failed statement ends nothing
 *   warehouse connection (the load's transaction) ────── INSERT INTO <table> SELECT … FROM "hn_stage_<n>".main.…
 *
 * Each load's transaction sees what was committed in a database when it first reads that database: the staged
 * tables must all be made before the warehouse connection reads any of them (each staging database is new, so
 * none was read before). Staged tables are never part of the load's transaction: the warehouse holds only the rows
 * inserted, committed or rolled back with the rest of the load.
 *
 * While a staging database of personal data is open the warehouse's DuckDB cannot spill to disk (`temp_directory`
 * is ''): staged tables may hold raw identifiers and birth dates, which must never reach a file. Too large an input
 * fails with DuckDB's out-of-memory error instead. A staging database of published statistics (`personal: false`)
 * leaves the setting alone: several of those may be open at once, each on its own connection, so files are staged
 * side by side (prepare-ahead.ts). Closing one detaches it (its memory is let go) and restores the setting.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { sqlName, sqlText } from './sql-quote.ts';

let opened = 0;

export interface StagingOptions {
  /**
   * Whether the staged tables may hold personal data (default true): then DuckDB may not spill to disk while the
   * staging database is open. False for published statistics (EES files).
   */
  personal?: boolean;
}

export class Staging {
  private closed = false;

  private constructor(
    /** The staging connection: unqualified names are in the staging database. */
    readonly connection: DuckDBConnection,
    /** The staging database's name, quoted, for SQL on another connection: `${stage}.main.x_key`. */
    readonly name: string,
    /** The same name unquoted (an appender's catalog). */
    readonly catalog: string,
    private readonly home: string,
    /** The temp directory to restore on close (undefined: left alone). */
    private readonly spill: string | undefined,
    private readonly instance: DuckDBInstance,
  ) {}

  /**
   * Opens a staging database on `instance`, or gives undefined when it is for personal data (the default) and its
   * DuckDB cannot be kept from spilling to disk (it has spilled already: the temp directory can no longer be changed).
   * @example const stage = await Staging.open(instance); try { … } finally { await stage?.close(); }
   */
  static async open(instance: DuckDBInstance, opts: StagingOptions = {}): Promise<Staging | undefined> {
    const con = await instance.connect();
    try {
      const [[home, setting]] = (await con.runAndReadAll("SELECT current_database(), current_setting('temp_directory')")).getRows() as [[string, string]];
      let spill: string | undefined;
      if (opts.personal ?? true) {
        try {
          await con.run("SET temp_directory = ''");
        } catch {
          con.closeSync();
          return undefined;
        }
        spill = String(setting ?? '');
      }
      const catalog = `hn_stage_${process.pid}_${++opened}`;
      const name = sqlName(catalog);
      await con.run(`ATTACH ':memory:' AS ${name}`);
      await con.run(`USE ${name}`);
      return new Staging(con, name, catalog, sqlName(home), spill, instance);
    } catch (e) {
      con.closeSync();
      throw e;
    }
  }

  private readonly forks: DuckDBConnection[] = [];

  /**
   * Another connection on the staging database (unqualified names are in it), for statements that may run beside
   * the staging connection's: DuckDB runs each connection's statements on a thread of their own. Closed with the
   * staging database. Temporary macros and views are the connection's own.
   */
  async fork(): Promise<DuckDBConnection> {
    const con = await this.instance.connect();
    this.forks.push(con);
    await con.run(`USE ${this.name}`);
    return con;
  }

  /** Detaches the staging database (its tables are gone), restores spilling and closes the connection (idempotent). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const con of this.forks.splice(0)) con.closeSync();
    try {
      await this.connection.run(`USE ${this.home}`);
      await this.connection.run(`DETACH ${this.name}`);
      if (this.spill !== undefined) await this.connection.run(`SET temp_directory = ${sqlText(this.spill)}`);
    } finally {
      this.connection.closeSync();
    }
  }
}
