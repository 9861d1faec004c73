// The migration that introduced frozen promises backfills existing rows from what is known: the
// promise their last forecast used. Run here on rows as they stood before it (frozen columns empty).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTrackedOrders, openTestDatabase, trackedOrder } from "../../tests/support/factories";

let db: PrismaClient;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

function backfillStatement(): string {
  // The migrations of the database this run uses (vitest.config.ts sets DELAY_DESK_TEST_DATABASE).
  const dir =
    process.env.DELAY_DESK_TEST_DATABASE === "postgresql"
      ? path.join(process.cwd(), "prisma", "postgresql", "migrations")
      : path.join(process.cwd(), "prisma", "migrations");
  const folder = readdirSync(dir).find((name) => name.endsWith("_frozen_promise"));
  if (!folder) throw new Error("no frozen_promise migration");
  const sql = readFileSync(path.join(dir, folder, "migration.sql"), "utf8")
    .split("\n")
    .filter((line) => !line.startsWith("--"))
    .join("\n");
  const update = sql.split(";").find((statement) => statement.trim().startsWith("UPDATE"));
  if (!update) throw new Error("the migration has no backfill");
  return update;
}

describe("the frozen-promise backfill", () => {
  it("freezes each forecast row's last promise, keeps fulfillBy as the source, marks rule promises backfill, and leaves unforecast rows for the next reforecast", async () => {
    const shop = "backfill.myshopify.com";
    const at = new Date("2026-11-30T12:00:00Z");
    await insertTrackedOrders(db, [
      trackedOrder(shop, {
        id: "r",
        promisedShipDate: "2026-11-16",
        promiseSource: "rules",
        forecastAt: at,
      }),
      trackedOrder(shop, {
        id: "f",
        promisedShipDate: "2026-11-17",
        promiseSource: "fulfillBy",
        forecastAt: at,
      }),
      trackedOrder(shop, { id: "new" }),
    ]);
    await db.$executeRawUnsafe(backfillStatement());
    const rows = await db.trackedOrder.findMany({ where: { shop }, orderBy: { id: "asc" } });
    expect(
      rows.map((r) => [r.id, r.frozenPromiseDate, r.frozenPromiseSource, r.promiseFrozenAt]),
    ).toEqual([
      ["f", "2026-11-17", "fulfillBy", at],
      ["new", null, null, null],
      ["r", "2026-11-16", "backfill", at],
    ]);
  });
});
