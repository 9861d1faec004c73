// Which database errors the background queues wait out instead of failing work on. A busy SQLite
// file (another process holds the write lock past the busy timeout: SQLITE_BUSY, which the node:sqlite
// adapter reports as Prisma's "SocketTimeout", P1008) and PostgreSQL's write conflicts, dropped
// connections and full pools all pass by themselves; a retry after a pause usually succeeds.
// Codes: https://www.prisma.io/docs/orm/reference/error-reference (P1001 can't reach the server,
// P1008 operations timed out, P1017 server closed the connection, P2024 connection pool timeout,
// P2034 write conflict or deadlock "Please retry your transaction", P2037 too many connections).
export const TRANSIENT_DATABASE_CODES: ReadonlySet<string> = new Set([
  "P1001",
  "P1008",
  "P1017",
  "P2024",
  "P2034",
  "P2037",
]);

/** SQLite's own wording, when an error reaches us without Prisma's code. */
const SQLITE_BUSY_MESSAGE = /SQLITE_BUSY|database is locked/i;

export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = "code" in error ? error.code : undefined;
  if (typeof code === "string" && TRANSIENT_DATABASE_CODES.has(code)) return true;
  const message = "message" in error ? error.message : undefined;
  return typeof message === "string" && SQLITE_BUSY_MESSAGE.test(message);
}
