// Two "cancel" clicks at the same moment on an order whose customer had chosen to wait: one of them
// changes the choice and queues the refund, the other finds it already cancelled. On SQLite one
// transaction runs at a time; on PostgreSQL (READ COMMITTED) both read "wait" first, which is the
// case this covers (the suite runs it on both databases).
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTrackedOrders, openTestDatabase, trackedOrder } from "../../tests/support/factories";
import { recordChoice } from "./record-choice.server";

const shop = "oak-and-hide.myshopify.com";
let db: PrismaClient;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

async function itemsOfKind(orderId: string, kind: string): Promise<number> {
  const jobs = await db.job.findMany({ where: { shop, kind }, select: { id: true } });
  return db.jobItem.count({ where: { shop, orderId, jobId: { in: jobs.map((j) => j.id) } } });
}

describe("recordChoice", () => {
  it("turns a wait into a cancel once when two cancels arrive together: one refund job, one change event", async () => {
    const rows = Array.from({ length: 5 }, () => trackedOrder(shop));
    await insertTrackedOrders(db, rows);
    for (const row of rows) {
      await db.customerChoice.create({ data: { shop, orderId: row.id, choice: "wait" } });
      const results = await Promise.all(
        [1, 2].map(() =>
          recordChoice(db, { shop, orderId: row.id, noticeId: null, choice: "cancel" }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual(["already", "changed"]);
      expect(await db.orderEvent.count({ where: { shop, orderId: row.id, kind: "choice" } })).toBe(
        1,
      );
      // One refund; the fulfillment hold that goes with it (app/fulfillment) is its own job.
      expect(await itemsOfKind(row.id, "cancel_refund")).toBe(1);
      expect(await itemsOfKind(row.id, "fulfillment_hold")).toBe(1);
      expect(
        (
          await db.customerChoice.findUniqueOrThrow({
            where: { shop_orderId: { shop, orderId: row.id } },
          })
        ).choice,
      ).toBe("cancel");
    }
  });
});
