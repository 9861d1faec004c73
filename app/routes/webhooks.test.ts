// Webhook routes, called as Shopify calls them: HMAC-signed raw bodies.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedWebhookRequest } from "@delay-desk/simulator/webhook-request";
import {
  callRoute,
  startAppUnderTest,
  TEST_APP,
  type AppUnderTest,
} from "../../tests/support/app-under-test";

let app: AppUnderTest;
let db: PrismaClient;

function webhook(
  topic: string,
  payload: unknown,
  secret: string = TEST_APP.apiSecret,
  shop = "oak-and-hide.myshopify.com",
) {
  return signedWebhookRequest({
    url: `${TEST_APP.appUrl}/webhooks/${topic}`,
    topic,
    shop,
    payload,
    apiSecret: secret,
  });
}

async function status(promise: Promise<Response>): Promise<number> {
  try {
    return (await promise).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

async function seedSession(shop: string, id: string) {
  await db.session.create({
    data: { id, shop, state: "", isOnline: false, accessToken: "shpat_test", scope: "read_orders" },
  });
}

beforeAll(async () => {
  app = await startAppUnderTest();
  db = (await import("../db.server")).default;
});

afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

describe("app/uninstalled", () => {
  it("forgets only that shop's sessions", async () => {
    await seedSession("oak-and-hide.myshopify.com", "offline_oak-and-hide.myshopify.com");
    await seedSession("other-shop.myshopify.com", "offline_other-shop.myshopify.com");
    const { action } = await import("./webhooks.app.uninstalled");
    expect(await status(callRoute(action, webhook("app/uninstalled", { id: 1 })))).toBe(200);
    expect(await db.session.count({ where: { shop: "oak-and-hide.myshopify.com" } })).toBe(0);
    expect(await db.session.count({ where: { shop: "other-shop.myshopify.com" } })).toBe(1);
    // A redelivery after the sessions are gone changes nothing and still succeeds.
    expect(await status(callRoute(action, webhook("app/uninstalled", { id: 1 })))).toBe(200);
  });

  it("refuses a forged signature and keeps the data", async () => {
    await seedSession("oak-and-hide.myshopify.com", "offline_forged-check");
    const { action } = await import("./webhooks.app.uninstalled");
    expect(
      await status(callRoute(action, webhook("app/uninstalled", { id: 1 }, "not-the-secret"))),
    ).toBe(401);
    expect(await db.session.count({ where: { id: "offline_forged-check" } })).toBe(1);
  });
});

describe("app/scopes_update", () => {
  it("records the granted scopes on the shop's sessions", async () => {
    await seedSession("scopes.myshopify.com", "offline_scopes.myshopify.com");
    const { action } = await import("./webhooks.app.scopes_update");
    const request = webhook(
      "app/scopes_update",
      { current: ["read_orders", "write_orders"], previous: ["read_orders"] },
      undefined,
      "scopes.myshopify.com",
    );
    expect(await status(callRoute(action, request))).toBe(200);
    expect(
      (await db.session.findUniqueOrThrow({ where: { id: "offline_scopes.myshopify.com" } })).scope,
    ).toBe("read_orders,write_orders");
  });
});

describe("compliance webhooks", () => {
  it("shop/redact erases the shop's sessions and nobody else's (every table: app/data-lifecycle/compliance-webhooks.test.ts)", async () => {
    await seedSession("gone.myshopify.com", "offline_gone.myshopify.com");
    await seedSession("stays.myshopify.com", "offline_stays.myshopify.com");
    const { action } = await import("./webhooks.shop.redact");
    const request = webhook(
      "shop/redact",
      { shop_id: 1, shop_domain: "gone.myshopify.com" },
      undefined,
      "gone.myshopify.com",
    );
    expect(await status(callRoute(action, request))).toBe(200);
    expect(await db.session.count({ where: { shop: "gone.myshopify.com" } })).toBe(0);
    expect(await db.session.count({ where: { shop: "stays.myshopify.com" } })).toBe(1);
  });

  // Bodies as shopify.dev "Privacy law compliance" shows them (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance).
  const bodies: Record<string, unknown> = {
    "customers/data_request": {
      shop_id: 1,
      shop_domain: "oak-and-hide.myshopify.com",
      orders_requested: [1],
      customer: { id: 2, email: "a@example.com", phone: null },
      data_request: { id: 3 },
    },
    "customers/redact": {
      shop_id: 1,
      shop_domain: "oak-and-hide.myshopify.com",
      customer: { id: 2, email: "a@example.com", phone: null },
      orders_to_redact: [1],
    },
    "shop/redact": { shop_id: 1, shop_domain: "oak-and-hide.myshopify.com" },
  };

  it.each(Object.keys(bodies))("%s verifies the HMAC", async (topic) => {
    const { action } = await import(`./webhooks.${topic.replace("/", ".")}.tsx`);
    expect(await status(callRoute(action, webhook(topic, bodies[topic], "forged")))).toBe(401);
    expect(await status(callRoute(action, webhook(topic, bodies[topic])))).toBe(200);
  });
});
