// The reforecast's reads and writes of TrackedOrder, on a connection of its own (issue 15: 100k
// orders ≤ 0.5 s end to end, no write lock over 100 ms). Through Prisma a raw statement costs
// about 10 µs per bound value and a findMany of 48k rows most of a second; here:
// - one read per pass of only the columns the forecast and the comparison need (line items and
//   Shopify's deadlines only for orders whose promise is not frozen yet), rows as arrays, not
//   objects; instants as milliseconds and stored dates as epoch days computed by the database, so
//   the rows decode straight into typed arrays (decodeBacklog, the same for both databases);
// - the outcomes' late count (OrderOutcome.lateAt, OutcomeWeek "late") in the same transactions as
//   the forecast rows: the read says which orders were counted late already, so an order the pass
//   finds at risk or overdue is counted once, atomically with its row (no second scan, no
//   per-order round trips after the pass);
// - writes of only the rows whose forecast changed, in short transactions bounded by time, not
//   by count: SQLite one prepared UPDATE per row inside BEGIN IMMEDIATE … COMMIT, committed once
//   WRITE_BUDGET_MS has passed (the write lock is held that long, and readers never wait in
//   WAL), the WAL checkpointed between transactions, never inside a COMMIT (checkpointAfter);
//   PostgreSQL one statement per batch (UPDATE … FROM unnest of one array per column, the
//   late count in the same statement), its size adapted so that a statement takes about
//   WRITE_BUDGET_MS (its row locks and the summary row's are held that long).
// Every transaction first checks that its pass is still the shop's latest (order-summary.server.ts),
// so a superseded pass stops at its next batch. node:sqlite is synchronous: a SQLite batch runs
// without an await inside, and a busy lock is waited out between tries with the event loop free,
// never inside SQLite (the lock may be held by Prisma's connection in this very process).
import type { PrismaClient } from "@prisma/client";
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import pg from "pg";
import { openSqliteConnection } from "../node-sqlite-adapter.server";
import { databaseTargetOf } from "../prisma-client.server";
import { BEYOND_HORIZON } from "../forecast/forecast-days";
import { isLocalDate, toEpochDay } from "../promise/local-date";
import { METRICS } from "../outcomes/outcome-metrics";
import { BACKLOG_SQL, DONE_CLASS } from "./backlog";
import { rawDateTime } from "./import/save-orders.server";
import { yieldToEventLoop } from "../yield-to-event-loop";

/** How long one write transaction may hold the lock before it commits (the goal: 100 ms). */
export const WRITE_BUDGET_MS = 20;

/** Rows written between two checkpoints of the reforecast's SQLite connection (checkpointAfter). */
export const CHECKPOINT_ROWS = 2000;

/** Stored day columns: an epoch day, NULL_DAY for SQL NULL, BAD_DAY for a text that is no date. */
export const NULL_DAY = BEYOND_HORIZON;
export const BAD_DAY = -2;
/** Stored delayClass codes: STATUS_BY_CODE's indices, then these. */
export const DONE_CODE = 3;
export const NO_CLASS = -1;
export const CLASS_BY_CODE = ["on_track", "at_risk", "overdue", DONE_CLASS] as const;
/** Frozen promise sources by code (storedPromise reads an unknown one as backfill). */
export const SOURCE_BY_CODE = ["rules", "fulfillBy", "backfill"] as const;

/** What a not yet frozen order needs to be promised (read only for those). */
export interface UnfrozenRow {
  /** What the row holds (not a date, or it would be frozen). */
  frozenPromiseDate: string | null;
  frozenPromiseSource: null;
  fulfillByMs: number | null;
  appFulfillByMs: number | null;
  lineItems: string | null;
}

/**
 * The backlog as the reforecast reads it: one column per field, in the database's storage order
 * (the reforecast queues it), dates as epoch days, so the comparison with the new forecast builds nothing.
 */
export interface StoredBacklog {
  length: number;
  ids: string[];
  createdAtMs: Float64Array;
  units: Float64Array;
  /** The frozen promise's epoch day, or NULL_DAY when the order is not frozen yet. */
  frozenDay: Int32Array;
  /** SOURCE_BY_CODE index of the frozen promise. */
  frozenSource: Uint8Array;
  /** 1 when promisedShipDate/promiseSource already mirror the frozen promise (and it has its instant). */
  mirrored: Uint8Array;
  likelyDay: Int32Array;
  conservativeDay: Int32Array;
  /** CLASS_BY_CODE index, or NO_CLASS. */
  delayClass: Int8Array;
  /** 1 when the outcomes already counted the order late (OrderOutcome.lateAt). */
  lateCounted: Uint8Array;
  /** Rows whose promise is not frozen yet, by position. */
  unfrozen: Map<number, UnfrozenRow>;
  /**
   * Ids of orders out of the backlog not yet marked done, read by the same scan. One that leaves
   * during the pass is marked by the next: every change that takes an order out is followed by a
   * pass (sync, import and shipping reforecast after they save).
   */
  leaving: string[];
}

/** The forecast columns to write on one row. */
export interface ForecastWrite {
  id: string;
  promisedShipDate: string;
  promiseSource: string;
  likelyShipDate: string | null;
  conservativeShipDate: string | null;
  delayClass: string;
  /** Freeze promisedShipDate/promiseSource as the customer's promise (only where none is). */
  freeze: boolean;
  /** Write the forecast columns (false: the row only enters the outcomes' late count). */
  update: boolean;
  /** Count the order late in the outcomes (it is at risk or overdue and never was counted). */
  late: boolean;
}

export interface WriteOptions {
  /** Most rows one transaction writes. */
  maxRows: number;
  /** The outcomes' week of this pass (the shop's week of `now`), for the late count. */
  lateWeek?: string;
  onWrite?: (ms: number, rows: number) => void;
}

export interface WriteResult {
  written: number;
  /** False when a later pass started (it owns the rows now); nothing more was written. */
  latest: boolean;
}

export interface ForecastRows {
  readBacklog(shop: string): Promise<StoredBacklog>;
  writeForecasts(
    shop: string,
    pass: number,
    now: Date,
    rows: readonly ForecastWrite[],
    options: WriteOptions,
  ): Promise<WriteResult>;
  markDone(
    shop: string,
    pass: number,
    now: Date,
    ids: readonly string[],
    options: WriteOptions,
  ): Promise<WriteResult>;
  close(): Promise<void>;
}

const STILL_OUT = `NOT ${BACKLOG_SQL} AND ("delayClass" IS NULL OR "delayClass" <> '${DONE_CLASS}')`;

/** What differs between the two databases in the backlog read. */
interface Dialect {
  /** An instant column as epoch milliseconds. */
  millis(column: string): string;
}

// As before: the columns only an unfrozen order needs are read where frozenPromiseDate cannot be
// a date; decodeBacklog applies storedPromise's own rule (isLocalDate) to the rest.
const UNFROZEN = `(t."frozenPromiseDate" IS NULL OR length(t."frozenPromiseDate") <> 10)`;

const sourceCase = (values: readonly string[]) =>
  `CASE t."frozenPromiseSource" WHEN 'rules' THEN ${values[0]} WHEN 'fulfillBy' THEN ${values[1]} ELSE ${values[2]} END`;

/**
 * The backlog read, with the orders that left it but are not marked done (the last column says
 * which: one scan of the shop's rows, not two); its columns in decodeBacklog's order. Dates come as their text (converting
 * them in the database cost more than a cached lookup here). In no particular order: the caller
 * queues the rows (reforecast.server.ts, oldestFirst). An ORDER BY here made PostgreSQL sort every
 * row with its raw columns, line items included, spilling to disk (half the read at 100k).
 */
function backlogSql(d: Dialect, shopParam: string): string {
  const ifUnfrozen = (expression: string) => `CASE WHEN ${UNFROZEN} THEN ${expression} END`;
  return `SELECT t."id", ${d.millis("createdAt")}, t."unitsRemaining", t."frozenPromiseDate",
      ${sourceCase(["0", "1", "2"])},
      (t."promiseFrozenAt" IS NOT NULL AND t."promisedShipDate" = t."frozenPromiseDate"
        AND t."promiseSource" = ${sourceCase(SOURCE_BY_CODE.map((source) => `'${source}'`))}),
      t."likelyShipDate", t."conservativeShipDate",
      CASE t."delayClass" ${CLASS_BY_CODE.map((name, code) => `WHEN '${name}' THEN ${code}`).join(" ")} ELSE ${NO_CLASS} END,
      EXISTS (SELECT 1 FROM "OrderOutcome" AS o
        WHERE o."shop" = t."shop" AND o."orderId" = t."id" AND o."lateAt" IS NOT NULL),
      ${ifUnfrozen(d.millis("fulfillBy"))}, ${ifUnfrozen(d.millis("appFulfillBy"))},
      ${ifUnfrozen(`t."lineItems"`)}, ${BACKLOG_SQL}
    FROM "TrackedOrder" AS t WHERE t."shop" = ${shopParam} AND (${BACKLOG_SQL} OR ${STILL_OUT})`;
}

function numberOf(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && value !== "" && Number.isFinite(Number(value)))
    return Number(value);
  throw new Error(`Not a number: ${JSON.stringify(value)}`);
}

const flag = (value: unknown) => (value === true || value === 1 || value === 1n ? 1 : 0);
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** Stored date text to epoch day (NULL_DAY, BAD_DAY), each distinct text converted once. */
function dayDecoder(): (value: unknown) => number {
  const days = new Map<string, number>();
  return (value) => {
    if (typeof value !== "string") return NULL_DAY;
    let day = days.get(value);
    if (day === undefined) {
      day = isLocalDate(value) ? toEpochDay(value) : BAD_DAY;
      days.set(value, day);
    }
    return day;
  };
}

/** backlogSql's rows (arrays, either database) into columns. */
function decodeBacklog(rows: readonly (readonly unknown[])[]): StoredBacklog {
  // Sized for every row; cut to the backlog's length at the end (the leaving are few).
  const n = rows.length;
  const backlog: StoredBacklog = {
    length: n,
    ids: new Array<string>(n),
    createdAtMs: new Float64Array(n),
    units: new Float64Array(n),
    frozenDay: new Int32Array(n),
    frozenSource: new Uint8Array(n),
    mirrored: new Uint8Array(n),
    likelyDay: new Int32Array(n),
    conservativeDay: new Int32Array(n),
    delayClass: new Int8Array(n),
    lateCounted: new Uint8Array(n),
    unfrozen: new Map(),
    leaving: [],
  };
  const dayOf = dayDecoder();
  let i = 0;
  for (const row of rows) {
    if (flag(row[13]) === 0) {
      backlog.leaving.push(String(row[0]));
      continue;
    }
    backlog.ids[i] = String(row[0]);
    backlog.createdAtMs[i] = numberOf(row[1]) ?? 0;
    backlog.units[i] = numberOf(row[2]) ?? 0;
    // storedPromise's rule: a frozen promise is a date; anything else is frozen anew.
    const frozenDay = dayOf(row[3]);
    backlog.frozenDay[i] = frozenDay === BAD_DAY ? NULL_DAY : frozenDay;
    backlog.frozenSource[i] = numberOf(row[4]) ?? 2;
    backlog.mirrored[i] = flag(row[5]);
    backlog.likelyDay[i] = dayOf(row[6]);
    backlog.conservativeDay[i] = dayOf(row[7]);
    backlog.delayClass[i] = numberOf(row[8]) ?? NO_CLASS;
    backlog.lateCounted[i] = flag(row[9]);
    if (frozenDay < 0)
      backlog.unfrozen.set(i, {
        frozenPromiseDate: text(row[3]),
        frozenPromiseSource: null,
        fulfillByMs: numberOf(row[10]),
        appFulfillByMs: numberOf(row[11]),
        lineItems: text(row[12]),
      });
    i += 1;
  }
  if (i === n) return backlog;
  backlog.ids.length = i;
  return {
    ...backlog,
    length: i,
    createdAtMs: backlog.createdAtMs.subarray(0, i),
    units: backlog.units.subarray(0, i),
    frozenDay: backlog.frozenDay.subarray(0, i),
    frozenSource: backlog.frozenSource.subarray(0, i),
    mirrored: backlog.mirrored.subarray(0, i),
    likelyDay: backlog.likelyDay.subarray(0, i),
    conservativeDay: backlog.conservativeDay.subarray(0, i),
    delayClass: backlog.delayClass.subarray(0, i),
    lateCounted: backlog.lateCounted.subarray(0, i),
  };
}

export function openForecastRows(db: PrismaClient): ForecastRows {
  const target = databaseTargetOf(db);
  if (!target) throw new Error("reforecast needs a client made by app/prisma-client.server.ts");
  return target.provider === "sqlite" ? sqliteRows(target.path) : postgresqlRows(target.url);
}

// ---- SQLite ----

// Instants are stored as text with an offset (rawDateTime) or as epoch milliseconds.
const SQLITE: Dialect = {
  millis: (column) =>
    `CASE WHEN typeof(t."${column}") IN ('integer', 'real') THEN t."${column}"
       ELSE CAST(round((julianday(t."${column}") - 2440587.5) * 86400000.0) AS INTEGER) END`,
};

// node:sqlite reports SQLITE_BUSY (and its extended codes) as errcode & 0xff = 5.
const isBusy = (error: unknown) =>
  error instanceof Error && "errcode" in error && typeof error.errcode === "number"
    ? (error.errcode & 0xff) === 5
    : false;
const BUSY_GIVE_UP_MS = 30_000;

async function beginImmediate(connection: DatabaseSync): Promise<void> {
  const started = Date.now();
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    try {
      connection.exec("BEGIN IMMEDIATE");
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() - started > BUSY_GIVE_UP_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

// An order counts late once: its OrderOutcome gets lateAt only while it has none.
const LATE_ON_CONFLICT = `ON CONFLICT ("shop", "orderId") DO UPDATE SET "lateAt" = excluded."lateAt",
    "lateWeek" = excluded."lateWeek" WHERE "OrderOutcome"."lateAt" IS NULL`;

const OUTCOME_BUMP_SQL = `
  ON CONFLICT ("shop", "week", "metric", "currency") DO UPDATE SET
    "count" = "OutcomeWeek"."count" + excluded."count"`;

function sqliteRows(path: string): ForecastRows {
  const connection = openSqliteConnection(path);
  connection.exec("PRAGMA busy_timeout = 0");
  // A connection checkpoints the WAL by itself once it holds 1000 pages, PASSIVE, "after committing
  // a transaction" (https://sqlite.org/c3ref/wal_autocheckpoint.html): inside the COMMIT call that
  // crosses the threshold, which returns only when the pages are copied into the database and
  // synced. A first pass's transaction writes ~330 pages, so every third COMMIT took 20–30 ms
  // instead of ~1.3 ms, and hundreds of ms when the disk was busy with other work (its longest
  // write 396 ms). Off on this connection: checkpointAfter runs between the transactions instead.
  connection.exec("PRAGMA wal_autocheckpoint = 0");
  const statements = new Map<string, StatementSync>();
  const prepared = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const checkpoint = prepared("PRAGMA wal_checkpoint(PASSIVE)");
  let rowsSinceCheckpoint = 0;
  /**
   * Copies the WAL's pages into the database between transactions, outside them: PASSIVE takes
   * no writer's lock and waits for no reader ("Checkpoint as many frames as possible without
   * waiting for any database readers or writers to finish",
   * https://sqlite.org/c3ref/wal_checkpoint_v2.html), so other connections write meanwhile. About
   * as often as SQLite's own (a first pass writes ~330 WAL pages per ~700 rows, so CHECKPOINT_ROWS
   * is about its 1000 pages; each checkpoint also syncs the files), and once when a run of writes
   * ends, so no other connection's commit finds a long WAL and checkpoints ours inside itself. A
   * reader's snapshot may leave some pages for the next call.
   */
  const checkpointAfter = (rows: number, last: boolean) => {
    rowsSinceCheckpoint += rows;
    if (rowsSinceCheckpoint === 0 || (!last && rowsSinceCheckpoint < CHECKPOINT_ROWS)) return;
    checkpoint.get();
    rowsSinceCheckpoint = 0;
  };

  /**
   * Runs `each` over items in time-boxed transactions; each returns the rows it changed, and
   * `beforeCommit` (if any) runs last in each transaction.
   */
  async function timeBoxed<T>(
    shop: string,
    pass: number,
    items: readonly T[],
    options: WriteOptions,
    each: (item: T) => number,
    beforeCommit?: () => void,
  ): Promise<WriteResult> {
    let written = 0;
    let next = 0;
    const passOf = prepared(`SELECT "pass" FROM "ShopOrderSummary" WHERE "shop" = ?`);
    while (next < items.length) {
      await beginImmediate(connection);
      const started = performance.now();
      let rows = 0;
      try {
        const current = passOf.get(shop);
        if (!current || current.pass !== pass) {
          connection.exec("ROLLBACK");
          return { written, latest: false };
        }
        const end = Math.min(items.length, next + options.maxRows);
        while (next < end) {
          const item = items[next];
          next += 1;
          if (item !== undefined) written += each(item);
          rows += 1;
          if ((rows & 31) === 0 && performance.now() - started > WRITE_BUDGET_MS) break;
        }
        beforeCommit?.();
        connection.exec("COMMIT");
      } catch (error) {
        if (connection.isTransaction) connection.exec("ROLLBACK");
        throw error;
      }
      options.onWrite?.(performance.now() - started, rows);
      checkpointAfter(rows, next >= items.length);
      // Let this process's other work (Prisma's connection, requests) run between transactions.
      await yieldToEventLoop();
    }
    return { written, latest: true };
  }

  const changesOf = (result: { changes: number | bigint }) => Number(result.changes);

  return {
    async readBacklog(shop) {
      const statement = prepared(backlogSql(SQLITE, "?"));
      statement.setReturnArrays(true);
      return decodeBacklog(statement.all(shop) as unknown as unknown[][]);
    },

    writeForecasts(shop, pass, now, rows, options) {
      const at = rawDateTime(now);
      const update = prepared(
        `UPDATE "TrackedOrder" SET "promisedShipDate" = ?, "promiseSource" = ?,
           "likelyShipDate" = ?, "conservativeShipDate" = ?, "delayClass" = ?,
           "frozenPromiseDate" = COALESCE("frozenPromiseDate", ?),
           "frozenPromiseSource" = COALESCE("frozenPromiseSource", ?),
           "promiseFrozenAt" = COALESCE("promiseFrozenAt", ?), "forecastAt" = ?
         WHERE "shop" = ? AND "id" = ?`,
      );
      const markLate = prepared(
        `INSERT INTO "OrderOutcome" ("shop", "orderId", "lateAt", "lateWeek") VALUES (?, ?, ?, ?)
         ${LATE_ON_CONFLICT}`,
      );
      const bumpLate = prepared(
        `INSERT INTO "OutcomeWeek" ("shop", "week", "metric", "currency", "count", "total")
         VALUES (?, ?, '${METRICS.late}', '', ?, 0) ${OUTCOME_BUMP_SQL}`,
      );
      const week = options.lateWeek ?? "";
      let late = 0;
      return timeBoxed(
        shop,
        pass,
        rows,
        options,
        (row) => {
          if (row.late) late += changesOf(markLate.run(shop, row.id, at, week));
          if (!row.update) return 0;
          const values: SQLInputValue[] = [
            row.promisedShipDate,
            row.promiseSource,
            row.likelyShipDate,
            row.conservativeShipDate,
            row.delayClass,
            row.freeze ? row.promisedShipDate : null,
            row.freeze ? row.promiseSource : null,
            at,
            at,
            shop,
            row.id,
          ];
          return changesOf(update.run(...values));
        },
        () => {
          if (late > 0) bumpLate.run(shop, week, late);
          late = 0;
        },
      );
    },

    markDone(shop, pass, now, ids, options) {
      const at = rawDateTime(now);
      const update = prepared(
        `UPDATE "TrackedOrder" SET "delayClass" = '${DONE_CLASS}', "likelyShipDate" = NULL,
           "conservativeShipDate" = NULL, "forecastAt" = ?
         WHERE "shop" = ? AND "id" = ? AND ${STILL_OUT}`,
      );
      return timeBoxed(shop, pass, ids, options, (id) => changesOf(update.run(at, shop, id)));
    },

    close() {
      connection.close();
      return Promise.resolve();
    },
  };
}

// ---- PostgreSQL ----

const POSTGRESQL: Dialect = {
  millis: (column) => `round(extract(epoch from t."${column}") * 1000)::float8`,
};

// The backlog read costs more than PostgreSQL's JIT threshold, and compiling it took longer than
// it saved (~150 ms under load, of a read of ~1 s); parallel workers only add a Gather to a scan
// whose rows the client decodes as fast as one backend sends them. Set at connection start: no
// round trip.
const SESSION_OPTIONS = "-c jit=off -c max_parallel_workers_per_gather=0";

function postgresqlRows(url: string): ForecastRows {
  const client = new pg.Client({ connectionString: url, options: SESSION_OPTIONS });
  let connected: Promise<unknown> | null = null;
  const connection = async () => {
    connected ??= client.connect();
    await connected;
    return client;
  };

  /**
   * Runs one statement per batch, each batch sized to take about WRITE_BUDGET_MS; `write` says
   * how many rows it changed and whether the pass was still the latest.
   */
  async function adaptive<T>(
    items: readonly T[],
    options: WriteOptions,
    write: (batch: readonly T[]) => Promise<{ count: number; latest: boolean }>,
  ): Promise<WriteResult> {
    let written = 0;
    let size = Math.min(options.maxRows, 200);
    for (let start = 0; start < items.length; ) {
      const batch = items.slice(start, start + size);
      const started = performance.now();
      const { count, latest } = await write(batch);
      const ms = performance.now() - started;
      options.onWrite?.(ms, batch.length);
      if (!latest) return { written, latest: false };
      written += count;
      start += batch.length;
      const scaled = Math.round((batch.length * WRITE_BUDGET_MS) / Math.max(ms, 1));
      size = Math.max(50, Math.min(options.maxRows, scaled, batch.length * 2));
    }
    return { written, latest: true };
  }

  const LATEST = `SELECT 1 FROM "ShopOrderSummary" WHERE "shop" = $1 AND "pass" = $2`;

  return {
    async readBacklog(shop) {
      const result = await (
        await connection()
      ).query<unknown[]>({ text: backlogSql(POSTGRESQL, "$1"), values: [shop], rowMode: "array" });
      return decodeBacklog(result.rows);
    },

    async writeForecasts(shop, pass, now, rows, options) {
      const at = rawDateTime(now);
      const pg = await connection();
      const column = <K extends keyof ForecastWrite>(batch: readonly ForecastWrite[], key: K) =>
        batch.map((row) => row[key]);
      return adaptive(rows, options, async (batch) => {
        // One array per column (unnest): no JSON to build or parse, one statement per batch.
        const result = await pg.query<{ updated: number; latest: boolean }>(
          `WITH v AS (
             SELECT * FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
               $9::text[], $10::boolean[], $11::boolean[], $12::boolean[])
               AS v(id, p, s, l, c, d, f, u, late)
           ), latest AS (${LATEST}),
           updated AS (
             UPDATE "TrackedOrder" AS t SET "promisedShipDate" = v.p, "promiseSource" = v.s,
               "likelyShipDate" = v.l, "conservativeShipDate" = v.c, "delayClass" = v.d,
               "frozenPromiseDate" = COALESCE(t."frozenPromiseDate", CASE WHEN v.f THEN v.p END),
               "frozenPromiseSource" = COALESCE(t."frozenPromiseSource", CASE WHEN v.f THEN v.s END),
               "promiseFrozenAt" = COALESCE(t."promiseFrozenAt", $3::timestamp(3)),
               "forecastAt" = $3::timestamp(3)
             FROM v WHERE v.u AND t."shop" = $1 AND t."id" = v.id AND EXISTS (SELECT 1 FROM latest)
             RETURNING 1
           ), marked AS (
             INSERT INTO "OrderOutcome" ("shop", "orderId", "lateAt", "lateWeek")
             SELECT $1, v.id, $3::timestamp(3), $13 FROM v
             WHERE v.late AND EXISTS (SELECT 1 FROM latest)
             ${LATE_ON_CONFLICT}
             RETURNING 1
           ), bumped AS (
             INSERT INTO "OutcomeWeek" ("shop", "week", "metric", "currency", "count", "total")
             SELECT $1, $13, '${METRICS.late}', '', count(*), 0 FROM marked HAVING count(*) > 0
             ${OUTCOME_BUMP_SQL}
           )
           SELECT (SELECT count(*) FROM updated)::int AS updated,
             EXISTS (SELECT 1 FROM latest) AS latest`,
          [
            shop,
            pass,
            at,
            column(batch, "id"),
            column(batch, "promisedShipDate"),
            column(batch, "promiseSource"),
            column(batch, "likelyShipDate"),
            column(batch, "conservativeShipDate"),
            column(batch, "delayClass"),
            column(batch, "freeze"),
            column(batch, "update"),
            column(batch, "late"),
            options.lateWeek ?? "",
          ],
        );
        const answer = result.rows[0];
        return { count: answer?.updated ?? 0, latest: answer?.latest === true };
      });
    },

    async markDone(shop, pass, now, ids, options) {
      const at = rawDateTime(now);
      const pg = await connection();
      return adaptive(ids, options, async (batch) => {
        const result = await pg.query<{ updated: number; latest: boolean }>(
          `WITH latest AS (${LATEST}), updated AS (
             UPDATE "TrackedOrder" SET "delayClass" = '${DONE_CLASS}', "likelyShipDate" = NULL,
               "conservativeShipDate" = NULL, "forecastAt" = $3::timestamp(3)
             WHERE "shop" = $1 AND "id" = ANY($4::text[]) AND ${STILL_OUT}
               AND EXISTS (SELECT 1 FROM latest)
             RETURNING 1
           )
           SELECT (SELECT count(*) FROM updated)::int AS updated,
             EXISTS (SELECT 1 FROM latest) AS latest`,
          [shop, pass, at, batch],
        );
        const answer = result.rows[0];
        return { count: answer?.updated ?? 0, latest: answer?.latest === true };
      });
    },

    async close() {
      if (connected) await client.end();
    },
  };
}
