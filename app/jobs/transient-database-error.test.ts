// Which database errors the runner waits out: the codes Prisma gives a busy SQLite file (the
// node:sqlite adapter maps SQLITE_BUSY to "SocketTimeout", which @prisma/client reports as P1008)
// and PostgreSQL's passing failures; a constraint violation or a bug is not one of them.
import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { isTransientDatabaseError } from "./transient-database-error";

const prismaError = (code: string) =>
  new Prisma.PrismaClientKnownRequestError("failed", {
    code,
    clientVersion: Prisma.prismaVersion.client,
  });

describe("isTransientDatabaseError", () => {
  it("is true for a busy or unreachable database, write conflicts and a full pool", () => {
    expect(
      ["P1001", "P1008", "P1017", "P2024", "P2034", "P2037"].map((code) =>
        isTransientDatabaseError(prismaError(code)),
      ),
    ).toEqual([true, true, true, true, true, true]);
    expect(isTransientDatabaseError(new Error("database is locked"))).toBe(true);
  });

  it("is false for constraint violations, missing rows and other errors", () => {
    expect(
      ["P2002", "P2025", "P2003"].map((code) => isTransientDatabaseError(prismaError(code))),
    ).toEqual([false, false, false]);
    expect(isTransientDatabaseError(new Error("Unexpected token"))).toBe(false);
    expect(isTransientDatabaseError("P1008")).toBe(false);
  });
});
