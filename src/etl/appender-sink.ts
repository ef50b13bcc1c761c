/**
 * A RowSink over DuckDB appenders, one per table, created on first use. Each value is appended with the
 * column's type; absent columns get NULL (or the column default).
 */
import { dateValue, timestampValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { RowSink } from './reader.ts';
import type { WarehouseTable } from './schema.ts';

interface Column {
  name: string;
  type: string;
  hasDefault: boolean;
}

const DAY_MS = 86_400_000;

/** The columns of each table of a database, in order: what an AppenderSink appends. */
export type SinkSchema = ReadonlyMap<string, Column[]>;

/**
 * The columns of every table of the connection's current database. Reading the catalog opens a transaction on every
 * attached database (staging.ts: a load must read it before any staging database is attached), so a warehouse reads
 * it once, when it opens.
 */
export async function readSinkSchema(connection: DuckDBConnection): Promise<SinkSchema> {
  // duckdb_columns() of the current database: information_schema.columns gives the same rows in about twice the time
  const reader = await connection.runAndReadAll(
    `SELECT table_name, column_name, data_type, column_default FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name, column_index`,
  );
  const schema = new Map<string, Column[]>();
  for (const [t, c, ty, def] of reader.getRowsJS() as Array<[string, string, string, unknown]>) {
    const list = schema.get(t) ?? [];
    list.push({ name: c, type: ty, hasDefault: def !== null && def !== undefined });
    schema.set(t, list);
  }
  return schema;
}

export class AppenderSink implements RowSink {
  private readonly appenders = new Map<string, { appender: DuckDBAppender; columns: Column[] }>();
  private readonly counts = new Map<string, number>();
  /** Appenders being created (so concurrent first rows share one appender). */
  private readonly creating = new Map<string, Promise<void>>();
  private constructor(
    private readonly connection: DuckDBConnection,
    private readonly schema: SinkSchema,
  ) {}

  /** A sink appending on `connection` to the tables of `schema` (readSinkSchema). */
  static create(connection: DuckDBConnection, schema: SinkSchema): AppenderSink {
    return new AppenderSink(connection, schema);
  }

  /** Rows appended per table. */
  get rowCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** Appends a row: synchronously once the table's appender exists, else after creating it. */
  add(table: WarehouseTable, row: Record<string, unknown>): void | Promise<void> {
    const a = this.appenders.get(table);
    if (a) {
      this.append(a.appender, a.columns, row);
      this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
      return;
    }
    let creating = this.creating.get(table);
    if (!creating) {
      creating = this.connection.createAppender(table).then((appender) => {
        this.appenders.set(table, { appender, columns: this.schema.get(table) ?? [] });
      });
      this.creating.set(table, creating);
    }
    return creating.then(() => this.add(table, row));
  }

  /** Writes every appended row to its table (before SQL on the same connection writes rows after them). */
  flush(): void {
    for (const { appender } of this.appenders.values()) appender.flushSync();
  }

  /** Flushes and closes every appender. */
  close(): void {
    for (const { appender } of this.appenders.values()) {
      appender.flushSync();
      appender.closeSync();
    }
    this.appenders.clear();
    this.creating.clear();
  }

  private append(ap: DuckDBAppender, columns: Column[], row: Record<string, unknown>): void {
    for (const c of columns) {
      const v = row[c.name];
      if (v === null || v === undefined) {
        if (v === undefined && c.hasDefault) ap.appendDefault();
        else ap.appendNull();
        continue;
      }
      switch (c.type) {
        case 'VARCHAR':
          ap.appendVarchar(String(v));
          break;
        case 'INTEGER':
          ap.appendInteger(Number(v));
          break;
        case 'BIGINT':
          ap.appendBigInt(BigInt(Math.round(Number(v))));
          break;
        case 'UHUGEINT':
          ap.appendUHugeInt(BigInt(v as bigint));
          break;
        case 'DOUBLE':
          ap.appendDouble(Number(v));
          break;
        case 'BOOLEAN':
          ap.appendBoolean(Boolean(v));
          break;
        case 'DATE': {
          const d = v instanceof Date ? v : new Date(String(v));
          ap.appendDate(dateValue(Math.floor(d.getTime() / DAY_MS)));
          break;
        }
        case 'TIMESTAMP': {
          const d = v instanceof Date ? v : new Date(String(v));
          ap.appendTimestamp(timestampValue(BigInt(d.getTime()) * 1000n));
          break;
        }
        default:
          ap.appendVarchar(String(v));
      }
    }
    ap.endRow();
  }
}
