// Every webhook route goes through verifyShopifyWebhook. Real signed Requests reach the real route
// modules; outcomes are read from the database. Sources for what Shopify sends:
// - shopify.dev "Deliver webhooks through HTTPS" (https://shopify.dev/docs/apps/build/webhooks/subscribe/https):
//   the X-Shopify-Hmac-Sha256 header is a base64 HMAC-SHA256 of the raw request body, computed with
//   the app's client secret; nothing else is signed, so the other headers can be rewritten.
// - shopify.dev "Webhooks delivery structure" (https://shopify.dev/docs/apps/build/webhooks/delivery-structure):
//   X-Shopify-Topic (the topic), X-Shopify-Shop-Domain (the shop's myshopify domain), X-Shopify-Event-Id.
// - shopify.dev "Privacy law compliance" (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance):
//   the compliance payloads carry shop_id and shop_domain.
// - The library: node_modules/@shopify/shopify-app-remix/dist/esm/server/authenticate/webhooks/authenticate.mjs
//   (401 on a bad HMAC, 400 on missing headers, 405 on non-POST, then loadSession via
//   getOfflineId → sanitizeShop, which throws on a non-Shopify domain, then JSON.parse(rawBody)).
import type { OrderSync } from "../orders/sync.server";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signedWebhookRequest, webhookHmac } from "@delay-desk/simulator/webhook-request";
import { startAppUnderTest, TEST_APP, type AppUnderTest } from "../../tests/support/app-under-test";

let app: AppUnderTest;
let db: PrismaClient;
let sync: OrderSync;

const VICTIM = "victim-shop.myshopify.com";
const ATTACKED_FROM = "captured-shop.myshopify.com";
const NEVER_INSTALLED = "never-installed.myshopify.com";

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 3, seed: 2 });
  db = (await import("../db.server")).default;
  sync = (await import("../services.server")).appServices().orderSync;
});

afterAll(async () => {
  await sync.drain();
  await db.$disconnect();
  await app.close();
});

beforeEach(async () => {
  await db.session.deleteMany();
  for (const shop of [VICTIM, ATTACKED_FROM]) {
    await db.session.create({
      data: {
        id: `offline_${shop}`,
        shop,
        state: "",
        isOnline: false,
        accessToken: "shpat_x",
        scope: "read_orders",
      },
    });
  }
});

/** A delivery whose raw body is signed with the app's secret, headers as given (route from the URL path). */
function rawDelivery(route: string, body: string, headers: Record<string, string>): Request {
  const signed = signedWebhookRequest({
    url: `${TEST_APP.appUrl}/webhooks/${route}`,
    topic: route,
    shop: VICTIM,
    payload: null,
    apiSecret: TEST_APP.apiSecret,
  });
  const all = new Headers(signed.headers);
  for (const [name, value] of Object.entries(headers)) all.set(name, value);
  all.set("X-Shopify-Hmac-Sha256", webhookHmac(body, TEST_APP.apiSecret));
  return new Request(signed.url, { method: "POST", headers: all, body });
}

async function post(route: string, request: Request): Promise<{ status: number; text: string }> {
  // The test harness picks the route module by X-Shopify-Topic; here the route is the URL's.
  const module: unknown = await import(`../routes/webhooks.${route.replace("/", ".")}.tsx`);
  if (
    typeof module !== "object" ||
    module === null ||
    !("action" in module) ||
    typeof module.action !== "function"
  )
    throw new Error(`no action for ${route}`);
  try {
    const response: unknown = await module.action({ request, params: {}, context: {} });
    if (!(response instanceof Response)) throw new Error("not a Response");
    return { status: response.status, text: await response.text() };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text() };
    throw thrown;
  }
}

const sessionsOf = (shop: string) => db.session.count({ where: { shop } });
const orderBody = JSON.stringify({
  id: 42,
  admin_graphql_api_id: "gid://shopify/Order/42",
  email: "buyer@example.com",
});

describe("the topic header is bound to the route", () => {
  it("a captured orders/updated delivery re-posted to /webhooks/app/uninstalled gets 400 and deletes nothing", async () => {
    const request = rawDelivery("app/uninstalled", orderBody, {
      "X-Shopify-Topic": "orders/updated",
      "X-Shopify-Shop-Domain": VICTIM,
    });
    const answer = await post("app/uninstalled", request);
    expect(answer).toEqual({
      status: 400,
      text: "X-Shopify-Topic does not match this route (app/uninstalled)",
    });
    expect(await sessionsOf(VICTIM)).toBe(1);
  });

  it("the same body with its topic header rewritten to app/uninstalled is refused: the body is an Order", async () => {
    const request = rawDelivery("app/uninstalled", orderBody, {
      "X-Shopify-Topic": "app/uninstalled",
      "X-Shopify-Shop-Domain": VICTIM,
    });
    expect(await post("app/uninstalled", request)).toEqual({
      status: 400,
      text: "The body is not a Shop, as app/uninstalled sends",
    });
    expect(await sessionsOf(VICTIM)).toBe(1);
  });
});

describe("the shop header is bound to the signed body", () => {
  it("an app/uninstalled body of one shop sent with another shop's header gets 400, both shops keep their sessions", async () => {
    const body = JSON.stringify({
      id: 7,
      myshopify_domain: ATTACKED_FROM,
      admin_graphql_api_id: "gid://shopify/Shop/7",
    });
    const request = rawDelivery("app/uninstalled", body, {
      "X-Shopify-Topic": "app/uninstalled",
      "X-Shopify-Shop-Domain": VICTIM,
    });
    expect(await post("app/uninstalled", request)).toEqual({
      status: 400,
      text: "The body's myshopify_domain does not match X-Shopify-Shop-Domain",
    });
    expect(await sessionsOf(VICTIM)).toBe(1);
    expect(await sessionsOf(ATTACKED_FROM)).toBe(1);
  });

  it("the genuine app/uninstalled delivery (body and header name one shop) removes that shop's sessions only", async () => {
    const body = JSON.stringify({
      id: 7,
      myshopify_domain: VICTIM,
      admin_graphql_api_id: "gid://shopify/Shop/7",
    });
    const request = rawDelivery("app/uninstalled", body, {
      "X-Shopify-Topic": "app/uninstalled",
      "X-Shopify-Shop-Domain": VICTIM,
    });
    expect((await post("app/uninstalled", request)).status).toBe(200);
    expect(await sessionsOf(VICTIM)).toBe(0);
    expect(await sessionsOf(ATTACKED_FROM)).toBe(1);
  });

  it.each(["customers/data_request", "customers/redact", "shop/redact"])(
    "%s naming another shop_domain than the header gets 400 and the shop keeps its data",
    async (topic) => {
      const body = JSON.stringify({ shop_id: 1, shop_domain: ATTACKED_FROM });
      const request = rawDelivery(topic, body, {
        "X-Shopify-Topic": topic,
        "X-Shopify-Shop-Domain": VICTIM,
      });
      expect(await post(topic, request)).toEqual({
        status: 400,
        text: "The body's shop_domain does not match X-Shopify-Shop-Domain",
      });
      expect(await sessionsOf(VICTIM)).toBe(1);
    },
  );

  it("a compliance body without shop_domain gets 400", async () => {
    const request = rawDelivery("shop/redact", JSON.stringify({ shop_id: 1 }), {
      "X-Shopify-Topic": "shop/redact",
      "X-Shopify-Shop-Domain": VICTIM,
    });
    expect(await post("shop/redact", request)).toEqual({
      status: 400,
      text: "A compliance webhook body must name its shop_domain",
    });
    expect(await sessionsOf(VICTIM)).toBe(1);
  });
});

describe("crafted inputs get a 4xx, never a 500", () => {
  it("a validly signed body that is not JSON gets 400 and records nothing", async () => {
    const request = rawDelivery("orders/create", '{"id": 42,', {
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Shop-Domain": VICTIM,
    });
    expect(await post("orders/create", request)).toEqual({
      status: 400,
      text: "Webhook body is not valid JSON",
    });
    expect(await db.webhookReceipt.count()).toBe(0);
  });

  it.each([
    "evil.example.com",
    "victim-shop.myshopify.com.evil.example",
    "../victim-shop.myshopify.com",
    "",
  ])("a shop header %j that is not a Shopify shop domain gets 400", async (shop) => {
    const request = rawDelivery("orders/create", orderBody, {
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Shop-Domain": shop,
    });
    expect(await post("orders/create", request)).toEqual({
      status: 400,
      text: "X-Shopify-Shop-Domain is missing or not a Shopify shop domain",
    });
    expect(await db.webhookReceipt.count()).toBe(0);
  });

  it("a forged signature gets 401 with a reason", async () => {
    const request = rawDelivery("orders/create", orderBody, {
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Shop-Domain": VICTIM,
    });
    const forged = new Request(request.url, {
      method: "POST",
      headers: {
        ...Object.fromEntries(request.headers),
        "x-shopify-hmac-sha256": webhookHmac(orderBody, "not-the-secret"),
      },
      body: orderBody,
    });
    expect(await post("orders/create", forged)).toEqual({
      status: 401,
      text: "X-Shopify-Hmac-Sha256 does not match the body",
    });
  });

  it("a GET gets 405", async () => {
    const request = new Request(`${TEST_APP.appUrl}/webhooks/orders/create`, {
      headers: { "X-Shopify-Topic": "orders/create", "X-Shopify-Shop-Domain": VICTIM },
    });
    expect((await post("orders/create", request)).status).toBe(405);
  });
});

describe("a shop that never installed the app", () => {
  it("gets 404 on an order webhook, and nothing is recorded or queued", async () => {
    const request = rawDelivery("orders/create", orderBody, {
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Shop-Domain": NEVER_INSTALLED,
    });
    expect(await post("orders/create", request)).toEqual({
      status: 404,
      text: "This shop has not installed the app",
    });
    await sync.drain();
    expect(await db.webhookReceipt.count({ where: { shop: NEVER_INSTALLED } })).toBe(0);
  });

  it("is still answered 200 on a compliance webhook, which Shopify sends whatever the install state", async () => {
    const request = rawDelivery(
      "customers/redact",
      JSON.stringify({
        shop_id: 9,
        shop_domain: NEVER_INSTALLED,
        customer: { id: 1 },
        orders_to_redact: [],
      }),
      {
        "X-Shopify-Topic": "customers/redact",
        "X-Shopify-Shop-Domain": NEVER_INSTALLED,
      },
    );
    expect((await post("customers/redact", request)).status).toBe(200);
  });

  it("an uninstalled shop (install record kept, sessions gone) gets 200 on an order webhook, dropped without a receipt", async () => {
    const shop = "uninstalled-install-record.myshopify.com";
    await db.shopInstall.create({ data: { shop, uninstalledAt: new Date() } });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const request = rawDelivery("orders/create", orderBody, {
        "X-Shopify-Topic": "orders/create",
        "X-Shopify-Shop-Domain": shop,
      });
      expect((await post("orders/create", request)).status).toBe(200);
      expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
        `webhook orders/create for ${shop}: no offline session (app uninstalled); dropped`,
      ]);
      expect(await db.webhookReceipt.count({ where: { shop } })).toBe(0);
    } finally {
      warn.mockRestore();
    }
  });

  it("an installed shop's order webhook goes through (the check is not a blanket refusal)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const request = rawDelivery("orders/create", orderBody, {
        "X-Shopify-Topic": "orders/create",
        "X-Shopify-Shop-Domain": VICTIM,
      });
      expect((await post("orders/create", request)).status).toBe(200);
      expect(
        await db.webhookReceipt.count({ where: { shop: VICTIM, topic: "orders/create" } }),
      ).toBe(1);
      await sync.drain();
    } finally {
      warn.mockRestore();
    }
  });
});
