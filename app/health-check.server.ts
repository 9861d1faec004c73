// What a load balancer asks an instance, answered within a budget whatever the app is doing:
// - liveness (`GET /healthz`): the process runs and its event loop turns, with how late it turns
//   (event-loop delay, app/event-loop-delay.ts). No database: a busy or unreachable database is no
//   reason to restart a process, and a probe that waits on it fails exactly when the instance is
//   busiest (the load bench saw every probe fail with the app's pool of 10 saturated).
// - readiness (`GET /readyz`): liveness, not shutting down, and the database answers a query on a
//   connection of the health check's own, never one of the app's pool (so a saturated pool cannot
//   starve it), within the budget. Concurrent probes share one query in flight.
// README, "Running in production", says which a load balancer should use for what.
import type { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { databaseTarget } from "./database-url";
import { watchEventLoopDelay, type EventLoopDelay } from "./event-loop-delay";
import { openSqliteConnection } from "./node-sqlite-adapter.server";

/** How long readiness waits for the database before it answers 503 (a probe's own timeout is longer). */
export const DEFAULT_READY_BUDGET_MS = 1_000;

export type HealthAnswer =
  | LiveAnswer
  | { ok: true; database: "up"; ms: number }
  | { ok: false; reason: "stopping" | "database did not answer" | "database error"; ms: number };

export interface LiveAnswer {
  ok: true;
  /** Over the last 10–20 s: a loop that turns late answers everything late. */
  eventLoopDelay: EventLoopDelay;
}

export interface HealthCheck {
  live(): LiveAnswer;
  ready(): Promise<HealthAnswer>;
  /** Readiness fails from now on (the instance drains); the connection is closed. */
  close(): Promise<void>;
}

interface Probe {
  query(budgetMs: number): Promise<void>;
  close(): Promise<void>;
}

function postgresProbe(url: string): Probe {
  let client: pg.Client | null = null;
  const drop = async () => {
    const old = client;
    client = null;
    await old?.end().catch(() => {});
  };
  return {
    async query(budgetMs) {
      if (!client) {
        const fresh = new pg.Client({
          connectionString: url,
          connectionTimeoutMillis: budgetMs,
          query_timeout: budgetMs,
          // The server ends a statement past the budget too, so a stuck check holds nothing.
          statement_timeout: budgetMs,
          application_name: "delay-desk health check",
        });
        // A connection the server drops is replaced on the next probe, never an unhandled error.
        fresh.on("error", () => void drop());
        client = fresh;
        try {
          await fresh.connect();
        } catch (error) {
          await drop();
          throw error;
        }
      }
      try {
        await client.query("SELECT 1");
      } catch (error) {
        await drop();
        throw error;
      }
    },
    close: drop,
  };
}

function sqliteProbe(path: string): Probe {
  let db: DatabaseSync | null = null;
  return {
    async query(budgetMs) {
      // node:sqlite is synchronous: the busy timeout is how long this may hold the event loop, so
      // it is a fraction of the budget, not the app's 5 s. Reading the schema page takes the same
      // shared lock any read does (in WAL mode a writer does not block it).
      db ??= openSqliteConnection(path, Math.min(100, budgetMs));
      db.prepare("SELECT count(*) AS n FROM sqlite_master").get();
    },
    async close() {
      db?.close();
      db = null;
    },
  };
}

export function createHealthCheck(
  databaseUrl: string | undefined,
  { budgetMs = DEFAULT_READY_BUDGET_MS }: { budgetMs?: number } = {},
): HealthCheck {
  const target = databaseTarget(databaseUrl);
  const probe =
    target.provider === "postgresql" ? postgresProbe(target.url) : sqliteProbe(target.path);
  const loopDelay = watchEventLoopDelay();
  let stopping = false;
  let inFlight: Promise<HealthAnswer> | null = null;

  const check = async (): Promise<HealthAnswer> => {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    let timer: NodeJS.Timeout | undefined;
    const overBudget = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), budgetMs);
    });
    try {
      const result = await Promise.race([
        probe.query(budgetMs).then(() => "up" as const),
        overBudget,
      ]);
      if (result === "late") return { ok: false, reason: "database did not answer", ms: ms() };
      return { ok: true, database: "up", ms: ms() };
    } catch {
      // The driver's message may carry the connection string's host or user: not for a probe.
      return { ok: false, reason: "database error", ms: ms() };
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    live: () => ({ ok: true, eventLoopDelay: loopDelay.current() }),
    ready: () => {
      if (stopping) return Promise.resolve({ ok: false, reason: "stopping", ms: 0 });
      inFlight ??= check().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    async close() {
      stopping = true;
      loopDelay.stop();
      await probe.close();
    },
  };
}

/** The HTTP status a health answer goes out with. */
export function healthStatus(answer: HealthAnswer): number {
  return answer.ok ? 200 : 503;
}
