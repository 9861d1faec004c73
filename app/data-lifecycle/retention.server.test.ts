// Webhook receipts outlive Shopify's 48-hour retry window ("Ignore duplicate webhooks",
// https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates) by a margin, then the sweep the
// background work starts removes them.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../tests/support/factories";
import { startRetentionSweep } from "./retention.server";

let db: PrismaClient;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the retention sweep", () => {
  it("removes webhook receipts older than 7 days on its schedule and keeps newer ones", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const day = 24 * 3_600_000;
    await db.webhookReceipt.createMany({
      data: [
        {
          shop: "a.myshopify.com",
          topic: "orders/create",
          eventId: "old",
          webhookId: "w1",
          receivedAt: new Date(now.getTime() - 8 * day),
        },
        {
          shop: "a.myshopify.com",
          topic: "orders/create",
          eventId: "recent",
          webhookId: "w2",
          receivedAt: new Date(now.getTime() - 3 * day),
        },
      ],
    });
    let clock = now;
    const errors: unknown[] = [];
    const stop = startRetentionSweep({
      db,
      intervalMs: 20,
      now: () => clock,
      onError: (error) => errors.push(error),
    });
    try {
      await expect
        .poll(
          async () =>
            (await db.webhookReceipt.findMany({ select: { eventId: true } })).map((r) => r.eventId),
          { timeout: 2_000 },
        )
        .toEqual(["recent"]);
      // Five days later the same sweep, still running, takes the next one.
      clock = new Date(now.getTime() + 5 * day);
      await expect.poll(async () => db.webhookReceipt.count(), { timeout: 2_000 }).toBe(0);
    } finally {
      stop();
    }
    expect(errors).toEqual([]);
  });
});
