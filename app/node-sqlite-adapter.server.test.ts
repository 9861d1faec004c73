// The node:sqlite driver adapter under the real Prisma client, on a migrated database: the value
// types Prisma's session storage and our models use round-trip, SQLite errors become Prisma's, and
// a second process waits for a write lock instead of failing.
import { spawn } from "node:child_process";
import { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabaseUrl } from "../tests/support/database";
import { openDatabase } from "../tests/support/factories";
import { sqliteFileUrl } from "./database-url";

const databaseUrl = freshDatabaseUrl();
const db = await openDatabase(databaseUrl);

beforeAll(async () => {
  await db.$connect();
});
afterAll(async () => {
  await db.$disconnect();
});

describe("node:sqlite adapter", () => {
  it("round-trips booleans, big integers, nullable dates and text", async () => {
    const expires = new Date("2027-02-01T10:20:30.456Z");
    await db.session.create({
      data: {
        id: "offline_a.myshopify.com",
        shop: "a.myshopify.com",
        state: "s",
        isOnline: false,
        accessToken: "t",
        userId: 9007199254740993n,
        expires,
        accountOwner: true,
      },
    });
    const row = await db.session.findUniqueOrThrow({ where: { id: "offline_a.myshopify.com" } });
    expect(row.userId).toBe(9007199254740993n);
    expect(row.expires?.toISOString()).toBe(expires.toISOString());
    expect(row.accountOwner).toBe(true);
    expect(row.collaborator).toBe(false);
    expect(row.refreshTokenExpires).toBeNull();
  });

  it("reports a duplicate key as Prisma's P2002 with the field", async () => {
    const data = {
      id: "offline_b.myshopify.com",
      shop: "b.myshopify.com",
      state: "s",
      isOnline: false,
      accessToken: "t",
    };
    await db.session.create({ data });
    const error = await db.session.create({ data }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(error instanceof Prisma.PrismaClientKnownRequestError && error.code).toBe("P2002");
  });

  it("rolls back an interactive transaction that throws", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.session.create({
          data: {
            id: "offline_c.myshopify.com",
            shop: "c.myshopify.com",
            state: "s",
            isOnline: false,
            accessToken: "t",
          },
        });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.session.count({ where: { shop: "c.myshopify.com" } })).toBe(0);
  });

  it("makes another process's write wait for a held write lock, then succeed", async () => {
    const holder = spawn(
      process.execPath,
      [
        "--disable-warning=ExperimentalWarning",
        "-e",
        `const { DatabaseSync } = require("node:sqlite");
         const db = new DatabaseSync(process.argv[1]);
         db.exec("BEGIN IMMEDIATE");
         db.exec("INSERT INTO Session (id, shop, state, isOnline, accessToken) VALUES ('offline_d.myshopify.com', 'd.myshopify.com', 's', 0, 't')");
         process.stdout.write("locked\\n");
         setTimeout(() => { db.exec("COMMIT"); process.exit(0); }, 700);`,
        sqliteFileUrl(databaseUrl),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    await db.session.create({
      data: {
        id: "offline_e.myshopify.com",
        shop: "e.myshopify.com",
        state: "s",
        isOnline: false,
        accessToken: "t",
      },
    });
    expect(
      await db.session.count({ where: { shop: { in: ["d.myshopify.com", "e.myshopify.com"] } } }),
    ).toBe(2);
  });
});
