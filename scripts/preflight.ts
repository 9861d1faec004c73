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

export function applyMigrations(databaseUrl: string): void {
  const result = spawnSync("npx", ["prisma", "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    const detail = `${result.stdout}\n${result.stderr}`
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
