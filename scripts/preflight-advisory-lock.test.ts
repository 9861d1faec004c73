// Several instances starting together on one PostgreSQL database each run `prisma migrate
// deploy`. Prisma serialises them with an advisory lock and gives up after waiting 10 s
// (P1002, https://pris.ly/d/migrate-advisory-locking; seen here when two deploys raced). The
// instance that waited must retry and start, not exit. Runs with TEST_DATABASES=…,postgresql.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../tests/support/paths";
import { postgresqlDatabaseUrl, psql } from "../tests/support/postgres-server";

const server = process.env.DELAY_DESK_TEST_POSTGRESQL_URL;
const binDir = process.env.DELAY_DESK_TEST_POSTGRESQL_BIN;
/** The key Prisma's schema engine locks (SELECT pg_advisory_lock(72707369)). */
const PRISMA_MIGRATE_LOCK = 72707369;

function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): { done: Promise<{ status: number | null; output: string }> } {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    done: new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, output }));
    }),
  };
}

describe("preflight on PostgreSQL", () => {
  it.skipIf(!server || !binDir)(
    "applies the migrations after another instance held Prisma's migration lock for longer than Prisma waits",
    async () => {
      if (!server || !binDir) return;
      const name = `lock_${Date.now()}_${process.pid}`;
      psql(binDir, server, `CREATE DATABASE "${name}"`);
      const databaseUrl = postgresqlDatabaseUrl(server, name);
      // Another instance, mid-migration: holds the lock for 25 s (longer than npx startup plus Prisma's 10 s), then lets go.
      const holder = run(`${binDir}/psql`, [
        databaseUrl,
        "-v",
        "ON_ERROR_STOP=1",
        "-c",
        `SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK})`,
        "-c",
        "SELECT pg_sleep(25)",
      ]);
      await expect
        .poll(
          async () => {
            const probe = await run(`${binDir}/psql`, [
              databaseUrl,
              "-tAc",
              `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = ${PRISMA_MIGRATE_LOCK} AND granted`,
            ]).done;
            return probe.output.trim();
          },
          { timeout: 10_000, interval: 200 },
        )
        .toBe("1");

      const started = performance.now();
      const preflight = await run(
        "npx",
        [
          "tsx",
          "-e",
          'import("./scripts/preflight.ts").then((m) => m.applyMigrations(process.env.DATABASE_URL ?? ""))',
        ],
        { DATABASE_URL: databaseUrl },
      ).done;
      const waited = (performance.now() - started) / 1000;
      expect((await holder.done).status).toBe(0);
      expect(`${preflight.status}: ${preflight.output}`).toMatch(/^0: /);
      // It did wait for the holder: Prisma alone would have given up after 10 s.
      expect(waited).toBeGreaterThan(20);
      const tables = await run(`${binDir}/psql`, [
        databaseUrl,
        "-tAc",
        `SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL`,
      ]).done;
      expect(Number(tables.output.trim())).toBeGreaterThan(0);
    },
    180_000,
  );
});
