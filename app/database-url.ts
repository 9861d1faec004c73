// The database location, shared by the app (app/db.server.ts) and the Prisma CLI
// (prisma.config.ts) so that both always open the same file.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.sqlite";

/** Turns `file:relative/path.sqlite` into an absolute path, resolved from the project root (cwd). */
export function sqliteFileUrl(databaseUrl: string | undefined): string {
  const url = databaseUrl && databaseUrl.length > 0 ? databaseUrl : DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must be a SQLite file URL (file:path), got "${url.split(":")[0]}:…"`,
    );
  }
  const filePath = url.slice("file:".length);
  return path.isAbsolute(filePath) ? filePath : path.resolve(process.cwd(), filePath);
}
