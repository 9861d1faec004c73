// The database location, shared by the app (app/db.server.ts) and the Prisma CLI
// (prisma.config.ts) so that both always open the same database. DATABASE_URL chooses the
// database: `file:` is the embedded SQLite default, `postgres://` or `postgresql://` is
// PostgreSQL (production; docs/decisions/010-postgresql.md).
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.sqlite";

export type DatabaseTarget =
  | { provider: "sqlite"; /** absolute path of the database file */ path: string }
  | { provider: "postgresql"; /** the connection string, credentials included */ url: string };

/** The scheme only: the rest of a URL may hold a password and never goes into a message. */
function schemeOf(url: string): string {
  return url.split(":")[0] ?? "";
}

export function databaseTarget(databaseUrl: string | undefined): DatabaseTarget {
  const url = databaseUrl && databaseUrl.length > 0 ? databaseUrl : DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) {
    const filePath = url.slice("file:".length);
    return {
      provider: "sqlite",
      path: path.isAbsolute(filePath) ? filePath : path.resolve(process.cwd(), filePath),
    };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: "postgresql", url };
  throw new Error(
    `DATABASE_URL must be a SQLite file URL (file:path) or a PostgreSQL URL (postgresql://…), got "${schemeOf(url)}:…"`,
  );
}

/** Turns `file:relative/path.sqlite` into an absolute path, resolved from the project root (cwd). */
export function sqliteFileUrl(databaseUrl: string | undefined): string {
  const target = databaseTarget(databaseUrl);
  if (target.provider !== "sqlite") {
    throw new Error(`DATABASE_URL must be a SQLite file URL (file:path) here, got "postgresql:…"`);
  }
  return target.path;
}
