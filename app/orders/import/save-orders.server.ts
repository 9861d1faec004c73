// Writes imported orders to TrackedOrder in batches. A first import writes 100k rows, so the rows
// go as few statements as possible and never one value at a time through Prisma, whose raw
// queries cost about 10 µs per bound value here (23 columns: a quarter of a millisecond a row):
// - SQLite: a connection of the import's own on the same file, one prepared multi-row
//   INSERT … ON CONFLICT reused for every full batch, each transaction written in one synchronous
//   step (no await inside it, so Prisma's connection in this process never waits on it);
// - PostgreSQL: two connections of the import's own (pg, which Prisma's adapter runs on too), a
//   batch's rows sent by COPY in its text format, straight into TrackedOrder on a first import,
//   else into a table of the connection's own and upserted from it (see copyBatch). A small save
//   goes through Prisma with the rows as one JSON parameter (json_populate_recordset); a bulk
//   batch's 1 MB parameter through Prisma had cost about 1.4 s on the client.
// Either way a transaction batch is atomic, and a row already there is updated (a re-import is
// idempotent). The forecast columns are left as they are; reforecastShop rewrites them after.
import type { PrismaClient } from "@prisma/client";
import type { SQLInputValue, StatementSync } from "node:sqlite";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { z } from "zod";
import { databaseTargetOf } from "../../prisma-client.server";
import { openSqliteConnection } from "../../node-sqlite-adapter.server";
import { trackedOrderRow, type ImportedOrder, type TrackedOrderImport } from "../order-row";

/** Rows per transaction. */
export const SAVE_BATCH = 2_000;
/** Rows per SQLite statement: 23 values each stays under SQLite's 32,766 bound values. */
const SQLITE_ROWS_PER_STATEMENT = 500;

export interface SavedOrders {
  count: number;
  /** The latest Shopify updatedAt among them: the next reconcile's watermark. */
  latestUpdatedAt: Date | null;
}

// Prisma's SQLite adapter stores DateTime as ISO-8601 text with a "+00:00" offset; raw writes
// use the same form so Prisma reads them back unchanged (the integration test compares them).
// PostgreSQL reads the same text into its timestamp columns (the offset is UTC's).
export function rawDateTime(date: Date): string;
export function rawDateTime(date: Date | null): string | null;
export function rawDateTime(date: Date | null): string | null {
  return date === null ? null : date.toISOString().replace("Z", "+00:00");
}

type Kind = "text" | "timestamp" | "integer";
const COLUMNS: ReadonlyArray<readonly [keyof TrackedOrderImport, Kind]> = [
  ["shop", "text"],
  ["id", "text"],
  ["name", "text"],
  ["createdAt", "timestamp"],
  ["updatedAt", "timestamp"],
  ["cancelledAt", "timestamp"],
  ["closedAt", "timestamp"],
  ["displayFulfillmentStatus", "text"],
  ["displayFinancialStatus", "text"],
  ["email", "text"],
  ["customerFirstName", "text"],
  ["customerLastName", "text"],
  ["totalAmount", "text"],
  ["currencyCode", "text"],
  ["presentmentAmount", "text"],
  ["presentmentCurrencyCode", "text"],
  ["customerLocale", "text"],
  ["unitsOrdered", "integer"],
  ["unitsRemaining", "integer"],
  ["fulfillBy", "timestamp"],
  ["lineItems", "text"],
  ["tags", "text"],
  ["syncedAt", "timestamp"],
];
const COLUMN_LIST = COLUMNS.map(([column]) => `"${column}"`).join(", ");
const UPSERT = `ON CONFLICT ("shop", "id") DO UPDATE SET ${COLUMNS.filter(
  ([column]) => column !== "shop" && column !== "id",
)
  .map(([column]) => `"${column}" = excluded."${column}"`)
  .join(", ")}`;

/** The row's values in COLUMNS order, appended to `out` (one flat list binds a whole statement). */
function appendRowValues(out: SQLInputValue[], row: TrackedOrderImport, synced: SyncedText): void {
  for (const [column] of COLUMNS) {
    const value = row[column];
    if (column === "syncedAt") out.push(synced(row.syncedAt));
    else out.push(value instanceof Date ? rawDateTime(value) : value);
  }
}

type SyncedText = (date: Date) => string;

/**
 * Below this many rows (a reconcile page) PostgreSQL's statement goes through Prisma's pool, and
 * SQLite's is written on this thread, instead of a connection (or thread) of the import's own.
 */
const OWN_CONNECTION_FROM = 200;

/** Every row of a save has the same syncedAt: its text is made once, not once a row. */
function syncedText(): SyncedText {
  let last: Date | null = null;
  let text = "";
  return (date) => {
    if (date !== last) {
      last = date;
      text = rawDateTime(date);
    }
    return text;
  };
}

interface BatchWriter {
  /** Writes a small save's rows (a reconcile page) as they are, one transaction. */
  write(rows: TrackedOrderImport[]): Promise<void>;
  /**
   * Puts a bulk save's row into the batch being filled, already in the form its database takes
   * (SQLite's bound values, PostgreSQL's COPY line), so what waits for the batch is a few strings
   * a row, not the row's objects and dates: those die young. Kept whole, 2,000 rows a batch were
   * about 90 MB more for V8's young-generation collector to copy over a 100k-order file; on
   * PostgreSQL, where the COPY line is the whole of a row's encoding, the import's process spent
   * about 7 % less CPU (3.26-3.61 s beside 3.50-3.96 s, back to back, 2026-12-03).
   */
  encode(row: TrackedOrderImport): void;
  /** Writes the encoded rows as one batch (a transaction); may return before it is written. */
  writeEncoded(): Promise<void>;
  /** Resolves once every batch taken so far is written; rejects with the first that failed. */
  drain(): Promise<void>;
  /** Resolves once every batch is written; rejects with the first batch that failed. */
  close(): Promise<void>;
}

// node:sqlite reports SQLITE_BUSY (and its extended codes) as errcode & 0xff = 5.
const isBusy = (error: unknown) =>
  error instanceof Error && "errcode" in error && typeof error.errcode === "number"
    ? (error.errcode & 0xff) === 5
    : false;
const BUSY_GIVE_UP_MS = 30_000;

/** Writes on this thread, one transaction a batch: small saves (a reconcile page). */
function sqliteDirectWriter(path: string): BatchWriter {
  const connection = openSqliteConnection(path);
  // Never wait for the lock inside SQLite: that wait blocks this thread, and the lock may be held
  // by Prisma's connection in this very process, mid-transaction, which then could not go on.
  // A busy lock is waited out here, between tries, with the event loop free.
  connection.exec("PRAGMA busy_timeout = 0");
  const statements = new Map<number, StatementSync>();
  const synced = syncedText();
  const placeholders = `(${COLUMNS.map(() => "?").join(", ")})`;
  const statement = (rows: number): StatementSync => {
    let prepared = statements.get(rows);
    if (!prepared) {
      prepared = connection.prepare(
        `INSERT INTO "TrackedOrder" (${COLUMN_LIST}) VALUES ${Array.from({ length: rows }, () => placeholders).join(", ")} ${UPSERT}`,
      );
      statements.set(rows, prepared);
    }
    return prepared;
  };
  return {
    async write(rows) {
      // BEGIN IMMEDIATE takes the write lock first, so a batch never fails halfway for want of it.
      const started = Date.now();
      for (let wait = 2; ; wait = Math.min(wait * 2, 100)) {
        try {
          connection.exec("BEGIN IMMEDIATE");
          break;
        } catch (error) {
          if (!isBusy(error) || Date.now() - started > BUSY_GIVE_UP_MS) throw error;
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
      try {
        for (let start = 0; start < rows.length; start += SQLITE_ROWS_PER_STATEMENT) {
          const part = rows.slice(start, start + SQLITE_ROWS_PER_STATEMENT);
          const values: SQLInputValue[] = [];
          for (const row of part) appendRowValues(values, row, synced);
          statement(part.length).run(...values);
        }
        connection.exec("COMMIT");
      } catch (error) {
        connection.exec("ROLLBACK");
        throw error;
      }
    },
    encode: () => {
      throw new Error("a small save's rows are written as they are");
    },
    writeEncoded: () => Promise.reject(new Error("a small save's rows are written as they are")),
    drain: () => Promise.resolve(),
    close: () => {
      connection.close();
      return Promise.resolve();
    },
  };
}

// The SQLite writer of a bulk import runs on a thread of its own, so SQLite's work (the table's
// indexes, the search and summary triggers: about half of an import) overlaps this thread's parse
// of the rest of the file instead of taking turns with it (issue 15 point 3). Plain CommonJS
// evaluated as the worker's script: no file to find at run time, whatever built or runs the app.
// The worker may wait inside SQLite for the write lock (busy_timeout): that blocks only its own
// thread, never Prisma's connection on this one. Batches are written in the order they were
// posted, on one connection, so a later write of an order always lands after an earlier one.
const SQLITE_WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { DatabaseSync } = require("node:sqlite");
const { path, busyTimeoutMs, head, placeholders, upsert, columns } = workerData;
const db = new DatabaseSync(path, { timeout: busyTimeoutMs });
db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
const statements = new Map();
const statement = (rows) => {
  let prepared = statements.get(rows);
  if (!prepared) {
    prepared = db.prepare(head + Array.from({ length: rows }, () => placeholders).join(", ") + " " + upsert);
    statements.set(rows, prepared);
  }
  return prepared;
};
parentPort.on("message", (message) => {
  if (message === null) {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.exec("BEGIN IMMEDIATE");
    try {
      for (const part of message.parts) statement(part.length / columns).run(...part);
      db.exec("COMMIT");
    } catch (error) {
      try {
        db.exec("ROLLBACK");
      } catch {}
      throw error;
    }
    parentPort.postMessage({ id: message.id, error: null });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

const workerReplySchema = z.object({ id: z.number(), error: z.string().nullable() });

/** Batches a bulk writer keeps posted but not yet written: enough to keep the worker busy. */
const SQLITE_BATCHES_IN_FLIGHT = 2;

function sqliteWorkerWriter(path: string): BatchWriter {
  const worker = new Worker(SQLITE_WORKER_SOURCE, {
    eval: true,
    // Its own flags, not this process's (a loader such as tsx has nothing to load here); the
    // process has already said once that node:sqlite is experimental.
    execArgv: ["--disable-warning=ExperimentalWarning"],
    workerData: {
      path,
      busyTimeoutMs: BUSY_GIVE_UP_MS,
      head: `INSERT INTO "TrackedOrder" (${COLUMN_LIST}) VALUES `,
      placeholders: `(${COLUMNS.map(() => "?").join(", ")})`,
      upsert: UPSERT,
      columns: COLUMNS.length,
    },
  });
  const waiting = new Map<number, (error: Error | null) => void>();
  let nextId = 0;
  let failure: { error: Error } | null = null;
  const fail = (error: Error) => {
    failure ??= { error };
    for (const settle of waiting.values()) settle(error);
    waiting.clear();
  };
  worker.on("message", (message: unknown) => {
    const reply = workerReplySchema.parse(message);
    const settle = waiting.get(reply.id);
    waiting.delete(reply.id);
    const error = reply.error === null ? null : new Error(reply.error);
    if (error) failure ??= { error };
    settle?.(error);
  });
  worker.on("error", fail);
  const exited = new Promise<void>((resolve) => {
    worker.once("exit", (code) => {
      if (waiting.size > 0) fail(new Error(`SQLite import writer stopped (exit ${code})`));
      resolve();
    });
  });
  const synced = syncedText();
  const inFlight = new Set<Promise<void>>();
  // A function, not a check inline: the failure is set by the worker's replies between awaits.
  const throwIfFailed = () => {
    if (failure) throw failure.error;
  };
  const drain = async () => {
    await Promise.all(inFlight);
    throwIfFailed();
  };
  /** The batch being filled: its statements' bound values, SQLITE_ROWS_PER_STATEMENT rows each. */
  let parts: SQLInputValue[][] = [];
  let partRows = 0;
  return {
    write: () => Promise.reject(new Error("a bulk save's rows are encoded")),
    encode(row) {
      let part = parts.at(-1);
      if (!part || partRows === SQLITE_ROWS_PER_STATEMENT) {
        part = [];
        parts.push(part);
        partRows = 0;
      }
      appendRowValues(part, row, synced);
      partRows += 1;
    },
    async writeEncoded() {
      throwIfFailed();
      const batch = parts;
      parts = [];
      partRows = 0;
      if (batch.length === 0) return;
      const id = nextId++;
      // Settles, never rejects: a failure is kept and thrown by the next write, drain or close.
      const written = new Promise<void>((resolve) => {
        waiting.set(id, () => resolve());
      });
      const tracked = written.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      worker.postMessage({ id, parts: batch });
      if (inFlight.size >= SQLITE_BATCHES_IN_FLIGHT) await Promise.race(inFlight);
      throwIfFailed();
    },
    drain,
    async close() {
      try {
        await drain();
      } finally {
        worker.postMessage(null);
        await exited;
      }
    },
  };
}

/**
 * A bulk save (its first batch a full one) writes on the worker; a small one (a reconcile page)
 * on this thread, where starting a thread would cost more than the rows.
 */
function sqliteWriter(path: string): BatchWriter {
  let direct: BatchWriter | null = null;
  let bulk: BatchWriter | null = null;
  return {
    write: (rows) => (direct ??= sqliteDirectWriter(path)).write(rows),
    encode: (row) => (bulk ??= sqliteWorkerWriter(path)).encode(row),
    writeEncoded: () => bulk?.writeEncoded() ?? Promise.resolve(),
    drain: async () => {
      await direct?.drain();
      await bulk?.drain();
    },
    close: async () => {
      try {
        await direct?.close();
      } finally {
        await bulk?.close();
      }
    },
  };
}

// json_populate_recordset fills the table's own row type from each object, keys being the
// columns, with PostgreSQL's own conversions (ISO text to timestamp(3), numbers to integer). Used
// for a small save (a reconcile page) through Prisma's pool.
const POSTGRESQL_INSERT = `INSERT INTO "TrackedOrder" (${COLUMN_LIST}) SELECT ${COLUMN_LIST} FROM json_populate_recordset(NULL::"TrackedOrder", $1::json) ${UPSERT}`;

// A bulk batch goes by COPY into a table of the connection's own, then one INSERT … SELECT from
// it upserts the rows (COPY itself cannot update a row already there). COPY's text format is the
// cheapest way in on both sides: here a row is its values joined by tabs (JSON.stringify of the
// rows, the lineItems JSON escaped inside it, was a third of this thread's work), and the server
// reads it without a JSON parse. https://www.postgresql.org/docs/15/sql-copy.html. The table is
// temporary (this session's only, not WAL-logged) and emptied at each commit (ON COMMIT DELETE
// ROWS, https://www.postgresql.org/docs/15/sql-createtable.html); its columns are TrackedOrder's,
// taken from the table itself (CREATE TABLE AS … WITH NO DATA), without its constraints.
const POSTGRESQL_STAGE = "TrackedOrderImportRows";
const POSTGRESQL_CREATE_STAGE = `CREATE TEMP TABLE "${POSTGRESQL_STAGE}" ON COMMIT DELETE ROWS AS SELECT ${COLUMN_LIST} FROM "TrackedOrder" WITH NO DATA`;
const POSTGRESQL_COPY_DIRECT = `COPY "TrackedOrder" (${COLUMN_LIST}) FROM STDIN`;
const POSTGRESQL_COPY = `COPY pg_temp."${POSTGRESQL_STAGE}" (${COLUMN_LIST}) FROM STDIN`;
const POSTGRESQL_FROM_STAGE = `INSERT INTO "TrackedOrder" (${COLUMN_LIST}) SELECT ${COLUMN_LIST} FROM pg_temp."${POSTGRESQL_STAGE}" ${UPSERT}`;

// COPY's text format: a backslash, newline, carriage return or tab in a value is written as a
// backslash sequence, a null as \N (sql-copy.html, "Text Format").
const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_SPECIAL_ALL = /[\\\n\r\t]/g;
const COPY_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};
const copyText = (text: string) =>
  COPY_SPECIAL.test(text) ? text.replace(COPY_SPECIAL_ALL, (c) => COPY_ESCAPES[c] ?? c) : text;

/**
 * A row as a line of COPY text (without its newline), values in COLUMNS order, joined into one flat string (a few
 * strings kept per row until its batch is sent, not a tree of concatenations). A timestamp is its
 * UTC ISO text: the columns are timestamp(3) without a zone, into which PostgreSQL reads the time
 * as written and ignores the "Z" (https://www.postgresql.org/docs/15/datatype-datetime.html,
 * 8.5.1.3).
 */
export function copyLine(row: TrackedOrderImport, synced: SyncedIso = syncedIso()): string {
  const values: string[] = [];
  for (let index = 0; index < COLUMNS.length; index++) {
    const column = COLUMNS[index]?.[0] ?? "shop";
    const value = row[column];
    values.push(
      value === null
        ? "\\N"
        : typeof value === "string"
          ? copyText(value)
          : typeof value === "number"
            ? String(value)
            : column === "syncedAt"
              ? synced(value)
              : value.toISOString(),
    );
  }
  return values.join("\t");
}

/** COPY text of lines made by copyLine, each ended by a newline. */
const copyLines = (lines: readonly string[]) => (lines.length === 0 ? "" : `${lines.join("\n")}\n`);

type SyncedIso = (date: Date) => string;

/** Every row of a save has the same syncedAt: its ISO text is made once. */
function syncedIso(): SyncedIso {
  let last: Date | null = null;
  let text = "";
  return (date) => {
    if (date !== last) {
      last = date;
      text = date.toISOString();
    }
    return text;
  };
}

/** The rows as COPY text, a line each. */
export function copyRows(rows: readonly TrackedOrderImport[]): string {
  const synced = syncedIso();
  return copyLines(rows.map((row) => copyLine(row, synced)));
}

/**
 * Connections writing batches at once. Each batch is one transaction, run by that connection's
 * own server process, so while PostgreSQL writes one batch the next is built here and a second
 * connection writes it: the server's work and ours overlap instead of taking turns. The batches
 * hold different orders (the file's orders are keyed by id), so they never wait on each other's
 * rows; the summary triggers' upsert of the shop's row, at the end of each INSERT, is the only
 * lock they share, held until that batch commits.
 */
const POSTGRESQL_WRITERS = 2;

/** One transaction on one connection; rolled back, and the error thrown, if a step fails. */
async function inTransaction(client: pg.Client, steps: () => Promise<void>): Promise<void> {
  await client.query("BEGIN");
  try {
    await steps();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

const copyInto = (client: pg.Client, statement: string, text: string) =>
  pipeline(Readable.from([text]), client.query(copyFrom(statement)));

// PostgreSQL's unique_violation (https://www.postgresql.org/docs/15/errcodes-appendix.html).
const isUniqueViolation = (error: unknown) =>
  error instanceof Error && "code" in error && error.code === "23505";

/**
 * One batch on one connection. While no batch of the save has met a row already there (a first
 * import's orders are new), the rows are copied straight into TrackedOrder, which is about a
 * tenth less of the server's work than going through the connection's own table; COPY fires the
 * table's insert triggers as an INSERT does (sql-copy.html), so the summary follows. A batch that
 * meets a row already there (a re-import, a resumed one, the rewrites at the end, an order a
 * webhook wrote meanwhile) fails as a whole on the primary key and is rolled back, then written
 * again as an upsert from the connection's own table, as is every batch of the save after it.
 */
async function copyBatch(client: pg.Client, text: string, mode: { direct: boolean }) {
  if (mode.direct) {
    try {
      await inTransaction(client, () => copyInto(client, POSTGRESQL_COPY_DIRECT, text));
      return;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      mode.direct = false;
    }
  }
  await inTransaction(client, async () => {
    await copyInto(client, POSTGRESQL_COPY, text);
    await client.query(POSTGRESQL_FROM_STAGE);
  });
}

function postgresqlWriter(db: PrismaClient, url: string): BatchWriter {
  /** The connected clients, and how many were opened (a connect may be under way). */
  const clients: pg.Client[] = [];
  let opened = 0;
  const idle: pg.Client[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  const mode = { direct: true };
  const connection = async (): Promise<pg.Client> => {
    for (;;) {
      const free = idle.pop();
      if (free) return free;
      if (opened < POSTGRESQL_WRITERS) {
        opened += 1;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        clients.push(client);
        await client.query(POSTGRESQL_CREATE_STAGE);
        return client;
      }
      await Promise.race(inFlight);
    }
  };
  /** Returns once the batch is handed to a connection; close() waits for every batch. */
  const send = async (text: string) => {
    const client = await connection();
    const written: Promise<void> = copyBatch(client, text, mode).then(
      () => {
        idle.push(client);
      },
      (error: unknown) => {
        failure ??= { error };
        idle.push(client);
      },
    );
    const tracked = written.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  const synced = syncedIso();
  let lines: string[] = [];
  return {
    async write(rows) {
      if (failure) throw failure.error;
      if (rows.length < OWN_CONNECTION_FROM && opened === 0) {
        // The rows as they are: their keys are the columns, and a Date becomes its ISO text,
        // which PostgreSQL reads into timestamp(3) as UTC (a zone in the text is ignored for a
        // column without one, https://www.postgresql.org/docs/15/datatype-datetime.html).
        await db.$executeRawUnsafe(POSTGRESQL_INSERT, JSON.stringify(rows));
        return;
      }
      await send(copyRows(rows));
    },
    encode(row) {
      lines.push(copyLine(row, synced));
    },
    async writeEncoded() {
      if (failure) throw failure.error;
      const text = copyLines(lines);
      lines = [];
      if (text) await send(text);
    },
    async drain() {
      await Promise.all(inFlight);
      if (failure) throw failure.error;
    },
    async close() {
      await Promise.all(inFlight);
      await Promise.all(clients.map((client) => client.end()));
      if (failure) throw failure.error;
    },
  };
}

function writerFor(db: PrismaClient): BatchWriter {
  const target = databaseTargetOf(db);
  if (!target) throw new Error("saveOrders needs a client made by app/prisma-client.server.ts");
  return target.provider === "sqlite"
    ? sqliteWriter(target.path)
    : postgresqlWriter(db, target.url);
}

/** Takes orders one at a time and writes them in batches (a transaction each). */
export interface OrderSaver {
  add(order: ImportedOrder): Promise<void>;
  /**
   * Writes what was added and waits until it is written: an order added after this lands after
   * every earlier write of it, whichever connection each went on.
   */
  settle(): Promise<void>;
  /** Writes what is left, waits for every batch; the totals (an order handed twice counts twice). */
  close(): Promise<SavedOrders>;
}

export function openOrderSaver(
  db: PrismaClient,
  shop: string,
  syncedAt: Date,
  batchSize = SAVE_BATCH,
): OrderSaver {
  let count = 0;
  let latest: Date | null = null;
  // A save is small (rows kept as they are, written by Prisma's pool or on this thread) until it
  // reaches OWN_CONNECTION_FROM rows; from then on it is a bulk save and each row is encoded for
  // its database as it comes (BatchWriter.encode).
  let small: TrackedOrderImport[] = [];
  let bulk = false;
  let encoded = 0;
  const writer = writerFor(db);
  const flush = async () => {
    if (bulk) {
      const rows = encoded;
      encoded = 0;
      await writer.writeEncoded();
      count += rows;
      return;
    }
    const rows = small;
    small = [];
    await writer.write(rows);
    count += rows.length;
  };
  const pending = () => (bulk ? encoded : small.length);
  return {
    async add(order) {
      const row = trackedOrderRow(shop, order, syncedAt);
      if (latest === null || row.updatedAt > latest) latest = row.updatedAt;
      if (bulk) {
        writer.encode(row);
        encoded += 1;
      } else {
        small.push(row);
        if (small.length >= OWN_CONNECTION_FROM) {
          bulk = true;
          for (const kept of small) writer.encode(kept);
          encoded = small.length;
          small = [];
        }
      }
      if (pending() >= batchSize) await flush();
    },
    async settle() {
      if (pending() > 0) await flush();
      await writer.drain();
    },
    async close() {
      try {
        if (pending() > 0) await flush();
      } finally {
        await writer.close();
      }
      return { count, latestUpdatedAt: latest };
    },
  };
}

/** Saves orders in batches (a transaction each); returns the totals. */
export async function saveOrders(
  db: PrismaClient,
  shop: string,
  orders: Iterable<ImportedOrder>,
  syncedAt: Date,
  batchSize = SAVE_BATCH,
): Promise<SavedOrders> {
  const saver = openOrderSaver(db, shop, syncedAt, batchSize);
  try {
    for (const order of orders) await saver.add(order);
  } catch (error) {
    await saver.close().catch(() => undefined);
    throw error;
  }
  return saver.close();
}

/** One order after a webhook or a re-read: an upsert keeps its forecast until the next reforecast. */
export async function saveOneOrder(
  db: PrismaClient,
  shop: string,
  order: ImportedOrder,
  syncedAt: Date,
): Promise<void> {
  const row = trackedOrderRow(shop, order, syncedAt);
  await db.trackedOrder.upsert({
    where: { shop_id: { shop, id: row.id } },
    create: row,
    update: row,
  });
}
