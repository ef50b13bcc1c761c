/**
 * A RowSink over DuckDB appenders, one per table, created on first use. Each value is appended with the
 * column's type; absent columns get NULL (or the column default).
 */
import { dateValue, timestampValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { RowSink } from './reader.ts';
import { digits, isCalendarDay } from './persons/dates.ts';
import type { WarehouseTable } from './schema.ts';

interface Column {
  name: string;
  type: string;
  hasDefault: boolean;
}

/** How a column's values are appended (its type, as a number: compared once per column, not once per value). */
const enum As { Varchar, Integer, BigInt, UHugeInt, Double, Boolean, Date, Timestamp }

function appendAs(type: string): As {
  switch (type) {
    case 'INTEGER':
      return As.Integer;
    case 'BIGINT':
      return As.BigInt;
    case 'UHUGEINT':
      return As.UHugeInt;
    case 'DOUBLE':
      return As.Double;
    case 'BOOLEAN':
      return As.Boolean;
    case 'DATE':
      return As.Date;
    case 'TIMESTAMP':
      return As.Timestamp;
    default:
      return As.Varchar;
  }
}

/** A table's appender, its columns and how each is appended, and the rows appended. */
interface Target {
  appender: DuckDBAppender;
  columns: Column[];
  as: As[];
  rows: number;
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
  private readonly appenders = new Map<string, Target>();
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
    return Object.fromEntries([...this.appenders].map(([table, t]) => [table, t.rows]));
  }

  /** Appends a row: synchronously once the table's appender exists, else after creating it. */
  add(table: WarehouseTable, row: Record<string, unknown>): void | Promise<void> {
    const a = this.appenders.get(table);
    if (a) {
      append(a, row);
      a.rows++;
      return;
    }
    let creating = this.creating.get(table);
    if (!creating) {
      creating = this.connection.createAppender(table).then((appender) => {
        const columns = this.schema.get(table) ?? [];
        this.appenders.set(table, { appender, columns, as: columns.map((c) => appendAs(c.type)), rows: 0 });
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
}

/** Appends one row to `t`: each column's value by its type, NULL (or the column's default when absent) if none. */
function append(t: Target, row: Record<string, unknown>): void {
  const { appender: ap, columns, as } = t;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    const v = row[c.name];
    if (v === null || v === undefined) {
      if (v === undefined && c.hasDefault) ap.appendDefault();
      else ap.appendNull();
      continue;
    }
    switch (as[i]) {
      case As.Varchar:
        ap.appendVarchar(String(v));
        break;
      case As.Integer:
        ap.appendInteger(Number(v));
        break;
      case As.BigInt:
        ap.appendBigInt(BigInt(Math.round(Number(v))));
        break;
      case As.UHugeInt:
        ap.appendUHugeInt(BigInt(v as bigint));
        break;
      case As.Double:
        ap.appendDouble(Number(v));
        break;
      case As.Boolean:
        ap.appendBoolean(Boolean(v));
        break;
      case As.Date:
        ap.appendDate(dateValue(typeof v === 'string' ? isoDays(v) ?? dayOf(new Date(v)) : dayOf(v instanceof Date ? v : new Date(String(v)))));
        break;
      case As.Timestamp: {
        const d = v instanceof Date ? v : new Date(String(v));
        ap.appendTimestamp(timestampValue(BigInt(d.getTime()) * 1000n));
        break;
      }
    }
  }
  ap.endRow();
}

function dayOf(d: Date): number {
  return Math.floor(d.getTime() / DAY_MS);
}

/**
 * The days since 1970-01-01 of a real `YYYY-MM-DD` date from year 100 on (what `new Date(s)` reads it as), or
 * undefined for any other text: `new Date` parsing each date of a load cost more CPU than appending it.
 * @example isoDays('1970-01-02') // 1
 */
export function isoDays(s: string): number | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return undefined;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  // a day past its month's end (2023-02-30) is left to `new Date`
  if (y < 100 || !isCalendarDay(y, m, d)) return undefined;
  return Date.UTC(y, m - 1, d) / DAY_MS;
}
