// The migration that introduced frozen promises backfills existing rows from what is known: the
// promise their last forecast used. Run here on rows as they stood before it (frozen columns empty).
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationBackfill } from "../../tests/support/migration-backfill";
import { insertTrackedOrders, openTestDatabase, trackedOrder } from "../../tests/support/factories";

let db: PrismaClient;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

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
    await db.$executeRawUnsafe(migrationBackfill("_frozen_promise"));
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
