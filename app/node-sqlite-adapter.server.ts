// Prisma's driver adapter for Node's own SQLite (`node:sqlite`), so the embedded default needs no
// native addon: better-sqlite3 compiled from source at every install (two minutes, and it failed
// once), and a build made for one Node ABI crashes under another (docs/decisions/005-node-22.md).
// It follows @prisma/adapter-better-sqlite3 6.19 (same type mapping, error mapping and one
// in-process transaction at a time); what differs is node:sqlite's API.
import { createRequire } from "node:module";
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type ArgType,
  type ColumnType,
  type IsolationLevel,
  type MappedError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * node:sqlite, loaded without its one-time "SQLite is an experimental feature" warning: it is on
 * stderr of every process (server, job runner, each test worker) and says nothing we act on.
 * Every other warning still prints.
 */
function loadNodeSqlite(): typeof import("node:sqlite") {
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).startsWith("SQLite is an experimental feature")) return;
    Reflect.apply(emitWarning, process, [warning, ...rest]);
  };
  try {
    return createRequire(import.meta.url)("node:sqlite");
  } finally {
    process.emitWarning = emitWarning;
  }
}

const { DatabaseSync: Database } = loadNodeSqlite();

const ADAPTER_NAME = "delay-desk-node-sqlite";
/** How long a write waits for another process's lock (better-sqlite3's default, which we relied on). */
const BUSY_TIMEOUT_MS = 5_000;

type ResultValue = SqlResultSet["rows"][number][number];

const DECLARED_TYPES: Record<string, ColumnType> = {
  DECIMAL: ColumnTypeEnum.Numeric,
  FLOAT: ColumnTypeEnum.Float,
  DOUBLE: ColumnTypeEnum.Double,
  "DOUBLE PRECISION": ColumnTypeEnum.Double,
  NUMERIC: ColumnTypeEnum.Double,
  REAL: ColumnTypeEnum.Double,
  TINYINT: ColumnTypeEnum.Int32,
  SMALLINT: ColumnTypeEnum.Int32,
  MEDIUMINT: ColumnTypeEnum.Int32,
  INT: ColumnTypeEnum.Int32,
  INTEGER: ColumnTypeEnum.Int32,
  SERIAL: ColumnTypeEnum.Int32,
  INT2: ColumnTypeEnum.Int32,
  BIGINT: ColumnTypeEnum.Int64,
  "UNSIGNED BIG INT": ColumnTypeEnum.Int64,
  INT8: ColumnTypeEnum.Int64,
  DATETIME: ColumnTypeEnum.DateTime,
  TIMESTAMP: ColumnTypeEnum.DateTime,
  TIME: ColumnTypeEnum.Time,
  DATE: ColumnTypeEnum.Date,
  TEXT: ColumnTypeEnum.Text,
  CLOB: ColumnTypeEnum.Text,
  CHARACTER: ColumnTypeEnum.Text,
  VARCHAR: ColumnTypeEnum.Text,
  "VARYING CHARACTER": ColumnTypeEnum.Text,
  NCHAR: ColumnTypeEnum.Text,
  "NATIVE CHARACTER": ColumnTypeEnum.Text,
  NVARCHAR: ColumnTypeEnum.Text,
  BLOB: ColumnTypeEnum.Bytes,
  BOOLEAN: ColumnTypeEnum.Boolean,
  JSONB: ColumnTypeEnum.Json,
};

/** A column's type from its declaration, else from the first non-null value (expressions have none). */
function columnTypes(
  declared: readonly (string | null)[],
  rows: readonly unknown[][],
): ColumnType[] {
  return declared.map((declaredType, index) => {
    const fromDeclaration = declaredType ? DECLARED_TYPES[declaredType.toUpperCase()] : undefined;
    if (fromDeclaration !== undefined) return fromDeclaration;
    const sample = rows.find((row) => row[index] !== null)?.[index];
    if (sample === undefined) return ColumnTypeEnum.Int32;
    if (typeof sample === "string") return ColumnTypeEnum.Text;
    if (typeof sample === "bigint") return ColumnTypeEnum.Int64;
    if (typeof sample === "number") return ColumnTypeEnum.UnknownNumber;
    if (sample instanceof Uint8Array) return ColumnTypeEnum.Bytes;
    throw new Error(`unexpected SQLite value of type ${typeof sample}`);
  });
}

function resultValue(value: unknown, type: ColumnType | undefined): ResultValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return Array.from(value);
  const integerColumn = type === ColumnTypeEnum.Int32 || type === ColumnTypeEnum.Int64;
  if (typeof value === "number" && integerColumn && !Number.isInteger(value))
    return Math.trunc(value);
  if (
    (typeof value === "number" || typeof value === "bigint") &&
    type === ColumnTypeEnum.DateTime
  ) {
    return new Date(Number(value)).toISOString();
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number" || typeof value === "string") return value;
  throw new Error(`unexpected SQLite value of type ${typeof value}`);
}

function bindValue(arg: unknown, argType: ArgType | undefined): SQLInputValue {
  if (arg === null || arg === undefined) return null;
  const scalar = argType?.scalarType;
  if (typeof arg === "string") {
    if (scalar === "int") return Number.parseInt(arg, 10);
    if (scalar === "float" || scalar === "decimal") return Number.parseFloat(arg);
    if (scalar === "bigint") return BigInt(arg);
    if (scalar === "bytes") return Buffer.from(arg, "base64");
    if (scalar === "datetime") return isoTimestamp(new Date(arg));
    return arg;
  }
  if (typeof arg === "boolean") return arg ? 1 : 0;
  if (arg instanceof Date) return isoTimestamp(arg);
  if (Array.isArray(arg) && scalar === "bytes") return Buffer.from(arg.map(Number));
  if (typeof arg === "number" || typeof arg === "bigint" || arg instanceof Uint8Array) return arg;
  throw new Error(`cannot bind a value of type ${typeof arg} to SQLite`);
}

/** Prisma's own SQLite timestamp format (the adapters' default, "iso8601"). */
function isoTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

// SQLite's extended result codes (https://sqlite.org/rescode.html); node:sqlite reports them as `errcode`.
const SQLITE_BUSY = 5;
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
const SQLITE_CONSTRAINT_NOTNULL = 1299;
const SQLITE_CONSTRAINT_FOREIGNKEY = 787;
const SQLITE_CONSTRAINT_TRIGGER = 1811;

function constraintFields(message: string): { fields: string[] } | undefined {
  const list = message.split("constraint failed: ").at(1);
  return list === undefined
    ? undefined
    : { fields: list.split(", ").map((field) => field.split(".").pop() ?? field) };
}

function mappedError(error: { errcode: number; message: string }): MappedError | undefined {
  const { errcode, message } = error;
  if ((errcode & 0xff) === SQLITE_BUSY) return { kind: "SocketTimeout" };
  if (errcode === SQLITE_CONSTRAINT_UNIQUE || errcode === SQLITE_CONSTRAINT_PRIMARYKEY) {
    const constraint = constraintFields(message);
    return constraint
      ? { kind: "UniqueConstraintViolation", constraint }
      : { kind: "UniqueConstraintViolation" };
  }
  if (errcode === SQLITE_CONSTRAINT_NOTNULL) {
    const constraint = constraintFields(message);
    return constraint
      ? { kind: "NullConstraintViolation", constraint }
      : { kind: "NullConstraintViolation" };
  }
  if (errcode === SQLITE_CONSTRAINT_FOREIGNKEY || errcode === SQLITE_CONSTRAINT_TRIGGER) {
    return { kind: "ForeignKeyConstraintViolation", constraint: { foreignKey: {} } };
  }
  if (message.startsWith("no such table"))
    return { kind: "TableDoesNotExist", table: message.split(": ").at(1) };
  if (message.startsWith("no such column"))
    return { kind: "ColumnNotFound", column: message.split(": ").at(1) };
  if (message.includes("has no column named "))
    return { kind: "ColumnNotFound", column: message.split("has no column named ").at(1) };
  return undefined;
}

/** Turns a SQLite error into the error Prisma maps to P2002 and friends; anything else is rethrown as is. */
function rethrow(error: unknown): never {
  if (error instanceof Error && "errcode" in error && typeof error.errcode === "number") {
    const mapped = mappedError({ errcode: error.errcode, message: error.message });
    if (mapped) {
      throw new DriverAdapterError({
        ...mapped,
        originalCode: String(error.errcode),
        originalMessage: error.message,
      });
    }
  }
  throw error;
}

// Prepared statements kept per connection by their SQL: Prisma sends the same few statements over
// and over (a job's items, a page's queries), and compiling one costs more than running it (a
// notices bench profile: `prepare` 5.7 % of the samples, as much as the queries themselves).
// node:sqlite runs a statement to the end synchronously and resets it, so one statement serves
// every caller in turn; SQLite re-prepares it by itself after a schema change.
const STATEMENT_CACHE_SIZE = 500;
const statementCaches = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

function cachedStatement(db: DatabaseSync, sql: string): StatementSync {
  let cache = statementCaches.get(db);
  if (!cache) {
    cache = new Map();
    statementCaches.set(db, cache);
  }
  const known = cache.get(sql);
  if (known) return known;
  const statement = db.prepare(sql);
  statement.setReadBigInts(true);
  statement.setReturnArrays(true);
  // Statements built per call (IN lists of every length) would grow it without end.
  if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
  cache.set(sql, statement);
  return statement;
}

function prepared(
  db: DatabaseSync,
  query: SqlQuery,
): { statement: StatementSync; args: SQLInputValue[] } {
  const statement = cachedStatement(db, query.sql);
  return { statement, args: query.args.map((arg, index) => bindValue(arg, query.argTypes[index])) };
}

class Queryable {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;

  constructor(protected readonly db: DatabaseSync) {}

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    try {
      const { statement, args } = prepared(this.db, query);
      const columns = statement.columns();
      if (columns.length === 0) {
        statement.run(...args);
        return Promise.resolve({ columnNames: [], columnTypes: [], rows: [] });
      }
      // setReturnArrays makes each row an array; node's types still describe objects.
      const rows = statement.all(...args) as unknown as unknown[][];
      const types = columnTypes(
        columns.map((column) => column.type),
        rows,
      );
      return Promise.resolve({
        columnNames: columns.map((column) => column.name),
        columnTypes: types,
        rows: rows.map((row) => row.map((value, index) => resultValue(value, types[index]))),
      });
    } catch (error) {
      return rethrow(error);
    }
  }

  executeRaw(query: SqlQuery): Promise<number> {
    try {
      const { statement, args } = prepared(this.db, query);
      return Promise.resolve(Number(statement.run(...args).changes));
    } catch (error) {
      return rethrow(error);
    }
  }
}

class NodeSqliteTransaction extends Queryable implements Transaction {
  // Prisma sends COMMIT / ROLLBACK itself; these only let the next transaction in.
  readonly options = { usePhantomQuery: false };

  constructor(
    db: DatabaseSync,
    private readonly release: () => void,
  ) {
    super(db);
  }

  commit(): Promise<void> {
    this.release();
    return Promise.resolve();
  }

  rollback(): Promise<void> {
    this.release();
    return Promise.resolve();
  }
}

class NodeSqliteAdapter extends Queryable implements SqlDriverAdapter {
  // One connection: a second BEGIN on it would fail, so transactions queue here.
  private queue: Promise<void> = Promise.resolve();

  executeScript(script: string): Promise<void> {
    try {
      this.db.exec(script);
      return Promise.resolve();
    } catch (error) {
      return rethrow(error);
    }
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    }
    const previous = this.queue;
    let release: () => void = () => {};
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      this.db.exec("BEGIN");
    } catch (error) {
      release();
      return rethrow(error);
    }
    return new NodeSqliteTransaction(this.db, release);
  }

  dispose(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

// WAL with synchronous=NORMAL (https://sqlite.org/wal.html, https://sqlite.org/pragma.html#pragma_synchronous):
// a commit appends to the log instead of writing, syncing and deleting a rollback journal, so it
// costs about 0.02 ms instead of about 3.4 ms here; a job item's five writes had made the disk, not
// Shopify's rate limit, the pace of a bulk job. A crash of the app loses nothing committed; a
// power cut may lose the last commits, never the file's consistency. Readers no longer block the
// writer, which several processes will need.
function openDatabase(filePath: string, busyTimeoutMs = BUSY_TIMEOUT_MS): DatabaseSync {
  const db = new Database(filePath, { timeout: busyTimeoutMs });
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
  return db;
}

/** `new PrismaClient({ adapter: new PrismaNodeSqlite({ path }) })`; also the Prisma CLI's adapter. */
export class PrismaNodeSqlite implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;

  constructor(private readonly config: { path: string }) {}

  connect(): Promise<SqlDriverAdapter> {
    return Promise.resolve(new NodeSqliteAdapter(openDatabase(this.config.path)));
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return Promise.resolve(new NodeSqliteAdapter(openDatabase(":memory:")));
  }
}

/** A connection of its own with the adapter's settings, for the first import's bulk rows. */
export { openDatabase as openSqliteConnection };
