// The health checks a load balancer asks (README, "Health checks"): liveness never touches the
// database; readiness answers within its budget on a connection of its own, so the app's pool
// being full does not fail it (the load bench saw every /healthz probe fail once PostgreSQL's pool
// of 10 was saturated, when /healthz queried through the pool), and it answers 503 with a reason,
// never the connection string, when the database is away or the instance is stopping.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabaseUrl } from "../tests/support/database";
import { workerDatabase } from "../tests/support/test-databases";
import { createHealthCheck, DEFAULT_READY_BUDGET_MS } from "./health-check.server";
import { createPrismaClient } from "./prisma-client.server";

const postgresql = workerDatabase() === "postgresql";
let url: string;
let db: PrismaClient;

beforeAll(() => {
  url = freshDatabaseUrl();
  db = createPrismaClient(url);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("health checks", () => {
  it("liveness answers ok without a database, readiness answers the database up, and after close readiness is 503 stopping", async () => {
    const away = createHealthCheck(
      postgresql ? "postgresql://nobody@127.0.0.1:9/none" : "file:/nonexistent/dir/x.sqlite",
    );
    expect(away.live()).toMatchObject({ ok: true });
    await away.close();

    const health = createHealthCheck(url);
    expect(await health.ready()).toMatchObject({ ok: true, database: "up" });
    await health.close();
    expect(await health.ready()).toEqual({ ok: false, reason: "stopping", ms: 0 });
  });

  it("liveness says how late the event loop turned: a 300 ms synchronous stretch shows as its maxMs", async () => {
    const health = createHealthCheck(url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(health.live().eventLoopDelay.maxMs).toBeLessThan(250);
    // What a synchronous node:sqlite query over many rows does to the loop.
    const until = performance.now() + 300;
    while (performance.now() < until);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { eventLoopDelay } = health.live();
    expect(eventLoopDelay.maxMs).toBeGreaterThanOrEqual(250);
    expect(eventLoopDelay.p99Ms).toBeLessThanOrEqual(eventLoopDelay.maxMs);
    await health.close();
  });

  it("readiness answers 503 'database error' within its budget when the database is not there, naming no part of its URL", async () => {
    const health = createHealthCheck(
      postgresql
        ? "postgresql://secret-user:secret-pass@127.0.0.1:9/secret-db"
        : "file:/nonexistent/dir/secret.sqlite",
    );
    const started = performance.now();
    const answer = await health.ready();
    expect(performance.now() - started).toBeLessThan(DEFAULT_READY_BUDGET_MS + 500);
    expect(answer).toMatchObject({ ok: false, reason: "database error" });
    expect(JSON.stringify(answer)).not.toMatch(/secret/);
    await health.close();
  });

  it.runIf(postgresql)(
    "readiness answers within its budget while every connection of the app's pool is busy",
    async () => {
      const health = createHealthCheck(url);
      // Warm: the health check's own connection exists before the pool fills.
      expect(await health.ready()).toMatchObject({ ok: true });
      // pg's pool holds 10 connections; twelve 3 s statements fill it and queue two behind it
      // (`then` sends them: a Prisma query runs only once awaited).
      const busy = Array.from({ length: 12 }, () =>
        db.$queryRaw`SELECT 1 AS slept FROM pg_sleep(3)`.then(() => undefined),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const poolStarted = performance.now();
      const viaPool = db.$queryRaw`SELECT 1`.then(() => performance.now() - poolStarted);
      const started = performance.now();
      const answer = await health.ready();
      const readyMs = performance.now() - started;
      expect(answer).toMatchObject({ ok: true, database: "up" });
      expect(readyMs).toBeLessThan(DEFAULT_READY_BUDGET_MS);
      // The pool really was full: a query through it waited for a sleeper to finish.
      expect(await viaPool).toBeGreaterThan(1_500);
      await Promise.all(busy);
      await health.close();
    },
    30_000,
  );
});
