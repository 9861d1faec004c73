import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTrackedOrders, openTestDatabase, trackedOrder } from "../../tests/support/factories";
import { countOrdersWithoutUpdate, ordersWithoutUpdate } from "./stale-orders.server";

let db: PrismaClient;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

describe("ordersWithoutUpdate", () => {
  it("lists late orders told nothing for 7 days or never, not fresh ones, on-track ones or another shop's", async () => {
    const shop = "a.myshopify.com";
    const now = new Date("2026-12-10T12:00:00Z");
    const never = trackedOrder(shop, { delayClass: "overdue" });
    const old = trackedOrder(shop, { delayClass: "at_risk" });
    const fresh = trackedOrder(shop, { delayClass: "at_risk" });
    const fine = trackedOrder(shop, { delayClass: "on_track" });
    const other = trackedOrder("b.myshopify.com", { delayClass: "overdue" });
    await insertTrackedOrders(db, [never, old, fresh, fine, other]);
    const notice = (orderId: string, sentAt: Date, status = "sent") =>
      db.notice.create({
        data: {
          shop,
          orderId,
          revision: 1,
          estimateFrom: "2026-12-07",
          estimateTo: "2026-12-18",
          toEmail: "x@y.z",
          subject: "s",
          status,
          sentAt,
        },
      });
    await notice(old.id, new Date("2026-12-03T12:00:00Z"));
    await notice(fresh.id, new Date("2026-12-08T12:00:00Z"));
    await db.notice.create({
      data: {
        shop,
        orderId: never.id,
        revision: 1,
        estimateFrom: "2026-12-07",
        estimateTo: "2026-12-18",
        toEmail: "x@y.z",
        subject: "s",
        status: "failed",
      },
    });

    // A customer who asked to cancel is not waiting for news.
    const asked = trackedOrder(shop, { delayClass: "overdue" });
    await insertTrackedOrders(db, [asked]);
    await db.customerChoice.create({ data: { shop, orderId: asked.id, choice: "cancel" } });

    const result = await ordersWithoutUpdate(db, shop, now);
    expect(result.count).toBe(2);
    // The count alone, counted by the database, agrees with the list (on either database).
    expect(await countOrdersWithoutUpdate(db, shop, now)).toEqual({
      count: 2,
      never: 1,
      cadenceDays: 7,
    });
    expect(await countOrdersWithoutUpdate(db, "b.myshopify.com", now)).toEqual({
      count: 1,
      never: 1,
      cadenceDays: 7,
    });
    expect(result.never).toBe(1);
    expect(result.orders.map((o) => [o.name, o.lastToldAt])).toEqual([
      [never.name, null],
      [old.name, "2026-12-03T12:00:00.000Z"],
    ]);
    // The never told come first: a list of one is that one, with the whole count beside it.
    const first = await ordersWithoutUpdate(db, shop, now, 1);
    expect(first.orders.map((o) => o.name)).toEqual([never.name]);
    expect(first.count).toBe(2);
  });
});
