// Checks made before the app takes traffic, each failing with one clear message: configuration
// complete, database reachable, migrations applied (prisma migrate deploy, as in production).
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import { databaseTarget } from "../app/database-url";
import { parseEnv, type AppEnv } from "../app/env.server";

export class PreflightError extends Error {
  override name = "PreflightError";
}

const ROOT = path.resolve(import.meta.dirname, "..");

export function checkDatabaseReachable(databaseUrl: string): void {
  let target: ReturnType<typeof databaseTarget>;
  try {
    target = databaseTarget(databaseUrl);
  } catch (error) {
    throw new PreflightError(
      `Delay Desk cannot start: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  // PostgreSQL: applyMigrations connects next and names the problem ("Can't reach database server
  // at host:port", wrong credentials) without the password.
  if (target.provider === "postgresql") return;
  const file = target.path;
  const dir = path.dirname(file);
  if (!existsSync(dir)) {
    throw new PreflightError(
      `Delay Desk cannot start: the database folder ${dir} does not exist (DATABASE_URL).`,
    );
  }
  try {
    accessSync(existsSync(file) ? file : dir, constants.W_OK);
  } catch {
    throw new PreflightError(
      `Delay Desk cannot start: the database at ${file} is not writable (DATABASE_URL).`,
    );
  }
}

/**
 * Several instances starting at once on one PostgreSQL database all run `migrate deploy`; Prisma
 * serialises them with an advisory lock (SELECT pg_advisory_lock(72707369)) and gives up waiting
 * after 10 s with P1002 (https://pris.ly/d/migrate-advisory-locking). The one that got the lock
 * is migrating, so the others try again rather than fail to start.
 */
const ADVISORY_LOCK_TRIES = 6;

export function applyMigrations(databaseUrl: string): void {
  for (let attempt = 1; ; attempt += 1) {
    const result = spawnSync("npx", ["prisma", "migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    if (result.status === 0) return;
    const output = `${result.stdout}\n${result.stderr}`;
    if (/advisory lock/i.test(output) && attempt < ADVISORY_LOCK_TRIES) continue;
    const detail = output
      .split("\n")
      .filter((line) => /error|P\d{4}/i.test(line))
      .slice(0, 3)
      .join(" ");
    throw new PreflightError(
      `Delay Desk cannot start: database migrations failed. ${detail}`.trim(),
    );
  }
}

export function preflight(source: Record<string, string | undefined> = process.env): AppEnv {
  const env = parseEnv(source);
  checkDatabaseReachable(env.DATABASE_URL);
  applyMigrations(env.DATABASE_URL);
  return env;
}
