import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTrackedOrders, openTestDatabase, trackedOrder } from "../../tests/support/factories";
import { loadOrderHistory, orderGid } from "./order-timeline.server";

let db: PrismaClient;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

describe("loadOrderHistory", () => {
  it("reads one shop's rows only, with the last notice and the customer's choice", async () => {
    const order = trackedOrder("a.myshopify.com", {
      promisedShipDate: "2026-12-01",
      promiseSource: "rules",
      likelyShipDate: "2026-12-07",
      conservativeShipDate: "2026-12-18",
    });
    await insertTrackedOrders(db, [order]);
    await db.notice.create({
      data: {
        shop: "a.myshopify.com",
        orderId: order.id,
        revision: 1,
        estimateFrom: "2026-12-07",
        estimateTo: "2026-12-18",
        toEmail: "x@y.z",
        subject: "s",
        status: "sent",
        sentAt: new Date("2026-11-24T12:00:00Z"),
      },
    });
    await db.customerChoice.create({
      data: { shop: "a.myshopify.com", orderId: order.id, choice: "wait" },
    });
    await db.orderEvent.create({
      data: {
        shop: "a.myshopify.com",
        orderId: order.id,
        kind: "choice",
        actorId: "customer",
        detail: JSON.stringify({ choice: "wait" }),
      },
    });
    // Another shop's event about an order with the same id must not leak in.
    await db.orderEvent.create({
      data: {
        shop: "b.myshopify.com",
        orderId: order.id,
        kind: "override",
        actorId: "9",
        detail: "{}",
      },
    });

    const history = await loadOrderHistory(
      db,
      "a.myshopify.com",
      order.id,
      new Map([["1", "Dawn Rivera"]]),
    );
    expect(history?.order.estimate).toBe("between Monday 7 December and Friday 18 December");
    expect(history?.lastTold).toEqual({
      at: "2026-11-24T12:00:00.000Z",
      range: "between Monday 7 December and Friday 18 December",
      revision: 1,
    });
    expect(history?.choice?.choice).toBe("wait");
    expect(history?.entries.map((e) => e.kind)).toEqual(["placed", "choice"]);
    expect(await loadOrderHistory(db, "b.myshopify.com", order.id)).toBeNull();
  });

  it("accepts only numeric order ids in URLs", () => {
    expect(orderGid("5500000056")).toBe("gid://shopify/Order/5500000056");
    expect(orderGid("56; drop")).toBeNull();
  });
});
