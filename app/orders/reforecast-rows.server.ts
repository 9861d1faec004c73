// The reforecast's reads and writes of TrackedOrder, on a connection of its own (issue 15: 100k
// orders ≤ 0.5 s end to end, no write lock over 100 ms). Through Prisma a raw statement costs
// about 10 µs per bound value and a findMany of 48k rows most of a second; here:
// - one read per pass of only the columns the forecast and the comparison need (line items and
//   Shopify's deadlines only for orders whose promise is not frozen yet), instants as numbers;
// - writes of only the rows whose forecast changed, in short transactions bounded by time, not
//   by count: SQLite one prepared UPDATE per row inside BEGIN IMMEDIATE … COMMIT, committed once
//   WRITE_BUDGET_MS has passed (the write lock is held that long, and readers never wait in
//   WAL); PostgreSQL one UPDATE … FROM json_to_recordset per batch, its size adapted so that a
//   statement takes about WRITE_BUDGET_MS (its row locks and the summary row's are held that long).
// Every transaction first checks that its pass is still the shop's latest (order-summary.server.ts),
// so a superseded pass stops at its next batch. node:sqlite is synchronous: a SQLite batch runs
// without an await inside, and a busy lock is waited out between tries with the event loop free,
// never inside SQLite (the lock may be held by Prisma's connection in this very process).
import type { PrismaClient } from "@prisma/client";
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import pg from "pg";
import { openSqliteConnection } from "../node-sqlite-adapter.server";
import { databaseTargetOf } from "../prisma-client.server";
import { BACKLOG_SQL, DONE_CLASS } from "./backlog";
import { rawDateTime } from "./import/save-orders.server";

/** How long one write transaction may hold the lock before it commits (the goal: 100 ms). */
export const WRITE_BUDGET_MS = 20;

/** A backlog row as the reforecast reads it. */
export interface StoredBacklogRow {
  id: string;
  createdAtMs: number;
  unitsRemaining: number;
  frozenPromiseDate: string | null;
  frozenPromiseSource: string | null;
  hasPromiseFrozenAt: boolean;
  /** Read only while the promise is not frozen (null otherwise). */
  fulfillByMs: number | null;
  appFulfillByMs: number | null;
  lineItems: string | null;
  promisedShipDate: string | null;
  promiseSource: string | null;
  likelyShipDate: string | null;
  conservativeShipDate: string | null;
  delayClass: string | null;
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
}

export interface WriteOptions {
  /** Most rows one transaction writes. */
  maxRows: number;
  onWrite?: (ms: number, rows: number) => void;
}

export interface WriteResult {
  written: number;
  /** False when a later pass started (it owns the rows now); nothing more was written. */
  latest: boolean;
}

export interface ForecastRows {
  readBacklog(shop: string): Promise<StoredBacklogRow[]>;
  /** Ids of orders out of the backlog not yet marked done. */
  readLeaving(shop: string): Promise<string[]>;
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

const UNFROZEN = `("frozenPromiseDate" IS NULL OR length("frozenPromiseDate") <> 10)`;
const STILL_OUT = `NOT ${BACKLOG_SQL} AND ("delayClass" IS NULL OR "delayClass" <> '${DONE_CLASS}')`;

export function openForecastRows(db: PrismaClient): ForecastRows {
  const target = databaseTargetOf(db);
  if (!target) throw new Error("reforecast needs a client made by app/prisma-client.server.ts");
  return target.provider === "sqlite" ? sqliteRows(target.path) : postgresqlRows(target.url);
}

// ---- SQLite ----

function millisOf(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") {
    const millis = Date.parse(value);
    if (Number.isNaN(millis)) throw new Error(`Not a timestamp: ${JSON.stringify(value)}`);
    return millis;
  }
  throw new Error(`Not a timestamp: ${typeof value}`);
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

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

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

function sqliteRows(path: string): ForecastRows {
  const connection = openSqliteConnection(path);
  connection.exec("PRAGMA busy_timeout = 0");
  const statements = new Map<string, StatementSync>();
  const prepared = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  /** Runs `each` over items in time-boxed transactions; each returns the rows it changed. */
  async function timeBoxed<T>(
    shop: string,
    pass: number,
    items: readonly T[],
    options: WriteOptions,
    each: (item: T) => number,
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
        connection.exec("COMMIT");
      } catch (error) {
        if (connection.isTransaction) connection.exec("ROLLBACK");
        throw error;
      }
      options.onWrite?.(performance.now() - started, rows);
      // Let this process's other work (Prisma's connection, requests) run between transactions.
      await yieldToEventLoop();
    }
    return { written, latest: true };
  }

  const changesOf = (result: { changes: number | bigint }) => Number(result.changes);

  return {
    async readBacklog(shop) {
      const rows = prepared(
        `SELECT "id", "createdAt", "unitsRemaining", "frozenPromiseDate", "frozenPromiseSource",
           "promiseFrozenAt" IS NOT NULL AS "hasFrozenAt",
           CASE WHEN ${UNFROZEN} THEN "fulfillBy" END AS "fulfillBy",
           CASE WHEN ${UNFROZEN} THEN "appFulfillBy" END AS "appFulfillBy",
           CASE WHEN ${UNFROZEN} THEN "lineItems" END AS "lineItems",
           "promisedShipDate", "promiseSource", "likelyShipDate", "conservativeShipDate", "delayClass"
         FROM "TrackedOrder" WHERE "shop" = ? AND ${BACKLOG_SQL} ORDER BY "createdAt", "id"`,
      ).all(shop);
      return rows.map((row) => ({
        id: String(row.id),
        createdAtMs: millisOf(row.createdAt) ?? 0,
        unitsRemaining: Number(row.unitsRemaining),
        frozenPromiseDate: text(row.frozenPromiseDate),
        frozenPromiseSource: text(row.frozenPromiseSource),
        hasPromiseFrozenAt: Number(row.hasFrozenAt) === 1,
        fulfillByMs: millisOf(row.fulfillBy),
        appFulfillByMs: millisOf(row.appFulfillBy),
        lineItems: text(row.lineItems),
        promisedShipDate: text(row.promisedShipDate),
        promiseSource: text(row.promiseSource),
        likelyShipDate: text(row.likelyShipDate),
        conservativeShipDate: text(row.conservativeShipDate),
        delayClass: text(row.delayClass),
      }));
    },

    async readLeaving(shop) {
      return prepared(`SELECT "id" FROM "TrackedOrder" WHERE "shop" = ? AND ${STILL_OUT}`)
        .all(shop)
        .map((row) => String(row.id));
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
      return timeBoxed(shop, pass, rows, options, (row) => {
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
      });
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

const epochMillis = (column: string) =>
  `round(extract(epoch from "${column}") * 1000)::float8 AS "${column}"`;

function postgresqlRows(url: string): ForecastRows {
  const client = new pg.Client({ connectionString: url });
  let connected: Promise<unknown> | null = null;
  const connection = async () => {
    connected ??= client.connect();
    await connected;
    return client;
  };
  const num = (value: unknown): number | null =>
    value === null || value === undefined ? null : Number(value);

  /** Runs one statement per batch, each batch sized to take about WRITE_BUDGET_MS. */
  async function adaptive<T>(
    pass: number,
    shop: string,
    items: readonly T[],
    options: WriteOptions,
    write: (batch: readonly T[]) => Promise<number>,
  ): Promise<WriteResult> {
    let written = 0;
    let size = Math.min(options.maxRows, 200);
    for (let start = 0; start < items.length; ) {
      const batch = items.slice(start, start + size);
      const started = performance.now();
      const count = await write(batch);
      const ms = performance.now() - started;
      options.onWrite?.(ms, batch.length);
      if (count === 0) {
        const current = await (
          await connection()
        ).query<{ pass: number }>(`SELECT "pass" FROM "ShopOrderSummary" WHERE "shop" = $1`, [
          shop,
        ]);
        if (current.rows[0]?.pass !== pass) return { written, latest: false };
      }
      written += count;
      start += batch.length;
      const scaled = Math.round((batch.length * WRITE_BUDGET_MS) / Math.max(ms, 1));
      size = Math.max(50, Math.min(options.maxRows, scaled, batch.length * 2));
    }
    return { written, latest: true };
  }

  const latestPass = `EXISTS (SELECT 1 FROM "ShopOrderSummary" AS s WHERE s."shop" = $2 AND s."pass" = $3)`;

  return {
    async readBacklog(shop) {
      const unfrozen = (column: string) =>
        `CASE WHEN ${UNFROZEN} THEN ${epochMillis(column).replace(` AS "${column}"`, "")} END AS "${column}"`;
      const result = await (
        await connection()
      ).query<Record<string, unknown>>(
        `SELECT "id", ${epochMillis("createdAt")}, "unitsRemaining", "frozenPromiseDate",
           "frozenPromiseSource", "promiseFrozenAt" IS NOT NULL AS "hasFrozenAt",
           ${unfrozen("fulfillBy")}, ${unfrozen("appFulfillBy")},
           CASE WHEN ${UNFROZEN} THEN "lineItems" END AS "lineItems",
           "promisedShipDate", "promiseSource", "likelyShipDate", "conservativeShipDate", "delayClass"
         FROM "TrackedOrder" WHERE "shop" = $1 AND ${BACKLOG_SQL}
         ORDER BY "createdAt", "id" COLLATE "C"`,
        [shop],
      );
      return result.rows.map((row) => ({
        id: String(row.id),
        createdAtMs: num(row.createdAt) ?? 0,
        unitsRemaining: Number(row.unitsRemaining),
        frozenPromiseDate: text(row.frozenPromiseDate),
        frozenPromiseSource: text(row.frozenPromiseSource),
        hasPromiseFrozenAt: row.hasFrozenAt === true,
        fulfillByMs: num(row.fulfillBy),
        appFulfillByMs: num(row.appFulfillBy),
        lineItems: text(row.lineItems),
        promisedShipDate: text(row.promisedShipDate),
        promiseSource: text(row.promiseSource),
        likelyShipDate: text(row.likelyShipDate),
        conservativeShipDate: text(row.conservativeShipDate),
        delayClass: text(row.delayClass),
      }));
    },

    async readLeaving(shop) {
      const result = await (
        await connection()
      ).query<{ id: string }>(
        `SELECT "id" FROM "TrackedOrder" WHERE "shop" = $1 AND ${STILL_OUT}`,
        [shop],
      );
      return result.rows.map((row) => row.id);
    },

    async writeForecasts(shop, pass, now, rows, options) {
      const at = rawDateTime(now);
      const pg = await connection();
      return adaptive(pass, shop, rows, options, async (batch) => {
        const values = JSON.stringify(
          batch.map((row) => ({
            id: row.id,
            p: row.promisedShipDate,
            s: row.promiseSource,
            l: row.likelyShipDate,
            c: row.conservativeShipDate,
            d: row.delayClass,
            f: row.freeze ? row.promisedShipDate : null,
            fs: row.freeze ? row.promiseSource : null,
          })),
        );
        const result = await pg.query(
          `UPDATE "TrackedOrder" AS t SET "promisedShipDate" = v.p, "promiseSource" = v.s,
             "likelyShipDate" = v.l, "conservativeShipDate" = v.c, "delayClass" = v.d,
             "frozenPromiseDate" = COALESCE(t."frozenPromiseDate", v.f),
             "frozenPromiseSource" = COALESCE(t."frozenPromiseSource", v.fs),
             "promiseFrozenAt" = COALESCE(t."promiseFrozenAt", $4::timestamp(3)),
             "forecastAt" = $4::timestamp(3)
           FROM json_to_recordset($1::json)
             AS v(id text, p text, s text, l text, c text, d text, f text, fs text)
           WHERE t."shop" = $2 AND t."id" = v.id AND ${latestPass}`,
          [values, shop, pass, at],
        );
        return result.rowCount ?? 0;
      });
    },

    async markDone(shop, pass, now, ids, options) {
      const at = rawDateTime(now);
      const pg = await connection();
      return adaptive(pass, shop, ids, options, async (batch) => {
        const result = await pg.query(
          `UPDATE "TrackedOrder" SET "delayClass" = '${DONE_CLASS}', "likelyShipDate" = NULL,
             "conservativeShipDate" = NULL, "forecastAt" = $4::timestamp(3)
           WHERE "shop" = $2 AND "id" = ANY($1::text[]) AND ${STILL_OUT} AND ${latestPass}`,
          [batch, shop, pass, at],
        );
        return result.rowCount ?? 0;
      });
    },

    async close() {
      if (connected) await client.end();
    },
  };
}
