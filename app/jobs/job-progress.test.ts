// A job's page reads its progress from here: the money that moved (done items) is told apart from
// the money planned, and skipped orders are listed with their reasons, so "336.00 planned" never
// reads as "336.00 refunded" when most orders were skipped.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertTrackedOrders, openTestDatabase, trackedOrder } from "../../tests/support/factories";
import { jobProgress } from "./jobs.server";

const shop = "a.myshopify.com";
let db: PrismaClient;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.$disconnect());

beforeEach(async () => {
  await insertTrackedOrders(db, [
    trackedOrder(shop, { id: "gid://shopify/Order/1", name: "#1001" }),
    trackedOrder(shop, { id: "gid://shopify/Order/2", name: "#1002" }),
    trackedOrder(shop, { id: "gid://shopify/Order/3", name: "#1003" }),
  ]);
  await db.job.create({
    data: { id: "refunds", shop, kind: "refund", status: "completed", params: "{}" },
  });
  const items: [string, string, string | null][] = [
    ["done", "54.00", null],
    ["skipped", "200.00", "Already fulfilled in Shopify"],
    ["skipped", "82.00", "The refundable amount changed since the list was frozen"],
  ];
  await db.jobItem.createMany({
    data: items.map(([status, amount, error], i) => ({
      jobId: "refunds",
      shop,
      orderId: `gid://shopify/Order/${i + 1}`,
      idempotencyKey: `refunds-${i}`,
      status,
      amount,
      error,
    })),
  });
});

describe("jobProgress", () => {
  it("sums the money of done items apart from the money planned, and lists skipped orders by name with their reasons", async () => {
    const progress = await jobProgress(db, shop, "refunds");
    expect(progress?.amount).toBe("336.00");
    expect(progress?.amountDone).toBe("54.00");
    expect(progress?.skips).toEqual(
      expect.arrayContaining([
        {
          orderId: "gid://shopify/Order/2",
          orderName: "#1002",
          error: "Already fulfilled in Shopify",
        },
        {
          orderId: "gid://shopify/Order/3",
          orderName: "#1003",
          error: "The refundable amount changed since the list was frozen",
        },
      ]),
    );
    expect(progress?.skips).toHaveLength(2);
    expect(await jobProgress(db, "b.myshopify.com", "refunds")).toBeNull();
  });
});
