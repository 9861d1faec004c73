// Each test starts on a fresh database (tests/setup/fresh-database.ts), on SQLite and on
// PostgreSQL: one client opened once for the file, as the app's is, sees nothing of the test
// before; and the emptied database is indistinguishable from a new copy of the template.
// These tests run in their written order on purpose (Vitest's default within a file): the second
// one fails if the setup file's reset is taken out.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabaseUrl, untrackedTemplateCopy } from "../support/database";
import { databaseFingerprint, openDatabaseReset } from "../support/database-reset";
import { insertTrackedOrders, openDatabase, trackedOrder } from "../support/factories";
import { workerDatabase } from "../support/test-databases";

const SHOP = "isolation.myshopify.com";
let databaseUrl: string;
let db: PrismaClient;

beforeAll(async () => {
  databaseUrl = freshDatabaseUrl();
  db = await openDatabase(databaseUrl);
  // Written before the first test: a beforeAll's rows do not reach the tests either.
  await db.shopSettings.create({ data: { shop: SHOP, rules: "[]" } });
});

afterAll(async () => {
  await db.$disconnect();
});

async function writeInEveryKindOfRow(): Promise<void> {
  await db.session.create({
    data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: "shpat_test" },
  });
  await insertTrackedOrders(db, [trackedOrder(SHOP), trackedOrder(SHOP)]);
  const job = await db.job.create({
    data: { shop: SHOP, kind: "refund", status: "pending", params: "{}" },
  });
  await db.jobItem.create({
    data: {
      jobId: job.id,
      shop: SHOP,
      orderId: "gid://shopify/Order/1",
      idempotencyKey: `${job.id}-1`,
      status: "pending",
    },
  });
  await db.shopSettings.upsert({
    where: { shop: SHOP },
    create: { shop: SHOP, rules: "[]" },
    update: {},
  });
}

describe("a fresh database per test", () => {
  it("starts the first test without the rows beforeAll wrote", async () => {
    expect(await db.shopSettings.count()).toBe(0);
    await writeInEveryKindOfRow();
    expect(await db.session.count()).toBe(1);
    expect(await db.trackedOrder.count({ where: { shop: SHOP } })).toBe(2);
  });

  it("shows the next test nothing the test before wrote, through the same client", async () => {
    expect(await db.session.count()).toBe(0);
    expect(await db.trackedOrder.count()).toBe(0);
    expect(await db.job.count()).toBe(0);
    expect(await db.jobItem.count()).toBe(0);
    expect(await db.shopSettings.count()).toBe(0);
  });

  it("leaves a database the same as a new copy of the template: schema, rows, migrations", async () => {
    await writeInEveryKindOfRow();
    expect(await databaseFingerprint(databaseUrl)).not.toBe(
      await databaseFingerprint(untrackedTemplateCopy()),
    );
    const reset = openDatabaseReset(databaseUrl);
    try {
      await reset.reset();
    } finally {
      await reset.close();
    }
    expect(await databaseFingerprint(databaseUrl)).toBe(
      await databaseFingerprint(untrackedTemplateCopy()),
    );
  });

  it("restarts id counters, as a new copy's start at 1", async () => {
    // The schema has no counter today (ids are cuids); a table with one proves the reset
    // handles the next migration that adds one.
    const url = untrackedTemplateCopy();
    const raw = await openDatabase(url);
    const counterTable =
      workerDatabase() === "postgresql"
        ? 'CREATE TABLE "Counted" ("id" SERIAL PRIMARY KEY, "note" TEXT)'
        : 'CREATE TABLE "Counted" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "note" TEXT)';
    const insert = `INSERT INTO "Counted" ("note") VALUES ('x')`;
    const reset = openDatabaseReset(url);
    try {
      await raw.$executeRawUnsafe(counterTable);
      await raw.$executeRawUnsafe(insert);
      await raw.$executeRawUnsafe(insert);
      await reset.reset();
      await raw.$executeRawUnsafe(insert);
      const ids = await raw.$queryRawUnsafe<{ id: number }[]>(`SELECT "id" FROM "Counted"`);
      expect(ids.map((row) => Number(row.id))).toEqual([1]);
    } finally {
      await reset.close();
      await raw.$disconnect();
    }
  });
});
