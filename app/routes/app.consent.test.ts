// The consent review page's loader and action, called as Remix calls them (a real session token,
// the real database, the simulator): the list shows orders whose deadline passed; the cancel
// action queues one cancel-and-refund job for them and takes them off the list; the drop action
// takes one off and queues its hold's release; bad input is a 400 that changes nothing.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callRoute,
  startAppUnderTest,
  type AppUnderTest,
} from "../../tests/support/app-under-test";
import { insertTrackedOrders, trackedOrder } from "../../tests/support/factories";

let app: AppUnderTest;
let db: PrismaClient;

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 5, seed: 8 });
  db = (await import("../db.server")).default;
});
afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

async function onReviewList(count: number) {
  const rows = Array.from({ length: count }, () =>
    trackedOrder(app.shop, { displayFulfillmentStatus: "ON_HOLD", delayClass: "at_risk" }),
  );
  await insertTrackedOrders(db, rows);
  for (const [i, row] of rows.entries())
    await db.consentRequest.create({
      data: {
        shop: app.shop,
        noticeId: `notice-${row.id}-${i}`,
        orderId: row.id,
        ruleSet: "ftc",
        terms: "yes",
        reason: "long",
        delayDays: 40,
        deadline: "2026-11-20",
        status: "review",
        reviewSince: new Date(),
      },
    });
  return rows;
}

function post(fields: [string, string][]) {
  return app.bearerRequest("/app/consent", {
    method: "POST",
    body: new URLSearchParams(fields),
  });
}

describe("the consent review page", () => {
  it("lists the orders awaiting review and cancels them in full as one cancel-and-refund job", async () => {
    const rows = await onReviewList(2);
    const { loader, action } = await import("./app.consent");
    const loaded = await callRoute(loader, app.bearerRequest("/app/consent"));
    expect(loaded.review.map((r) => r.orderId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(loaded.ruleSet).toMatch(/FTC/);

    const response = await callRoute(
      action,
      post([["intent", "cancel"], ...rows.map((r): [string, string] => ["orderId", r.id])]),
    );
    expect(response.status).toBe(200);
    const jobs = await db.job.findMany({ where: { shop: app.shop, kind: "cancel_refund" } });
    expect(jobs).toHaveLength(1);
    // Who started it, by id and by the name their online token gives (issue 16 point 1).
    expect(jobs[0]).toMatchObject({ createdBy: "1", createdByName: "Dawn Rivera" });
    const params: unknown = JSON.parse(jobs[0]?.params ?? "{}");
    expect(params).toMatchObject({ notifyCustomer: true });
    const items = await db.jobItem.findMany({ where: { jobId: jobs[0]?.id } });
    expect(items.map((i) => i.orderId).sort()).toEqual(rows.map((r) => r.id).sort());
    const asks = await db.consentRequest.findMany({
      where: { shop: app.shop, orderId: { in: rows.map((r) => r.id) } },
    });
    expect(asks.every((a) => a.status === "cancelling" && a.cancelJobId === jobs[0]?.id)).toBe(
      true,
    );
  });

  it("drops one order from the list and queues the release of its hold", async () => {
    const [row] = await onReviewList(1);
    if (!row) throw new Error("no row");
    await db.orderFulfillmentState.create({
      data: {
        shop: app.shop,
        orderId: row.id,
        pendingCancellation: "consent_review",
        holdIds: '["gid://shopify/FulfillmentHold/1"]',
      },
    });
    const { action } = await import("./app.consent");
    const response = await callRoute(
      action,
      post([
        ["intent", "drop"],
        ["orderId", row.id],
      ]),
    );
    expect(response.status).toBe(200);
    const state = await db.orderFulfillmentState.findUniqueOrThrow({
      where: { shop_orderId: { shop: app.shop, orderId: row.id } },
    });
    expect(state.pendingCancellation).toBeNull();
    const releases = await db.job.count({
      where: { shop: app.shop, kind: "fulfillment_release" },
    });
    expect(releases).toBe(1);
    expect(
      await db.orderEvent.findFirstOrThrow({ where: { shop: app.shop, orderId: row.id } }),
    ).toMatchObject({ kind: "consent", actorId: "1", actorName: "Dawn Rivera" });
  });

  it("answers a 400 and changes nothing when no order is named", async () => {
    const before = await db.job.count({ where: { shop: app.shop } });
    const { action } = await import("./app.consent");
    const response = await callRoute(action, post([["intent", "cancel"]]));
    expect(response.status).toBe(400);
    expect(await db.job.count({ where: { shop: app.shop } })).toBe(before);
  });
});
