// A webhook's receipt and the sync task it asks for, written together (one statement on
// PostgreSQL, one transaction on SQLite; CI runs both). Duplicates are told by X-Shopify-Event-Id
// per shop and topic (shopify.dev "Ignore duplicate webhooks",
// https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates): a duplicate writes nothing.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../tests/support/factories";
import { recordWebhookWithTask } from "./webhook-receipt.server";

const SHOP = "receipts.myshopify.com";
const ORDER = "gid://shopify/Order/42";
let db: PrismaClient;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

const receipt = (eventId: string) => ({
  shop: SHOP,
  topic: "orders/updated",
  eventId,
  webhookId: `wh-${eventId}`,
});

describe("recordWebhookWithTask", () => {
  it("records the first delivery with its task, and a duplicate changes neither", async () => {
    expect(await recordWebhookWithTask(db, receipt("e1"), { kind: "refresh", target: ORDER })).toBe(
      true,
    );
    const task = await db.syncTask.findUniqueOrThrow({
      where: { shop_kind_target: { shop: SHOP, kind: "refresh", target: ORDER } },
    });
    expect(task).toMatchObject({ failures: 0, leaseOwner: null });
    expect(task.runAfter).toEqual(task.queuedAt);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(
      await recordWebhookWithTask(
        db,
        { ...receipt("e1"), webhookId: "wh-retry" },
        {
          kind: "refresh",
          target: ORDER,
        },
      ),
    ).toBe(false);
    expect(
      await db.syncTask.findUniqueOrThrow({
        where: { shop_kind_target: { shop: SHOP, kind: "refresh", target: ORDER } },
      }),
    ).toEqual(task);
    expect(await db.webhookReceipt.findMany({ where: { shop: SHOP } })).toEqual([
      expect.objectContaining({ eventId: "e1", webhookId: "wh-e1" }),
    ]);
  });

  it("a new event for a queued order moves its queuedAt only, keeping a retry's wait and lease", async () => {
    const later = new Date(Date.now() + 60_000);
    await db.syncTask.create({
      data: {
        shop: SHOP,
        kind: "refresh",
        target: ORDER,
        queuedAt: new Date(Date.now() - 60_000),
        runAfter: later,
        failures: 2,
        leaseOwner: "other:1:a",
        leaseUntil: later,
      },
    });
    expect(await recordWebhookWithTask(db, receipt("e2"), { kind: "refresh", target: ORDER })).toBe(
      true,
    );
    const task = await db.syncTask.findUniqueOrThrow({
      where: { shop_kind_target: { shop: SHOP, kind: "refresh", target: ORDER } },
    });
    expect(task).toMatchObject({ runAfter: later, failures: 2, leaseOwner: "other:1:a" });
    expect(task.queuedAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });
});
